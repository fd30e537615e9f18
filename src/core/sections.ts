/**
 * Sections of a note: the lines under a heading, found the way the log append and the
 * reach-out list need them (outside fenced code, comments and frontmatter), and lines inserted there.
 */
import { splitFrontmatter } from "./frontmatter";
import { RegionReader } from "./regions";

export function eolOf(text: string): string {
	const crlf = text.split("\r\n").length - 1;
	const lf = text.split("\n").length - 1 - crlf;
	return crlf > lf ? "\r\n" : "\n";
}

export interface Line {
	/** Start of `text`: the line's start, past a byte-order mark on the first line. */
	start: number;
	/** End of the content, before `\r\n` / `\n`. */
	end: number;
	text: string;
}

export function linesOf(text: string, from: number): Line[] {
	const out: Line[] = [];
	let start = from;
	while (start < text.length) {
		let next = text.indexOf("\n", start);
		if (next < 0) next = text.length;
		const end = next > start && text[next - 1] === "\r" ? next - 1 : next;
		// A byte-order mark is not part of the first line's text.
		const textStart = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
		out.push({ start: textStart, end, text: text.slice(textStart, end) });
		start = next + 1;
	}
	return out;
}

/** An ATX heading; a closing run of `#` counts only after a space, as in CommonMark. */
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
export const LIST_MARKER = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+/;

export interface ParsedHeading {
	level: number;
	text: string;
}

