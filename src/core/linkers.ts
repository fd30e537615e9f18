/** Link targets, interned, and the notes that link each name: what a change re-checks. */
import type { PersonState } from "./person-state";

/** A link target as written (`Anna Rossi`, `People/Anna Rossi.md`) and the name it matches, interned. */
export interface Target {
	name: string;
	base: string;
	/** The person it resolves to from any folder, valid while `epoch` is the index's. */
	dest: PersonState | null;
	epoch: number;
}

/**
 * Note paths per lower-cased target name: an array, or a set once a very long one loses a member.
 * Removing from an array scans it (16,384 paths in ~10 µs); making a set of it costs ~50 ns per
 * path at once, which over the thousands of names a vault links would land on whichever edit
 * touches each first.
 */
export type Linkers = string[] | Set<string>;
const LINKERS_ARRAY_MAX = 16_384;

/** A snapshot's linkers (`core/snapshot`): `bases[k]`'s notes are `paths[notes[i]]` for `i` in `start[k]..start[k + 1]`. */
export interface LinkerRuns {
	bases: readonly string[];
	start: ArrayLike<number>;
	notes: ArrayLike<number>;
	paths: readonly string[];
}

/**
 * The notes that link each name. A restored index adopts its snapshot's runs as they are and
 * makes a name's list only when that name is first asked for or changed: a start restores
 * ~550,000 linkers on M and most names are never asked about.
 */
export class LinkerTable {
	private readonly lists = new Map<string, Linkers>();
	/** Names whose notes are still a run of `source`, by run number. */
	private readonly runs = new Map<string, number>();
	private source: LinkerRuns | null = null;

	/** Names linked by at least one note. */
	get size(): number {
		return this.lists.size + this.runs.size;
	}

	/** Takes a snapshot's runs (the table is empty: a restore's first step). */
	adopt(source: LinkerRuns, k: number): void {
		const base = source.bases[k] ?? "";
		if ((source.start[k + 1] ?? 0) <= (source.start[k] ?? 0) || this.lists.has(base)) return;
		this.source = source;
		this.runs.set(base, k);
	}

	private run(k: number): string[] {
		const src = this.source as LinkerRuns;
		const from = src.start[k] ?? 0;
		const to = src.start[k + 1] ?? 0;
		const out = new Array<string>(to - from);
		for (let i = from; i < to; i++) out[i - from] = src.paths[src.notes[i] ?? 0] ?? "";
		return out;
	}

	/** The notes linking `base` (the table's own: not to be changed, nor kept across changes). */
	get(base: string): Linkers | undefined {
		const list = this.lists.get(base);
		if (list !== undefined) return list;
		const k = this.runs.get(base);
		if (k === undefined) return undefined;
		this.runs.delete(base);
		const made = this.run(k);
		this.lists.set(base, made);
		if (this.runs.size === 0) this.source = null;
		return made;
	}

	has(base: string): boolean {
		return this.lists.has(base) || this.runs.has(base);
	}

	add(base: string, path: string): void {
		const set = this.get(base);
		if (!set) this.lists.set(base, [path]);
		else if (Array.isArray(set)) set.push(path);
		else set.add(path);
	}

	remove(base: string, path: string): void {
		let set = this.get(base);
		if (!set) return;
		// A very long list becomes a set the first time something leaves it: removals stay cheap,
		// and a bulk load never pays for sets it does not need.
		if (Array.isArray(set) && set.length > LINKERS_ARRAY_MAX) this.lists.set(base, (set = new Set(set)));
		if (Array.isArray(set)) {
			const at = set.indexOf(path);
			if (at < 0) return;
			set[at] = set[set.length - 1] ?? path;
			set.pop();
			if (set.length === 0) this.lists.delete(base);
		} else {
			set.delete(path);
			if (set.size === 0) this.lists.delete(base);
		}
	}

	/** Every name with its notes; a run not asked for is listed afresh, not kept. */
	*entries(): IterableIterator<[string, Linkers]> {
		yield* this.lists;
		for (const [base, k] of this.runs) yield [base, this.run(k)];
	}
}

export function sameTargets(a: readonly Target[], b: readonly Target[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/** Calls `each` with every name a note links, once each, without allocating for a usual note. */
export function forEachBase(targets: readonly Target[], each: (base: string) => void): void {
	if (targets.length > 64) {
		for (const base of distinctBases(targets)) each(base);
		return;
	}
	for (let i = 0; i < targets.length; i++) {
		const base = (targets[i] as Target).base;
		let seen = false;
		for (let j = 0; j < i && !seen; j++) seen = (targets[j] as Target).base === base;
		if (!seen) each(base);
	}
}

/** The names a note links, each once (bases are interned: compared as references). */
export function distinctBases(targets: readonly Target[]): string[] {
	const out: string[] = [];
	if (targets.length > 16) {
		for (const base of new Set(targets.map((t) => t.base))) out.push(base);
		return out;
	}
	for (const t of targets) if (!out.includes(t.base)) out.push(t.base);
	return out;
}

