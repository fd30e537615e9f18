/**
 * Calendar days as plain numbers (days since 1970-01-01), independent of any time zone.
 * Hot paths compare and subtract these; luxon does the month and year arithmetic.
 */
import { DateTime } from "luxon";

export type Day = number;

export function isLeapYear(y: number): boolean {
	return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
	if (m === 2) return isLeapYear(y) ? 29 : 28;
	return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
	return Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayFromYmd(y: number, m: number, d: number): Day {
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

export interface Ymd {
	y: number;
	m: number;
	d: number;
}

export function ymdFromDay(day: Day): Ymd {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, "0");
}

export function isoFromDay(day: Day): string {
	const { y, m, d } = ymdFromDay(day);
	return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Day): number {
	// 1970-01-01 was a Thursday (4).
	return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** A strict `YYYY-MM-DD` string to a day, `null` when malformed or impossible. */
export function parseIsoDay(s: string): Day | null {
	// As `^(\d{4})-(\d{2})-(\d{2})$` reads it, digit by digit: a date is read for nearly every
	// item of a vault, and a match object with three strings for each was a cost of its own.
	if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
	const y = digits(s, 0, 4);
	const mo = digits(s, 5, 7);
	const d = digits(s, 8, 10);
	return y >= 0 && mo >= 0 && d >= 0 && isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
}

/** The number the ASCII digits `s[from..to)` write, or −1 when one of them is not a digit. */
function digits(s: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = s.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		n = n * 10 + c;
	}
	return n;
}

function toLuxon(day: Day): DateTime {
	const { y, m, d } = ymdFromDay(day);
	return DateTime.fromObject({ year: y, month: m, day: d }, { zone: "utc" });
}

function fromLuxon(dt: DateTime): Day {
	return dayFromYmd(dt.year, dt.month, dt.day);
}

/** Calendar months: 2026-08-31 + 3 months = 2026-11-30 (clamped to the month's end). */
export function addMonths(day: Day, months: number): Day {
	return fromLuxon(toLuxon(day).plus({ months }));
}

export function addYears(day: Day, years: number): Day {
	return fromLuxon(toLuxon(day).plus({ years }));
}

/** Result of reading a date-like property value. */
export type DateRead = { day: Day } | { error: string } | null;

const DATE_PREFIX = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d)/;
const LINKED = /^\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]$/;

/**
 * Reads a frontmatter date: `YYYY-MM-DD`, a datetime starting with it (the calendar day as
 * written, never shifted by a zone), a `[[YYYY-MM-DD]]` link, or a Date object a YAML parser made
 * (its UTC calendar day). Empty values give `null`; anything else an error to report.
 */
export function readDateValue(value: unknown): DateRead {
	if (value === null || value === undefined) return null;
	const unquoted = unquotedLink(value);
	if (unquoted !== null) return readDateValue(`[[${unquoted}]]`);
	if (value instanceof Date) {
		const t = value.getTime();
		if (Number.isNaN(t)) return { error: "invalid date" };
		return { day: Math.floor(t / 86400000) };
	}
	if (typeof value !== "string") return { error: `not a date: ${describe(value)}` };
	let s = value.trim();
	if (s === "") return null;
	const link = LINKED.exec(s);
	if (link?.[1]) s = link[1].trim();
	const m = DATE_PREFIX.exec(s);
	if (!m || m[2]?.length !== 2 || m[3]?.length !== 2) return { error: `not a YYYY-MM-DD date: "${clip(value)}"` };
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	if (!isValidYmd(y, mo, d)) return { error: `impossible date: "${clip(value)}"` };
	return { day: dayFromYmd(y, mo, d) };
}

/**
 * An unquoted `[[Link]]` in YAML is a list holding a list holding the text: read it as the link
 * the user wrote. Returns the link text, or `null` for any other value.
 */
export function unquotedLink(value: unknown): string | null {
	if (!Array.isArray(value) || value.length !== 1) return null;
	const inner: unknown = value[0];
	if (!Array.isArray(inner) || inner.length !== 1 || typeof inner[0] !== "string") return null;
	return inner[0];
}

export function describe(value: unknown): string {
	if (Array.isArray(value)) return "a list";
	if (typeof value === "object" && value !== null) return "an object";
	if (typeof value === "string") return `"${clip(value)}"`;
	return typeof value === "number" || typeof value === "boolean" ? String(value) : typeof value;
}

export function clip(s: string, max = 60): string {
	const one = s.replace(/\s+/g, " ");
	return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
