/**
 * The parts of a note body that are not content: fenced code (also inside blockquotes and
 * callouts) and `%% … %%` / `<!-- … -->` comments. One reader, line by line, for the scanner and
 * for the edits, so that what the scanner ignores is never taken as a heading or written into.
 */
import { type CommentState, stripComments } from "./inline";

const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;

export interface OpenFence {
	char: string;
	len: number;
	/** The number of `>` markers before it: a line with fewer ends the block. */
	depth: number;
}

/** Splits off leading `>` markers (blockquotes and callouts), returning their count and the rest. */
export function unquote(line: string): { depth: number; content: string } {
	let depth = 0;
	let i = 0;
	for (;;) {
		let j = i;
		while (j < i + 3 && line.charCodeAt(j) === 32) j++;
		if (line.charCodeAt(j) !== 62 /* > */) break;
		depth++;
		i = j + 1;
		if (line.charCodeAt(i) === 32) i++;
	}
	return depth === 0 ? { depth, content: line } : { depth, content: line.slice(i) };
}

/** Whether a line, past its blanks and quote markers, starts like a code fence (a necessary condition). */
export function mayBeFence(text: string, from: number, to: number): boolean {
	let i = from;
	while (i < to) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 62 /* > */) return c === 96 /* ` */ || c === 126 /* ~ */;
		i++;
	}
	return false;
}

/** Reads a body line by line, tracking the fence and the comment open after each line. */
export class RegionReader {
	fence: OpenFence | null = null;
	comment: CommentState = "";
	/** The number of `>` markers of the last line read. */
	depth = 0;

	/**
	 * Reads the next line (without its line ending). Returns what is visible of it — past its `>`
	 * markers, comments removed — or `null` when it is code, a fence line, or begins in a comment.
	 */
	read(line: string): string | null {
		const c0 = line.charCodeAt(0);
		const { depth, content } = c0 === 32 || c0 === 62 ? unquote(line) : { depth: 0, content: line };
		this.depth = depth;
		const fenceLike = mayBeFence(content, 0, content.length);
		const fence = this.fence;
		if (fence) {
			if (depth >= fence.depth) {
				const close = fenceLike ? FENCE.exec(content) : null;
				if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.len && (close[2] ?? "").trim() === "") this.fence = null;
				return null;
			}
			this.fence = null;
		}
		if (this.comment === "" && fenceLike) {
			const open = FENCE.exec(content);
			if (open?.[1] && !(open[1][0] === "`" && (open[2] ?? "").includes("`"))) {
				this.fence = { char: open[1][0] ?? "`", len: open[1].length, depth };
				return null;
			}
		}
		const stripped = stripComments(content, this.comment);
		this.comment = stripped.state;
		return stripped.startedInComment ? null : stripped.visible;
	}

	/**
	 * Whether a line without `>` written after the last line read would be content: no comment
	 * is open, and no fence that such a line does not end (one inside a blockquote it does).
	 */
	clear(): boolean {
		return this.comment === "" && (this.fence === null || this.fence.depth > 0);
	}

	/** The line that closes what is open at the end of a note, before a line is added there. */
	closer(): string | null {
		if (this.comment !== "") return this.comment === "%%" ? "%%" : "-->";
		return this.fence !== null && this.fence.depth === 0 ? this.fence.char.repeat(this.fence.len) : null;
	}
}
