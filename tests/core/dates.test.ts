import { describe, expect, it } from "vitest";
import { addMonths, addYears, dayFromYmd, isoFromDay, isoWeekday, isValidYmd, parseIsoDay, readDateValue, ymdFromDay } from "../../src/core/dates";
import { Lcg } from "./random-notes";

const day = (iso: string): number => {
	const d = parseIsoDay(iso);
	if (d === null) throw new Error(iso);
	return d;
};

describe("day numbers", () => {
	it("round-trips every day from 1900 to 2100", () => {
		for (let d = dayFromYmd(1900, 1, 1); d <= dayFromYmd(2100, 12, 31); d++) {
			const { y, m, d: dd } = ymdFromDay(d);
			expect(dayFromYmd(y, m, dd)).toBe(d);
		}
	});
	it("agrees with the UTC calendar", () => {
		expect(dayFromYmd(1970, 1, 1)).toBe(0);
		expect(dayFromYmd(2026, 11, 20)).toBe(Date.UTC(2026, 10, 20) / 86400000);
		expect(isoFromDay(dayFromYmd(2024, 2, 29))).toBe("2024-02-29");
	});
	it("knows weekdays", () => {
		expect(isoWeekday(day("2026-11-20"))).toBe(5); // Friday
		expect(isoWeekday(day("2026-11-22"))).toBe(7); // Sunday
		expect(isoWeekday(day("1969-12-29"))).toBe(1); // Monday, before the epoch
	});
});

describe("parseIsoDay", () => {
	it.each([
		["2026-11-20", "2026-11-20"],
		["2024-02-29", "2024-02-29"],
		["2026-02-30", null],
		["2026-13-01", null],
		["2026-00-10", null],
		["2023-02-29", null],
		["2026-1-5", null],
		["20261120", null],
		[" 2026-11-20", null],
		["2026-11-20T10:00", null],
	])("%s → %s", (input, want) => {
		const d = parseIsoDay(input);
		expect(d === null ? null : isoFromDay(d)).toBe(want);
	});

	it("reads exactly what the pattern YYYY-MM-DD reads, over odd and random strings", () => {
		const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;
		const byPattern = (s: string): string | null => {
			const m = pattern.exec(s);
			if (!m) return null;
			const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
			return isValidYmd(y, mo, d) ? isoFromDay(dayFromYmd(y, mo, d)) : null;
		};
		const odd = ["2026-11-20\n", "2026-11-2O", "２０２６-11-20", "2026/11/20", "2026-11-20 ", "0000-01-01", "9999-12-31", "2026-11--1", "+026-11-20", "2026-1a-20", "2026-11-2\u0660", ""];
		const chars = "0123456789-- /:T\n٣";
		const rng = new Lcg(7);
		const next = (): number => rng.next();
		for (let i = 0; i < 3000; i++) {
			const base = isoFromDay(Math.floor(next() * 4_000_000) - 700_000).split("");
			// Nearly a date: one character changed, or none.
			if (next() < 0.6) base[Math.floor(next() * base.length)] = chars[Math.floor(next() * chars.length)] ?? "0";
			odd.push(base.join("").slice(0, next() < 0.9 ? 10 : 9 + Math.floor(next() * 3)));
		}
		for (const s of odd) {
			const d = parseIsoDay(s);
			expect(d === null ? null : isoFromDay(d), JSON.stringify(s)).toBe(byPattern(s));
		}
	});
});

describe("calendar arithmetic", () => {
	it.each([
		["2026-08-31", 3, "2026-11-30"],
		["2026-01-31", 1, "2026-02-28"],
		["2024-01-31", 1, "2024-02-29"],
		["2026-11-20", 2, "2027-01-20"],
		["2026-03-31", -1, "2026-02-28"],
	])("%s + %i months = %s", (from, n, want) => {
		expect(isoFromDay(addMonths(day(from), n))).toBe(want);
	});
	it("adds years, 29 February falling on 28 February", () => {
		expect(isoFromDay(addYears(day("2024-02-29"), 1))).toBe("2025-02-28");
		expect(isoFromDay(addYears(day("2024-02-29"), 4))).toBe("2028-02-29");
	});
});

describe("readDateValue", () => {
	const iso = (v: unknown): string | null | { error: string } => {
		const r = readDateValue(v);
		if (r === null) return null;
		return "day" in r ? isoFromDay(r.day) : { error: r.error };
	};
	it.each([
		["2026-11-20", "2026-11-20"],
		["  2026-11-20 ", "2026-11-20"],
		["2026-11-20T23:30:00-10:00", "2026-11-20"],
		["2026-11-20T00:30:00+14:00", "2026-11-20"],
		["2026-11-20 09:15", "2026-11-20"],
		["[[2026-11-20]]", "2026-11-20"],
		["[[2026-11-20|yesterday]]", "2026-11-20"],
		["", null],
		[null, null],
		[undefined, null],
	])("%j → %j", (input, want) => {
		expect(iso(input)).toEqual(want);
	});
	it("reads a Date object by its UTC calendar day, in any zone", () => {
		expect(iso(new Date(Date.UTC(2026, 10, 20)))).toBe("2026-11-20");
		expect(iso(new Date("2026-11-20T23:59:59.999Z"))).toBe("2026-11-20");
		expect(iso(new Date(Date.UTC(1960, 0, 1, 12)))).toBe("1960-01-01");
	});
	it.each([["2026-02-30"], ["2026-13-01"], ["next friday"], ["20/11/2026"], ["2026-1-5"], [42], [true], [["2026-11-20"]], [{ a: 1 }], [new Date(NaN)]])(
		"%j is a problem, never a guess",
		(input) => {
			expect(iso(input)).toMatchObject({ error: expect.any(String) as string });
		},
	);
});
