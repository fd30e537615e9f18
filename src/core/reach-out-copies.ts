/**
 * Reach-out lists copied into notes (a copy of the due list, `core/reachout`): the sections under
 * the reach-out headings in a daily note, and lines that carry Rete's block id anywhere. Open
 * tasks there are not follow-ups of their own (see `scanBody`).
 */
import { stripComments } from "./inline";
import { locateSections, parseHeading } from "./sections";

/** A reach-out heading, and its text as a heading line's is compared with it (`parseHeading`; `null`: none). */
export interface MirrorFinder {
	heading: string;
	text: string | null;
}

export function mirrorFinders(headings: readonly string[]): MirrorFinder[] {
	return headings.map((heading) => {
		const text = parseHeading(heading).text;
		return { heading, text: text === "" ? null : text };
	});
}

/**
 * File lines (first, last) of the sections under the mirror headings in a note whose body begins
 * on file line `firstLine`, found only when named.
 */
export function mirrorRanges(body: string, finders: readonly MirrorFinder[], firstLine: number): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	// Only `#` headings open a section: a note without `#` has none.
	if (body.indexOf("#") < 0) return out;
	let lines: string[] | null = null;
	for (const { heading, text } of finders) {
		if (text === null) continue;
		// No note has a section of that heading without a line holding its text.
		lines ??= hashLines(body);
		if (!lines.some((line) => line.includes(text))) continue;
		// Every such section: a list added twice (say, `rete today` run twice into the note) is a copy too.
		for (const spot of locateSections(body, heading, true)) out.push([firstLine + spot.headingIndex + 2, firstLine + spot.end + 1]);
	}
	return out;
}

/**
 * The note's lines with a `#`, comments removed and lower-cased, as `locateSections` reads a
 * heading line (which never begins in a comment): gathered once for every mirror heading, so
 * that a note is not searched whole for each (a case-insensitive search of every daily note's
 * text was ~2 % of the CLI's cold index).
 */
function hashLines(body: string): string[] {
	const out: string[] = [];
	for (let at = body.indexOf("#"); at >= 0; ) {
		let to = body.indexOf("\n", at);
		if (to < 0) to = body.length;
		const line = body.slice(body.lastIndexOf("\n", at) + 1, to);
		out.push((line.includes("%%") || line.includes("<!--") ? stripComments(line, "").visible : line).toLowerCase());
		at = body.indexOf("#", to);
	}
	return out;
}

/**
 * A line of a reach-out list, by the block id Rete gives each (`^rete-c-anna-rossi-1x2y3z4`):
 * a copy of the due list wherever it stands (a daily note of an older folder or format, a note
 * `rete today` was appended to), so an open one is never a follow-up of its own.
 */
const REACH_OUT_ID = /\s\^rete-[a-z0-9-]+\s*$/;

export function isReachOutCopy(line: string): boolean {
	return line.includes("^rete-") && REACH_OUT_ID.test(line);
}

export function inRanges(ranges: Array<[number, number]>, line: number): boolean {
	return ranges.some(([a, b]) => line >= a && line <= b);
}
