/**
 * Pure edits of a note, in the shapes Obsidian's writers take: `(text) => text` for
 * `Vault.process` and `(frontmatter) => void` for `FileManager.processFrontMatter`.
 * Every byte outside the edit is kept: line endings, list style, a missing final newline.
 */
import { splitFrontmatter } from "./frontmatter";
import { stripComments } from "./inline";
import { RegionReader } from "./regions";
import { readTaskLine } from "./scan";
import { insertInSection, type Line, LIST_MARKER, linesOf, locateSection, sectionLines } from "./sections";

export { parseHeading, type ParsedHeading } from "./sections";

/** Thrown inside an edit when the note no longer holds what the user saw: nothing is written. */
export class StaleEditError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "StaleEditError";
	}
}

/**
 * A recurring task (🔁) is left to the Tasks plugin, which adds its next occurrence when it is
 * ticked; ticking it here would end the series.
 */
export class RecurringTaskError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "RecurringTaskError";
	}
}

/**
 * Appends a list item under a heading. The heading is the first one of the same level whose
 * text matches ignoring case and surrounding spaces, outside fenced code, comments and the
 * frontmatter. The item goes after the last non-blank line of its section after which no code
 * block or comment is open (so before a code block or comment left open at its end, the
 * heading itself at worst), with the marker style of the last list item above it. When no such
 * heading exists, it is created at the end of the note, after closing a code block or comment
 * left open there. An identical item already in the section (outside code and comments) is not
 * added again.
 */
export function appendUnderHeading(heading: string, itemText: string): (text: string) => string {
	return (text) => {
		const spot = locateSection(text, heading);
		if (!spot.found) return insertInSection(text, spot, [`- ${itemText}`]);
		let marker = "- ";
		for (let i = spot.last; i > spot.headingIndex; i--) {
			const m = spot.shown[i] ? LIST_MARKER.exec(spot.lines[i]?.text ?? "") : null;
			if (m?.[2]) {
				// Only follow a top-level item's style; a nested item's indent is not ours.
				if ((m[1] ?? "") !== "") continue;
				const n = /^(\d+)([.)])$/.exec(m[2]);
				marker = n ? `${Number(n[1]) + 1}${n[2]} ` : `${m[2]} `;
				break;
			}
		}
		for (const line of sectionLines(spot)) {
			if (line.text.replace(LIST_MARKER, "").trim() === itemText.trim()) return text;
		}
		return insertInSection(text, spot, [`${marker}${itemText}`]);
	};
}

/**
 * Checks the open task at `line` (1-based) and adds `✅ date`, after verifying that the line
 * still holds the task text the user saw, as the scanner reads it: outside the frontmatter,
 * fenced code and comments. Throws StaleEditError otherwise.
 */
export function completeTask(line: number, expectedText: string, doneDate: string): (text: string) => string {
	return (text) => {
		const lines = linesOf(text, 0);
		const target = lines[line - 1];
		const task = target && isContent(text, lines, line - 1) ? readTaskLine(target.text) : null;
		if (!target || !task || task.status !== " " || task.text !== expectedText) {
			throw new StaleEditError(`line ${line} no longer holds the open task "${expectedText}"`);
		}
		// A comment left open at the end of the line stays last: the date goes before it.
		const cut = trailingComment(target.text);
		const head = target.text.slice(0, cut);
		if (stripComments(head, "").visible.includes("🔁")) throw new RecurringTaskError(`line ${line} is a recurring task: tick it with the Tasks plugin`);
		const tail = cut < target.text.length ? `${/\s*$/.exec(head)?.[0] ?? ""}${target.text.slice(cut)}` : "";
		const checked = head.replace(/\[ \]/, "[x]");
		const block = /(\s+\^[\w-]+)\s*$/.exec(checked);
		const body = block ? checked.slice(0, block.index) : checked.replace(/\s+$/, "");
		const updated = `${body} ✅ ${doneDate}${block ? block[1] : ""}${tail}`;
		return `${text.slice(0, target.start)}${updated}${text.slice(target.end)}`;
	};
}

/** Where the comment that a line leaves open begins (`%%`, `<!--`), or the line's length. */
function trailingComment(line: string): number {
	if (stripComments(line, "").state === "") return line.length;
	let at = line.length;
	for (let i = 0; i < line.length; i++) {
		if ((line.startsWith("%%", i) || line.startsWith("<!--", i)) && stripComments(line.slice(0, i), "").state === "") at = i;
	}
	return at;
}

/** Whether line `index` of the note is read by the scanner: in the body, outside code and comments. */
function isContent(text: string, lines: Line[], index: number): boolean {
	const split = splitFrontmatter(text);
	const first = split.kind === "yaml" ? split.bodyStartLine : 0;
	const regions = new RegionReader();
	// A line in the frontmatter is never read: `visible` stays null.
	let visible: string | null = null;
	for (let i = first; i <= index; i++) visible = regions.read(lines[i]?.text ?? "");
	return visible !== null;
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
