/**
 * Daily notes: which notes they are and their dates, from the user's moment format string.
 * Like Obsidian's daily-notes tooling, a note is a daily note when it lies in the daily-notes
 * folder (at any depth) and its name matches the last segment of the format, strictly.
 */
import { Info } from "luxon";
import { type Day, dayFromYmd, isoWeekday, isValidYmd, ymdFromDay } from "./dates";

type Field = "year" | "year2" | "month" | "monthName" | "day" | "dayOrd" | "doy" | "weekday" | "weekdayName" | "isoWeekday" | "quarter" | "weekYear" | "week" | "ignore";

interface Token {
	field: Field | null;
	pattern: string;
	literal?: string;
}

const TOKENS: Array<[string, Field, string]> = [
	["YYYY", "year", "(\\d{4})"],
	["GGGG", "weekYear", "(\\d{4})"],
	["gggg", "weekYear", "(\\d{4})"],
	["YY", "year2", "(\\d{2})"],
	["MMMM", "monthName", "([^\\d\\s/\\\\.,-]+)"],
	["MMM", "monthName", "([^\\d\\s/\\\\.,-]+\\.?)"],
	["MM", "month", "(\\d{2})"],
	["Mo", "month", "(\\d{1,2})(?:st|nd|rd|th|º|°|\\.)?"],
	["M", "month", "(\\d{1,2})"],
	["DDDD", "doy", "(\\d{3})"],
	["DDD", "doy", "(\\d{1,3})"],
	["Do", "dayOrd", "(\\d{1,2})(?:st|nd|rd|th|º|°|\\.)?"],
	["DD", "day", "(\\d{2})"],
	["D", "day", "(\\d{1,2})"],
	["dddd", "weekdayName", "([^\\d\\s/\\\\.,-]+)"],
	["ddd", "weekdayName", "([^\\d\\s/\\\\.,-]+\\.?)"],
	["dd", "weekdayName", "([^\\d\\s/\\\\.,-]+)"],
	["d", "weekday", "(\\d)"],
	["E", "isoWeekday", "(\\d)"],
	["e", "weekday", "(\\d)"],
	["WW", "week", "(\\d{2})"],
	["ww", "week", "(\\d{2})"],
	["W", "week", "(\\d{1,2})"],
	["w", "week", "(\\d{1,2})"],
	["Q", "quarter", "(\\d)"],
	["HH", "ignore", "\\d{2}"],
	["hh", "ignore", "\\d{2}"],
	["H", "ignore", "\\d{1,2}"],
	["h", "ignore", "\\d{1,2}"],
	["mm", "ignore", "\\d{2}"],
	["ss", "ignore", "\\d{2}"],
	["A", "ignore", "(?:am|pm)"],
	["a", "ignore", "(?:am|pm)"],
];

function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function tokenize(format: string): Token[] {
	const out: Token[] = [];
	let i = 0;
	while (i < format.length) {
		if (format[i] === "[") {
			const close = format.indexOf("]", i + 1);
			if (close > i) {
				const literal = format.slice(i + 1, close);
				out.push({ field: null, pattern: escapeRe(literal), literal });
				i = close + 1;
				continue;
			}
		}
		const hit = TOKENS.find(([tok]) => format.startsWith(tok, i));
		if (hit) {
			out.push({ field: hit[1] === "ignore" ? null : hit[1], pattern: hit[2] });
			i += hit[0].length;
		} else {
			const ch = format[i] ?? "";
			out.push({ field: null, pattern: escapeRe(ch), literal: ch });
			i++;
		}
	}
	return out;
}

export interface DailyMatcher {
	/** The date of the note at `path` when it is a daily note, else `null`. */
	dateOf(path: string): Day | null;
}

/**
 * Month and weekday names of a locale as moment has them (Obsidian formats daily-note names
 * with moment): months January first, weekdays Sunday first.
 */
export interface LocaleNames {
	months: string[];
	monthsShort: string[];
	weekdays: string[];
	weekdaysShort: string[];
	weekdaysMin: string[];
}

function add(map: Map<string, number>, name: string, value: number): void {
	const key = name.normalize("NFC").toLowerCase();
	map.set(key, value);
	map.set(key.replace(/\.$/, ""), value);
}

function givenNames(kind: "months" | "weekdays", given: LocaleNames): Map<string, number> {
	const map = new Map<string, number>();
	if (kind === "months") {
		for (const list of [given.months, given.monthsShort]) list.forEach((n, i) => add(map, n, i + 1));
	} else {
		// moment counts from Sunday (0); ISO from Monday (1) to Sunday (7).
		for (const list of [given.weekdays, given.weekdaysShort, given.weekdaysMin]) list.forEach((n, i) => add(map, n, i === 0 ? 7 : i));
	}
	return map;
}

