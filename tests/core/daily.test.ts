import { describe, expect, it } from "vitest";
import { compileDaily, type DailyMatcher } from "../../src/core/daily";
import { isoFromDay } from "../../src/core/dates";

function matcher(folder: string, format: string, locale = "en"): DailyMatcher {
	const c = compileDaily(folder, format, locale);
	if ("error" in c) throw new Error(c.error);
	return c.matcher;
}
const dateOf = (m: DailyMatcher, path: string): string | null => {
	const d = m.dateOf(path);
	return d === null ? null : isoFromDay(d);
};

describe("daily-note names", () => {
	it.each([
		["", "YYYY-MM-DD", "2026-11-20.md", "2026-11-20"],
		["", "YYYY-MM-DD", "Sub/2026-11-20.md", "2026-11-20"],
		["Journal", "YYYY-MM-DD", "Journal/2026-11-20.md", "2026-11-20"],
		["Journal", "YYYY-MM-DD", "Journal/2026/11/2026-11-20.md", "2026-11-20"],
		["Journal", "YYYY-MM-DD", "Other/2026-11-20.md", null],
		["Journal", "YYYY-MM-DD", "Journal/2026-11-20 notes.md", null],
		["Journal", "YYYY-MM-DD", "Journal/2026-02-30.md", null],
		["Journal", "YYYY-MM-DD", "Journal/2026-11-20.pdf", null],
		["Journal", "DD-MM-YYYY", "Journal/20-11-2026.md", "2026-11-20"],
		["Journal", "DD-MM-YYYY", "Journal/2026-11-20.md", null],
		["Journal", "D.M.YY", "Journal/5.3.26.md", "2026-03-05"],
		["Diario", "YYYY/MM/YYYY-MM-DD dddd", "Diario/2026/11/2026-11-20 Friday.md", "2026-11-20"],
		["Diario", "YYYY/MM/YYYY-MM-DD dddd", "Diario/2026/11/2026-11-20 Thursday.md", null],
		["", "dddd, MMMM Do YYYY", "Friday, November 20th 2026.md", "2026-11-20"],
		["", "ddd MMM D YYYY", "Fri Nov 20 2026.md", "2026-11-20"],
		["", "[Daily] YYYY-MM-DD", "Daily 2026-11-20.md", "2026-11-20"],
		["", "GGGG-[W]WW-E", "2026-W47-5.md", "2026-11-20"],
		["", "GGGG-[W]WW-E", "2026-W53-5.md", "2027-01-01"],
		["", "GGGG-[W]WW-E", "2025-W53-5.md", null],
		["", "YYYY-DDDD", "2026-324.md", "2026-11-20"],
		["", "YYYY-MM-DD", "2026-11-20.MD", "2026-11-20"],
	])("%j + %j: %s → %s", (folder, format, path, want) => {
		expect(dateOf(matcher(folder, format), path)).toBe(want);
	});

	it("reads Italian month and weekday names with the locale, and English always", () => {
		const m = matcher("", "dddd D MMMM YYYY", "it");
		expect(dateOf(m, "venerdì 20 novembre 2026.md")).toBe("2026-11-20");
		expect(dateOf(m, "Venerdì 20 Novembre 2026.md")).toBe("2026-11-20");
		expect(dateOf(m, "Friday 20 November 2026.md")).toBe("2026-11-20");
		expect(dateOf(m, "lunedì 20 novembre 2026.md")).toBeNull();
	});

	it("matches names written in NFD", () => {
		const m = matcher("", "dddd D MMMM YYYY", "it");
		expect(dateOf(m, "venerdì 20 novembre 2026.md".normalize("NFD"))).toBe("2026-11-20");
	});

	it("refuses formats that do not name one day", () => {
		expect(compileDaily("", "YYYY-MM", "en")).toHaveProperty("error");
		expect(compileDaily("", "gggg-[W]ww", "en")).toHaveProperty("error");
	});

	it("escapes regular-expression characters in literals", () => {
		const m = matcher("", "YYYY.MM.DD (ddd)");
		expect(dateOf(m, "2026.11.20 (Fri).md")).toBe("2026-11-20");
		expect(dateOf(m, "2026x11x20 (Fri).md")).toBeNull();
	});
});
