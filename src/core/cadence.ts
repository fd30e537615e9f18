/** How often to keep in touch: a number of days, weeks, months or years. */
import { addMonths, addYears, type Day, describe } from "./dates";

export type CadenceUnit = "day" | "week" | "month" | "year";

export interface Cadence {
	count: number;
	unit: CadenceUnit;
}

const KEYWORDS: Record<string, Cadence> = {
	weekly: { count: 1, unit: "week" },
	biweekly: { count: 2, unit: "week" },
	fortnightly: { count: 2, unit: "week" },
	monthly: { count: 1, unit: "month" },
	quarterly: { count: 3, unit: "month" },
	yearly: { count: 1, unit: "year" },
	annually: { count: 1, unit: "year" },
};

const UNITS: Record<string, CadenceUnit> = {
	d: "day",
	day: "day",
	days: "day",
	w: "week",
	week: "week",
	weeks: "week",
	m: "month",
	month: "month",
	months: "month",
	y: "year",
	year: "year",
	years: "year",
};

const COUNTED = /^(\d{1,5})\s*([a-z]+)$/;
const MAX_DAYS = 36600;

export type CadenceRead = { cadence: Cadence } | { error: string } | null;

/**
 * Reads a `cadence` property: `30`, `"30"`, `2w`, `3m`, `1y`, `10d`, `2 weeks`, `3 months`,
 * `1 year`, or weekly, biweekly/fortnightly, monthly, quarterly, yearly/annually.
 * Empty gives `null`; anything else an error to report.
 */
export function readCadence(value: unknown): CadenceRead {
	if (value === null || value === undefined) return null;
	if (typeof value === "number") return fromCount(value, "day", String(value));
	if (typeof value !== "string") return { error: `cadence must be a number of days or a period, not ${describe(value)}` };
	const s = value.trim().toLowerCase();
	if (s === "") return null;
	const keyword = KEYWORDS[s];
	if (keyword) return { cadence: { ...keyword } };
	if (/^\d+$/.test(s)) return fromCount(Number(s), "day", value);
	const m = COUNTED.exec(s);
	const unit = m?.[2] ? UNITS[m[2]] : undefined;
	if (m && unit) return fromCount(Number(m[1]), unit, value);
	return { error: `unknown cadence "${value.trim()}" (use e.g. 30, 2w, 3m, 1y, "2 weeks", monthly)` };
}

function fromCount(count: number, unit: CadenceUnit, raw: string): CadenceRead {
	if (!Number.isInteger(count) || count <= 0 || count * unitDays(unit) > MAX_DAYS) {
		return { error: `cadence must be a whole number of days from 1 to ${MAX_DAYS}, not "${raw}"` };
	}
	return { cadence: { count, unit } };
}

function unitDays(unit: CadenceUnit): number {
	return unit === "day" ? 1 : unit === "week" ? 7 : unit === "month" ? 31 : 366;
}

/** The day one cadence after `day`; months and years are calendar arithmetic. */
export function addCadence(day: Day, c: Cadence): Day {
	switch (c.unit) {
		case "day":
			return day + c.count;
		case "week":
			return day + 7 * c.count;
		case "month":
			return addMonths(day, c.count);
		case "year":
			return addYears(day, c.count);
	}
}

/** A canonical short form, `14d`, `2w`, `3m`, `1y`. */
export function formatCadence(c: Cadence): string {
	return `${c.count}${c.unit[0] ?? "d"}`;
}
