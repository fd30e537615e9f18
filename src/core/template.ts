/**
 * Templates compatible with Obsidian's core Templates plugin: `{{title}}`, `{{date}}`,
 * `{{time}}`, `{{date:FORMAT}}`, `{{time:FORMAT}}` (moment tokens), plus Rete's own values.
 * One pass: a value is never expanded again; unknown placeholders and Templater's `<% %>` stay
 * as they are; values that land in the frontmatter are written as safe YAML scalars. Also reads
 * a property of a template's frontmatter as a list, so that a new note's values merge into it.
 */
import { DateTime } from "luxon";
import { splitFrontmatter } from "./frontmatter";

/** A moment in local wall-clock terms (the adapter reads the clock, the core does not). */
export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second?: number;
}

const TOKEN = /\[([^\]]*)\]|YYYY|YY|Q|MMMM|MMM|MM|Mo|M|DDDD|DDD|Do|DD|D|dddd|ddd|dd|d|E|e|WW|W|ww|w|GGGG|gggg|HH|H|hh|h|mm|m|ss|s|A|a|X|x/g;

/** Formats a wall-clock time with a moment format string, names in `locale`. */
export function formatMoment(format: string, at: WallClock, locale = "en"): string {
	const dt = DateTime.fromObject({ year: at.year, month: at.month, day: at.day, hour: at.hour, minute: at.minute, second: at.second ?? 0 }, { zone: "utc", locale });
	const p2 = (n: number): string => String(n).padStart(2, "0");
	const ordinal = (n: number): string => {
		if (locale.startsWith("en")) {
			const teen = n % 100 >= 11 && n % 100 <= 13;
			const suffix = teen ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
			return `${n}${suffix}`;
		}
		return locale.startsWith("it") ? `${n}º` : `${n}.`;
	};
	return format.replace(TOKEN, (tok: string, literal?: string) => {
		if (literal !== undefined) return literal;
		switch (tok) {
			case "YYYY": return String(dt.year).padStart(4, "0");
			case "YY": return p2(dt.year % 100);
			case "Q": return String(dt.quarter);
			case "MMMM": return dt.toFormat("LLLL");
			case "MMM": return dt.toFormat("LLL");
			case "MM": return p2(dt.month);
			case "Mo": return ordinal(dt.month);
			case "M": return String(dt.month);
			case "DDDD": return String(dt.ordinal).padStart(3, "0");
			case "DDD": return String(dt.ordinal);
			case "Do": return ordinal(dt.day);
			case "DD": return p2(dt.day);
			case "D": return String(dt.day);
			case "dddd": return dt.toFormat("cccc");
			case "ddd": return dt.toFormat("ccc");
			case "dd": return dt.toFormat("ccc").slice(0, 2);
			case "d": case "e": return String(dt.weekday % 7);
			case "E": return String(dt.weekday);
			case "WW": case "ww": return p2(dt.weekNumber);
			case "W": case "w": return String(dt.weekNumber);
			case "GGGG": case "gggg": return String(dt.weekYear);
			case "HH": return p2(dt.hour);
			case "H": return String(dt.hour);
			case "hh": return p2(dt.hour % 12 === 0 ? 12 : dt.hour % 12);
			case "h": return String(dt.hour % 12 === 0 ? 12 : dt.hour % 12);
			case "mm": return p2(dt.minute);
			case "m": return String(dt.minute);
			case "ss": return p2(dt.second);
			case "s": return String(dt.second);
			case "A": return dt.hour < 12 ? "AM" : "PM";
			case "a": return dt.hour < 12 ? "am" : "pm";
			case "X": return String(Math.floor(dt.toSeconds()));
			case "x": return String(dt.toMillis());
			default: return tok;
		}
	});
}

export interface TemplateContext {
	/** Rete's values by placeholder name: `title`, `event`, `people`… */
	values: Record<string, string>;
	now: WallClock;
	locale?: string;
	dateFormat?: string;
	timeFormat?: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)(?::([^}\n]*))?\s*\}\}/g;

