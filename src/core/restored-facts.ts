/**
 * A note as a restore (`snapshot-restore`) gives it: its link targets and their people stay in
 * the snapshot's columns, shared by every restored note, and become the note's own arrays only
 * when something first reads them (an edit, a rename, a follow-up to give). A start restores
 * ~550,000 targets on M; most notes are never asked about before the next save, which writes
 * them from the columns too.
 */
import { QUIET } from "./snapshot";
import { NO_DESTS, NO_NUMBERS, type NoteFacts } from "./index-state";
import type { Target } from "./linkers";
import type { PersonState } from "./person-state";
import type { PersonInfo, Problem } from "./types";

/** The snapshot's columns, as a restore holds them (`IndexSnapshot`: `targetStart`, `noteTargets`, `noteDests`). */
export interface TargetColumns {
	/** Restored targets by their number in the snapshot. */
	targets: readonly Target[];
	/** Restored people by their note's number (`null`: that note is nobody). */
	people: ReadonlyArray<PersonState | null>;
	start: ArrayLike<number>;
	noteTargets: ArrayLike<number>;
	noteDests: ArrayLike<number>;
	/** The quiet notes' names (`IndexSnapshot.quietStart`, `quietNames`), by the notes' numbers. */
	quiet?: { start: Int32Array; names: Int32Array; unread: Uint8Array };
	/** The notes' entries (`IndexSnapshot.entryStart`, `entries`), by the notes' numbers. */
	entries?: { start: Float64Array; values: Float64Array };
}

/** What a restore gives a note besides its columns; `entries` left out: read from the columns when first asked for. */
export type RestoredFields = Pick<NoteFacts, "person" | "texts" | "problems" | "unread" | "stamp"> & { entries?: ArrayLike<number> };

/** The person of the `k`th target in the columns (`null`: none). */
function personAt(cols: TargetColumns, k: number): PersonState | null {
	const d = cols.noteDests[k] ?? -1;
	return d >= 0 ? (cols.people[d] ?? null) : null;
}

/** Whether a target of the note numbered `i` has a person. */
export function linksAnyone(cols: TargetColumns, i: number): boolean {
	const to = cols.start[i + 1] ?? 0;
	for (let k = cols.start[i] ?? 0; k < to; k++) if (personAt(cols, k) !== null) return true;
	return false;
}

export class RestoredFacts implements NoteFacts {
	person: PersonInfo | null;
	texts: string[];
	problems: Problem[];
	unread: boolean;
	own: PersonState | null = null;
	deferred = false;
	stamp: number;
	/** The note's own arrays once read (`undefined` until then). */
	private ownTargets: Target[] | undefined = undefined;
	private ownDests: Array<PersonState | null> | null | undefined;
	/** The note's entries once asked for or set (`undefined` until then: most notes never are before a save). */
	private ownEntries: ArrayLike<number> | undefined;

	constructor(
		readonly path: string,
		private readonly cols: TargetColumns,
		private readonly at: number,
		anyone: boolean,
		fields: RestoredFields,
	) {
		this.person = fields.person;
		this.ownEntries = fields.entries;
		this.texts = fields.texts;
		this.problems = fields.problems;
		this.unread = fields.unread;
		this.stamp = fields.stamp;
		// Linked, as the snapshot was: a note that links nobody shares the one empty array.
		this.ownDests = anyone ? undefined : NO_DESTS;
	}

	/** A view into the snapshot's entries, made when first asked for (a follow-up to give, an edit, a save). */
	get entries(): ArrayLike<number> {
		if (this.ownEntries === undefined) {
			const e = this.cols.entries;
			const from = e?.start[this.at] ?? 0;
			const to = e?.start[this.at + 1] ?? 0;
			this.ownEntries = e && to > from ? e.values.subarray(from, to) : NO_NUMBERS;
		}
		return this.ownEntries;
	}

	set entries(value: ArrayLike<number>) {
		this.ownEntries = value;
	}

	/** A view into the snapshot's names, made when asked for (a save, or whether the note is still quiet). */
	get quiet(): ArrayLike<number> | null {
		const q = this.cols.quiet;
		return q && q.unread[this.at] === QUIET ? q.names.subarray(q.start[this.at], q.start[this.at + 1]) : null;
	}

	get targets(): Target[] {
		if (this.ownTargets === undefined) {
			const from = this.cols.start[this.at] ?? 0;
			const out = new Array<Target>((this.cols.start[this.at + 1] ?? 0) - from);
			for (let k = 0; k < out.length; k++) out[k] = this.cols.targets[this.cols.noteTargets[from + k] ?? 0] as Target;
			this.ownTargets = out;
		}
		return this.ownTargets;
	}

	set targets(value: Target[]) {
		this.ownTargets = value;
	}

	get dests(): Array<PersonState | null> | null {
		if (this.ownDests === undefined) {
			const from = this.cols.start[this.at] ?? 0;
			const out = new Array<PersonState | null>((this.cols.start[this.at + 1] ?? 0) - from);
			for (let k = 0; k < out.length; k++) out[k] = personAt(this.cols, from + k);
			this.ownDests = out;
		}
		return this.ownDests;
	}

	set dests(value: Array<PersonState | null> | null) {
		this.ownDests = value;
	}

	/** How many targets the note has, without making its array. */
	targetCount(): number {
		return this.ownTargets?.length ?? (this.cols.start[this.at + 1] ?? 0) - (this.cols.start[this.at] ?? 0);
	}

	/** Each target with its person, in order, without making the note's arrays when not made yet. */
	forEachTarget(each: (target: Target, dest: PersonState | null) => void): void {
		const own = this.ownTargets;
		if (own !== undefined) {
			const dests = this.dests;
			for (let i = 0; i < own.length; i++) each(own[i] as Target, dests?.[i] ?? null);
			return;
		}
		const { targets, noteTargets } = this.cols;
		const from = this.cols.start[this.at] ?? 0;
		const to = this.cols.start[this.at + 1] ?? 0;
		const dests = this.ownDests;
		for (let k = from; k < to; k++) {
			const dest = dests === undefined ? personAt(this.cols, k) : (dests?.[k - from] ?? null);
			each(targets[noteTargets[k] ?? 0] as Target, dest);
		}
	}
}

/** How many targets a note has (a restored note's without making its array). */
export function targetCount(facts: NoteFacts): number {
	return facts instanceof RestoredFacts ? facts.targetCount() : facts.targets.length;
}

/** Each target of a note with its person (`null`: none, or not linked), in order. */
export function forEachTarget(facts: NoteFacts, each: (target: Target, dest: PersonState | null) => void): void {
	if (facts instanceof RestoredFacts) {
		facts.forEachTarget(each);
		return;
	}
	const { targets, dests } = facts;
	for (let i = 0; i < targets.length; i++) each(targets[i] as Target, dests?.[i] ?? null);
}
