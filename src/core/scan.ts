/**
 * Reads a note body line by line and keeps the list items that matter to Rete: those that link
 * to a note, and every item of a person's own note. Fenced code, comments and embeds are skipped.
 */
import { type Day, parseIsoDay } from "./dates";
import { blankCode, linkTargets, stripComments } from "./inline";
import { hasNoBreaks, listItemRest } from "./list-item";
import { inRanges, isReachOutCopy, type MirrorFinder, mirrorFinders, mirrorRanges } from "./reach-out-copies";
import { contentColumnOf, indentOf, LINE_FENCE, LINE_TEXT, lineKind, ParentDates } from "./parent-dates";
import { RegionReader, unquote } from "./regions";
import type { Entry, Problem, TaskState } from "./types";

export interface ScanContext {
	path: string;
	/** The note's own date (daily-note name or `date` property). */
	noteDate: Day | null;
	/** True when the note is a person: all its items refer to that person. */
	ownNote: boolean;
	/** 0-based file line where the body starts. */
	firstLine?: number;
	/**
	 * Headings of reach-out lists (a copy of the due list in a daily note): open tasks there are
	 * not follow-ups; ticked ones are contacts.
	 */
	mirrorHeadings?: readonly string[];
	/** `mirrorFinders(mirrorHeadings)`, made once by a caller that scans many notes. */
	mirrorFinders?: readonly MirrorFinder[];
}

