/**
 * The dates nested list items take from the items they sit under:
 *
 *     - 2026-11-20 Fair in Bologna
 *       - met [[Anna Rossi]]        ← on 2026-11-20
 *       - Session on pricing
 *         - with [[Marco Bianchi]]  ← on 2026-11-20 too
 *
 * An item's own date wins; else the nearest dated item above it gives its date. Under a
 * cancelled item (`- [-] …`) a plain item without a date of its own is no interaction (what was
 * cancelled did not happen); tasks keep their own status, and an item with a date of its own
 * ends the cancelling for its own children. An item sits
 * under another when it is indented at least to where the other's text begins, as CommonMark
 * (and Obsidian) nest lists: ` - b` under `- a` is a sibling, `  - b` a child. Unindented text
 * (a paragraph, a heading, a thematic break) ends the list, and so does any line of another
 * quote depth, blank or not; other blank lines and indented text do not. The scanner's quick
 * pass, which reads lines without a link only by their first characters (`lineKind`), keeps the
 * same books (`mayPass`).
 */
import type { Day } from "./dates";

/** Columns of a line's leading blanks, tabs to the next multiple of four. */
export function indentOf(line: string): number {
	let col = 0;
	for (let i = 0; ; i++) {
		const c = line.charCodeAt(i);
		if (c === 32) col++;
		else if (c === 9) col += 4 - (col % 4);
		else return col;
	}
}

/**
 * The column where a list item's text begins (tabs to the next multiple of four): past its
 * indent, its marker and the blanks after it; one past the marker when the item is empty or
 * when more than four columns of blanks follow (then the text is indented code, as CommonMark has it).
 */
export function contentColumnOf(line: string): number {
	let col = 0;
	let i = 0;
	for (let c = line.charCodeAt(i); c === 32 || c === 9; c = line.charCodeAt(++i)) col = c === 9 ? col + 4 - (col % 4) : col + 1;
	// The marker: `-`, `*`, `+`, or digits then `.` or `)`.
	for (let c = line.charCodeAt(i); c >= 48 && c <= 57; c = line.charCodeAt(++i)) col++;
	i++;
	col++;
	const marker = col;
	for (let c = line.charCodeAt(i); c === 32 || c === 9; c = line.charCodeAt(++i)) col = c === 9 ? col + 4 - (col % 4) : col + 1;
	return i >= line.length || col - marker > 4 ? marker + 1 : col;
}

export class ParentDates {
	/**
	 * The open items that give a date or cancel, outermost first: the columns where their text
	 * begins (`contentColumnOf`), their dates (`NaN`: one that is no day; `null`: none, for an item
	 * that only cancels) and whether they cancel, the first `depth` of each. The arrays only grow:
	 * cutting them would make the next push allocate anew, item after item in a person's log.
	 */
	private readonly columns: number[] = [];
	private readonly days: Array<Day | null> = [];
	private readonly cancels: boolean[] = [];
	/** For an item whose date is no day: its line and its date as written. */
	private readonly badLines: number[] = [];
	private readonly badDates: string[] = [];
	private depth = 0;
	/** The quote depth (`>` markers) of the open items: a line of another ends them. */
	private quote = 0;
	/** After `under` gave `NaN`: the line and the date, as written, of the item it comes from. */
	badLine = 0;
	badDate = "";
	/** After `under`: whether the item is nested under a cancelled one (no item with a date of its own between them). */
	cancelled = false;

	/** No dated or cancelled item is open: only a dated item can matter next (a cancelled one has a `[`). */
	get idle(): boolean {
		return this.depth === 0;
	}

	/**
	 * The date an item at `indent` takes from the items above it (`null`: none; `NaN`: the nearest
	 * dated one is written with a date that is no day). `quote`: its quote depth. Forgets the
	 * items it ends: those whose text begins right of it.
	 */
	under(indent: number, quote: number): Day | null {
		let n = quote === this.quote ? this.depth : 0;
		while (n > 0 && (this.columns[n - 1] ?? 0) > indent) n--;
		this.depth = n;
		this.cancelled = n > 0 && this.cancels[n - 1] === true;
		if (n === 0) return null;
		const day = this.days[n - 1] ?? null;
		if (day !== null && Number.isNaN(day)) {
			this.badLine = this.badLines[n - 1] ?? 0;
			this.badDate = this.badDates[n - 1] ?? "";
		}
		return day;
	}

