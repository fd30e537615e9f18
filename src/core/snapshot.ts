/**
 * The people index as plain data: strings, typed arrays and person records, which the adapter
 * can keep (in IndexedDB, say) so that a later start restores the index instead of reading the
 * vault again, and then re-reads only the notes whose stamp changed.
 *
 * Notes are numbered in the order of `paths`. Per note, `*Start[i]..*Start[i + 1]` delimits its
 * part of `noteTargets`/`noteDests`, `entries` and `texts`. A target's person (`noteDests`) is
 * the number of the person's note, or −1. Each person's contact days and the notes linking each
 * name are kept too: a restore then gives each person only their follow-ups.
 */
import type { PersonInfo, Problem } from "./types";

/** Changes whenever the shape or the meaning of the data below changes (how notes are read, too). */
// 5: nested items take the date of a dated item above them (tenth round).
// 6: each target's name as a number in `linkerBases` (`targetBases`).
// 7: an item nests under another only when indented to where the other's text begins.
// 8: quiet notes (`unread` 2), held by the numbers of their links' names (twelfth round).
// 9: a plain item under a cancelled one (`- [-] …`) without a date of its own is no interaction.
export const SNAPSHOT_FORMAT = 9;

/** `unread` of a quiet note (`NoteRecord.quiet`): not read, kept by the numbers of its links' names, not its links. */
export const QUIET = 2;

export interface IndexSnapshot {
	format: number;
	/** What the notes were read with (settings, daily-note format…), given by the adapter. */
	key: string;
	paths: string[];
	/** Each note's `NoteRecord.stamp` (NaN when it had none). */
	stamps: Float64Array;
	/** 1 when the note was indexed from its links alone (not read); `QUIET` (2), not even those. */
	unread: Uint8Array;
	/** For each person note, its number; `persons[k]` is the person of note `personNotes[k]`. */
	personNotes: Int32Array;
	persons: PersonInfo[];
	targetNames: string[];
	/** Each target's lower-cased name (`targetBase`), as its number in `linkerBases` (−1: not there). */
	targetBases: Int32Array;
	targetStart: Int32Array;
	noteTargets: Int32Array;
	noteDests: Int32Array;
	entryStart: Float64Array;
	entries: Float64Array;
	textStart: Int32Array;
	texts: string[];
	problems: Problem[];
	/** Each person's contact days, sorted: `persons[k]`'s are `personDayStart[k]..[k + 1]`. */
	personDayStart: Int32Array;
	personDays: Float64Array;
	/** The notes linking each name (see `linkers`): `linkerBases[k]`'s are `linkerStart[k]..[k + 1]`. */
	linkerBases: string[];
	linkerStart: Int32Array;
	linkerNotes: Int32Array;
	/** Each quiet note's numbers of its links' names (`NoteRecord.quiet`): `quietStart[i]..[i + 1]` of `quietNames`. */
	quietStart: Int32Array;
	quietNames: Int32Array;
	/** The people's names in due-list order (`NameOrder.export`), 1 in `nameTied` where a name equals the one before. */
	nameOrder: string[];
	nameTied: Uint8Array;
}

export class SnapshotError extends Error {}

/** The index changed while a snapshot of it was being written: start again later. */
export class SnapshotStale extends Error {}

/** A snapshot written a few notes at a time, so that the caller can yield in between. */
export interface SnapshotJob {
	/**
	 * Writes up to `max` more notes; returns the snapshot once all are written, else `null`.
	 * Throws `SnapshotStale` when the index changed since the job began.
	 */
	step(max: number): IndexSnapshot | null;
}

function check(ok: boolean, what: string): void {
	if (!ok) throw new SnapshotError(`index snapshot is damaged: ${what}`);
}

/**
 * A check of every element of a list, one range at a time: throws `SnapshotError` at a bad one.
 * Each kind below loops on its own (a call per element cost four times the loop, on L).
 */
interface Scan {
	length: number;
	run(from: number, to: number): void;
}

/** A check by `ok` (an element that takes more than a comparison: the notes' marks, the people, the problems). */
function scan(length: number, ok: (i: number) => boolean, what: string): Scan {
	return {
		length,
		run: (from, to) => {
			for (let i = from; i < to; i++) if (!ok(i)) check(false, what);
		},
	};
}

/** `starts` delimit `notes` runs that end at `end` (checked at once), each run not reversed (a scan). */
function ascending(starts: Int32Array | Float64Array, notes: number, end: number, what: string): Scan {
	check(starts.length === notes + 1 && starts[0] === 0 && starts[notes] === end, what);
	return {
		length: notes,
		run: (from, to) => {
			// Written so that NaN fails too.
			for (let i = from; i < to; i++) if (!((starts[i] as number) <= (starts[i + 1] as number))) check(false, what);
		},
	};
}

/** Every value in [`min`, `end`). */
function within(values: Int32Array, min: number, end: number, what: string): Scan {
	return {
		length: values.length,
		run: (from, to) => {
			for (let i = from; i < to; i++) {
				const v = values[i] as number;
				if (v < min || v >= end) check(false, what);
			}
		},
	};
}

