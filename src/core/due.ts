/** Who is due, and why: cadence overdue, follow-up tasks, birthdays. */
import { addCadence, type Cadence, formatCadence } from "./cadence";
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
	const { lastContact, met } = p.info;
	if (lastContact !== null && lastContact <= today && (last === null || lastContact > last)) last = lastContact;
	if (met !== null && met <= today && (last === null || met > last)) last = met;
	return last;
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

/*
 * Items are built with all their fields in one object literal (one per set of fields, in the
 * same order as `base` adds them), which is much cheaper than adding fields one by one.
 */
function cadenceItem(info: PersonInfo, due: Day, today: Day, lastContact: string | null, cadence: string): DueItem {
	const { name: person, path, company, role } = info;
	const d = iso(due);
	const status = statusOf(due, today);
	const days = due - today;
	if (company !== undefined) {
		if (role !== undefined) return { person, path, reason: "cadence", due: d, status, days, company, role, lastContact, cadence };
		return { person, path, reason: "cadence", due: d, status, days, company, lastContact, cadence };
	}
	if (role !== undefined) return { person, path, reason: "cadence", due: d, status, days, role, lastContact, cadence };
	return { person, path, reason: "cadence", due: d, status, days, lastContact, cadence };
}

function followupItem(info: PersonInfo, f: Followup, today: Day): DueItem {
	const { name: person, path, company, role } = info;
	const due = f.due === null ? null : iso(f.due);
	const status = statusOf(f.due, today);
	const days = f.due === null ? null : f.due - today;
	const { text, source, line } = f;
	if (company !== undefined) {
		if (role !== undefined) return { person, path, reason: "followup", due, status, days, company, role, text, source, line };
		return { person, path, reason: "followup", due, status, days, company, text, source, line };
	}
	if (role !== undefined) return { person, path, reason: "followup", due, status, days, role, text, source, line };
	return { person, path, reason: "followup", due, status, days, text, source, line };
}