	/**
	 * An item whose text begins at column `content` (`contentColumnOf`) and whose children take
	 * `day` (its own date, else what it took); for a date that is no day (`NaN`), the line and
	 * the date as written of the item it comes from. `cancels`: its children are under a
	 * cancelled item (it is one, or it took that from above).
	 */
	item(content: number, quote: number, day: Day | null, badLine = 0, badDate = "", cancels = false): void {
		if (day === null && !cancels) return;
		if (this.depth === 0) this.quote = quote;
		this.columns[this.depth] = content;
		this.days[this.depth] = day;
		this.cancels[this.depth] = cancels;
		if (day !== null && Number.isNaN(day)) {
			this.badLines[this.depth] = badLine;
			this.badDates[this.depth] = badDate;
		}
		this.depth++;
	}

	/**
	 * A line that is no list item, or a thematic break, of `kind` (`lineKind` of what is visible
	 * of it: past quote markers and comments) and quote depth `quote`: a line of another quote
	 * depth ends the list, and at its own depth anything but a blank line or an indented one.
	 * Judged by `lineKind`, as the scanner's quick pass judges the lines it passes over.
	 */
	text(kind: number, quote: number): void {
		if (this.depth === 0) return;
		if (quote !== this.quote || ((kind & 7) !== LINE_BLANK && (kind & LINE_INDENTED) === 0)) this.clear();
	}

	/**
	 * A line the scanner would pass over unread (no link on it, outside code), of `kind`
	 * (`lineKind`): whether it may be, after the lists' bookkeeping. `false` when it must be read
	 * like any other line: a dated item while none is open, and any item or quoted line while
	 * some are (it may end them).
	 */
	mayPass(kind: number): boolean {
		if (this.depth === 0) return (kind & 7) !== LINE_DATED;
		if ((kind & LINE_QUOTED) !== 0) return false;
		const base = kind & 7;
		if (base === LINE_ITEM || base === LINE_DATED) return false;
		// Such a line is outside every quote: it ends a list in one, blank or not. Else unindented
		// text ends the list; indented text and blank lines do not.
		if (this.quote !== 0 || (base === LINE_TEXT && (kind & LINE_INDENTED) === 0)) this.clear();
		return true;
	}

	private clear(): void {
		this.depth = 0;
		this.cancelled = false;
	}
}

/** `lineKind`: what a line may be, judged by its first characters (three bits), and flags. */
export const LINE_TEXT = 0;
export const LINE_BLANK = 1;
/** May open or close a fence: its first mark is `` ` `` or `~`. */
export const LINE_FENCE = 2;
export const LINE_ITEM = 3;
/** May be an item with a leading date: a list marker, blanks, then a digit. */
export const LINE_DATED = 4;
export const LINE_QUOTED = 8;
export const LINE_INDENTED = 16;

/**
 * What the line of `text` from `from` to `to` may be, from its first characters only. `to` is
 * the end of the line without its line ending (a CRLF's CR included).
 */
export function lineKind(text: string, from: number, to: number): number {
	let i = from;
	let c = text.charCodeAt(i);
	let flags = 0;
	while (i < to && (c === 32 || c === 9 || c === 62)) {
		flags |= c === 62 ? LINE_QUOTED : LINE_INDENTED;
		c = text.charCodeAt(++i);
	}
	if (i >= to) return LINE_BLANK | flags;
	if (c === 96 || c === 126) return LINE_FENCE | flags;
	if (c >= 48 && c <= 57) {
		while (++i < to && (c = text.charCodeAt(i)) >= 48 && c <= 57);
		if (c !== 46 && c !== 41) return LINE_TEXT | flags;
	} else if (c !== 45 && c !== 42 && c !== 43) return LINE_TEXT | flags;
	// A marker alone on its line is an item too (an empty one).
	if (++i >= to) return LINE_ITEM | flags;
	c = text.charCodeAt(i);
	if (c !== 32 && c !== 9) return LINE_TEXT | flags;
	while (i < to && ((c = text.charCodeAt(i)) === 32 || c === 9)) i++;
	return (i < to && c >= 48 && c <= 57 ? LINE_DATED : LINE_ITEM) | flags;
}
