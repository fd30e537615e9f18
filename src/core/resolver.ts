/**
 * Resolves link targets to note paths the way Obsidian does: by path (absolute, then relative to
 * the linking note), else by name ignoring case and Unicode normalisation. When several notes
 * share a name, the one in the linking note's folder wins, then the shortest path.
 */
import { endsWithMd, hasNonAscii, linkKey, targetBase } from "./link-names";
import { ShardedMap } from "./sharded-map";

function folderOf(path: string): string {
	const at = path.lastIndexOf("/");
	return at < 0 ? "" : path.slice(0, at);
}

/** `a/b/../c/./d` → `a/c/d`; `null` when it climbs above the vault root. */
export function normalizePath(path: string): string | null {
	const out: string[] = [];
	for (const part of path.split("/")) {
		if (part === "" || part === ".") continue;
		if (part === "..") {
			if (out.length === 0) return null;
			out.pop();
		} else out.push(part);
	}
	return out.join("/");
}

/** Resolutions remembered at most before the caches start again. */
const CACHE_MAX = 50_000;

/**
 * Whether lower-casing could treat a name differently inside a longer path: only a Greek sigma
 * is lower-cased by context (final ς), and only then may the name's key and its path's differ.
 */
function hasSigma(key: string): boolean {
	return key.includes("\u03c3") || key.includes("\u03c2");
}

/** Places in a group looked up by path once it has more notes than this. */
const GROUP_INDEXED = 32;

/**
 * Several notes of one name (`index.md` in many folders, a daily note in several journals): their
 * paths, each path's key (computed when first asked), and, once there are many, each path's place.
 */
class Group {
	readonly paths: string[] = [];
	private readonly keys: Array<string | undefined> = [];
	private places: Map<string, number> | null = null;

	constructor(first: string, second: string) {
		this.paths.push(first, second);
		this.keys.push(undefined, undefined);
	}

	get size(): number {
		return this.paths.length;
	}

	keyAt(i: number): string {
		let key = this.keys[i];
		if (key === undefined) this.keys[i] = key = linkKey(this.paths[i] as string);
		return key;
	}

	private placeOf(path: string): number {
		return this.places ? (this.places.get(path) ?? -1) : this.paths.indexOf(path);
	}

	/** False when the path is in the group already. */
	add(path: string): boolean {
		if (this.placeOf(path) >= 0) return false;
		this.paths.push(path);
		this.keys.push(undefined);
		if (this.places) this.places.set(path, this.paths.length - 1);
		else if (this.paths.length > GROUP_INDEXED) this.places = new Map(this.paths.map((p, i) => [p, i]));
		return true;
	}

	/** False when the path is not in the group. Order is not kept (no answer depends on it). */
	remove(path: string): boolean {
		const at = this.placeOf(path);
		if (at < 0) return false;
		const last = this.paths.length - 1;
		if (at !== last) {
			const moved = this.paths[last] as string;
			this.paths[at] = moved;
			this.keys[at] = this.keys[last];
			this.places?.set(moved, at);
		}
		this.paths.pop();
		this.keys.pop();
		this.places?.delete(path);
		return true;
	}
}

/**
 * The notes of one name (`targetBase`): one path (most names), or a group. A vault's worth of
 * one-element arrays would be memory and work for nothing.
 */
type Named = string | Group;

/** Calls `fn` with each note of `named` and its key. */
function forEachNote(named: Named | undefined, fn: (path: string, key: string) => void): void {
	if (named === undefined) return;
	if (typeof named === "string") fn(named, linkKey(named));
	else for (let i = 0; i < named.size; i++) fn(named.paths[i] as string, named.keyAt(i));
}

/** The first in string order (UTF-16 code units) of `best` and `paths`. */
function firstOf(best: string | null, paths: readonly string[] | undefined): string | null {
	for (const p of paths ?? []) if (best === null || p < best) best = p;
	return best;
}

export class LinkResolver {
	/**
	 * Every note by its name. Notes are found by path through their name too (a path's name is
	 * its last part): one table is half the work of adding a note, which a restored index does
	 * for each of its notes at every start.
	 */
	private readonly byBase = new ShardedMap<Named>();
	/**
	 * Notes whose path has a Greek sigma, by that path's key: lower-casing a whole path and its
	 * name alone may differ there (final ς), so their name need not be the one a path gives (rare).
	 */
	private readonly sigma = new Map<string, string[]>();
	/**
	 * Remembered resolutions, valid until a note is added or removed: by target alone when the
	 * linking note's folder cannot change the answer (one note or none has the name), else by
	 * folder and target.
	 */
	private anywhere = new Map<string, string | null>();
	private byFolder = new Map<string, Map<string, string | null>>();
	private cached = 0;