const YAML_SPECIAL = /^(?:true|false|null|yes|no|on|off|y|n|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i;

/**
 * Whether a value can stand unquoted in YAML and still read back as the same text: no
 * indicator at its start, no `: ` or ` #`, no line break, and not a number, boolean or null.
 */
export function plainSafe(value: string): boolean {
	if (value === "" || value !== value.trim() || /[\r\n]/.test(value)) return false;
	if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |:$| #/.test(value)) return false;
	return !YAML_SPECIAL.test(value);
}

/** A value as a YAML scalar for the frontmatter, given the quotes the template put around it. */
function yamlValue(value: string, quote: '"' | "'" | null): string {
	if (quote === '"') return JSON.stringify(value).slice(1, -1);
	if (quote === "'") return value.replace(/\r?\n/g, " ").replace(/'/g, "''");
	return plainSafe(value) ? value : JSON.stringify(value);
}

/** Which quote, if any, is open at `offset` on its line of `text`. */
function openQuote(text: string, offset: number): '"' | "'" | null {
	const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
	let quote: '"' | "'" | null = null;
	for (let i = lineStart; i < offset; i++) {
		const ch = text[i];
		if (quote === '"' && ch === "\\") i++;
		else if (quote === null && (ch === '"' || ch === "'")) quote = ch;
		else if (ch === quote) quote = null;
	}
	return quote;
}

export function renderTemplate(template: string, ctx: TemplateContext): string {
	const split = splitFrontmatter(template);
	const yamlEnd = split.kind === "yaml" ? template.length - split.body.length : 0;
	const locale = ctx.locale ?? "en";
	return template.replace(PLACEHOLDER, (match: string, name: string, format: string | undefined, offset: number) => {
		const key = name.toLowerCase();
		let value: string | undefined;
		if (key === "date" || key === "time") {
			const fmt = format?.trim() || (key === "date" ? ctx.dateFormat ?? "YYYY-MM-DD" : ctx.timeFormat ?? "HH:mm");
			value = formatMoment(fmt, ctx.now, locale);
		} else if (format === undefined && Object.prototype.hasOwnProperty.call(ctx.values, key)) {
			value = ctx.values[key];
		}
		if (value === undefined) return match;
		return offset < yamlEnd ? yamlValue(value, openQuote(template, offset)) : value;
	});
}

/** A value of a list being read: its text, or `null` when it is not one read exactly. */
type Item = string | null;

/** The node at `i` (not a blank): its value and where it ends; `null` when malformed. */
function node(s: string, i: number, flow: boolean): { value: Item; end: number } | null {
	const c = s[i];
	if (c === '"') {
		let j = i + 1;
		while (j < s.length && s[j] !== '"') j += s[j] === "\\" ? 2 : 1;
		if (j >= s.length) return null;
		let value: Item = null;
		try {
			// JSON's escapes mean the same in YAML; YAML's others (`\x41`, `\ `) leave it unread.
			value = s.slice(i, j + 1).includes("\n") ? null : (JSON.parse(s.slice(i, j + 1)) as string);
		} catch {
			value = null;
		}
		return { value, end: j + 1 };
	}
	if (c === "'") {
		for (let j = i + 1; ; ) {
			const k = s.indexOf("'", j);
			if (k < 0) return null;
			if (s[k + 1] === "'") j = k + 2;
			else return { value: s.slice(i + 1, k).includes("\n") ? null : s.slice(i + 1, k).replace(/''/g, "'"), end: k + 1 };
		}
	}
	if (flow && (c === "[" || c === "{")) {
		const end = skipFlow(s, i);
		return end < 0 ? null : { value: null, end };
	}
	let j = i;
	while (j < s.length && s[j] !== "\n" && !(flow && /[,\]}]/.test(s[j] ?? "")) && !(s[j] === "#" && /[ \t]/.test(s[j - 1] ?? ""))) j++;
	const raw = s.slice(i, j).replace(/[ \t]+$/, "");
	return { value: plainSafe(raw) && !(flow && /[[\]{}]/.test(raw)) ? raw : null, end: i + raw.length };
}

/** Past blanks, line breaks and comments from `i`. */
function skipBlank(s: string, i: number): number {
	let j = i;
	for (;;) {
		const c = s[j];
		if (c === " " || c === "\t" || c === "\r" || c === "\n") j++;
		else if (c === "#" && (j === 0 || /\s/.test(s[j - 1] ?? ""))) {
			const nl = s.indexOf("\n", j);
			j = nl < 0 ? s.length : nl;
		} else return j;
	}
}

