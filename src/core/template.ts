/**
 * Templates compatible with Obsidian's core Templates plugin: `{{title}}`, `{{date}}`,
 * `{{time}}`, `{{date:FORMAT}}`, `{{time:FORMAT}}` (moment tokens), plus Rete's own values.
 * One pass: a value is never expanded again; unknown placeholders and Templater's `<% %>` stay
 * as they are; values that land in the frontmatter are written as safe YAML scalars.
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
