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

export function addLinker(linkers: Map<string, Linkers>, base: string, path: string): void {
	const set = linkers.get(base);
	if (!set) linkers.set(base, [path]);
	else if (Array.isArray(set)) set.push(path);
	else set.add(path);
}

export function removeLinker(linkers: Map<string, Linkers>, base: string, path: string): void {
	let set = linkers.get(base);
	if (!set) return;
	// A very long list becomes a set the first time something leaves it: removals stay cheap,
	// and a bulk load never pays for sets it does not need.
	if (Array.isArray(set) && set.length > LINKERS_ARRAY_MAX) linkers.set(base, (set = new Set(set)));
	if (Array.isArray(set)) {
		const at = set.indexOf(path);
		if (at < 0) return;
		set[at] = set[set.length - 1] ?? path;
		set.pop();
		if (set.length === 0) linkers.delete(base);
	} else {
		set.delete(path);
		if (set.size === 0) linkers.delete(base);
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

