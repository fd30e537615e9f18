/** What one note says, read into the compact form the people index keeps (`NoteFacts`). */
import type { DailyMatcher } from "./daily";
import { entrySize, TASK_OPEN, taskCode, writeEntry } from "./entries";
import { NO_NUMBERS, NO_PROBLEMS, NO_TARGETS, NO_TEXTS, type NoteFacts } from "./index-state";
import type { Target } from "./linkers";
import { propertyLines } from "./frontmatter";
import { asProperties, isPerson, noteDateOf, readPerson } from "./person";
import type { MirrorFinder } from "./reach-out-copies";
import { scanBody } from "./scan";
import type { ReteSettings } from "./settings";
import type { NoteRecord, PersonInfo, Problem } from "./types";

export interface ReadContext {
	settings: ReteSettings;
	daily: DailyMatcher | null;
	/** Reach-out headings (see scan). */
	mirror: readonly MirrorFinder[];
	/** The index's interned target of a link. */
	target(name: string): Target;
}

/**
 * A flat copy of a string that shares no memory with the text it was cut from. (A slice of a
 * long string keeps the whole string alive, and compares slower as a map key.) Short strings are
 * always copied by the engine already.
 */
export function detach(s: string): string {
	return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

function detachPerson(info: PersonInfo): PersonInfo {
	const out: PersonInfo = { ...info, name: detach(info.name), cadenceText: info.cadenceText === null ? null : detach(info.cadenceText), tags: info.tags.map(detach) };
	for (const key of ["company", "role", "email", "phone", "linkedin", "location"] as const) {
		const v = info[key];
		if (v !== undefined) out[key] = detach(v);
	}
	return out;
}

/** What a note says, in compact form. `old`: its earlier version, whose targets it likely links again. */
const NO_MIRRORS: readonly MirrorFinder[] = [];

export function readNote(record: NoteRecord, old: NoteFacts | undefined, ctx: ReadContext): NoteFacts {
	const { settings, daily } = ctx;
	let problems: Problem[] = NO_PROBLEMS;
	const add = (p: Problem): void => {
		if (problems === NO_PROBLEMS) problems = [];
		problems.push({ path: p.path, line: p.line, message: detach(p.message) });
	};
	// The properties' lines, found when a problem first points at one.
	let lines: Record<string, number> | undefined;
	const lineOf = (key: string): number | undefined => (lines ??= record.yaml !== undefined ? propertyLines(record.yaml) : {})[key];
	const report = (line: number | null) => (message: string, key?: string) => add({ path: record.path, line: (key !== undefined ? lineOf(key) : undefined) ?? line, message });
	if (record.frontmatterError) report(record.frontmatterError.line)(`unreadable frontmatter: ${record.frontmatterError.message}`);
	const fm = asProperties(record.frontmatter);
	if (fm === null && record.frontmatter !== null && record.frontmatter !== undefined) {
		report(1)("frontmatter is not a set of properties (key: value); ignored");
	}
	const person = isPerson(record.path, fm, settings) ? detachPerson(readPerson(record.path, fm, settings, report(1))) : null;
	if (record.body === null) {
		const links = record.links ?? [];
		const targets: Target[] = links.length === 0 ? NO_TARGETS : [];
		for (const link of links) {
			const t = ctx.target(link);
			if (!targets.includes(t)) targets.push(t);
		}
		return { path: record.path, person, targets, entries: NO_NUMBERS, texts: NO_TEXTS, problems, unread: true, quiet: record.quiet !== undefined && links.length === 0 ? record.quiet : null, dests: null, own: null, deferred: false, stamp: record.stamp ?? NaN };
	}
	// A bad `date` only matters in notes that may refer to someone.
	const mayRefer = person !== null || record.body.includes("[[") || record.body.includes("](");
	const dailyDate = daily?.dateOf(record.path) ?? null;
	const noteDate = dailyDate ?? noteDateOf(record.path, fm, null, mayRefer ? report(1) : () => undefined);
	// Reach-out lists are copies of the due list written into daily notes: elsewhere a section
	// under that heading is the user's own, and its open tasks are follow-ups like any others.
	const mirrorFinders = dailyDate !== null ? ctx.mirror : NO_MIRRORS;
	const scan = scanBody(record.body, { path: record.path, noteDate, ownNote: person !== null, firstLine: record.bodyStartLine ?? 0, mirrorFinders });
	for (const p of scan.problems) add(p);
	if (scan.entries.length === 0) return { path: record.path, person, targets: NO_TARGETS, entries: NO_NUMBERS, texts: NO_TEXTS, problems, unread: false, quiet: null, dests: null, own: null, deferred: false, stamp: record.stamp ?? NaN };
	const targets: Target[] = [];
	// The earlier version's targets, in order, before the intern table: a note read after its
	// links (or edited) mostly links the same names in the same order.
	const before = old?.targets ?? NO_TARGETS;
	let next = 0;
	const intern = (name: string): Target => {
		const t = before[next];
		if (t !== undefined && t.name === name) {
			next++;
			return t;
		}
		return ctx.target(name);
	};
	let size = 0;
	for (const e of scan.entries) size += entrySize(e.line, e.date, e.targets.length);
	// Allocated at its exact size: kept for as long as the note is indexed.
	const entries = new Array<number>(size);
	let at = 0;
	let texts: string[] = NO_TEXTS;
	for (const e of scan.entries) {
		const task = taskCode(e.task);
		at = writeEntry(entries, at, e.line, e.date, e.targets.length, task);
		for (const name of e.targets) {
			const t = intern(name);
			let k = targets.indexOf(t);
			if (k < 0) k = targets.push(t) - 1;
			entries[at++] = k;
		}
		if (task === TASK_OPEN) {
			if (texts === NO_TEXTS) texts = [];
			texts.push(detach(e.text ?? ""));
		}
	}
	return { path: record.path, person, targets: targets.slice(), entries, texts, problems, unread: false, quiet: null, dests: null, own: null, deferred: false, stamp: record.stamp ?? NaN };
}
