import { describe, expect, it } from "vitest";
import { addCadence, formatCadence, readCadence } from "../../src/core/cadence";
import { isoFromDay, parseIsoDay } from "../../src/core/dates";

describe("readCadence", () => {
	it.each([
		[30, "30d"],
		["30", "30d"],
		[" 45 ", "45d"],
		["10d", "10d"],
		["10D", "10d"],
		["2w", "2w"],
		["3m", "3m"],
		["1y", "1y"],
		["1 day", "1d"],
		["10 days", "10d"],
		["2 weeks", "2w"],
		["1 week", "1w"],
		["3 months", "3m"],
		["1 month", "1m"],
		["1 year", "1y"],
		["2 years", "2y"],
		["weekly", "1w"],
		["Weekly", "1w"],
		["biweekly", "2w"],
		["fortnightly", "2w"],
		["monthly", "1m"],
		["quarterly", "3m"],
		["yearly", "1y"],
		["annually", "1y"],
	])("%j → %s", (input, want) => {
		const r = readCadence(input);
		expect(r && "cadence" in r ? formatCadence(r.cadence) : r).toBe(want);
	});

	it.each([[null], [undefined], [""], ["  "]])("%j is no cadence", (input) => {
		expect(readCadence(input)).toBeNull();
	});

	it.each([["sometimes"], ["0"], [0], [-3], [2.5], ["2.5w"], ["3 fortnights"], ["mensile"], ["every week"], [true], [["2w"]], [{ days: 3 }], ["99999"], ["1e3"]])(
		"%j is a problem",
		(input) => {
			const r = readCadence(input);
			expect(r).not.toBeNull();
			expect(r && "error" in r).toBe(true);
		},
	);
});

describe("addCadence", () => {
	const add = (from: string, cadence: string): string => {
		const r = readCadence(cadence);
		const d = parseIsoDay(from);
		if (!r || !("cadence" in r) || d === null) throw new Error("bad fixture");
		return isoFromDay(addCadence(d, r.cadence));
	};
	it.each([
		["2026-08-31", "3m", "2026-11-30"],
		["2026-08-31", "quarterly", "2026-11-30"],
		["2026-01-31", "monthly", "2026-02-28"],
		["2026-11-20", "2w", "2026-12-04"],
		["2026-11-20", "30", "2026-12-20"],
		["2024-02-29", "1y", "2025-02-28"],
		["2026-12-25", "weekly", "2027-01-01"],
	])("%s + %s = %s", (from, cadence, want) => {
		expect(add(from, cadence)).toBe(want);
	});
});
