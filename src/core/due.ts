/** Who is due, and why: cadence overdue, follow-up tasks, birthdays. */
import { addCadence, formatCadence } from "./cadence";
import { type Day, dayFromYmd, isoFromDay, isValidYmd, ymdFromDay } from "./dates";
import type { DueItem, DueReason, DueStatus, PersonInfo } from "./types";

export interface Followup {
	source: string;
	line: number;
	text: string;
	due: Day | null;
}

export interface PersonDueInput {
	info: PersonInfo;
	/** The latest contact on or before today from the notes (interactions), or `null`. */
	lastInteraction: Day | null;
	followups: readonly Followup[];
}

export function statusOf(due: Day | null, today: Day): DueStatus {
	if (due === null) return "open";
	return due < today ? "overdue" : due === today ? "today" : "upcoming";
}

/** The latest of the dates that are on or before today. */
export function lastContactOf(p: PersonDueInput, today: Day): Day | null {
	let last = p.lastInteraction;
	for (const d of [p.info.lastContact, p.info.met]) {
		if (d !== null && d <= today && (last === null || d > last)) last = d;
	}
	return last;
}

/** The next birthday on or after today; 29 February falls on 28 February in other years. */
export function nextBirthday(b: NonNullable<PersonInfo["birthday"]>, today: Day): Day {
	const { y } = ymdFromDay(today);
	for (const year of [y, y + 1]) {
		const d = isValidYmd(year, b.month, b.day) ? dayFromYmd(year, b.month, b.day) : dayFromYmd(year, b.month, b.day - 1);
		if (d >= today) return d;
	}
	return dayFromYmd(y + 1, b.month, Math.min(b.day, 28));
}

function base(info: PersonInfo, reason: DueReason, due: Day | null, today: Day): DueItem {
	const item: DueItem = {
		person: info.name,
		path: info.path,
		reason,
		due: due === null ? null : isoFromDay(due),
		status: statusOf(due, today),
		days: due === null ? null : due - today,
	};
	if (info.company !== undefined) item.company = info.company;
	if (info.role !== undefined) item.role = info.role;
	return item;
}

export function dueItemsOf(p: PersonDueInput, today: Day, horizon: number, out: DueItem[]): void {
	const limit = today + horizon;
	const { info } = p;
	if (info.cadence) {
		const last = lastContactOf(p, today);
		let due = last === null ? today : addCadence(last, info.cadence);
		const snooze = info.snoozeUntil;
		if (snooze !== null && snooze > due) due = snooze;
		if (due <= limit) {
			const item = base(info, "cadence", due, today);
			item.lastContact = last === null ? null : isoFromDay(last);
			item.cadence = info.cadenceText ?? formatCadence(info.cadence);
			if (snooze !== null && snooze === due) item.snoozedUntil = isoFromDay(snooze);
			out.push(item);
		}
	}
	for (const f of p.followups) {
		if (f.due !== null && f.due > limit) continue;
		const item = base(info, "followup", f.due, today);
		item.text = f.text;
		item.source = f.source;
		item.line = f.line;
		out.push(item);
	}
	if (info.birthday) {
		const next = nextBirthday(info.birthday, today);
		if (next <= limit) {
			const item = base(info, "birthday", next, today);
			if (info.birthday.year !== null) item.age = ymdFromDay(next).y - info.birthday.year;
			out.push(item);
		}
	}
}

const REASON_ORDER: Record<DueReason, number> = { cadence: 0, followup: 1, birthday: 2 };

/** By due date, then name, undated last; ties by path, reason, source and line, so output is stable. */
export function compareDue(a: DueItem, b: DueItem): number {
	if (a.days !== b.days) {
		if (a.days === null) return 1;
		if (b.days === null) return -1;
		return a.days - b.days;
	}
	const byName = a.person.localeCompare(b.person, "en", { sensitivity: "base" });
	if (byName !== 0) return byName;
	if (a.path !== b.path) return a.path < b.path ? -1 : 1;
	if (a.reason !== b.reason) return REASON_ORDER[a.reason] - REASON_ORDER[b.reason];
	if ((a.source ?? "") !== (b.source ?? "")) return (a.source ?? "") < (b.source ?? "") ? -1 : 1;
	return (a.line ?? 0) - (b.line ?? 0);
}

export function computeDue(people: Iterable<PersonDueInput>, today: Day, horizon: number): DueItem[] {
	const out: DueItem[] = [];
	for (const p of people) dueItemsOf(p, today, horizon, out);
	return out.sort(compareDue);
}
