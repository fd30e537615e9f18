/**
 * A note's entries in the people index, packed: one number per entry, then the indexes of its
 * link targets among the note's targets.
 */
import type { Day } from "./dates";

/*
 * `entries` holds, for each entry, one number and then the indexes of its targets in `targets`.
 * The number packs, exactly (it stays below 2^53): the line (23 bits), the day (22 bits, offset
 * so that the years 1 to 9999 fit), the number of targets (6 bits) and the task (2 bits). A
 * field too large for its bits holds its escape value and the real value follows, in the order
 * line, day, count. One number instead of three per entry: a third of the index's memory.
 */
const DAY_OFFSET = 720_000;
const DAY_BITS = 2 ** 22;
const NO_DAY = DAY_BITS - 1;
const DAY_ESCAPE = DAY_BITS - 2;
const LINE_ESCAPE = 2 ** 23 - 1;
const COUNT_ESCAPE = 63;

/** Numbers one entry takes in `entries`. */
export function entrySize(line: number, day: Day | null, count: number): number {
	const dayField = day === null ? NO_DAY : day + DAY_OFFSET;
	return 1 + (line >= LINE_ESCAPE ? 1 : 0) + (day !== null && (dayField < 0 || dayField >= DAY_ESCAPE) ? 1 : 0) + (count >= COUNT_ESCAPE ? 1 : 0) + count;
}

/** Writes an entry's packed number (and escaped values) at `at`; returns where its targets go. */
export function writeEntry(out: number[], at: number, line: number, day: Day | null, count: number, task: number): number {
	const lineEscaped = line >= LINE_ESCAPE;
	let dayField = day === null ? NO_DAY : day + DAY_OFFSET;
	const dayEscaped = day !== null && (dayField < 0 || dayField >= DAY_ESCAPE);
	if (dayEscaped) dayField = DAY_ESCAPE;
	const countEscaped = count >= COUNT_ESCAPE;
	out[at++] = (((lineEscaped ? LINE_ESCAPE : line) * DAY_BITS + dayField) * 64 + (countEscaped ? COUNT_ESCAPE : count)) * 4 + task;
	if (lineEscaped) out[at++] = line;
	if (dayEscaped) out[at++] = day ?? 0;
	if (countEscaped) out[at++] = count;
	return at;
}

/** One entry as `readEntry` unpacks it (reused: no allocation per entry). */
export interface EntryView {
	line: number;
	day: Day | null;
	count: number;
	task: number;
}

/** Reads the entry at `at` into `out`; returns where its targets are. */
export function readEntry(e: ArrayLike<number>, at: number, out: EntryView): number {
	// Divisions by powers of two and floors are exact here, and much faster than `%` on numbers
	// this large.
	const packed = e[at++] ?? 0;
	const q1 = Math.floor(packed / 4);
	out.task = packed - q1 * 4;
	const q2 = Math.floor(q1 / 64);
	const count = q1 - q2 * 64;
	const line = Math.floor(q2 / DAY_BITS);
	const dayField = q2 - line * DAY_BITS;
	out.line = line === LINE_ESCAPE ? (e[at++] ?? 0) : line;
	out.day = dayField === NO_DAY ? null : dayField === DAY_ESCAPE ? (e[at++] ?? 0) : dayField - DAY_OFFSET;
	out.count = count === COUNT_ESCAPE ? (e[at++] ?? 0) : count;
	return at;
}
export const TASK_NONE = 0;
export const TASK_OPEN = 1;
export const TASK_DONE = 2;

export function taskCode(task: string): number {
	return task === "open" ? TASK_OPEN : task === "done" ? TASK_DONE : TASK_NONE;
}
