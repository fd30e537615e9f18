/**
 * Names as file names on every platform, folders kept inside the vault, and the key under
 * which two spellings of one person's name are the same person.
 */

const FORBIDDEN = /[\\/:*?"<>|#^[\]]/g;

/** Control characters (U+0000–U+001F, U+007F) as spaces. */
function withoutControls(s: string): string {
	let out = "";
	for (const ch of s) {
		const c = ch.charCodeAt(0);
		out += c < 0x20 || c === 0x7f ? " " : ch;
	}
	return out;
}
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
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
 * control characters) become spaces; leading dots and trailing dots or spaces go; reserved
 * Windows names get a trailing `_`; accents are kept (in NFC); length is capped in bytes.
 */
export function safeFileName(name: string, fallback = "Untitled"): string {
	let s = withoutControls(name.normalize("NFC")).replace(FORBIDDEN, " ").replace(/\s+/g, " ").trim();
	s = s.replace(/^\.+/, "").trim();
	s = clipBytes(s, MAX_BYTES);
	s = s.replace(/[. ]+$/, "");
	if (s === "") s = fallback;
	if (RESERVED.test(s)) s = `${s}_`;
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

/** A lookup of existing paths that ignores case and Unicode normalisation. */
export function pathSet(paths: Iterable<string>): (path: string) => boolean {
	const set = new Set<string>();
	for (const p of paths) set.add(p.normalize("NFC").toLowerCase());
	return (path) => set.has(path.normalize("NFC").toLowerCase());
}
