/**
 * The names links go by: a note's name as a link matches it (`targetBase`, `linkKey`), and the
 * numbers of names (`linkNameHash`, `hashOfBase`, `noteNameHash`) by which the plugin decides,
 * without resolving, whether a link may be to a person. Shared by `LinkResolver` and the quiet notes.
 */

/** Anything but printable ASCII, tabs and line breaks, which normalisation never changes. */
const NON_ASCII = /[^ -~\t\n\r]/;

export function linkKey(s: string): string {
	// Normalising is the costly half, and ASCII text is always normalised.
	return (NON_ASCII.test(s) ? s.normalize("NFC") : s).toLowerCase();
}

/** Whether `s` has anything but printable ASCII, tabs and line breaks (which `linkKey` may change). */
export function hasNonAscii(s: string): boolean {
	return NON_ASCII.test(s);
}

/**
 * Whether `base` is `targetBase(target)`, without making that string for a target in printable
 * ASCII (a restore checks each target's name it kept this way).
 */
export function isTargetBase(target: string, base: string): boolean {
	const from = target.lastIndexOf("/") + 1;
	const to = nameEnd(target, from);
	if (to - from !== base.length) return !isAscii(target, from, to) && targetBase(target) === base;
	for (let i = 0; i < base.length; i++) {
		const c = target.charCodeAt(from + i);
		if (c < 32 || c > 126) return targetBase(target) === base;
		if ((c >= 65 && c <= 90 ? c + 32 : c) !== base.charCodeAt(i)) return false;
	}
	return true;
}

function isAscii(s: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = s.charCodeAt(i);
		if (c < 32 || c > 126) return false;
	}
	return true;
}

/** Where a target's name, which begins at `from` (past its last `/`), ends: before a final `.md`. */
function nameEnd(target: string, from: number): number {
	return endsWithMd(target) && target.length - 3 >= from ? target.length - 3 : target.length;
}

/**
 * The number (`hashOfBase`) of the name of a link as written, up to its first `#`: the part
 * after its last `/`, without a final `.md`, lower-cased; made in one pass, without making a
 * string. −1 when that name is not all printable ASCII, and for a link in `<…>` or with a `%`
 * or a `\` before its `#` (its target is not what it seems until decoded or resolved).
 */
export function linkNameHash(link: string): number {
	if (link.charCodeAt(0) === 60) return -1;
	// The name's number so far, and before each of its last three characters (a final `.md`).
	let h = FNV_START;
	let h1 = h;
	let h2 = h;
	let h3 = h;
	let outside = false;
	let n = 0;
	let i = 0;
	for (; i < link.length; i++) {
		const c = link.charCodeAt(i);
		if (c === 35) break;
		if (c === 37 || c === 92) return -1;
		if (c === 47) {
			h = h1 = h2 = h3 = FNV_START;
			outside = false;
			n = 0;
			continue;
		}
		if (c < 32 || c > 126) outside = true;
		h3 = h2;
		h2 = h1;
		h1 = h;
		h = fnvStep(h, c);
		n++;
	}
	if (outside) return -1;
	return (n >= 3 && endsWithMd(link, i) ? h3 : h) >>> 0;
}

/** A number for a base (`targetBase`): the same base, the same number (different ones rarely); −1 when not all printable ASCII. */
export function hashOfBase(base: string): number {
	let h = FNV_START;
	for (let i = 0; i < base.length; i++) {
		const c = base.charCodeAt(i);
		if (c < 32 || c > 126) return -1;
		h = fnvStep(h, c);
	}
	return h >>> 0;
}

/**
 * The number of the name a note at `path` is linked by: `linkNameHash` of a link to it gives the
 * same. −1 when that name is not all printable ASCII. The one way the plugin and the core number a
 * person's name.
 */
export function noteNameHash(path: string): number {
	return hashOfBase(targetBase(path));
}

/**
 * The notes at `paths` by the number of their name (`noteNameHash`, as a signed 32-bit number:
 * how quiet notes keep the numbers of their links' names); a name without a number is left out.
 */
export function notesByName(paths: Iterable<string>): Map<number, string[]> {
	const out = new Map<number, string[]>();
	for (const path of paths) {
		const number = noteNameHash(path);
		if (number < 0) continue;
		const same = out.get(number | 0);
		if (same) same.push(path);
		else out.set(number | 0, [path]);
	}
	return out;
}

/** FNV-1a, over characters lower-cased as ASCII: the one hash of `hashOfBase` and `linkNameHash`. */
const FNV_START = 0x811c9dc5;

function fnvStep(h: number, c: number): number {
	return Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
}

/** The lower-cased name a target would match: `People/Anna Rossi.md` → `anna rossi`. */
export function targetBase(target: string): string {
	const from = target.lastIndexOf("/") + 1;
	const to = nameEnd(target, from);
	return linkKey(from === 0 && to === target.length ? target : target.slice(from, to));
}

/** Whether `t` (its first `n` characters) ends with `.md`, in any case. */
export function endsWithMd(t: string, n = t.length): boolean {
	return n >= 3 && t.charCodeAt(n - 3) === 46 && (t.charCodeAt(n - 2) | 32) === 109 && (t.charCodeAt(n - 1) | 32) === 100;
}
