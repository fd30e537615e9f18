/** Note dates: daily notes dated by their name (any moment format), other notes by `date`. */
import { afterAll, describe, expect, it } from "vitest";
import { ALL, cadenceOf, cleanupTemp, dailyConfig, dueOf, type Files, note, problemsOf, tracked, expectProblems } from "./helpers";

afterAll(cleanupTemp);

const TODAY = "2026-11-25";

/** Anna's last contact after reading `files` (plus her own note), with `extra` CLI options. */
function lastContactOf(files: Files, extra: string[] = []): string | null | undefined {
	const { json } = dueOf({ "People/Anna Rossi.md": tracked(), ...files }, TODAY, [...ALL, ...extra]);
	return cadenceOf(json, "Anna Rossi")?.lastContact;
}

describe("daily notes dated by their name", () => {
	const cases: Array<[string, Files, string, string[], string | null]> = [
		["default format, no config", {}, "2026-11-20.md", [], "2026-11-20"],
		["default format in a subfolder when folder is the root", {}, "Anywhere/Deep/2026-11-20.md", [], "2026-11-20"],
		["folder Journal", dailyConfig("Journal", "YYYY-MM-DD"), "Journal/2026-11-20.md", [], "2026-11-20"],
		["folder Journal, note outside it is not daily", dailyConfig("Journal", "YYYY-MM-DD"), "Elsewhere/2026-11-20.md", [], null],
		["folder Journal/Daily, DD-MM-YYYY", dailyConfig("Journal/Daily", "DD-MM-YYYY"), "Journal/Daily/20-11-2026.md", [], "2026-11-20"],
		["DD-MM-YYYY, a name in another format is not daily", dailyConfig("Journal/Daily", "DD-MM-YYYY"), "Journal/Daily/2026-11-20.md", [], null],
		["DD-MM-YYYY, impossible day is not daily", dailyConfig("Journal/Daily", "DD-MM-YYYY"), "Journal/Daily/31-11-2026.md", [], null],
		[
			"YYYY/MM/YYYY-MM-DD dddd: only the last segment is matched",
			dailyConfig("Journal", "YYYY/MM/YYYY-MM-DD dddd"),
			"Journal/2026/11/2026-11-20 Friday.md",
			[],
			"2026-11-20",
		],
		["YYYY/MM/YYYY-MM-DD dddd: wrong weekday is not daily", dailyConfig("Journal", "YYYY/MM/YYYY-MM-DD dddd"), "Journal/2026/11/2026-11-20 Monday.md", [], null],
		["dddd D MMMM YYYY with --locale it", dailyConfig("Diario", "dddd D MMMM YYYY"), "Diario/venerdì 20 novembre 2026.md", ["--locale", "it"], "2026-11-20"],
		[
			"dddd D MMMM YYYY with --locale it, name written in NFD",
			dailyConfig("Diario", "dddd D MMMM YYYY"),
			"Diario/venerdì 20 novembre 2026.md".normalize("NFD"),
			["--locale", "it"],
			"2026-11-20",
		],
		["English names still read with --locale it", dailyConfig("Diario", "dddd D MMMM YYYY"), "Diario/Friday 20 November 2026.md", ["--locale", "it"], "2026-11-20"],
		["Italian names without --locale are not read", dailyConfig("Diario", "dddd D MMMM YYYY"), "Diario/venerdì 20 novembre 2026.md", [], null],
		["folder written with slashes around it", dailyConfig("/Journal/", "YYYY-MM-DD"), "Journal/2026-11-20.md", [], "2026-11-20"],
		["config file with a BOM", { ".obsidian/daily-notes.json": `\uFEFF${JSON.stringify({ folder: "J", format: "DD.MM.YY" })}` }, "J/20.11.26.md", [], "2026-11-20"],
		["literal text in brackets", dailyConfig("", "[Daily] YYYY-MM-DD"), "Daily 2026-11-20.md", [], "2026-11-20"],
		["day of year", dailyConfig("", "YYYY-DDDD"), "2026-324.md", [], "2026-11-20"],
		["ordinal day and month name", dailyConfig("Log", "MMMM Do, YYYY"), "Log/November 20th, 2026.md", [], "2026-11-20"],
		["short names", dailyConfig("Log", "ddd, MMM D YYYY"), "Log/Fri, Nov 20 2026.md", [], "2026-11-20"],
		["ISO week", dailyConfig("Log", "GGGG-[W]WW-E"), "Log/2026-W47-5.md", [], "2026-11-20"],
		["two-digit year", dailyConfig("Log", "YY.MM.DD"), "Log/26.11.20.md", [], "2026-11-20"],
	];
	it.each(cases)("%s", (_name, config, notePath, extra, expected) => {
		expect(lastContactOf({ ...config, [notePath]: "- call with [[Anna Rossi]]\n" }, extra)).toBe(expected);
	});

	it("an impossible daily-note format is a warning; dated notes still count", () => {
		const { json, err } = dueOf(
			{
				...dailyConfig("Journal", "[Diary]"),
				"People/Anna Rossi.md": tracked(),
				"Journal/x.md": note(["date: 2026-11-11"], ["- call with [[Anna Rossi]]"]),
			},
			TODAY,
			ALL,
		);
		expect(err).toMatch(/rete: warning: .*daily-note format/);
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBe("2026-11-11");
	});
});

describe("other notes dated by their `date` property", () => {
	it.each([
		["unquoted date", "date: 2026-11-12", "2026-11-12"],
		["quoted date", 'date: "2026-11-12"', "2026-11-12"],
		["datetime", "date: 2026-11-12T18:30", "2026-11-12"],
		["datetime with zone keeps the written day", "date: 2026-11-12T23:30:00-10:00", "2026-11-12"],
		["a link to the daily note", 'date: "[[2026-11-12]]"', "2026-11-12"],
		["an unquoted link to the daily note", "date: [[2026-11-12]]", "2026-11-12"],
		["no date: an undated item is no contact", "title: Meeting", null],
	])("%s", (_name, prop, expected) => {
		expect(lastContactOf({ "Meetings/Kickoff.md": note([prop], ["- [[Anna Rossi]] presented"]) })).toBe(expected);
	});

	it("a daily note's name wins over its date property", () => {
		expect(lastContactOf({ "2026-11-20.md": note(["date: 2026-11-01"], ["- [[Anna Rossi]]"]) })).toBe("2026-11-20");
	});

	it("an impossible `date` in a note that links people is a problem; its items count for nothing", () => {
		const { json } = dueOf(
			{ "People/Anna Rossi.md": tracked(), "Meetings/Kickoff.md": note(["title: Kickoff", "date: 2026-02-30"], ["- [[Anna Rossi]] presented"]) },
			TODAY,
			ALL,
		);
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBeNull();
		expectProblems(problemsOf(json, "Meetings/Kickoff.md"), [["Meetings/Kickoff.md", 3, /date/]]);
	});

	it("an item's own leading date wins over the note's date", () => {
		expect(lastContactOf({ "Meetings/Kickoff.md": note(["date: 2026-11-12"], ["- 2026-11-14 [[Anna Rossi]] follow-up call"]) })).toBe("2026-11-14");
	});
});