/** `## Log` → level 2, text `log` (compared ignoring case and surrounding spaces). */
export function parseHeading(heading: string): ParsedHeading {
	const m = HEADING.exec(heading.trim());
	if (m?.[1]) return { level: m[1].length, text: (m[2] ?? "").trim().toLowerCase() };
	return { level: 2, text: heading.trim().replace(/^#+/, "").trim().toLowerCase() };
}

export function bodyStart(text: string): number {
	const split = splitFrontmatter(text);
	return split.kind === "yaml" ? text.length - split.body.length : 0;
}

interface Outline {
	headings: Array<{ index: number; level: number; text: string }>;
	/** Per line: whether it is content (not code, a fence line, or a line begun in a comment). */
	shown: boolean[];
	/** Per line: whether a line added right after it would be content too (see RegionReader.clear). */
	clearAfter: boolean[];
	/** The line that closes a fence or comment left open at the end of the note, if any. */
	closer: string | null;
}

/**
 * Headings of the note outside fenced code and comments, with their line index in `lines`. A
 * heading counts only outside blockquotes and when its line leaves no comment open.
 */
function outline(lines: Line[]): Outline {
	const headings: Outline["headings"] = [];
	const shown: boolean[] = [];
	const clearAfter: boolean[] = [];
	const regions = new RegionReader();
	lines.forEach((line, index) => {
		const visible = regions.read(line.text);
		const clear = regions.clear();
		shown.push(visible !== null);
		clearAfter.push(clear);
		if (visible === null || regions.depth > 0 || !clear) return;
		const h = HEADING.exec(visible);
		if (h?.[1]) headings.push({ index, level: h[1].length, text: (h[2] ?? "").trim().toLowerCase() });
	});
	return { headings, shown, clearAfter, closer: regions.closer() };
}

export interface SectionSpot {
	eol: string;
	lines: Line[];
	found: boolean;
	/** Index in `lines` of the heading (when found). */
	headingIndex: number;
	/**
	 * Index in `lines` of the line new lines go after: the section's last non-blank line after
	 * which no fence or comment is open (the heading itself when there is none).
	 */
	last: number;
	/** Index in `lines` of the section's last non-blank line (the heading itself when empty). */
	end: number;
	/** Per line of `lines`: whether it is content, outside code and comments. */
	shown: boolean[];
	/** The heading line to write when the section must be created. */
	headingLine: string;
	/** What closes a fence or comment left open at the end of the note, written before a new section. */
	closer: string | null;
}

/**
 * Where the section of `heading` is: the first heading of that level and text (any case) that is
 * content, not inside fenced code, a comment or the frontmatter. It ends at the next heading of
 * the same or a higher level that is content too.
 */
export function locateSection(text: string, heading: string): SectionSpot {
	const want = parseHeading(heading);
	const headingLine = `${"#".repeat(want.level)} ${heading.trim().replace(/^#+[ \t]*/, "")}`;
	const eol = eolOf(text);
	const lines = linesOf(text, bodyStart(text));
	const { headings: all, shown, clearAfter, closer } = outline(lines);
	const at = all.findIndex((h) => h.level === want.level && h.text === want.text);
	const h = all[at];
	if (!h) return { eol, lines, found: false, headingIndex: -1, last: -1, end: -1, shown, headingLine, closer };
	const { last, end } = span(lines, all, at, clearAfter);
	return { eol, lines, found: true, headingIndex: h.index, last, end, shown, headingLine, closer };
}

/**
 * The section under heading `at`, up to the next heading of the same or a higher level: its
 * last non-blank line (`end`), and the last one after which no fence or comment is open (`last`).
 */
function span(lines: Line[], all: Outline["headings"], at: number, clearAfter: boolean[]): { last: number; end: number } {
	const h = all[at];
	if (!h) return { last: -1, end: -1 };
	const next = all.slice(at + 1).find((x) => x.level <= h.level);
	const sectionEnd = next ? next.index : lines.length;
	let last = h.index;
	let end = h.index;
	for (let i = h.index + 1; i < sectionEnd; i++) {
		if ((lines[i]?.text ?? "").trim() === "") continue;
		end = i;
		if (clearAfter[i]) last = i;
	}
	return { last, end };
}

/**
 * Every section of `heading`, not only the first (as `locateSection` finds each): the index of
 * its heading line and of its last non-blank line. `body`: `text` is a note's body already (its
 * frontmatter cut off), so a `---` block at its start is content, not frontmatter.
 */
export function locateSections(text: string, heading: string, body = false): Array<{ headingIndex: number; end: number }> {
	const want = parseHeading(heading);
	const lines = linesOf(text, body ? 0 : bodyStart(text));
	const { headings: all, clearAfter } = outline(lines);
	const out: Array<{ headingIndex: number; end: number }> = [];
	all.forEach((h, at) => {
		if (h.level === want.level && h.text === want.text) out.push({ headingIndex: h.index, end: span(lines, all, at, clearAfter).end });
	});
	return out;
}

/** The lines of the section that are content (after its heading, up to its last non-blank line). */
export function sectionLines(spot: SectionSpot): Line[] {
	if (!spot.found) return [];
	return spot.lines.slice(spot.headingIndex + 1, spot.end + 1).filter((_l, i) => spot.shown[spot.headingIndex + 1 + i]);
}

/**
 * Inserts whole lines after `spot.last` (never inside code or a comment), or creates the section
 * at the end of the note (after a blank line, closing a code block or comment left open) when
 * it is missing.
 */
export function insertInSection(text: string, spot: SectionSpot, newLines: string[]): string {
	const { eol } = spot;
	if (newLines.length === 0) return text;
	if (!spot.found) {
		let prefix = text;
		// A last line ended by a lone `\r` is ended already: `\n` makes that `\r\n`.
		if (prefix !== "" && prefix !== "\uFEFF" && !prefix.endsWith("\n")) prefix += prefix.endsWith("\r") ? "\n" : eol;
		// A code block or comment left open at the end would swallow the new heading: close it first.
		if (spot.closer !== null) prefix += `${spot.closer}${eol}`;
		if (prefix.replace(/^\uFEFF/, "").trim() !== "" && !/\r?\n\r?\n$/.test(prefix)) prefix += eol;
		return `${prefix}${spot.headingLine}${eol}${newLines.join(eol)}${eol}`;
	}
	const lastLine = spot.lines[spot.last];
	if (!lastLine) return text;
	// After the line's own ending, which stays as it is; a last line without one gets one.
	const next = text.indexOf("\n", lastLine.end);
	if (next >= 0) return `${text.slice(0, next + 1)}${newLines.join(eol)}${eol}${text.slice(next + 1)}`;
	return `${text}${lastLine.end < text.length ? "\n" : eol}${newLines.join(eol)}`;
}
