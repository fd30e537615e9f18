import { describe, expect, it } from "vitest";
import { compileDaily } from "../../src/core/daily";
import { isoFromDay } from "../../src/core/dates";
import { checkDailyPath, pluginEnabled, resolveDailySettings } from "../../src/core/daily-config";

describe("resolveDailySettings", () => {
	it("uses the core Daily Notes settings", () => {
		expect(resolveDailySettings({ dailyNotes: { folder: "Journal/", format: "DD-MM-YYYY", template: "Templates/Day" } })).toEqual({ folder: "Journal", format: "DD-MM-YYYY", template: "Templates/Day", source: "daily-notes" });
	});
	it("falls back to Obsidian's defaults, value by value", () => {
		expect(resolveDailySettings({})).toEqual({ folder: "", format: "YYYY-MM-DD", source: "default" });
		expect(resolveDailySettings({ dailyNotes: { folder: 3, format: "  " } })).toEqual({ folder: "", format: "YYYY-MM-DD", source: "daily-notes" });
		expect(resolveDailySettings({ dailyNotes: "garbage" })).toMatchObject({ source: "default" });
	});
	it("prefers Periodic Notes when it is enabled and its daily notes are on (0.x layout)", () => {
		const periodicNotes = { daily: { enabled: true, folder: "Daily", format: "YYYY/MM/YYYY-MM-DD", template: "T/Daily" } };
		const files = { dailyNotes: { folder: "Journal" }, communityPlugins: ["calendar", "periodic-notes"], periodicNotes };
		expect(resolveDailySettings(files)).toEqual({ folder: "Daily", format: "YYYY/MM/YYYY-MM-DD", template: "T/Daily", source: "periodic-notes" });
		expect(resolveDailySettings({ ...files, communityPlugins: ["calendar"] })).toMatchObject({ folder: "Journal", source: "daily-notes" });
		expect(resolveDailySettings({ ...files, periodicNotes: { daily: { enabled: false, folder: "Daily" } } })).toMatchObject({ source: "daily-notes" });
	});
	it("reads Periodic Notes' 1.x layout (calendar sets), the active set first", () => {
		const periodicNotes = {
			activeCalendarSet: "work",
			calendarSets: [
				{ id: "default", day: { enabled: true, folder: "Home", format: "YYYY-MM-DD" } },
				{ id: "work", day: { enabled: true, folder: "Work/Days", format: "dddd D MMMM YYYY", templatePath: "T/Work day.md" } },
			],
		};
		expect(resolveDailySettings({ communityPlugins: ["periodic-notes"], periodicNotes })).toEqual({ folder: "Work/Days", format: "dddd D MMMM YYYY", template: "T/Work day.md", source: "periodic-notes" });
	});
	it("survives anything", () => {
		for (const v of [null, 1, "x", [], { calendarSets: "x" }, { calendarSets: [null, 1] }, { daily: [] }]) {
			expect(resolveDailySettings({ communityPlugins: ["periodic-notes"], periodicNotes: v, dailyNotes: v }).format).toBeTruthy();
		}
	});
	it("knows enabled plugins in both list forms", () => {
		expect(pluginEnabled(["a", "periodic-notes"], "periodic-notes")).toBe(true);
		expect(pluginEnabled({ "periodic-notes": true }, "periodic-notes")).toBe(true);
		expect(pluginEnabled({ "periodic-notes": false }, "periodic-notes")).toBe(false);
		expect(pluginEnabled(undefined, "periodic-notes")).toBe(false);
	});
});

describe("daily names with the locale's own names (moment's, from Obsidian)", () => {
	it("matches names given by the adapter before English and Intl ones", () => {
		const given = { months: ["Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"], monthsShort: ["Jän.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."], weekdays: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"], weekdaysShort: ["So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."], weekdaysMin: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"] };
		const c = compileDaily("", "dddd, D. MMMM YYYY", "de-AT", given);
		if ("error" in c) throw new Error(c.error);
		const d = c.matcher.dateOf("Freitag, 20. November 2026.md");
		expect(d === null ? null : isoFromDay(d)).toBe("2026-11-20");
		const j = c.matcher.dateOf("Sonntag, 3. Jänner 2027.md");
		expect(j === null ? null : isoFromDay(j)).toBe("2027-01-03");
	});
});

describe("checkDailyPath", () => {
	it.each([["2026-11-20.md"], ["Journal/2026/11/2026-11-20.md"], ["Events/.obsidian/2026-11-20.md"], ["obsidian/2026-11-20.md"]])("%j stays inside the vault", (path) => {
		expect(checkDailyPath(path, ".obsidian")).toEqual({ path });
	});
	it.each([["../outside/2026-11-20.md"], ["../2026-11-20.md"], ["Journal/../../2026-11-20.md"], ["/abs/2026-11-20.md"], ["C:/x/2026-11-20.md"], ["C:2026-11-20.md"], [".obsidian/2026-11-20.md"], [".Obsidian/plugins/2026-11-20.md"]])(
		"%j is refused, with the reason and what to change",
		(path) => {
			const checked = checkDailyPath(path, ".obsidian");
			expect(checked).toHaveProperty("error");
			expect("error" in checked ? checked.error : "").toMatch(/^the daily note's path ".+" (climbs out of the vault|is an absolute path|is inside \.obsidian).*daily notes folder or date format/);
		},
	);
	it("knows the vault's own config folder", () => {
		expect(checkDailyPath(".config/2026-11-20.md", ".config")).toHaveProperty("error");
		expect(checkDailyPath(".obsidian/2026-11-20.md", ".config")).toEqual({ path: ".obsidian/2026-11-20.md" });
	});
});
