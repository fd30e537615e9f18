/**
 * Writes the people index into a snapshot (`core/snapshot`), a few units at a time: notes and
 * names are listed and counted, then written (notes, each person's days, the linkers of each
 * name). Arrays are allocated at their final size once counted, so that no step ever converts
 * or copies the whole.
 */
import type { IndexTables, NoteFacts } from "./index-state";
import type { Linkers, Target } from "./linkers";
import { newPerson, type PersonState, sortedDays } from "./person-state";
import { forEachTarget, targetCount } from "./restored-facts";
import { type IndexSnapshot, QUIET, SNAPSHOT_FORMAT, type SnapshotJob, SnapshotStale } from "./snapshot";
import type { PersonInfo, Problem } from "./types";

/** What the counting steps learn: how many of each there are, so that arrays come at their size. */
interface Counts {
	notes: NoteFacts[];
	personFacts: NoteFacts[];
	linked: Array<[string, Linkers]>;
	/** Each name of `linked` by its number there. */
	bases: Map<string, number>;
	targets: number;
	entries: number;
	days: number;
	linkers: number;
}

/**
 * Lists and counts what the snapshot will hold, up to `max` units a call; true once done.
 * (Listing 200,000 notes in one go is a slice of hundreds of milliseconds.)
 */
function countingJob(t: IndexTables, c: Counts): (max: number) => boolean {
	const notes = t.notes.values();
	const linked = t.linkers.entries();
	let notesDone = false;
	return (max) => {
		let budget = max;
		while (!notesDone && budget-- > 0) {
			const next = notes.next();
			if (next.done === true) {
				notesDone = true;
				break;
			}
			const facts = next.value;
			c.targets += targetCount(facts);
			c.entries += facts.entries.length;
			if (facts.person) {
				const state = t.people.get(facts.path);
				if (state) state.slot = c.notes.length;
				c.personFacts.push(facts);
				c.days += state?.days.length ?? 0;
			}
			c.notes.push(facts);
		}
		while (notesDone && budget-- > 0) {
			const next = linked.next();
			if (next.done === true) return true;
			const paths = next.value[1];
			c.linkers += Array.isArray(paths) ? paths.length : paths.size;
			c.bases.set(next.value[0], c.linked.push(next.value) - 1);
		}
		return false;
	};
}

const NO_NAMES: ArrayLike<number> = [];

export function exportJob(t: IndexTables, key: string): SnapshotJob {
	const version = t.version();
	const counts: Counts = { notes: [], personFacts: [], linked: [], bases: new Map(), targets: 0, entries: 0, days: 0, linkers: 0 };
	const count = countingJob(t, counts);
	let write: ((max: number) => IndexSnapshot | null) | null = null;
	return {
		step: (max) => {
			if (t.version() !== version) throw new SnapshotStale("the index changed");
			if (write === null) {
				if (!count(max)) return null;
				write = writingJob(t, key, counts);
			}
			return write(max);
		},
	};
}

/** Writes the counted notes, days and linkers into arrays of their final size, `max` units a call. */
function writingJob(t: IndexTables, key: string, c: Counts): (max: number) => IndexSnapshot | null {
	const { notes, personFacts, linked } = c;
	const n = notes.length;
	const paths = new Array<string>(n);
	const stamps = new Float64Array(n);
	const unread = new Uint8Array(n);
	const personNotes = new Int32Array(personFacts.length);
	const persons: PersonInfo[] = [];
	const targetNames: string[] = [];
	const targetBases: number[] = [];
	const targetIds = new Map<string, number>();
	const targetStart = new Int32Array(n + 1);
	const noteTargets = new Int32Array(c.targets);
	const noteDests = new Int32Array(c.targets);
	const entryStart = new Float64Array(n + 1);
	const entries = new Float64Array(c.entries);
	const textStart = new Int32Array(n + 1);
	const texts: string[] = [];
	const problems: Problem[] = [];
	const personDayStart = new Int32Array(personFacts.length + 1);
	const personDays = new Float64Array(c.days);
	const linkerBases: string[] = [];
	const linkerStart = new Int32Array(linked.length + 1);
	const linkerNotes = new Int32Array(c.linkers);
	const numbers = new Map<string, number>();
	const quietStart = new Int32Array(n + 1);
	const quietNames: number[] = [];

	let at = 0;
	let target = 0;
	let entry = 0;
	let person = 0;
	let day = 0;
	let base = 0;
	let linker = 0;

	const writeTarget = (t: Target, dest: PersonState | null): void => {
		let id = targetIds.get(t.name);
		if (id === undefined) {
			id = targetNames.push(t.name) - 1;
			targetBases.push(c.bases.get(t.base) ?? -1);
			targetIds.set(t.name, id);
		}
		noteTargets[target] = id;
		noteDests[target++] = dest !== null && dest.live ? dest.slot : -1;
	};

	const writeNote = (facts: NoteFacts): void => {
		paths[at] = facts.path;
		numbers.set(facts.path, at);
		stamps[at] = facts.stamp;
		unread[at] = facts.quiet ? QUIET : facts.unread ? 1 : 0;
		const quiet = facts.quiet ?? NO_NAMES;
		for (let i = 0; i < quiet.length; i++) quietNames.push(quiet[i] ?? 0);
		quietStart[at + 1] = quietNames.length;
		if (facts.person) {
			personNotes[persons.length] = at;
			persons.push(facts.person);
		}
		forEachTarget(facts, writeTarget);
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

	return (max) => {
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
		// The names' order goes too: sorting them again is most of a first due list's work.
		const order = t.names.export(new Set(persons.map((p) => p.name)));
		return {
			format: SNAPSHOT_FORMAT,
			key,
			paths,
			stamps,
			unread,
			personNotes,
			persons,
			targetNames,
			targetBases: Int32Array.from(targetBases),
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
			quietStart,
			quietNames: Int32Array.from(quietNames),
			nameOrder: order.names,
			nameTied: order.tied,
		} satisfies IndexSnapshot;
	};
}
