/** Who is due, and why: cadence overdue, follow-up tasks, birthdays. */
import { addCadence, type Cadence, formatCadence } from "./cadence";
import { type Day, dayFromYmd, isoFromDay, isValidYmd, ymdFromDay } from "./dates";
import type { DueItem, DueStatus, PersonInfo } from "./types";

export { compareDue, dueOrder, NameOrder } from "./due-order";

export interface Followup {
	source: string;
	line: number;
	text: string;
	due: Day | null;
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

/** The next birthday on or after today; 29 February falls on 28 February in other years. */
export function nextBirthday(b: NonNullable<PersonInfo["birthday"]>, today: Day): Day {
	return nextBirthdayIn(b, today, ymdFromDay(today).y);
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

/** What every item says of the person and of when it is due. */
interface ItemHead {
	person: string;
	path: string;
	company: string | undefined;
	role: string | undefined;
	due: string | null;
	day: Day | null;
}

/*
 * Items are built with all their fields in one object literal (one per set of fields, in the
 * same order as `head` adds them), which is much cheaper than adding fields one by one.
 */
function cadenceOf(h: ItemHead, lastContact: string | null, cadence: string, snoozedUntil: string | undefined): DueItem {
	const { person, path, company, role, due, day } = h;
	let item: DueItem;
	if (company !== undefined) {
		if (role !== undefined) item = { person, path, reason: "cadence", due, day, company, role, lastContact, cadence };
		else item = { person, path, reason: "cadence", due, day, company, lastContact, cadence };
	} else if (role !== undefined) item = { person, path, reason: "cadence", due, day, role, lastContact, cadence };
	else item = { person, path, reason: "cadence", due, day, lastContact, cadence };
	if (snoozedUntil !== undefined) item.snoozedUntil = snoozedUntil;
	return item;
}

function followupOf(h: ItemHead, text: string, source: string, line: number): DueItem {
	const { person, path, company, role, due, day } = h;
	if (company !== undefined) {
		if (role !== undefined) return { person, path, reason: "followup", due, day, company, role, text, source, line };
		return { person, path, reason: "followup", due, day, company, text, source, line };
	}
	if (role !== undefined) return { person, path, reason: "followup", due, day, role, text, source, line };
	return { person, path, reason: "followup", due, day, text, source, line };
}

function birthdayOf(h: ItemHead, age: number | undefined): DueItem {
	const item: DueItem = { person: h.person, path: h.path, reason: "birthday", due: h.due, day: h.day };
	if (h.company !== undefined) item.company = h.company;
	if (h.role !== undefined) item.role = h.role;
	if (age !== undefined) item.age = age;
	return item;
}

function head(info: PersonInfo, due: Day | null): ItemHead {
	return { person: info.name, path: info.path, company: info.company, role: info.role, due: due === null ? null : iso(due), day: due };
}

const UNITS: Record<Cadence["unit"], number> = { day: 0, week: 1, month: 2, year: 3 };
/** Calendar arithmetic (months, years) goes through luxon: remember its answers, by cadence then day. */
const cadenceMemo = new Map<number, Map<Day, Day>>();
let memoSize = 0;
const MEMO_MAX = 100_000;

function nextAfter(last: Day, cadence: Cadence): Day {
	const { count } = cadence;
	if (cadence.unit === "day" || cadence.unit === "week" || !Number.isInteger(count) || count < 1 || count > 65535 || !Number.isInteger(last) || Math.abs(last) > 1e9) {
		return addCadence(last, cadence);
	}
	const kind = count * 4 + UNITS[cadence.unit];
	let byDay = cadenceMemo.get(kind);
	let due = byDay?.get(last);
	if (due === undefined) {
		due = addCadence(last, cadence);
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

/** The calendar year of the last `today` asked about. */
let yearDay: Day | null = null;
let yearOfDay = 0;

function yearOf(day: Day): number {
	if (day !== yearDay) {
		yearOfDay = ymdFromDay(day).y;
		yearDay = day;
	}
	return yearOfDay;
}

function nextBirthdayIn(b: NonNullable<PersonInfo["birthday"]>, today: Day, y: number): Day {
	for (let year = y; year <= y + 1; year++) {
		const d = isValidYmd(year, b.month, b.day) ? dayFromYmd(year, b.month, b.day) : dayFromYmd(year, b.month, b.day - 1);
		if (d >= today) return d;
	}
	return dayFromYmd(y + 1, b.month, Math.min(b.day, 28));
}

/** Every follow-up of a person, dated or not and however far ahead, as due items, added to `out`. */
export function followupItemsFor(info: PersonInfo, followups: readonly Followup[], out: DueItem[]): void {
	for (const f of followups) out.push(followupOf(head(info, f.due), f.text, f.source, f.line));
}

/**
 * A person's due items on `today`, added to `out`. Returns the first day after `today` on which
 * the items may differ (a date property or a birthday passes, an item comes within the horizon,
 * …): until then, the same items are the answer.
 */
export function dueItemsFor(info: PersonInfo, lastInteraction: Day | null, followups: readonly Followup[], today: Day, horizon: number, out: DueItem[]): Day {
	const limit = today + horizon;
	let validTo = Infinity;
	if (info.cadence) {
		let last = lastInteraction;
		const { lastContact, met } = info;
		if (lastContact !== null) {
			if (lastContact > today) validTo = Math.min(validTo, lastContact);
			else if (last === null || lastContact > last) last = lastContact;
		}
		if (met !== null) {
			if (met > today) validTo = Math.min(validTo, met);
			else if (last === null || met > last) last = met;
		}
		// Never contacted: due today, whichever day that is.
		if (last === null) validTo = today + 1;
		let due = last === null ? today : nextAfter(last, info.cadence);
		const snooze = info.snoozeUntil;
		if (snooze !== null && snooze > due) due = snooze;
		if (due <= limit) {
			out.push(cadenceOf(head(info, due), last === null ? null : iso(last), info.cadenceText ?? formatCadence(info.cadence), snooze !== null && snooze === due ? iso(snooze) : undefined));
		} else validTo = Math.min(validTo, due - horizon);
	}
	for (const f of followups) {
		if (f.due !== null && f.due > limit) {
			validTo = Math.min(validTo, f.due - horizon);
			continue;
		}
		out.push(followupOf(head(info, f.due), f.text, f.source, f.line));
	}
	if (info.birthday) {
		const next = nextBirthdayIn(info.birthday, today, yearOf(today));
		validTo = Math.min(validTo, next + 1);
		const age = info.birthday.year !== null ? ymdFromDay(next).y - info.birthday.year : undefined;
		// The day of birth itself, or a year of birth still ahead, is no birthday to celebrate.
		if (age === undefined || age >= 1) {
			if (next <= limit) out.push(birthdayOf(head(info, next), age));
			else validTo = Math.min(validTo, next - horizon);
		}
	}
	return validTo;
}
