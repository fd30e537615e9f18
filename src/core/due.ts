/** Who is due, and why: cadence overdue, follow-up tasks, birthdays. */
import { addCadence, type Cadence, type CadenceUnit, formatCadence } from "./cadence";
import { type Day, dayFromYmd, isoFromDay, isValidYmd, ymdFromDay } from "./dates";
import type { DueItem, DueStatus, PersonInfo } from "./types";

export { compareDue, dueOrder, NameOrder } from "./due-order";

export interface Followup {
	source: string;
	line: number;
	text: string;
	due: Day | null;
}

/**
 * What the due list reads of a person, flat: numbers (`NaN`: none) and the strings its items
 * show, made from their properties by `cardFrom` (and kept on the person's card, see
 * `person-state`). The first list after a start computes every person: one object per person is
 * read, not the person's properties, cadence and birthday scattered over the heap (reading those
 * was most of its cost).
 */
export interface DueCard {
	name: string;
	path: string;
	company: string | undefined;
	role: string | undefined;
	/** The cadence as written (or in short form); `null` without one. */
	cadenceLabel: string | null;
	/** 0: no cadence; else 1 + the unit's place in `CADENCE_UNITS`. */
	cadenceUnit: number;
	cadenceCount: number;
	lastContact: Day;
	met: Day;
	snooze: Day;
	/** 0: no birthday. */
	birthMonth: number;
	birthDay: number;
	birthYear: number;
	/** Follow-ups linking this person; `NO_FOLLOWUPS` (shared, never modified) when none. */
	followups: Followup[];
}

const CADENCE_UNITS: readonly CadenceUnit[] = ["day", "week", "month", "year"];
const DAY = 1;
const WEEK = 2;

const dayOrNaN = (d: unknown): Day => (typeof d === "number" && Number.isFinite(d) ? d : NaN);

/**
 * The card of a person's properties. Values a note cannot give (a restored index from a damaged
 * store, say) count as none: a cadence is a known unit and a whole count, a birthday a real day.
 */
export function cardFrom(info: PersonInfo): Omit<DueCard, "followups"> {
	const c = info.cadence;
	const unit = typeof c === "object" && c !== null ? CADENCE_UNITS.indexOf(c.unit) + 1 : 0;
	const cadenced = c !== null && unit > 0 && Number.isInteger(c.count) && c.count >= 1 && c.count <= 65535;
	const b = info.birthday as Partial<NonNullable<PersonInfo["birthday"]>> | null | undefined;
	const born = typeof b === "object" && b !== null && Number.isInteger(b.month) && Number.isInteger(b.day) && isValidYmd(2000, b.month as number, b.day as number);
	return {
		name: info.name,
		path: info.path,
		company: info.company,
		role: info.role,
		cadenceLabel: cadenced ? (info.cadenceText ?? formatCadence(c)) : null,
		cadenceUnit: cadenced ? unit : 0,
		cadenceCount: cadenced ? c.count : 0,
		lastContact: dayOrNaN(info.lastContact),
		met: dayOrNaN(info.met),
		snooze: dayOrNaN(info.snoozeUntil),
		birthMonth: born ? (b.month as number) : 0,
		birthDay: born ? (b.day as number) : 0,
		birthYear: born ? dayOrNaN(b.year) : NaN,
	};
}

/** An item's status on `today`: overdue, today, upcoming, or open when undated. */
export function dueStatus(item: DueItem, today: Day): DueStatus {
	const due = item.day;
	if (due === null) return "open";
	return due < today ? "overdue" : due === today ? "today" : "upcoming";
}

/** Days from `today` to an item's due day (negative when overdue), `null` when undated. */
export function dueDays(item: DueItem, today: Day): number | null {
	return item.day === null ? null : item.day - today;
}

/** `YYYY-MM-DD` of a day; due lists repeat the same few hundred days, so they are remembered. */
const isoMemo = new Map<Day, string>();

function iso(day: Day): string {
	let s = isoMemo.get(day);
	if (s === undefined) {
		s = isoFromDay(day);
		if (isoMemo.size >= 10_000) isoMemo.clear();
		isoMemo.set(day, s);
	}
	return s;
}

/*
 * Items are built with all their fields in one object literal (one per set of fields, always
 * in the same order), which is much cheaper than adding fields one by one.
 */
function cadenceOf(p: DueCard, day: Day, lastContact: string | null, snoozedUntil: string | undefined): DueItem {
	const { name: person, path, company, role } = p;
	const due = iso(day);
	const cadence = p.cadenceLabel ?? "";
	let item: DueItem;
	if (company !== undefined) {
		if (role !== undefined) item = { person, path, reason: "cadence", due, day, company, role, lastContact, cadence };
		else item = { person, path, reason: "cadence", due, day, company, lastContact, cadence };
	} else if (role !== undefined) item = { person, path, reason: "cadence", due, day, role, lastContact, cadence };
	else item = { person, path, reason: "cadence", due, day, lastContact, cadence };
	if (snoozedUntil !== undefined) item.snoozedUntil = snoozedUntil;
	return item;
}

function followupOf(p: DueCard, f: Followup): DueItem {
	const { name: person, path, company, role } = p;
	const { text, source, line, due: day } = f;
	const due = day === null ? null : iso(day);
	if (company !== undefined) {
		if (role !== undefined) return { person, path, reason: "followup", due, day, company, role, text, source, line };
		return { person, path, reason: "followup", due, day, company, text, source, line };
	}
	if (role !== undefined) return { person, path, reason: "followup", due, day, role, text, source, line };
	return { person, path, reason: "followup", due, day, text, source, line };
}