export interface ScanResult {
	entries: Entry[];
	problems: Problem[];
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const CHECKBOX = /^\[(.)\](?:[ \t]+(.*))?$/;
const LEADING_DATE = /^(?:\[\[(\d{4}-\d{1,2}-\d{1,2})(?:[|#][^\]\n]*)?\]\]|(\d{4}-\d{1,2}-\d{1,2}))(?![\d])[ \t]*[-–—:,.]?[ \t]*/;
/** The Tasks plugin's due date: 📅, or its variants 📆 and 🗓. */
const DUE_EMOJI = /(?:📅|📆|🗓)\uFE0F?[ \t]*(\d{4}-\d{1,2}-\d{1,2})(?!\d)/u;
const DONE_EMOJI = /✅\uFE0F?[ \t]*(\d{4}-\d{1,2}-\d{1,2})(?!\d)/u;
const DUE_FIELD = /[[(]due::[ \t]*(\d{4}-\d{1,2}-\d{1,2})[ \t]*[\])]/i;
// A field's value never holds a bracket: stopping at the next one keeps a line of many
// unclosed `[due::` linear to read.
const TASK_FIELDS = /[ \t]*(?:(?:[📅📆✅⏳🛫➕❌]|🗓)\uFE0F?[ \t]*\d{4}-\d{1,2}-\d{1,2}|[[(](?:due|completion|scheduled|start|created)::[^\][()]*[\])])/gu;
const MAX_TEXT = 300;

export function scanBody(body: string, ctx: ScanContext): ScanResult {
	const entries: Entry[] = [];
	const problems: Problem[] = [];
	const first = ctx.firstLine ?? 0;
	const regions = new RegionReader();
	let start = 0;
	let lineNo = first;
	const len = body.length;
	const mirror = mirrorRanges(body, ctx.mirrorFinders ?? mirrorFinders(ctx.mirrorHeadings ?? []), ctx.firstLine ?? 0);
	// No line of the note has a terminator but its `\n` (most notes): no line is looked through for one.
	const plain = hasNoBreaks(body);
	// Lines that cannot matter are skipped without being cut out: outside fences and comments,
	// in a note that is not a person's, a line matters only if it has a `[` or may open a fence.
	const quick = !ctx.ownNote && body.indexOf("%%") < 0 && body.indexOf("<!--") < 0;
	let bracket = quick ? body.indexOf("[") : 0;
	// Nested items take the date of a dated item above them: see core/parent-dates.
	const parents = new ParentDates();
	const own = { day: null as Day | null, raw: "", reported: false, cancelled: false };
	while (start <= len) {
		let end = body.indexOf("\n", start);
		if (end < 0) end = len;
		// A byte-order mark at the start of the file is not part of its first line.
		const lineStart = start === 0 && first === 0 && body.charCodeAt(0) === 0xfeff ? 1 : start;
		lineNo++;
		start = end + 1;
		if (quick && regions.fence === null) {
			if (bracket >= 0 && bracket < lineStart) bracket = body.indexOf("[", lineStart);
			if (bracket < 0 || bracket >= end) {
				// Most such lines are prose: a letter (or most any sign) first, at the margin, is text
				// that ends a list; judged without a call.
				const c0 = body.charCodeAt(lineStart);
				if (c0 > 62 && c0 !== 96 && c0 !== 126) {
					if (!parents.idle) parents.mayPass(LINE_TEXT);
					continue;
				}
				// The CR of a CRLF line ending is no part of the line.
				const kind = lineKind(body, lineStart, end > lineStart && body.charCodeAt(end - 1) === 13 ? end - 1 : end);
				if ((kind & 7) !== LINE_FENCE && parents.mayPass(kind)) continue;
			}
		}
		let line = body.slice(lineStart, end);
		if (line.endsWith("\r")) line = line.slice(0, -1);
		const visible = regions.read(line);
		if (visible === null) continue;
		const hasBracket = visible.indexOf("[") >= 0;
		const restAt = listItemRest(visible, plain);
		// A thematic break is made of `-`, `*`, `_` and blanks only: never with a `[`.
		if (restAt < 0 || (!hasBracket && THEMATIC_BREAK.test(visible))) {
			// Judged as the quick pass judges the lines it passes over, only while a list is open.
			if (!parents.idle) parents.text(lineKind(visible, 0, visible.length), regions.depth);
			continue;
		}
		// Most notes have no dated item open: then only an item's own date matters.
		const indent = parents.idle ? -1 : indentOf(visible);
		const above = indent < 0 ? null : parents.under(indent, regions.depth);
		own.day = null;
		own.reported = false;
		own.cancelled = false;
		const entry = readItem(visible.slice(restAt), lineNo, ctx, problems, above, own, parents);
		// A cancelled item: its children are under it, with its date if it has one, else what it took.
		if (own.cancelled) parents.item(contentColumnOf(visible), regions.depth, own.day ?? above, parents.badLine, parents.badDate, true);
		// A date that is no day, reported on its own line already: a negative line says so.
		else if (own.day !== null) parents.item(contentColumnOf(visible), regions.depth, own.day, own.reported ? -lineNo : lineNo, own.raw);
		else if (above !== null || parents.cancelled) parents.item(contentColumnOf(visible), regions.depth, above, parents.badLine, parents.badDate, parents.cancelled);
		if (entry && !(entry.task === "open" && (inRanges(mirror, lineNo) || isReachOutCopy(visible)))) entries.push(entry);
	}
	return { entries, problems };
}

/**
 * The entry of a list item (`rest`: past its marker), or `null` when it is none. `above`: the
 * date it takes from the items above it (NaN: one that is no day); `own.day` is set to its own
 * leading date, if any (NaN: written, but no day; `own.raw`: as written), and `own.cancelled`
 * when it is a cancelled task. `parents`: where a date that is no day above came from, and
 * whether the item is under a cancelled one.
 */
function readItem(rest: string, line: number, ctx: ScanContext, problems: Problem[], above: Day | null, own: { day: Day | null; raw: string; reported: boolean; cancelled: boolean }, parents: ParentDates): Entry | null {
	let task: TaskState = "none";
	let text = rest;
	const box = rest.charCodeAt(0) === 91 && rest.charCodeAt(2) === 93 ? CHECKBOX.exec(rest) : null;
	if (box) {
		const status = box[1];
		if (status === " ") task = "open";
		else if (status === "x" || status === "X") task = "done";
		else {
			// Cancelled `[-]` and other statuses count for nothing; a cancelled one's plain children neither.
			if (status === "-") cancelledItem(box[2] ?? "", own);
			return null;
		}
		text = box[2] ?? "";
	}
	let leading: Day | null = null;
	let leadingBad = false;
	const t0 = text.charCodeAt(0);
	const lead = (t0 >= 48 && t0 <= 57) || (t0 === 91 && text.charCodeAt(1) === 91) ? LEADING_DATE.exec(text) : null;
	const raw = lead ? (lead[1] ?? lead[2] ?? "") : null;
	if (lead) {
		text = text.slice(lead[0].length);
		// NaN: written, but no day; its children take no date from it, nor from above it.
		own.day = parseIsoDay(raw ?? "") ?? NaN;
		own.raw = raw ?? "";
	}
	const targets = linkTargets(blankCode(text));
	if (targets.length === 0 && !ctx.ownNote) return null;
	if (raw !== null) {
		leadingBad = Number.isNaN(own.day);
		leading = leadingBad ? null : own.day;
		if (leadingBad) {
			problems.push({ path: ctx.path, line, message: badDate(raw) });
			own.reported = true;
		}
	}
	// Nested under an item whose date is no day, with none of its own: undated as that item is.
	const badAbove = raw === null && above !== null && Number.isNaN(above);
	// The date of the items above, where the note's own would do.
	const context = badAbove ? null : above ?? ctx.noteDate;

	let date: Day | null = null;
	if (task === "open") {
		let due = text.includes("📅") || text.includes("📆") || text.includes("🗓") ? fieldDate(DUE_EMOJI, text, line, ctx.path, problems) : undefined;
		if (due === undefined && text.includes("::")) due = fieldDate(DUE_FIELD, text, line, ctx.path, problems);
		// An impossible due date leaves the follow-up undated rather than guessing another date.
		date = due !== undefined ? due : leadingBad ? null : leading ?? context;
		if (due === undefined && badAbove) fromBadAbove(line, ctx, problems, parents);
	} else if (task === "done") {
		const done = text.includes("✅") ? fieldDate(DONE_EMOJI, text, line, ctx.path, problems) : undefined;
		if (done === null || leadingBad) return null;
		if (done === undefined && badAbove) {
			fromBadAbove(line, ctx, problems, parents);
			return null;
		}
		date = done ?? leading ?? context;
		if (date === null) return null;
	} else {
		if (leadingBad) return null;
		// In a person's own note an undated item is a detail, not an interaction, nested or not;
		// under a cancelled item, part of what did not happen.
		if ((ctx.ownNote || parents.cancelled) && leading === null) return null;
		if (badAbove) {
			fromBadAbove(line, ctx, problems, parents);
			return null;
		}
		date = leading ?? context;
		if (date === null) return null;
	}
	const entry: Entry = { line, task, date, targets };
	if (task === "open") entry.text = taskText(text);
	return entry;
}

/**
 * A cancelled task (`[-]`; `text`: past its checkbox): `own.cancelled`, and `own.day` its leading
 * date when that is a day (else `null`: its children take the date from above it), found as
 * `readItem` finds one. Its date is not checked (nothing is reported of a cancelled item); a
 * valid one dates the tasks under it.
 */
function cancelledItem(text: string, own: { day: Day | null; cancelled: boolean }): void {
	own.cancelled = true;
	const t0 = text.charCodeAt(0);
	const lead = (t0 >= 48 && t0 <= 57) || (t0 === 91 && text.charCodeAt(1) === 91) ? LEADING_DATE.exec(text) : null;
	own.day = lead ? parseIsoDay(lead[1] ?? lead[2] ?? "") : null;
}

/**
 * The date of a task field: a day, `null` when written but impossible (reported on `line` of
 * the note at `path`), `undefined` when the field is absent.
 */
function fieldDate(re: RegExp, text: string, line: number, path: string, problems: Problem[]): Day | null | undefined {
	const m = re.exec(text);
	if (!m?.[1]) return undefined;
	const day = parseIsoDay(m[1]);
	if (day === null) problems.push({ path, line, message: badDate(m[1]) });
	return day;
}

/**
 * An item on `line` nested under one whose date is no day, with none of its own: said on this
 * line, unless the item above said it on its own (it links someone, or it stands in a person's
 * note, where every item counts).
 */
function fromBadAbove(line: number, ctx: ScanContext, problems: Problem[], parents: ParentDates): void {
	if (!ctx.ownNote && parents.badLine > 0) problems.push({ path: ctx.path, line, message: `nested under line ${parents.badLine}, whose date ${parents.badDate} is impossible or not written as YYYY-MM-DD` });
}

function badDate(raw: string): string {
	return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `impossible date ${raw}` : `date ${raw} is not written as YYYY-MM-DD`;
}

function taskText(text: string): string {
	const clean = text.replace(TASK_FIELDS, "").replace(/\s+/g, " ").trim();
	return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT - 1)}…` : clean;
}

/**
 * One line read as a task: its checkbox status and its text as the scanner reports it, or
 * `null` when the line is not a task. Used to check a line before editing it.
 */
export function readTaskLine(line: string): { status: string; text: string } | null {
	const visible = stripComments(unquote(line).content, "").visible;
	const restAt = listItemRest(visible);
	const box = restAt >= 0 ? CHECKBOX.exec(visible.slice(restAt)) : null;
	if (!box?.[1]) return null;
	let text = box[2] ?? "";
	const lead = LEADING_DATE.exec(text);
	if (lead) text = text.slice(lead[0].length);
	return { status: box[1], text: taskText(text) };
}
