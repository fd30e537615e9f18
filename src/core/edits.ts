/**
 * Pure edits of a note, in the shapes Obsidian's writers take: `(text) => text` for
 * `Vault.process` and `(frontmatter) => void` for `FileManager.processFrontMatter`.
 * Every byte outside the edit is kept: line endings, list style, a missing final newline.
 */
import { splitFrontmatter } from "./frontmatter";
import { readTaskLine } from "./scan";

/** Thrown inside an edit when the note no longer holds what the user saw: nothing is written. */
export class StaleEditError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "StaleEditError";
	}
}

function eolOf(text: string): string {
	const crlf = text.split("\r\n").length - 1;
	const lf = text.split("\n").length - 1 - crlf;
	return crlf > lf ? "\r\n" : "\n";
}

interface Line {
	start: number;
	/** End of the content, before `\r\n` / `\n`. */
	end: number;
	text: string;
}

function linesOf(text: string, from: number): Line[] {
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
const LIST_MARKER = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+/;

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

function bodyStart(text: string): number {
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

/**
 * Appends a list item under a heading. The heading is the first one of the same level whose
 * text matches ignoring case and surrounding spaces; the item goes after the last non-blank
 * line of its section, with the marker style of the section's last list item. When no such
 * heading exists, it is created at the end of the note. An identical item already in the
 * section is not added again.
 */
export function appendUnderHeading(heading: string, itemText: string): (text: string) => string {
	const want = parseHeading(heading);
	const headingLine = `${"#".repeat(want.level)} ${heading.trim().replace(/^#+[ \t]*/, "")}`;
	return (text) => {
		const eol = eolOf(text);
		const lines = linesOf(text, bodyStart(text));
		const { headings: all, openFence } = outline(lines);
		const at = all.findIndex((h) => h.level === want.level && h.text === want.text);
		if (at < 0) {
			let prefix = text;
			if (prefix !== "" && !prefix.endsWith("\n")) prefix += eol;
			// A code block left open at the end would swallow the new heading: close it first.
			if (openFence !== null) prefix += `${openFence}${eol}`;
			if (prefix.replace(/^\uFEFF/, "").trim() !== "" && !/\r?\n\r?\n$/.test(prefix)) prefix += eol;
			return `${prefix}${headingLine}${eol}- ${itemText}${eol}`;
		}
		const h = all[at];
		if (!h) return text;
		const next = all.slice(at + 1).find((x) => x.level <= want.level);
		const sectionEnd = next ? next.index : lines.length;
		let last = h.index;
		for (let i = h.index + 1; i < sectionEnd; i++) if ((lines[i]?.text ?? "").trim() !== "") last = i;
		let marker = "- ";
		let indent = "";
		for (let i = last; i > h.index; i--) {
			const m = LIST_MARKER.exec(lines[i]?.text ?? "");
			if (m?.[2]) {
				// Only follow a top-level item's style; a nested item's indent is not ours.
				if ((m[1] ?? "") !== "") continue;
				const n = /^(\d+)([.)])$/.exec(m[2]);
				marker = n ? `${Number(n[1]) + 1}${n[2]} ` : `${m[2]} `;
				indent = m[1] ?? "";
				break;
			}
		}
		const newLine = `${indent}${marker}${itemText}`;
		for (let i = h.index + 1; i <= last; i++) {
			if ((lines[i]?.text ?? "").replace(LIST_MARKER, "").trim() === itemText.trim()) return text;
		}
		const lastLine = lines[last];
		if (!lastLine) return text;
		const insertAt = lastLine.end;
		return `${text.slice(0, insertAt)}${eol}${newLine}${text.slice(insertAt)}`;
	};
}

/**
 * Checks the open task at `line` (1-based) and adds `✅ date`, after verifying that the line
 * still holds the task text the user saw. Throws StaleEditError otherwise.
 */
export function completeTask(line: number, expectedText: string, doneDate: string): (text: string) => string {
	return (text) => {
		const lines = linesOf(text, 0);
		const target = lines[line - 1];
		const task = target ? readTaskLine(target.text) : null;
		if (!target || !task || task.status !== " " || task.text !== expectedText) {
			throw new StaleEditError(`line ${line} no longer holds the open task "${expectedText}"`);
		}
		const checked = target.text.replace(/\[ \]/, "[x]");
		const block = /(\s+\^[\w-]+)\s*$/.exec(checked);
		const body = block ? checked.slice(0, block.index) : checked.replace(/\s+$/, "");
		const updated = `${body} ✅ ${doneDate}${block ? block[1] : ""}`;
		return `${text.slice(0, target.start)}${updated}${text.slice(target.end)}`;
	};
}

/** The key to write: an existing key of any case (`Last_Contact`), else the given one. */
export function existingKey(fm: Record<string, unknown>, key: string): string {
	if (Object.prototype.hasOwnProperty.call(fm, key)) return key;
	const lower = key.toLowerCase();
	return Object.keys(fm).find((k) => k.toLowerCase() === lower) ?? key;
}

/** Sets a property, reusing a key already present in another case; `null` removes it. */
export function setProperty(key: string, value: string | number | null): (fm: Record<string, unknown>) => void {
	return (fm) => {
		const k = existingKey(fm, key);
		if (value === null) delete fm[k];
		else fm[k] = value;
	};
}
