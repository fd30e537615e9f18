/**
 * Pure edits of a note, in the shapes Obsidian's writers take: `(text) => text` for
 * `Vault.process` and `(frontmatter) => void` for `FileManager.processFrontMatter`.
 * Every byte outside the edit is kept: line endings, list style, a missing final newline.
 */
import { readTaskLine } from "./scan";
import { insertInSection, LIST_MARKER, linesOf, locateSection } from "./sections";

export { parseHeading, type ParsedHeading } from "./sections";

/** Thrown inside an edit when the note no longer holds what the user saw: nothing is written. */
export class StaleEditError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "StaleEditError";
	}
}

/**
 * Appends a list item under a heading. The heading is the first one of the same level whose
 * text matches ignoring case and surrounding spaces; the item goes after the last non-blank
 * line of its section, with the marker style of the section's last list item. When no such
 * heading exists, it is created at the end of the note. An identical item already in the
 * section is not added again.
 */
export function appendUnderHeading(heading: string, itemText: string): (text: string) => string {
	return (text) => {
		const spot = locateSection(text, heading);
		if (!spot.found) return insertInSection(text, spot, [`- ${itemText}`]);
		let marker = "- ";
		for (let i = spot.last; i > spot.headingIndex; i--) {
			const m = LIST_MARKER.exec(spot.lines[i]?.text ?? "");
			if (m?.[2]) {
				// Only follow a top-level item's style; a nested item's indent is not ours.
				if ((m[1] ?? "") !== "") continue;
				const n = /^(\d+)([.)])$/.exec(m[2]);
				marker = n ? `${Number(n[1]) + 1}${n[2]} ` : `${m[2]} `;
				break;
			}
		}
		for (let i = spot.headingIndex + 1; i <= spot.last; i++) {
			if ((spot.lines[i]?.text ?? "").replace(LIST_MARKER, "").trim() === itemText.trim()) return text;
		}
		return insertInSection(text, spot, [`${marker}${itemText}`]);
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
