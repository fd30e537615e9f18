/**
 * Resolves link targets to note paths the way Obsidian does: by path (absolute, then relative to
 * the linking note), else by name ignoring case and Unicode normalisation. When several notes
 * share a name, the one in the linking note's folder wins, then the shortest path.
 */

/** Anything but printable ASCII, tabs and line breaks, which normalisation never changes. */
const NON_ASCII = /[^ -~\t\n\r]/;

export function linkKey(s: string): string {
	// Normalising is the costly half, and ASCII text is always normalised.
	return (NON_ASCII.test(s) ? s.normalize("NFC") : s).toLowerCase();
}

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

/** The lower-cased name a target would match: `People/Anna Rossi.md` → `anna rossi`. */
export function targetBase(target: string): string {
	let t = target.slice(target.lastIndexOf("/") + 1);
	if (t.toLowerCase().endsWith(".md")) t = t.slice(0, -3);
	return linkKey(t);
}

const SHARDS = 16;

/** A cheap spread of strings (paths, names) over the shards. */
function shardOf(key: string): number {
	const n = key.length;
	return (n + key.charCodeAt(n >> 1) + 3 * key.charCodeAt(n >> 2) + 7 * key.charCodeAt(n - 5)) & (SHARDS - 1);
}

/**
 * A map of strings split in sixteen. A JavaScript map doubles its table all at once as it grows,
 * which for a vault's worth of notes stalls for milliseconds (tens, when several grow together):
 * in sixteen parts each step is a sixteenth. Iteration order is by part, not by insertion.
 */
export class ShardedMap<V> {
	private readonly shards: Array<Map<string, V>> = [];
	private count = 0;

	constructor() {
		for (let i = 0; i < SHARDS; i++) this.shards.push(new Map());
	}

	get size(): number {
		return this.count;
	}

	private shard(key: string): Map<string, V> {
		return this.shards[shardOf(key)] as Map<string, V>;
	}

	get(key: string): V | undefined {
		return this.shard(key).get(key);
	}

	has(key: string): boolean {
		return this.shard(key).has(key);
	}

	set(key: string, value: V): this {
		const m = this.shard(key);
		const before = m.size;
		m.set(key, value);
		this.count += m.size - before;
		return this;
	}

	delete(key: string): boolean {
		if (!this.shard(key).delete(key)) return false;
		this.count--;
		return true;
	}

	clear(): void {
		for (const m of this.shards) m.clear();
		this.count = 0;
	}

	*keys(): IterableIterator<string> {
		for (const m of this.shards) yield* m.keys();
	}

	*values(): IterableIterator<V> {
		for (const m of this.shards) yield* m.values();
	}
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

function endsWithMd(t: string): boolean {
	const n = t.length;
	return n >= 3 && t.charCodeAt(n - 3) === 46 && (t.charCodeAt(n - 2) | 32) === 109 && (t.charCodeAt(n - 1) | 32) === 100;
}

export class LinkResolver {
	private readonly byPath = new ShardedMap<string>();
	private readonly byBase = new ShardedMap<string[]>();
	/** Other notes whose path is the same but for case, by that path's key (rare). */
	private readonly sameKey = new Map<string, string[]>();
	/**
	 * Remembered resolutions, valid until a note is added or removed: by target alone when the
	 * linking note's folder cannot change the answer (one note or none has the name), else by
	 * folder and target.
	 */
	private anywhere = new Map<string, string | null>();
	private byFolder = new Map<string, Map<string, string | null>>();
	private cached = 0;

	add(path: string): void {
		const key = linkKey(path);
		const stored = this.byPath.get(key);
		if (stored === path) return;
		if (stored !== undefined) {
			// Another note by the same path but for case (possible where file names are
			// case-sensitive): the first in string order (UTF-16 code units) answers, whichever came first.
			const others = this.sameKey.get(key) ?? [];
			if (others.includes(path)) return;
			this.forget();
			if (path < stored) {
				this.byPath.set(key, path);
				others.push(stored);
			} else others.push(path);
			this.sameKey.set(key, others);
		} else {
			this.forget();
			this.byPath.set(key, path);
		}
		const base = targetBase(path);
		const list = this.byBase.get(base);
		if (list) list.push(path);
		else this.byBase.set(base, [path]);
	}

	remove(path: string): void {
		const key = linkKey(path);
		const stored = this.byPath.get(key);
		if (stored === undefined) return;
		const others = this.sameKey.get(key);
		if (stored !== path) {
			const at = others?.indexOf(path) ?? -1;
			if (!others || at < 0) return;
			others.splice(at, 1);
			if (others.length === 0) this.sameKey.delete(key);
		} else if (others) {
			// The next by the same path but for case answers now.
			others.sort();
			this.byPath.set(key, others.shift() as string);
			if (others.length === 0) this.sameKey.delete(key);
		} else this.byPath.delete(key);
		this.forget();
		const base = targetBase(path);
		const list = this.byBase.get(base)?.filter((p) => p !== path);
		if (list && list.length > 0) this.byBase.set(base, list);
		else this.byBase.delete(base);
	}

	has(path: string): boolean {
		return this.byPath.has(linkKey(path));
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
			return { path: rel === null ? null : this.byPath.get(linkKey(rel)) ?? null, anywhere: false };
		}
		const abs = t.includes("/") ? normalizePath(t) : t;
		if (abs === null || abs === "") return { path: null, anywhere: true };
		const absKey = linkKey(abs);
		const exact = this.byPath.get(absKey);
		if (exact !== undefined) return { path: exact, anywhere: true };
		const rel = folder !== "" ? this.byPath.get(linkKey(`${folder}/${abs}`)) : undefined;
		const candidates = this.byBase.get(targetBase(abs)) ?? [];
		const suffix = `/${absKey}`;
		let best: string | null = null;
		let matching = 0;
		for (const c of candidates) {
			const key = linkKey(c);
			if (key !== absKey && !key.endsWith(suffix)) continue;
			matching++;
			if (best === null || better(c, best, folder)) best = c;
		}
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