function base(info: PersonInfo, reason: DueReason, due: Day | null, today: Day): DueItem {
	const item: DueItem = {
		person: info.name,
		path: info.path,
		reason,
		due: due === null ? null : iso(due),
		status: statusOf(due, today),
		days: due === null ? null : due - today,
	};
	if (info.company !== undefined) item.company = info.company;
	if (info.role !== undefined) item.role = info.role;
	return item;
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

export function dueItemsOf(p: PersonDueInput, today: Day, horizon: number, out: DueItem[]): void {
	dueItemsFor(p.info, p.lastInteraction, p.followups, today, horizon, out);
}

/**
 * `dueItemsOf` with the input's fields as arguments, for callers that have them apart. Returns
 * the first day after `today` on which the items may differ other than in `status` and `days`
 * (a date property or a birthday passes, an item comes within the horizon, …): until then, the
 * same items with their `status` and `days` moved on are the answer (`redate`).
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
			const item = cadenceItem(info, due, today, last === null ? null : iso(last), info.cadenceText ?? formatCadence(info.cadence));
			if (snooze !== null && snooze === due) item.snoozedUntil = iso(snooze);
			out.push(item);
		} else validTo = Math.min(validTo, due - horizon);
	}
	for (const f of followups) {
		if (f.due !== null && f.due > limit) {
			validTo = Math.min(validTo, f.due - horizon);
			continue;
		}
		out.push(followupItem(info, f, today));
	}
	if (info.birthday) {
		const next = nextBirthdayIn(info.birthday, today, yearOf(today));
		validTo = Math.min(validTo, next + 1);
		if (next <= limit) {
			const item = base(info, "birthday", next, today);
			if (info.birthday.year !== null) item.age = ymdFromDay(next).y - info.birthday.year;
			out.push(item);
		} else validTo = Math.min(validTo, next - horizon);
	}
	return validTo;
}

/**
 * An item of `from` as it reads on `today`, a later day before the one `dueItemsFor` returned:
 * the same item with its `status` and `days` moved on (a new object; undated items stay as they
 * are).
 */
export function redate(item: DueItem, from: Day, today: Day): DueItem {
	if (item.days === null) return item;
	const day = item.days + from;
	const status = statusOf(day, today);
	const days = day - today;
	// Built as the first one was (same fields, same order): much cheaper than a spread.
	const { person, path, due, company, role } = item;
	if (item.reason === "cadence") {
		const { lastContact, cadence } = item;
		let out: DueItem;
		if (company !== undefined) {
			if (role !== undefined) out = { person, path, reason: "cadence", due, status, days, company, role, lastContact, cadence };
			else out = { person, path, reason: "cadence", due, status, days, company, lastContact, cadence };
		} else if (role !== undefined) out = { person, path, reason: "cadence", due, status, days, role, lastContact, cadence };
		else out = { person, path, reason: "cadence", due, status, days, lastContact, cadence };
		if (item.snoozedUntil !== undefined) out.snoozedUntil = item.snoozedUntil;
		return out;
	}
	if (item.reason === "followup") {
		const { text, source, line } = item;
		if (company !== undefined) {
			if (role !== undefined) return { person, path, reason: "followup", due, status, days, company, role, text, source, line };
			return { person, path, reason: "followup", due, status, days, company, text, source, line };
		}
		if (role !== undefined) return { person, path, reason: "followup", due, status, days, role, text, source, line };
		return { person, path, reason: "followup", due, status, days, text, source, line };
	}
	const out: DueItem = { person, path, reason: item.reason, due, status, days };
	if (company !== undefined) out.company = company;
	if (role !== undefined) out.role = role;
	if (item.age !== undefined) out.age = item.age;
	return out;
}

/** The same order as `a.localeCompare(b, "en", { sensitivity: "base" })`, without building a collator per call. */
const NAMES = new Intl.Collator("en", { sensitivity: "base" });

const REASON_ORDER: Record<DueReason, number> = { cadence: 0, followup: 1, birthday: 2 };

/** By due date, then name, undated last; ties by path, reason, source and line, so output is stable. */
export function compareDue(a: DueItem, b: DueItem): number {
	if (a.days !== b.days) {
		if (a.days === null) return 1;
		if (b.days === null) return -1;
		return a.days - b.days;
	}
	const byName = NAMES.compare(a.person, b.person);
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

/**
 * People's names in the order of `compareDue`, as numbers: equal numbers for names it finds
 * equal. Kept by the index across due lists, so that sorting one compares numbers, not strings.
 */
export class NameOrder {
	/** Every name seen, in order; `tied[i]`: name i equals name i − 1. */
	private sorted: string[] = [];
	private tied: boolean[] = [];
	private ranks = new Map<string, number>();
	private fresh = new Set<string>();
	private ranked = 0;

	/** Changes whenever ranks may have changed; ranks read at one version hold until the next. */
	get version(): number {
		this.update();
		return this.ranked;
	}

	get size(): number {
		return this.sorted.length + this.fresh.size;
	}

	add(name: string): void {
		if (!this.ranks.has(name)) this.fresh.add(name);
	}

	/** The rank of a name given to `add`. */
	rank(name: string): number {
		this.update();
		const r = this.ranks.get(name);
		if (r === undefined) throw new Error(`name not ranked: ${name}`);
		return r;
	}

	private update(): void {
		if (this.fresh.size === 0) return;
		const fresh = [...this.fresh].filter((n) => !this.ranks.has(n));
		this.fresh.clear();
		if (fresh.length > 64 || fresh.length * 8 > this.sorted.length) {
			const all = this.sorted.concat(fresh).sort(NAMES.compare);
			this.tied = all.map((n, i) => i > 0 && NAMES.compare(all[i - 1] ?? "", n) === 0);
			this.sorted = all;
		} else {
			for (const name of fresh) {
				let lo = 0;
				let hi = this.sorted.length;
				while (lo < hi) {
					const mid = (lo + hi) >> 1;
					if (NAMES.compare(this.sorted[mid] ?? "", name) <= 0) lo = mid + 1;
					else hi = mid;
				}
				this.sorted.splice(lo, 0, name);
				this.tied.splice(lo, 0, lo > 0 && NAMES.compare(this.sorted[lo - 1] ?? "", name) === 0);
				if (lo + 1 < this.sorted.length) this.tied[lo + 1] = NAMES.compare(name, this.sorted[lo + 1] ?? "") === 0;
			}
		}
		this.ranked++;
		this.ranks.clear();
		let rank = 0;
		for (let i = 0; i < this.sorted.length; i++) {
			if (!this.tied[i]) rank = i;
			this.ranks.set(this.sorted[i] ?? "", rank);
		}
	}
}

const SHIFT = 2 ** 24;

/**
 * `items.sort(compareDue)`, faster with the ranks of a `NameOrder` that knows every name (or
 * `ranks`, each item's person's rank, read from it at its current version). Each item gets one
 * number, (due day, name rank, place in the input), exact in a double; one numeric sort orders
 * them, and `compareDue` orders only the items that share a day and a rank. Same order, same
 * stability.
 */
export function sortDue(items: DueItem[], names?: NameOrder, ranks?: readonly number[]): DueItem[] {
	const n = items.length;
	if (!names || n < 2 || n >= SHIFT || names.size >= SHIFT) return items.sort(compareDue);
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < n; i++) {
		const days = (items[i] as DueItem).days;
		if (days === null) continue;
		if (days < min) min = days;
		if (days > max) max = days;
	}
	// Day slots from the earliest to the latest due day, then one for undated items.
	const slots = (max >= min ? max - min + 1 : 0) + 1;
	const width = names.size + 1;
	if (slots * width * n >= Number.MAX_SAFE_INTEGER) return items.sort(compareDue);
	const keys = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const item = items[i] as DueItem;
		const slot = item.days === null ? slots - 1 : item.days - min;
		const rank = ranks ? (ranks[i] ?? 0) : names.rank(item.person);
		keys[i] = (slot * width + rank) * n + i;
	}
	keys.sort();
	const out = new Array<DueItem>(n);
	let at = 0;
	for (let k = 0; k < n; ) {
		const key = keys[k] ?? 0;
		const i = key % n;
		const group = key - i;
		let j = k + 1;
		while (j < n && (keys[j] ?? 0) - ((keys[j] ?? 0) % n) === group) j++;
		if (j - k === 1) out[at++] = items[i] as DueItem;
		else {
			const run: DueItem[] = [];
			for (let m = k; m < j; m++) run.push(items[(keys[m] ?? 0) % n] as DueItem);
			run.sort(compareDue);
			for (const item of run) out[at++] = item;
		}
		k = j;
	}
	return out;
}
