/**
 * Resolves link targets to note paths the way Obsidian does: by path (absolute, then relative to
 * the linking note), else by name ignoring case and Unicode normalisation. When several notes
 * share a name, the one in the linking note's folder wins, then the shortest path.
 */

export function linkKey(s: string): string {
	return s.normalize("NFC").toLowerCase();
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

export class LinkResolver {
	private readonly byPath = new Map<string, string>();
	private readonly byBase = new Map<string, string[]>();

	add(path: string): void {
		const key = linkKey(path);
		if (this.byPath.has(key)) return;
		this.byPath.set(key, path);
		const base = targetBase(path);
		const list = this.byBase.get(base);
		if (list) list.push(path);
		else this.byBase.set(base, [path]);
	}

	remove(path: string): void {
		const key = linkKey(path);
		const stored = this.byPath.get(key);
		if (stored === undefined) return;
		this.byPath.delete(key);
		const base = targetBase(stored);
		const list = this.byBase.get(base)?.filter((p) => p !== stored);
		if (list && list.length > 0) this.byBase.set(base, list);
		else this.byBase.delete(base);
	}

	has(path: string): boolean {
		return this.byPath.has(linkKey(path));
	}

	/** The note a link in `source` points to, or `null`. */
	resolve(target: string, source: string): string | null {
		let t = target.replace(/\\/g, "/");
		if (!t.toLowerCase().endsWith(".md")) t += ".md";
		const folder = folderOf(source);
		if (t.startsWith("./") || t.startsWith("../")) {
			const rel = normalizePath(folder === "" ? t : `${folder}/${t}`);
			return rel === null ? null : this.byPath.get(linkKey(rel)) ?? null;
		}
		const abs = normalizePath(t);
		if (abs === null || abs === "") return null;
		const exact = this.byPath.get(linkKey(abs));
		if (exact !== undefined) return exact;
		if (folder !== "") {
			const rel = this.byPath.get(linkKey(`${folder}/${abs}`));
			if (rel !== undefined) return rel;
		}
		const candidates = this.byBase.get(targetBase(abs));
		if (!candidates) return null;
		const suffix = `/${linkKey(abs)}`;
		let best: string | null = null;
		for (const c of candidates) {
			const key = linkKey(c);
			if (key !== linkKey(abs) && !key.endsWith(suffix)) continue;
			if (best === null || better(c, best, folder)) best = c;
		}
		return best;
	}
}

function better(a: string, b: string, folder: string): boolean {
	const aHere = folderOf(a) === folder;
	const bHere = folderOf(b) === folder;
	if (aHere !== bHere) return aHere;
	if (a.length !== b.length) return a.length < b.length;
	return a < b;
}