function names(kind: "months" | "weekdays", locale: string, given?: LocaleNames): Array<Map<string, number>> {
	const maps: Array<Map<string, number>> = given ? [givenNames(kind, given)] : [];
	for (const loc of locale === "en" ? ["en"] : ["en", locale]) {
		const map = new Map<string, number>();
		for (const length of ["long", "short"] as const) {
			let list: string[] = [];
			try {
				list = kind === "months" ? Info.months(length, { locale: loc }) : Info.weekdays(length, { locale: loc });
			} catch {
				list = [];
			}
			list.forEach((name, i) => {
				const key = name.normalize("NFC").toLowerCase();
				map.set(key, i + 1);
				map.set(key.replace(/\.$/, ""), i + 1);
				// moment's two-letter weekday names (`dd`).
				if (kind === "weekdays") map.set(key.slice(0, 2), i + 1);
			});
		}
		maps.push(map);
	}
	return maps;
}

function lookup(maps: Array<Map<string, number>>, raw: string): number | undefined {
	const key = raw.normalize("NFC").toLowerCase();
	for (const m of maps) {
		const v = m.get(key) ?? m.get(key.replace(/\.$/, ""));
		if (v !== undefined) return v;
	}
	return undefined;
}

export type DailyCompile = { matcher: DailyMatcher } | { error: string };

/**
 * Compiles the daily-note folder and format. Month and weekday names are read in English and
 * in `locale`; `given` names (moment's, inside Obsidian) come first.
 */
export function compileDaily(folder: string, format: string, locale = "en", given?: LocaleNames): DailyCompile {
	const segment = format.split("/").pop() ?? format;
	const tokens = tokenize(segment);
	const fields = tokens.map((t) => t.field).filter((f): f is Field => f !== null);
	const has = (...f: Field[]): boolean => f.some((x) => fields.includes(x));
	const hasDay = has("year", "year2") && ((has("month", "monthName") && has("day", "dayOrd")) || has("doy"));
	const hasWeekDay = has("weekYear") && has("week") && has("isoWeekday", "weekday", "weekdayName");
	if (!hasDay && !hasWeekDay) return { error: `the daily-note format "${format}" does not name a single day` };
	const re = new RegExp(`^${tokens.map((t) => t.pattern).join("")}$`, "iu");
	const months = fields.includes("monthName") ? names("months", locale, given) : [];
	const weekdays = fields.includes("weekdayName") ? names("weekdays", locale, given) : [];
	const prefix = folder === "" ? "" : `${folder.normalize("NFC").toLowerCase()}/`;
	const capturing = tokens.filter((t) => t.field !== null);

	const dateOf = (path: string): Day | null => {
		const p = path.normalize("NFC");
		if (!p.toLowerCase().startsWith(prefix) || !p.toLowerCase().endsWith(".md")) return null;
		const base = p.slice(p.lastIndexOf("/") + 1, -3);
		const m = re.exec(base);
		if (!m) return null;
		const v: Partial<Record<Field, number>> = {};
		for (let i = 0; i < capturing.length; i++) {
			const field = capturing[i]?.field;
			const raw = m[i + 1] ?? "";
			if (!field) continue;
			let n: number | undefined;
			if (field === "monthName") n = lookup(months, raw);
			else if (field === "weekdayName") n = lookup(weekdays, raw);
			else n = Number(raw);
			if (n === undefined || Number.isNaN(n)) return null;
			const key: Field = field === "monthName" ? "month" : field === "dayOrd" ? "day" : field === "weekdayName" ? "isoWeekday" : field;
			if (v[key] !== undefined && v[key] !== n) return null;
			v[key] = n;
		}
		return resolve(v);
	};
	return { matcher: { dateOf } };
}

function resolve(v: Partial<Record<Field, number>>): Day | null {
	let year = v.year ?? (v.year2 !== undefined ? 2000 + v.year2 : undefined);
	let day: Day | null = null;
	if (year !== undefined && v.month !== undefined && v.day !== undefined) {
		if (!isValidYmd(year, v.month, v.day)) return null;
		day = dayFromYmd(year, v.month, v.day);
	} else if (year !== undefined && v.doy !== undefined) {
		const last = dayFromYmd(year, 12, 31) - dayFromYmd(year, 1, 1) + 1;
		if (v.doy < 1 || v.doy > last) return null;
		day = dayFromYmd(year, 1, 1) + v.doy - 1;
	} else if (v.weekYear !== undefined && v.week !== undefined) {
		year = v.weekYear;
		const wd = v.isoWeekday ?? (v.weekday !== undefined ? (v.weekday === 0 ? 7 : v.weekday) : undefined);
		if (wd === undefined || wd < 1 || wd > 7 || v.week < 1 || v.week > 53) return null;
		const jan4 = dayFromYmd(year, 1, 4);
		day = jan4 - (isoWeekday(jan4) - 1) + (v.week - 1) * 7 + (wd - 1);
		// Week 53 exists only in some years: the week's Thursday must fall in the week-year.
		if (ymdFromDay(day - isoWeekday(day) + 4).y !== year) return null;
	}
	if (day === null) return null;
	if (v.isoWeekday !== undefined && v.week === undefined && isoWeekday(day) !== v.isoWeekday) return null;
	if (v.weekday !== undefined && v.week === undefined && isoWeekday(day) % 7 !== v.weekday % 7) return null;
	if (v.quarter !== undefined && v.month !== undefined && Math.ceil(v.month / 3) !== v.quarter) return null;
	return day;
}