/** Just past the flow collection that opens at `i`, or -1 when it does not close. */
function skipFlow(s: string, i: number): number {
	let depth = 0;
	for (let j = i; j < s.length; j++) {
		const c = s[j] ?? "";
		if (c === "[" || c === "{") depth++;
		else if (c === "]" || c === "}") {
			if (--depth === 0) return j + 1;
		} else if ((c === '"' || c === "'") && /[[{,:\s]/.test(s[j - 1] ?? "")) {
			const quoted = node(s, j, true);
			if (!quoted) return -1;
			j = quoted.end - 1;
		} else if (c === "#" && /\s/.test(s[j - 1] ?? "")) {
			const nl = s.indexOf("\n", j);
			if (nl < 0) return -1;
			j = nl;
		}
	}
	return -1;
}

/** A property's value read as a list, for adding values to it (see readYamlList). */
export interface YamlList {
	/** The values read exactly, in order. */
	values: string[];
	/** Whether every value was read exactly (then the list may be written anew). */
	exact: boolean;
	/**
	 * The property's lines as written, with `added` (YAML scalars) appended so that the YAML stays
	 * valid; `null` when there is no such place (a multi-line text or block scalar, a broken quote).
	 */
	extend(added: string[]): string[] | null;
}

const NULL = /^(?:null|Null|NULL|~)?$/;

/**
 * Reads a top-level property's lines (`keyLength` is the length of `key: ` on the first) as a
 * list: a flow list `[a, "b, c"]`, `- item` lines, or one text split at its commas (as Obsidian
 * reads a text of tags). Values may be plain or quoted; comments are not values.
 */
export function readYamlList(lines: string[], keyLength: number): YamlList {
	const first = lines[0] ?? "";
	const key = first.slice(0, keyLength).replace(/[ \t]+$/, "");
	const s = lines.join("\n");
	const at = skipBlank(s, keyLength);
	const content = (line: string): boolean => line.trim() !== "" && !/^[ \t]*#/.test(line);
	const none: YamlList = { values: [], exact: false, extend: () => null };
	const done = (items: Item[], extend: YamlList["extend"]): YamlList => ({ values: items.filter((v): v is string => v !== null), exact: !items.includes(null), extend });
	if (at >= first.length) {
		// Nothing after the key on its line: `- item` lines, or nothing at all.
		const more = lines.slice(1);
		let indent: string | null = null;
		let last = -1;
		const items: Item[] = [];
		for (const [k, line] of more.entries()) {
			if (!content(line)) continue;
			const m = /^([ \t]*)-(?=[ \t]|$)/.exec(line);
			if (m && (indent === null || m[1] === indent)) {
				indent = m[1] ?? "";
				const from = skipBlank(line, m[0].length);
				const n = from < line.length ? node(line, from, false) : null;
				items.push(n && skipBlank(line, n.end) >= line.length ? n.value : null);
			} else if (indent !== null && (/^[ \t]*/.exec(line)?.[0].length ?? 0) > indent.length) {
				items[items.length - 1] = null; // the item goes on over more lines
			} else return none;
			last = k;
		}
		const pad = indent ?? "  ";
		return done(items, (added) => (added.length === 0 ? lines : [...lines.slice(0, last + 2), ...added.map((v) => `${pad}- ${v}`), ...lines.slice(last + 2)]));
	}
	if (s[at] === "[") {
		const items: Item[] = [];
		let j = skipBlank(s, at + 1);
		let comma = false;
		while (s[j] !== "]") {
			const n = node(s, j, true);
			if (!n) return none;
			items.push(n.value);
			j = skipBlank(s, n.end);
			comma = s[j] === ",";
			if (comma) j = skipBlank(s, j + 1);
			else if (s[j] !== "]") return none;
		}
		if (skipBlank(s, j + 1) < s.length) return none;
		const close = j;
		return done(items, (added) => {
			if (added.length === 0) return lines;
			const sep = items.length === 0 ? "" : comma ? " " : ", ";
			return `${s.slice(0, close)}${sep}${added.join(", ")}${s.slice(close)}`.split("\n");
		});
	}
	// One value on the key's line, and nothing but comments after it.
	if (lines.slice(1).some(content)) return none;
	const n = node(first, at, false);
	if (!n) return none;
	const single = skipBlank(first, n.end) >= first.length ? n.value : null;
	if (NULL.test(first.slice(at, n.end))) return done([], () => lines);
	const items = single === null ? [null] : single.split(",").map((v) => v.trim()).filter((v) => v !== "");
	return done(items, (added) => (added.length === 0 ? lines : [key, `  - ${first.slice(at)}`, ...added.map((v) => `  - ${v}`), ...lines.slice(1)]));
}