function birthdayOf(p: DueCard, day: Day, age: number | undefined): DueItem {
	const item: DueItem = { person: p.name, path: p.path, reason: "birthday", due: iso(day), day };
	if (p.company !== undefined) item.company = p.company;
	if (p.role !== undefined) item.role = p.role;
	if (age !== undefined) item.age = age;
	return item;
}

/** Calendar arithmetic (months, years) goes through luxon: remember its answers, by cadence then day. */
const cadenceMemo = new Map<number, Map<Day, Day>>();
let memoSize = 0;
const MEMO_MAX = 100_000;

/** The day one cadence (`unit`, a card's code, and `count`) after `last`. */
function nextAfter(last: Day, unit: number, count: number): Day {
	if (unit === DAY) return last + count;
	if (unit === WEEK) return last + 7 * count;
	const cadence = (): Cadence => ({ count, unit: CADENCE_UNITS[unit - 1] ?? "day" });
	if (!Number.isInteger(last) || Math.abs(last) > 1e9) return addCadence(last, cadence());
	const kind = count * 4 + unit;
	let byDay = cadenceMemo.get(kind);
	let due = byDay?.get(last);
	if (due === undefined) {
		due = addCadence(last, cadence());
		if (memoSize >= MEMO_MAX) {
			cadenceMemo.clear();
			memoSize = 0;
			byDay = undefined;
		}
		if (!byDay) cadenceMemo.set(kind, (byDay = new Map<Day, Day>()));
		byDay.set(last, due);
		memoSize++;
	}
	return due;
}

/** The first day of each month of a year and of the next, and which of the two are leap years. */
interface Calendar {
	day: Day;
	year: number;
	starts: Float64Array;
	leap: [boolean, boolean];
}

let calendar: Calendar | null = null;

/** The calendar of `today`'s year (kept: due lists ask about the same few days). */
function calendarOf(today: Day): Calendar {
	if (calendar?.day === today) return calendar;
	const year = ymdFromDay(today).y;
	if (calendar?.year !== year) {
		const starts = new Float64Array(24);
		for (let k = 0; k < 24; k++) starts[k] = dayFromYmd(year + (k >= 12 ? 1 : 0), (k % 12) + 1, 1);
		calendar = { day: today, year, starts, leap: [isLeap(year), isLeap(year + 1)] };
	}
	calendar.day = today;
	return calendar;
}

function isLeap(y: number): boolean {
	return isValidYmd(y, 2, 29);
}

/** Month `m`, day `d` (a real day of some year) in the calendar's year (`next` 0) or the next (1); 29 February falls on 28 February in other years. */
function onDay(cal: Calendar, next: 0 | 1, m: number, d: number): Day {
	const feb29 = m === 2 && d === 29 && !cal.leap[next];
	return (cal.starts[next * 12 + m - 1] ?? 0) + (feb29 ? 27 : d - 1);
}

/** The next birthday on or after today; 29 February falls on 28 February in other years. */
export function nextBirthday(b: NonNullable<PersonInfo["birthday"]>, today: Day): Day {
	const cal = calendarOf(today);
	const d = onDay(cal, 0, b.month, b.day);
	return d >= today ? d : onDay(cal, 1, b.month, b.day);
}

/** Every follow-up of a person, dated or not and however far ahead, as due items, added to `out`. */
export function followupItemsFor(p: DueCard, out: DueItem[]): void {
	for (const f of p.followups) out.push(followupOf(p, f));
}

/**
 * A person's due items on `today`, added to `out`; `lastInteraction`: the latest contact day
 * from the notes on or before `today`, or `null`. Returns the first day after `today` on which
 * the items may differ (a date property or a birthday passes, an item comes within the horizon,
 * …): until then, the same items are the answer.
 */
export function dueItemsFor(p: DueCard, lastInteraction: Day | null, today: Day, horizon: number, out: DueItem[]): Day {
	const limit = today + horizon;
	let validTo = Infinity;
	if (p.cadenceUnit !== 0) {
		// NaN: never contacted (so far).
		let last = lastInteraction ?? NaN;
		const { lastContact, met, snooze } = p;
		if (lastContact > today) validTo = Math.min(validTo, lastContact);
		else if (!Number.isNaN(lastContact) && !(lastContact <= last)) last = lastContact;
		if (met > today) validTo = Math.min(validTo, met);
		else if (!Number.isNaN(met) && !(met <= last)) last = met;
		let due: Day;
		if (Number.isNaN(last)) {
			// Never contacted: due today, whichever day that is.
			validTo = today + 1;
			due = today;
		} else due = nextAfter(last, p.cadenceUnit, p.cadenceCount);
		if (snooze > due) due = snooze;
		if (due <= limit) out.push(cadenceOf(p, due, Number.isNaN(last) ? null : iso(last), snooze === due ? iso(snooze) : undefined));
		else validTo = Math.min(validTo, due - horizon);
	}
	for (const f of p.followups) {
		if (f.due !== null && f.due > limit) {
			validTo = Math.min(validTo, f.due - horizon);
			continue;
		}
		out.push(followupOf(p, f));
	}
	if (p.birthMonth !== 0) {
		const cal = calendarOf(today);
		let year = cal.year;
		let next = onDay(cal, 0, p.birthMonth, p.birthDay);
		if (next < today) {
			year++;
			next = onDay(cal, 1, p.birthMonth, p.birthDay);
		}
		validTo = Math.min(validTo, next + 1);
		const age = Number.isNaN(p.birthYear) ? undefined : year - p.birthYear;
		// The day of birth itself, or a year of birth still ahead, is no birthday to celebrate.
		if (age === undefined || age >= 1) {
			if (next <= limit) out.push(birthdayOf(p, next, age));
			else validTo = Math.min(validTo, next - horizon);
		}
	}
	return validTo;
}
