/**
 * A list item's marker, found without a regular expression: the scanner asks this of most lines
 * of a note, and a match object and its captured text for each were a fifth of what a build
 * allocates (docs/benchmarks.md, sixteenth round).
 */

/** The line terminators JavaScript's `.` does not match. */
const BREAK = /[\n\r\u2028\u2029]/;

/**
 * Where the text of a list item begins, as `^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$`
 * captures it (the line's length when it captures nothing), or −1 when the line is no list item.
 * `plain`: the caller knows the line has none of the terminators `.` stops at (`hasNoBreaks`).
 */
export function listItemRest(line: string, plain = false): number {
	const len = line.length;
	let i = 0;
	let c = line.charCodeAt(0);
	while (c === 32 || c === 9) c = line.charCodeAt(++i);
	if (c === 45 || c === 42 || c === 43) i++;
	else {
		const digits = i;
		while (c >= 48 && c <= 57) c = line.charCodeAt(++i);
		if (i === digits || i - digits > 9 || (c !== 46 && c !== 41)) return -1;
		i++;
	}
	if (i === len) return len;
	c = line.charCodeAt(i);
	if (c !== 32 && c !== 9) return -1;
	while (c === 32 || c === 9) c = line.charCodeAt(++i);
	// `.` stops at those: such a line is no item.
	return plain || !BREAK.test(line) ? i : -1;
}

/**
 * Whether `text` has none of the line terminators but `\n` (a `\r`, U+2028, U+2029): then no
 * line of it has one, and `listItemRest` need not look. Found by searches for one character,
 * much faster than a test of each line.
 */
export function hasNoBreaks(text: string): boolean {
	return text.indexOf("\r") < 0 && text.indexOf("\u2028") < 0 && text.indexOf("\u2029") < 0;
}
