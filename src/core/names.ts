/**
 * Names as file names on every platform, folders kept inside the vault, and the key under
 * which two spellings of one person's name are the same person.
 */

const FORBIDDEN = /[\\/:*?"<>|#^[\]]/g;

/** Control characters (C0 U+0000–U+001F, U+007F, C1 U+0080–U+009F) as spaces. */
function withoutControls(s: string): string {
	let out = "";
	for (const ch of s) {
		const c = ch.charCodeAt(0);
		out += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? " " : ch;
	}
	return out;
}

/** Dots, spaces and characters that show nothing (zero-width, bidi marks, joiners…). */
const BLANK = /^[\s.\p{Default_Ignorable_Code_Point}]$/u;
/** Variation selectors and tags finish an emoji (`❤️`, flags): kept at the end of a name. */
const EMOJI_END = /^[\p{Variation_Selector}\u{E0020}-\u{E007F}]$/u;

/**
 * Without what a name may not start with (dots make a hidden file) nor end with (Windows drops
 * dots and spaces), in any order and number: `". .env"` loses `". ."`, not only the first dot.
 */
function trimBlank(s: string): string {
	const chars = [...s];
	let start = 0;
	while (start < chars.length && BLANK.test(chars[start] ?? "")) start++;
	let end = chars.length;
	while (end > start && BLANK.test(chars[end - 1] ?? "") && !EMOJI_END.test(chars[end - 1] ?? "")) end--;
	return chars.slice(start, end).join("");
}
/** Windows' reserved device names, also with any extension (`nul.tar.gz` is `nul` too). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])( *(?:\..*)?)$/i;
/** Room for " 99.md" within the 255-byte limit of most file systems. */
const MAX_BYTES = 240;

function utf8Length(s: string): number {
	let n = 0;
	for (const ch of s) {
		const c = ch.codePointAt(0) ?? 0;
		n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	}
	return n;
}

function clipBytes(s: string, max: number): string {
	if (utf8Length(s) <= max) return s;
	let out = "";
	let n = 0;
	for (const ch of s) {
		const len = utf8Length(ch);
		if (n + len > max) break;
		out += ch;
		n += len;
	}
	return out;
}

/**
 * A safe, stable, non-empty file name (without `.md`) for a person's or an event's name:
 * characters that a platform forbids or that break links (`\ / : * ? " < > |`, `# ^ [ ]`,
 * C0 and C1 control characters) become spaces; leading dots, spaces and invisible characters
 * go however they alternate (`". .env"` is `"env"`), and so do trailing ones; a name that
 * shows nothing gets `fallback`; reserved Windows names get a `_` (`CON_`, `com1_.txt`); accents are kept
 * (in NFC); length is capped in bytes. Applied twice, it gives the same name.
 */
export function safeFileName(name: string, fallback = "Untitled"): string {
	let s = withoutControls(name.normalize("NFC")).replace(FORBIDDEN, " ").replace(/\s+/g, " ");
	s = trimBlank(clipBytes(trimBlank(s), MAX_BYTES));
	// Nothing visible was left (only dots, spaces or zero-width characters, say).
	if (s === "") s = fallback;
	// The `_` goes right after the device name: `com1.txt_` would still be `com1`.
	s = s.replace(RESERVED, "$1_$2");
	return s;
}

/** Two names are the same person when this key matches: case, NFC/NFD and spaces ignored. */
export function nameKey(name: string): string {
	return name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

export type FolderCheck = { folder: string } | { error: string };

/**
 * A folder setting as a vault path: `\` becomes `/`, spaces around parts go. Absolute paths,
 * `..` and the config folder are refused, since notes must stay inside the vault.
 */
export function checkFolder(raw: string, configDir: string): FolderCheck {
	const s = raw.normalize("NFC").trim();
	if (/^([a-z]:)?[\\/]/i.test(s) || /^[a-z]:/i.test(s)) return { error: `"${raw}" is an absolute path; use a folder inside the vault` };
	const parts = s.replace(/\\/g, "/").split("/").map((p) => p.trim()).filter((p) => p !== "" && p !== ".");
	if (parts.some((p) => p === "..")) return { error: `"${raw}" climbs out of the vault (..)` };
	if (parts[0]?.toLowerCase() === configDir.toLowerCase()) return { error: `"${raw}" is inside ${configDir}, Obsidian's settings folder` };
	return { folder: parts.join("/") };
}

/**
 * The first free path for `name` in `folder`: `Name.md`, else `Name 1.md`, `Name 2.md`…
 * `taken` must answer for paths compared ignoring case and NFC/NFD, like the file systems do.
 */
export function freePath(folder: string, name: string, taken: (path: string) => boolean): string {
	const prefix = folder === "" ? "" : `${folder}/`;
	for (let i = 0; ; i++) {
		const path = `${prefix}${name}${i === 0 ? "" : ` ${i}`}.md`;
		if (!taken(path)) return path;
	}
}

/**
 * Two paths (or one part of a path) name the same file on a case-insensitive disk, or after a
 * sync between NFC and NFD systems, when this key matches. Unlike `nameKey`, spaces count.
 */
export function pathKey(path: string): string {
	return path.normalize("NFC").toLowerCase();
}

/** A lookup of existing paths that ignores case and Unicode normalisation. */
export function pathSet(paths: Iterable<string>): (path: string) => boolean {
	const set = new Set<string>();
	for (const p of paths) set.add(pathKey(p));
	return (path) => set.has(pathKey(path));
}