function strings(list: readonly unknown[]): Scan {
	return {
		length: list.length,
		run: (from, to) => {
			for (let i = from; i < to; i++) if (typeof list[i] !== "string") check(false, "text that is not text");
		},
	};
}

function finite(values: Float64Array, what: string): Scan {
	return {
		length: values.length,
		run: (from, to) => {
			for (let i = from; i < to; i++) if (!Number.isFinite(values[i])) check(false, what);
		},
	};
}

/** A check of a snapshot under way: `step(max)` looks at up to `max` more elements. */
export interface CheckJob {
	/** The snapshot once every element was looked at, else `null`; throws `SnapshotError` at a bad one. */
	step(max: number): IndexSnapshot | null;
}

/**
 * Checks that a snapshot (from storage: anything) is whole and consistent, for `key`, a range of
 * elements at a time (a vault of 200,000 notes has millions): its shape at once, every element
 * in `step`s. Throws `SnapshotError` at the first fault. Once done, a restore cannot read out of
 * bounds.
 */
export function checkJob(value: unknown, key: string): CheckJob {
	check(typeof value === "object" && value !== null, "not an object");
	const s = value as IndexSnapshot;
	check(s.format === SNAPSHOT_FORMAT, "another format");
	check(s.key === key, "made with other settings");
	check(Array.isArray(s.paths) && Array.isArray(s.persons) && Array.isArray(s.targetNames) && Array.isArray(s.texts) && Array.isArray(s.problems), "lists missing");
	check(s.stamps instanceof Float64Array && s.unread instanceof Uint8Array && s.personNotes instanceof Int32Array, "note arrays missing");
	check(s.targetStart instanceof Int32Array && s.noteTargets instanceof Int32Array && s.noteDests instanceof Int32Array, "target arrays missing");
	check(s.entryStart instanceof Float64Array && s.entries instanceof Float64Array && s.textStart instanceof Int32Array, "entry arrays missing");
	const n = s.paths.length;
	check(s.stamps.length === n && s.unread.length === n && s.personNotes.length === s.persons.length, "note counts differ");
	check(s.noteTargets.length === s.noteDests.length, "target counts differ");
	check(s.personDayStart instanceof Int32Array && s.personDays instanceof Float64Array, "bad days");
	check(Array.isArray(s.linkerBases) && s.linkerStart instanceof Int32Array && s.linkerNotes instanceof Int32Array, "bad linkers");
	check(Array.isArray(s.nameOrder) && s.nameTied instanceof Uint8Array && s.nameTied.length === s.nameOrder.length, "bad name order");
	check(s.targetBases instanceof Int32Array && s.targetBases.length === s.targetNames.length, "bad target name");
	check(s.quietStart instanceof Int32Array && s.quietNames instanceof Int32Array, "bad quiet notes");
	const { unread, targetStart, quietStart, personNotes, persons, problems } = s;
	const scans: Scan[] = [
		ascending(targetStart, n, s.noteTargets.length, "bad offsets"),
		ascending(s.entryStart, n, s.entries.length, "bad offsets"),
		ascending(s.textStart, n, s.texts.length, "bad offsets"),
		ascending(s.personDayStart, persons.length, s.personDays.length, "bad days"),
		ascending(s.linkerStart, s.linkerBases.length, s.linkerNotes.length, "bad linkers"),
		strings(s.paths),
		strings(s.targetNames),
		strings(s.texts),
		strings(s.linkerBases),
		strings(s.nameOrder),
		finite(s.personDays, "a contact day that is no day"),
		within(s.noteTargets, 0, s.targetNames.length, "bad target number"),
		within(s.targetBases, -1, s.linkerBases.length, "bad target name"),
		within(s.noteDests, -1, n, "bad person number"),
		ascending(quietStart, n, s.quietNames.length, "bad quiet notes"),
		scan(n, (i) => {
			const quiet = unread[i] === QUIET;
			return (unread[i] as number) <= QUIET && (!quiet || targetStart[i] === targetStart[i + 1]) && (quiet || quietStart[i] === quietStart[i + 1]);
		}, "bad unread note"),
		within(s.linkerNotes, 0, n, "bad linking note"),
		// Ascending, and each a note.
		scan(personNotes.length, (k) => {
			const note = personNotes[k] as number;
			return note < n && (k === 0 ? note >= 0 : note > (personNotes[k - 1] as number));
		}, "bad person note"),
		scan(persons.length, (k) => {
			const p = persons[k];
			return typeof p === "object" && p !== null && typeof p.name === "string" && typeof p.path === "string" && Array.isArray(p.tags);
		}, "bad person"),
		scan(problems.length, (k) => {
			const p = problems[k];
			return typeof p === "object" && p !== null && typeof p.path === "string" && typeof p.message === "string";
		}, "bad problem"),
	];
	let at = 0;
	let from = 0;
	return {
		step: (max) => {
			// Nothing for a budget that is none (NaN, negative): never a scan skipped or run backwards.
			let budget = max > 0 ? max : 0;
			while (at < scans.length) {
				const current = scans[at] as Scan;
				const to = Math.min(current.length, from + budget);
				current.run(from, to);
				budget -= to - from;
				if (to < current.length) {
					from = to;
					return null;
				}
				at++;
				from = 0;
			}
			return s;
		},
	};
}
