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

/** Changes whenever the shape or the meaning of the data below changes. */
export const SNAPSHOT_FORMAT = 2;

export interface IndexSnapshot {
	format: number;
	/** What the notes were read with (settings, daily-note format…), given by the adapter. */
	key: string;
	paths: string[];
	/** Each note's `NoteRecord.stamp` (NaN when it had none). */
	stamps: Float64Array;
	/** 1 when the note was indexed from its links alone (not read). */
	unread: Uint8Array;
	/** For each person note, its number; `persons[k]` is the person of note `personNotes[k]`. */
	personNotes: Int32Array;
	persons: PersonInfo[];
	targetNames: string[];
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

/** A snapshot being written: notes are added in order, with what the index keeps of each. */
export class SnapshotWriter {
	private readonly paths: string[] = [];
	private readonly stamps: number[] = [];
	private readonly unread: number[] = [];
	private readonly personNotes: number[] = [];
	private readonly persons: PersonInfo[] = [];
	private readonly targetNames: string[] = [];
	private readonly targetIds = new Map<string, number>();
	private readonly targetStart: number[] = [0];
	private readonly noteTargets: number[] = [];
	private readonly noteDests: number[] = [];
	private readonly entryStart: number[] = [0];
	private readonly entries: number[] = [];
	private readonly textStart: number[] = [0];
	private readonly texts: string[] = [];
	private readonly problems: Problem[] = [];
	private readonly personDayStart: number[] = [0];
	private readonly personDays: number[] = [];
	private readonly linkerBases: string[] = [];
	private readonly linkerStart: number[] = [0];
	private readonly linkerNotes: number[] = [];

	/** Adds the next person's days (persons in the order of their notes), sorted. */
	addDays(days: readonly number[]): void {
		for (let i = 0; i < days.length; i++) this.personDays.push(days[i] ?? 0);
		this.personDayStart.push(this.personDays.length);
	}

	/** Adds the notes (by number) that link a name. */
	addLinkers(base: string, notes: readonly number[]): void {
		this.linkerBases.push(base);
		for (const n of notes) this.linkerNotes.push(n);
		this.linkerStart.push(this.linkerNotes.length);
	}

	/** Adds a note; `dests[i]` is the number of the note of its i-th target's person, or −1. */
	add(note: { path: string; stamp: number; unread: boolean; person: PersonInfo | null; targets: readonly { name: string }[]; dests: readonly number[]; entries: ArrayLike<number>; texts: readonly string[]; problems: readonly Problem[] }): void {
		const at = this.paths.length;
		this.paths.push(note.path);
		this.stamps.push(note.stamp);
		this.unread.push(note.unread ? 1 : 0);
		if (note.person) {
			this.personNotes.push(at);
			this.persons.push(note.person);
		}
		for (let i = 0; i < note.targets.length; i++) {
			const name = note.targets[i]?.name ?? "";
			let id = this.targetIds.get(name);
			if (id === undefined) {
				id = this.targetNames.push(name) - 1;
				this.targetIds.set(name, id);
			}
			this.noteTargets.push(id);
			this.noteDests.push(note.dests[i] ?? -1);
		}
		this.targetStart.push(this.noteTargets.length);
		for (let i = 0; i < note.entries.length; i++) this.entries.push(note.entries[i] ?? 0);
		this.entryStart.push(this.entries.length);
		for (const t of note.texts) this.texts.push(t);
		this.textStart.push(this.texts.length);
		for (const p of note.problems) this.problems.push(p);
	}

	finish(key: string): IndexSnapshot {
		return {
			format: SNAPSHOT_FORMAT,
			key,
			paths: this.paths,
			stamps: Float64Array.from(this.stamps),
			unread: Uint8Array.from(this.unread),
			personNotes: Int32Array.from(this.personNotes),
			persons: this.persons,
			targetNames: this.targetNames,
			targetStart: Int32Array.from(this.targetStart),
			noteTargets: Int32Array.from(this.noteTargets),
			noteDests: Int32Array.from(this.noteDests),
			entryStart: Float64Array.from(this.entryStart),
			entries: Float64Array.from(this.entries),
			textStart: Int32Array.from(this.textStart),
			texts: this.texts,
			problems: this.problems,
			personDayStart: Int32Array.from(this.personDayStart),
			personDays: Float64Array.from(this.personDays),
			linkerBases: this.linkerBases,
			linkerStart: Int32Array.from(this.linkerStart),
			linkerNotes: Int32Array.from(this.linkerNotes),
		};
	}
}

function check(ok: boolean, what: string): void {
	if (!ok) throw new SnapshotError(`index snapshot is damaged: ${what}`);
}

function ascending(starts: ArrayLike<number>, notes: number, end: number): boolean {
	if (starts.length !== notes + 1 || starts[0] !== 0 || starts[notes] !== end) return false;
	for (let i = 0; i < notes; i++) if (!((starts[i] ?? 0) <= (starts[i + 1] ?? 0))) return false;
	return true;
}

/**
 * Checks that a snapshot (from storage: anything) is whole and consistent, for `key`; throws
 * `SnapshotError` otherwise. After it, a restore cannot read out of bounds.
 */
export function checkSnapshot(value: unknown, key: string): IndexSnapshot {
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
	check(ascending(s.targetStart, n, s.noteTargets.length) && ascending(s.entryStart, n, s.entries.length) && ascending(s.textStart, n, s.texts.length), "bad offsets");
	check(s.personDayStart instanceof Int32Array && s.personDays instanceof Float64Array && ascending(s.personDayStart, s.persons.length, s.personDays.length), "bad days");
	check(Array.isArray(s.linkerBases) && s.linkerStart instanceof Int32Array && s.linkerNotes instanceof Int32Array && ascending(s.linkerStart, s.linkerBases.length, s.linkerNotes.length), "bad linkers");
	for (const b of s.linkerBases) check(typeof b === "string", "bad linked name");
	for (const k of s.linkerNotes) check(k >= 0 && k < n, "bad linking note");
	for (const p of s.paths) check(typeof p === "string", "bad path");
	for (const t of s.targetNames) check(typeof t === "string", "bad target");
	for (const t of s.texts) check(typeof t === "string", "bad text");
	for (const id of s.noteTargets) check(id >= 0 && id < s.targetNames.length, "bad target number");
	for (const d of s.noteDests) check(d >= -1 && d < n, "bad person number");
	let last = -1;
	for (const k of s.personNotes) {
		check(k > last && k < n, "bad person note");
		last = k;
	}
	for (const p of s.persons) check(typeof p === "object" && p !== null && typeof p.name === "string" && typeof p.path === "string" && Array.isArray(p.tags), "bad person");
	for (const p of s.problems) check(typeof p === "object" && p !== null && typeof p.path === "string" && typeof p.message === "string", "bad problem");
	return s;
}
