/**
 * Writes the people index into a snapshot (`core/snapshot`), a few units at a time: notes, then
 * each person's days, then the linkers of each name. Arrays are allocated at their final size
 * up front, so that no step ever converts or copies the whole.
 */
import type { IndexTables, NoteFacts } from "./index-state";
import { newPerson, type PersonState, sortedDays } from "./person-state";
import { type IndexSnapshot, SNAPSHOT_FORMAT, type SnapshotJob, SnapshotStale } from "./snapshot";
import type { PersonInfo, Problem } from "./types";

export function exportJob(t: IndexTables, key: string): SnapshotJob {
	const version = t.version();
	const notes = [...t.notes.values()];
	const n = notes.length;
	const personFacts: NoteFacts[] = [];
	let targetCount = 0;
	let entryCount = 0;
	let dayCount = 0;
	for (let i = 0; i < n; i++) {
		const facts = notes[i] as NoteFacts;
		targetCount += facts.targets.length;
		entryCount += facts.entries.length;
		if (facts.person) {
			const state = t.people.get(facts.path);
			if (state) state.slot = i;
			personFacts.push(facts);
			dayCount += state?.days.length ?? 0;
		}
	}
	const linked = [...t.linkers];
	let linkerCount = 0;
	for (const [, paths] of linked) linkerCount += Array.isArray(paths) ? paths.length : paths.size;

	const paths = new Array<string>(n);
	const stamps = new Float64Array(n);
	const unread = new Uint8Array(n);
	const personNotes = new Int32Array(personFacts.length);
	const persons: PersonInfo[] = [];
	const targetNames: string[] = [];
	const targetIds = new Map<string, number>();
	const targetStart = new Int32Array(n + 1);
	const noteTargets = new Int32Array(targetCount);
	const noteDests = new Int32Array(targetCount);
	const entryStart = new Float64Array(n + 1);
	const entries = new Float64Array(entryCount);
	const textStart = new Int32Array(n + 1);
	const texts: string[] = [];
	const problems: Problem[] = [];
	const personDayStart = new Int32Array(personFacts.length + 1);
	const personDays = new Float64Array(dayCount);
	const linkerBases: string[] = [];
	const linkerStart = new Int32Array(linked.length + 1);
	const linkerNotes = new Int32Array(linkerCount);
	const numbers = new Map<string, number>();

	let at = 0;
	let target = 0;
	let entry = 0;
	let person = 0;
	let day = 0;
	let base = 0;
	let linker = 0;

	const writeNote = (facts: NoteFacts): void => {
		paths[at] = facts.path;
		numbers.set(facts.path, at);
		stamps[at] = facts.stamp;
		unread[at] = facts.unread ? 1 : 0;
		if (facts.person) {
			personNotes[persons.length] = at;
			persons.push(facts.person);
		}
		for (let i = 0; i < facts.targets.length; i++) {
			const name = facts.targets[i]?.name ?? "";
			let id = targetIds.get(name);
			if (id === undefined) {
				id = targetNames.push(name) - 1;
				targetIds.set(name, id);
			}
			noteTargets[target] = id;
			const dest = facts.dests?.[i] ?? null;
			noteDests[target++] = dest !== null && dest.live ? dest.slot : -1;
		}
		targetStart[at + 1] = target;
		entries.set(facts.entries, entry);
		entry += facts.entries.length;
		entryStart[at + 1] = entry;
		for (const text of facts.texts) texts.push(text);
		textStart[at + 1] = texts.length;
		for (const p of facts.problems) problems.push(p);
		at++;
	};

	const writeDays = (facts: NoteFacts): void => {
		const state: PersonState = t.people.get(facts.path) ?? newPerson(facts.person as PersonInfo);
		const days = sortedDays(state);
		for (let i = 0; i < days.length && day < personDays.length; i++) personDays[day++] = days[i] ?? 0;
		personDayStart[++person] = day;
	};

	const writeLinkers = (name: string, linking: Iterable<string>): void => {
		linkerBases.push(name);
		for (const path of linking) {
			const k = numbers.get(path);
			if (k !== undefined && linker < linkerNotes.length) linkerNotes[linker++] = k;
		}
		linkerStart[++base] = linker;
	};

	return {
		step: (max) => {
			if (t.version() !== version) throw new SnapshotStale("the index changed");
			let budget = max;
			while (budget-- > 0) {
				if (at < n) writeNote(notes[at] as NoteFacts);
				else if (person < personFacts.length) writeDays(personFacts[person] as NoteFacts);
				else if (base < linked.length) {
					const [name, linking] = linked[base] as [string, Iterable<string>];
					writeLinkers(name, linking);
				} else break;
			}
			if (at < n || person < personFacts.length || base < linked.length) return null;
			return {
				format: SNAPSHOT_FORMAT,
				key,
				paths,
				stamps,
				unread,
				personNotes,
				persons,
				targetNames,
				targetStart,
				noteTargets,
				noteDests,
				entryStart,
				entries,
				textStart,
				texts,
				problems,
				personDayStart,
				personDays,
				linkerBases,
				linkerStart,
				linkerNotes: linker === linkerNotes.length ? linkerNotes : linkerNotes.slice(0, linker),
			} satisfies IndexSnapshot;
		},
	};
}
