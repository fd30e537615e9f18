/**
 * Fills an empty people index from a checked snapshot (`core/snapshot`), a few units at a time:
 * link targets, people with their days, then notes, then the linkers of each name. Nothing is read or
 * resolved again; people get back only their follow-ups from the notes (their days are saved).
 */
import { type IndexTables, NO_DESTS, NO_NUMBERS, NO_PROBLEMS, NO_TARGETS, NO_TEXTS, type NoteFacts } from "./index-state";
import type { Target } from "./linkers";
import { newPerson, type PersonState, primeWindow } from "./person-state";
import { targetBase } from "./resolver";
import type { IndexSnapshot } from "./snapshot";
import type { PersonInfo, Problem } from "./types";

/** A restore in progress: `step(max)` does up to `max` more units and says whether it is done. */
export interface RestoreJob {
	step(max: number): boolean;
}

export function restoreJob(t: IndexTables, snap: IndexSnapshot): RestoreJob {
	const n = snap.paths.length;
	const targets = new Array<Target>(snap.targetNames.length);
	let target = 0;
	const restoreTarget = (k: number): void => {
		// Strings from storage are fresh and flat: no need to copy them out of anything.
		const name = snap.targetNames[k] ?? "";
		const made: Target = { name, base: targetBase(name), dest: null, epoch: -1 };
		t.targetTable.set(name, made);
		targets[k] = made;
	};
	const people: Array<PersonState | null> = new Array<PersonState | null>(n).fill(null);
	const problems = new Map<string, Problem[]>();
	for (const p of snap.problems) {
		const list = problems.get(p.path);
		if (list) list.push(p);
		else problems.set(p.path, [p]);
	}
	let person = 0;
	let at = 0;
	let base = 0;
	// Before the people's names are added: the order they were in (checked, else sorted afresh).
	t.names.adopt(snap.nameOrder, snap.nameTied);

	const restorePerson = (k: number): void => {
		const note = snap.personNotes[k] ?? 0;
		const info = snap.persons[k] as PersonInfo;
		const state = newPerson(info);
		const from = snap.personDayStart[k] ?? 0;
		const to = snap.personDayStart[k + 1] ?? 0;
		const days = new Array<number>(to - from);
		for (let d = from; d < to; d++) days[d - from] = snap.personDays[d] ?? 0;
		state.days = days;
		// Written sorted; checked, since a damaged snapshot must not break the search.
		for (let d = 1; d < days.length && state.sorted; d++) state.sorted = (days[d - 1] ?? 0) <= (days[d] ?? 0);
		primeWindow(state);
		people[note] = state;
		t.people.set(snap.paths[note] ?? "", state);
		t.cards.add(state);
		t.names.add(info.name);
	};

	const restoreNote = (i: number): void => {
		const path = snap.paths[i] ?? "";
		const t0 = snap.targetStart[i] ?? 0;
		const count = (snap.targetStart[i + 1] ?? 0) - t0;
		const noteTargets: Target[] = count === 0 ? NO_TARGETS : new Array<Target>(count);
		const noteDests: Array<PersonState | null> = count === 0 ? NO_DESTS : new Array<PersonState | null>(count);
		let anyone = false;
		for (let k = 0; k < count; k++) {
			noteTargets[k] = targets[snap.noteTargets[t0 + k] ?? 0] as Target;
			const d = snap.noteDests[t0 + k] ?? -1;
			const dest = d >= 0 ? (people[d] ?? null) : null;
			noteDests[k] = dest;
			if (dest !== null) anyone = true;
		}
		const e0 = snap.entryStart[i] ?? 0;
		const e1 = snap.entryStart[i + 1] ?? 0;
		// A view, not a copy: the snapshot's entries stay in one buffer.
		const entries = e1 > e0 ? snap.entries.subarray(e0, e1) : NO_NUMBERS;
		const x0 = snap.textStart[i] ?? 0;
		const x1 = snap.textStart[i + 1] ?? 0;
		const facts: NoteFacts = {
			path,
			// A note is a person here only when the snapshot listed it as one.
			person: people[i]?.info ?? null,
			targets: noteTargets,
			entries,
			texts: x1 > x0 ? snap.texts.slice(x0, x1) : NO_TEXTS,
			problems: problems.get(path) ?? NO_PROBLEMS,
			unread: snap.unread[i] === 1,
			dests: anyone ? noteDests : NO_DESTS,
			own: null,
			deferred: false,
			stamp: snap.stamps[i] ?? NaN,
		};
		t.notes.set(path, facts);
		t.resolver.add(path);
		t.creditFollowups(facts, anyone);
	};

	const restoreLinkers = (k: number): void => {
		const from = snap.linkerStart[k] ?? 0;
		const to = snap.linkerStart[k + 1] ?? 0;
		if (to === from) return;
		const paths = new Array<string>(to - from);
		for (let i = from; i < to; i++) paths[i - from] = snap.paths[snap.linkerNotes[i] ?? 0] ?? "";
		t.linkers.set(snap.linkerBases[k] ?? "", paths);
	};

	return {
		step: (max) => {
			let budget = max;
			while (budget-- > 0) {
				if (target < targets.length) restoreTarget(target++);
				else if (person < snap.persons.length) restorePerson(person++);
				else if (at < n) restoreNote(at++);
				else if (base < snap.linkerBases.length) restoreLinkers(base++);
				else break;
			}
			const done = person >= snap.persons.length && at >= n && base >= snap.linkerBases.length;
			if (done) {
				t.newEpoch();
				// The names ranked (in the order the snapshot kept) for the first due list. The cards
				// were made one after the other, people first: no need to pack them.
				t.rankCards();
			}
			return done;
		},
	};
}
