/**
 * Inline markdown: comments that span lines (`%% %%`, `<!-- -->`), code spans, and the link
 * targets of one line. Nothing here allocates per character; every pattern is linear.
 */

export type CommentState = "" | "%%" | "<!--";

export interface StrippedLine {
	/** The line with comments removed (code spans kept). */
	visible: string;
	/** Whether the line began inside a comment (it is then never a list item). */
	startedInComment: boolean;
	/** Comment state after the line. */
	state: CommentState;
}

/** Removes `%% … %%` and `<!-- … -->` from a line, carrying an open comment to the next line. */
export function stripComments(line: string, state: CommentState): StrippedLine {
	const startedInComment = state !== "";
	if (!startedInComment && line.indexOf("%%") < 0 && line.indexOf("<!--") < 0) {
		return { visible: line, startedInComment, state };
	}
	let out = "";
	let i = 0;
	const n = line.length;
	while (i < n) {
		if (state !== "") {
			const close = state === "%%" ? "%%" : "-->";
			const at = line.indexOf(close, i);
			if (at < 0) return { visible: out, startedInComment, state };
			i = at + close.length;
			state = "";
			continue;
		}
		const ch = line.charCodeAt(i);
		if (ch === 96 /* ` */) {
			const end = codeSpanEnd(line, i);
			out += line.slice(i, end);
			i = end;
		} else if (ch === 37 /* % */ && line.charCodeAt(i + 1) === 37) {
			state = "%%";
			i += 2;
		} else if (ch === 60 /* < */ && line.startsWith("<!--", i)) {
			state = "<!--";
			i += 4;
		} else {
			out += line[i];
			i++;
		}
	}
	return { visible: out, startedInComment, state };
}

/**
 * Index just past the code span that opens at `start` (a run of backticks closed by a run of the
 * same length), or past the opening run when it is never closed.
 */
function codeSpanEnd(line: string, start: number): number {
	let run = start;
	while (line.charCodeAt(run) === 96) run++;
	const len = run - start;
	let i = run;
	for (;;) {
		const at = line.indexOf("`", i);
		if (at < 0) return run;
		let end = at;
		while (line.charCodeAt(end) === 96) end++;
		if (end - at === len) return end;
		i = end;
	}
}

/** The line with every code span replaced by spaces, so links inside code are not seen. */
export function blankCode(line: string): string {
	if (line.indexOf("`") < 0) return line;
	let out = "";
	let i = 0;
	for (;;) {
		const at = line.indexOf("`", i);
		if (at < 0) return out + line.slice(i);
		const end = codeSpanEnd(line, at);
		let run = at;
		while (line.charCodeAt(run) === 96) run++;
		// An unclosed run of backticks is literal text.
		out += line.slice(i, at) + (end === run ? line.slice(at, end) : " ".repeat(end - at));
		i = end;
	}
}

const MDLINK = /(!?)\[([^[\]\n]*)\]\(\s*(<[^<>\n]*>|[^()\s]+)(?:\s+"[^"\n]*")?\s*\)/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Link targets in a line whose code spans are already blanked: `[[Name]]`, `[[Name|alias]]`,
 * `[[Name#heading]]`, `[[folder/Name]]` and `[text](folder/Name.md)`. Embeds (`![[…]]`, `![](…)`)
 * and external URLs are skipped. Targets come back without heading, block or alias.
 */
export function linkTargets(text: string): string[] {
	const out: string[] = [];
	if (text.indexOf("[") < 0) return out;
	// `[[…]]` as `(!?)\[\[([^[\]\n]*)\]\]` finds them, without a match object each (most lines
	// of a build have one: docs/benchmarks.md, sixteenth round). `!` before one: an embed.
	let open = text.indexOf("[[");
	while (open >= 0) {
		let end = open + 2;
		// The name's first `|`, found in the same pass (a search to the end of the line for each
		// link would read a long line once per link).
		let bar = -1;
		let c = text.charCodeAt(end);
		while (end < text.length && c !== 91 && c !== 93 && c !== 10) {
			if (c === 124 && bar < 0) bar = end;
			c = text.charCodeAt(++end);
		}
		if (c !== 93 || text.charCodeAt(end + 1) !== 93) {
			// No link begins here; one may begin at the next `[`.
			open = text.indexOf("[[", open + 1);
			continue;
		}
		if (text.charCodeAt(open - 1) !== 33) {
			const target = cleanTarget(text.slice(open + 2, bar >= 0 ? bar : end));
			if (target !== "") out.push(target);
		}
		open = text.indexOf("[[", end + 2);
	}
	if (text.indexOf("](") >= 0) {
		for (const m of text.matchAll(MDLINK)) {
			if (m[1] === "!") continue;
			let raw = m[3] ?? "";
			if (raw.startsWith("<")) raw = raw.slice(1, -1);
			if (SCHEME.test(raw)) continue;
			const target = cleanTarget(safeDecode(raw));
			if (target !== "" && isNoteTarget(target)) out.push(target);
		}
	}
	return out;
}

function cleanTarget(raw: string): string {
	let t = raw;
	const hash = t.indexOf("#");
	if (hash >= 0) t = t.slice(0, hash);
	const caret = t.indexOf("^");
	if (caret >= 0) t = t.slice(0, caret);
	// `[[Name\|alias]]` inside a table escapes the pipe.
	if (t.endsWith("\\")) t = t.slice(0, -1);
	return t.trim();
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** A markdown link counts when it points at a note: `.md`, or no extension at all. */
function isNoteTarget(target: string): boolean {
	const base = target.slice(target.lastIndexOf("/") + 1);
	const dot = base.lastIndexOf(".");
	return dot <= 0 || base.slice(dot).toLowerCase() === ".md";
}
