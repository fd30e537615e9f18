/**
 * Fills an empty people index from a checked snapshot (`core/snapshot`), a few units at a time:
 * link targets, people with their days, then notes, then the linkers of each name. Nothing is read or
 * resolved again; people get back only their follow-ups from the notes (their days are saved).
 */
import { type IndexTables, NO_PROBLEMS, NO_TEXTS } from "./index-state";
import type { Target } from "./linkers";
import { newPerson, type PersonState, primeWindow } from "./person-state";
import { linksAnyone, RestoredFacts, type RestoredFields, type TargetColumns } from "./restored-facts";
import { isTargetBase, targetBase } from "./link-names";
import { checkJob, type IndexSnapshot } from "./snapshot";
import type { PersonInfo, Problem } from "./types";

/** A restore in progress: `step(max)` does up to `max` more units and says whether it is done. */
export interface RestoreJob {
	step(max: number): boolean;
}

/** Elements of a snapshot checked per unit of a restore's step (a unit restores a note or so). */
const CHECKED_PER_UNIT = 256;

/**
 * A restore that checks the snapshot first (`checkJob`: its shape now, which throws when it is
 * wrong; its elements in the first steps, `CHECKED_PER_UNIT` per unit), then restores it with
 * the job `begin` makes. A step throws `SnapshotError` at a fault.
 */
export function checkedRestore(value: unknown, key: string, begin: (snap: IndexSnapshot) => RestoreJob): RestoreJob {
	const checking = checkJob(value, key);
	let restoring: RestoreJob | null = null;
	return {
		step: (max) => {
			if (restoring) return restoring.step(max);
			const snap = checking.step(max * CHECKED_PER_UNIT);
			// Begun, not stepped: the check's last elements and the restore's first units together
			// would make a step twice as long as the others.
			if (snap) restoring = begin(snap);
			return false;
		},
	};
}

export function restoreJob(t: IndexTables, snap: IndexSnapshot): RestoreJob {
	const n = snap.paths.length;
	const targets = new Array<Target>(snap.targetNames.length);
	let target = 0;
	const restoreTarget = (k: number): void => {
		// Strings from storage are fresh and flat: no need to copy them out of anything.
		const name = snap.targetNames[k] ?? "";
		// The name's base is the linkers' own string (one per name, as `NoteLinks.target` keeps
		// them), when it is the name's: a damaged store must not file the target under another.
		const kept = snap.linkerBases[snap.targetBases[k] ?? -1];
		const made: Target = { name, base: kept !== undefined && isTargetBase(name, kept) ? kept : targetBase(name), dest: null, epoch: -1 };
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
		// A view: the days become the person's own array when they first change.
		const days = snap.personDays.subarray(from, to);
		state.days = days;
		// Written sorted; checked, since a damaged snapshot must not break the search.
		for (let d = 1; d < days.length && state.sorted; d++) state.sorted = (days[d - 1] ?? 0) <= (days[d] ?? 0);
		primeWindow(state);
		people[note] = state;
		t.people.set(snap.paths[note] ?? "", state);
		t.cards.add(state);
		t.names.add(info.name);
	};

	// Targets and their people stay in the snapshot's columns until a note's are read (`RestoredFacts`).
	const quiet = { start: snap.quietStart, names: snap.quietNames, unread: snap.unread };
	// Entries too, as views made when a note's are first asked for: the snapshot's stay in one buffer.
	const entries = { start: snap.entryStart, values: snap.entries };
	const cols: TargetColumns = { targets, people, start: snap.targetStart, noteTargets: snap.noteTargets, noteDests: snap.noteDests, quiet, entries };
	// One object for every note's fields (each note keeps the values, not the object): 50,000 fewer on M.
	const fields: RestoredFields = { person: null, texts: NO_TEXTS, problems: NO_PROBLEMS, unread: false, stamp: NaN };
	const restoreNote = (i: number): void => {
		const path = snap.paths[i] ?? "";
		const anyone = linksAnyone(cols, i);
		const x0 = snap.textStart[i] ?? 0;
		const x1 = snap.textStart[i + 1] ?? 0;
		// A note is a person here only when the snapshot listed it as one.
		fields.person = people[i]?.info ?? null;
		fields.texts = x1 > x0 ? snap.texts.slice(x0, x1) : NO_TEXTS;
		fields.problems = problems.get(path) ?? NO_PROBLEMS;
		fields.unread = snap.unread[i] !== 0;
		fields.stamp = snap.stamps[i] ?? NaN;
		const facts = new RestoredFacts(path, cols, i, anyone, fields);
		t.notes.set(path, facts);
		t.resolver.add(path);
		t.creditFollowups(facts, anyone);
	};

	// Adopted as runs: a name's list is made when the name is first asked about.
	const runs = { bases: snap.linkerBases, start: snap.linkerStart, notes: snap.linkerNotes, paths: snap.paths };
	const restoreLinkers = (k: number): void => t.linkers.adopt(runs, k);

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