	add(path: string): void {
		const base = targetBase(path);
		const named = this.byBase.get(base);
		if (named === undefined) this.byBase.set(base, path);
		else if (typeof named === "string") {
			if (named === path) return;
			this.byBase.set(base, new Group(named, path));
		} else if (!named.add(path)) return;
		if (hasNonAscii(path)) {
			const key = linkKey(path);
			if (hasSigma(key)) {
				const list = this.sigma.get(key);
				if (list) list.push(path);
				else this.sigma.set(key, [path]);
			}
		}
		this.forget();
	}

	remove(path: string): void {
		const base = targetBase(path);
		const named = this.byBase.get(base);
		if (named === undefined) return;
		if (typeof named === "string") {
			if (named !== path) return;
			this.byBase.delete(base);
		} else {
			if (!named.remove(path)) return;
			if (named.size === 1) this.byBase.set(base, named.paths[0] as string);
		}
		if (hasNonAscii(path)) {
			const key = linkKey(path);
			const list = this.sigma.get(key)?.filter((p) => p !== path);
			if (list && list.length > 0) this.sigma.set(key, list);
			else this.sigma.delete(key);
		}
		this.forget();
	}

	/** Whether a note has this path, but for case and Unicode normalisation. */
	has(path: string): boolean {
		return this.pathOf(path, linkKey(path)) !== null;
	}

	/**
	 * The note whose path is `path` but for case (`key` is its key): of several, the first in
	 * string order, whichever came first (where file names are case-sensitive there may be several).
	 */
	private pathOf(path: string, key: string): string | null {
		let first: string | null = null;
		forEachNote(this.byBase.get(targetBase(path)), (p, k) => {
			if (k === key && (first === null || p < first)) first = p;
		});
		return hasSigma(key) ? firstOf(first, this.sigma.get(key)) : first;
	}

	/** The note a link in `source` points to, or `null`. */
	resolve(target: string, source: string): string | null {
		const known = this.anywhere.get(target);
		if (known !== undefined) return known;
		// Otherwise only the folder of the linking note matters.
		const folder = folderOf(source);
		const hit = this.byFolder.get(folder)?.get(target);
		if (hit !== undefined) return hit;
		const found = this.resolveIn(target, folder);
		if (this.cached >= CACHE_MAX) this.forget();
		this.cached++;
		if (found.anywhere) this.anywhere.set(target, found.path);
		else {
			let byTarget = this.byFolder.get(folder);
			if (!byTarget) this.byFolder.set(folder, (byTarget = new Map<string, string | null>()));
			byTarget.set(target, found.path);
		}
		return found.path;
	}

	/** Whether `target` is known to resolve the same from every folder (until a note is added or removed). */
	resolvesAnywhere(target: string): boolean {
		return this.anywhere.has(target);
	}

	private forget(): void {
		if (this.cached === 0) return;
		this.anywhere = new Map();
		this.byFolder = new Map();
		this.cached = 0;
	}

	/** The resolution from `folder`, and whether it is the same from any folder. */
	private resolveIn(target: string, folder: string): { path: string | null; anywhere: boolean } {
		let t = target.includes("\\") ? target.replace(/\\/g, "/") : target;
		if (!endsWithMd(t)) t += ".md";
		if (t.startsWith("./") || t.startsWith("../")) {
			const rel = normalizePath(folder === "" ? t : `${folder}/${t}`);
			return { path: rel === null ? null : this.pathOf(rel, linkKey(rel)), anywhere: false };
		}
		const abs = t.includes("/") ? normalizePath(t) : t;
		if (abs === null || abs === "") return { path: null, anywhere: true };
		const absKey = linkKey(abs);
		// One pass over the notes of the name: the note at that path, the one at that path from
		// the linking note's folder (same name), and the best of those whose path ends with it.
		const relKey = folder !== "" ? linkKey(`${folder}/${abs}`) : null;
		const suffix = `/${absKey}`;
		let exact: string | null = null;
		let rel: string | null = null;
		let best: string | null = null;
		let matching = 0;
		forEachNote(this.byBase.get(targetBase(abs)), (path, key) => {
			if (key === absKey && (exact === null || path < exact)) exact = path;
			if (key === relKey && (rel === null || path < rel)) rel = path;
			if (key !== absKey && !key.endsWith(suffix)) return;
			matching++;
			if (best === null || better(path, best, folder)) best = path;
		});
		// Notes filed under another name for a sigma (see `sigma`) are found by their key.
		if (hasSigma(absKey)) exact = firstOf(exact, this.sigma.get(absKey));
		if (exact !== null) return { path: exact, anywhere: true };
		if (relKey !== null && hasSigma(relKey)) rel = firstOf(rel, this.sigma.get(relKey));
		// With one matching note or none, no folder can pick another: a note found relative to
		// the folder ends with the same name, so it is that one note.
		return { path: rel ?? best, anywhere: matching <= 1 && !hasSigma(absKey) };
	}
}

function better(a: string, b: string, folder: string): boolean {
	const aHere = folderOf(a) === folder;
	const bHere = folderOf(b) === folder;
	if (aHere !== bHere) return aHere;
	if (a.length !== b.length) return a.length < b.length;
	return a < b;
}
