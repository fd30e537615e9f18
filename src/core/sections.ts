/**
 * Sections of a note: the lines under a heading, found the way the log append and the
 * reach-out list need them (outside fenced code and frontmatter), and lines inserted there.
 */
import { splitFrontmatter } from "./frontmatter";

export function eolOf(text: string): string {
	const crlf = text.split("\r\n").length - 1;
	const lf = text.split("\n").length - 1 - crlf;
	return crlf > lf ? "\r\n" : "\n";
}

export interface Line {
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
		out.push({ start, end, text: text.slice(textStart, end) });
		start = next + 1;
	}
	return out;
}

/** An ATX heading; a closing run of `#` counts only after a space, as in CommonMark. */
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;
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
	/** The fence still open at the end of the note, if any (then the rest is code). */
	openFence: string | null;
}

/** Headings of the note outside fenced code, with their line index in `lines`. */
function outline(lines: Line[]): Outline {
	const headings: Outline["headings"] = [];
	let fence: string | null = null;
	lines.forEach((line, index) => {
		const f = FENCE.exec(line.text);
		if (f?.[1]) {
			const mark = f[1];
			if (fence === null) {
				fence = mark;
				return;
			}
			// Only a bare run of the same character, at least as long, closes a fence.
			if (mark[0] === fence[0] && mark.length >= fence.length && (f[2] ?? "").trim() === "") fence = null;
			return;
		}
		if (fence !== null) return;
		const h = HEADING.exec(line.text);
		if (h?.[1]) headings.push({ index, level: h[1].length, text: (h[2] ?? "").trim().toLowerCase() });
	});
	return { headings, openFence: fence };
}


export interface SectionSpot {
	eol: string;
	lines: Line[];
	found: boolean;
	/** Index in `lines` of the heading (when found). */
	headingIndex: number;
	/** Index in `lines` of the section's last non-blank line (the heading itself when empty). */
	last: number;
	/** The heading line to write when the section must be created. */
	headingLine: string;
	openFence: string | null;
}

/** Where the section of `heading` is: the first heading of that level and text (any case). */
export function locateSection(text: string, heading: string): SectionSpot {
	const want = parseHeading(heading);
	const headingLine = `${"#".repeat(want.level)} ${heading.trim().replace(/^#+[ \t]*/, "")}`;
	const eol = eolOf(text);
	const lines = linesOf(text, bodyStart(text));
	const { headings: all, openFence } = outline(lines);
	const at = all.findIndex((h) => h.level === want.level && h.text === want.text);
	const h = all[at];
	if (!h) return { eol, lines, found: false, headingIndex: -1, last: -1, headingLine, openFence };
	const next = all.slice(at + 1).find((x) => x.level <= want.level);
	const sectionEnd = next ? next.index : lines.length;
	let last = h.index;
	for (let i = h.index + 1; i < sectionEnd; i++) if ((lines[i]?.text ?? "").trim() !== "") last = i;
	return { eol, lines, found: true, headingIndex: h.index, last, headingLine, openFence };
}

/** The lines of the section (after its heading, up to its last non-blank line). */
export function sectionLines(spot: SectionSpot): Line[] {
	return spot.found ? spot.lines.slice(spot.headingIndex + 1, spot.last + 1) : [];
}

/**
 * Inserts whole lines after the section's last non-blank line, or creates the section at the
 * end of the note (after a blank line, closing a code block left open) when it is missing.
 */
export function insertInSection(text: string, spot: SectionSpot, newLines: string[]): string {
	const { eol } = spot;
	if (newLines.length === 0) return text;
	if (!spot.found) {
		let prefix = text;
		if (prefix !== "" && !prefix.endsWith("\n")) prefix += eol;
		// A code block left open at the end would swallow the new heading: close it first.
		if (spot.openFence !== null) prefix += `${spot.openFence}${eol}`;
		if (prefix.replace(/^\uFEFF/, "").trim() !== "" && !/\r?\n\r?\n$/.test(prefix)) prefix += eol;
		return `${prefix}${spot.headingLine}${eol}${newLines.join(eol)}${eol}`;
	}
	const lastLine = spot.lines[spot.last];
	if (!lastLine) return text;
	return `${text.slice(0, lastLine.end)}${eol}${newLines.join(eol)}${text.slice(lastLine.end)}`;
}
