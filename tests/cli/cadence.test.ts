/** Cadence, last contact, met, snooze and birthdays, end to end through `rete due --json`. */
import { afterAll, describe, expect, it } from "vitest";
import { ALL, cadenceOf, cleanupTemp, dueOf, type Files, itemsOf, note, problemsOf, reteSettings } from "./helpers";

afterAll(cleanupTemp);

describe("cadence forms (last contact 2026-08-31)", () => {
	const cases: Array<[string, string, string]> = [
		["30", "30", "2026-09-30"],
		['"30"', "30", "2026-09-30"],
		["10d", "10d", "2026-09-10"],
		["2w", "2w", "2026-09-14"],
		["3m", "3m", "2026-11-30"],
		["1y", "1y", "2027-08-31"],
		['"2 weeks"', "2 weeks", "2026-09-14"],
		['"3 months"', "3 months", "2026-11-30"],
		['"1 year"', "1 year", "2027-08-31"],
		["weekly", "weekly", "2026-09-07"],
		["biweekly", "biweekly", "2026-09-14"],
		["fortnightly", "fortnightly", "2026-09-14"],
		["monthly", "monthly", "2026-09-30"],
		["quarterly", "quarterly", "2026-11-30"],
		["yearly", "yearly", "2027-08-31"],
		["annually", "annually", "2027-08-31"],
		["Monthly", "Monthly", "2026-09-30"],
		["1m", "1m", "2026-09-30"],
		["6m", "6m", "2027-02-28"],
	];
	const files: Files = {};
	cases.forEach(([yaml], i) => {
		files[`People/P${String(i).padStart(2, "0")}.md`] = note([`cadence: ${yaml}`, "last_contact: 2026-08-31"]);
	});
	const { json } = dueOf(files, "2026-09-01", ALL);

	it.each(cases.map((c, i) => [...c, i] as const))("cadence: %s (written %s) → due %s", (_yaml, written, due, i) => {
		const item = cadenceOf(json, `P${String(i).padStart(2, "0")}`);
		expect(item).toMatchObject({ due, lastContact: "2026-08-31", cadence: written });
	});

	it("reports no problems for any of them", () => {
		expect(json.problems).toEqual([]);
	});
});

describe("calendar months and years", () => {
	it.each([
		["2026-01-31", "1m", "2026-02-28"],
		["2028-01-31", "1m", "2028-02-29"],
		["2026-08-31", "3m", "2026-11-30"],
		["2026-11-30", "3m", "2027-02-28"],
		["2028-02-29", "1y", "2029-02-28"],
		["2026-12-31", "2w", "2027-01-14"],
	])("last contact %s + %s = %s", (last, cadence, due) => {
		const { json } = dueOf({ "People/Anna.md": note([`cadence: ${cadence}`, `last_contact: ${last}`]) }, "2030-01-01", ALL);
		expect(cadenceOf(json, "Anna")?.due).toBe(due);
	});
});

describe("bad cadence", () => {
	const bad = ["often", "0", "-5", "2.5", "3 fortnights", "[1, 2]", "1000y", "m3"];
	it.each(bad)("cadence: %s is a problem with path and line; the person has no cadence", (value) => {
		const { json } = dueOf(
			{
				"People/Anna.md": note(["company: ACME", `cadence: ${value}`, "last_contact: 2026-08-31"]),
				"People/Bruno.md": note(["cadence: 7"]),
			},
			"2026-11-20",
			ALL,
		);
		expect(cadenceOf(json, "Anna")).toBeUndefined();
		expect(cadenceOf(json, "Bruno")?.due).toBe("2026-11-20");
		const problems = problemsOf(json, "People/Anna.md");
		expect(problems).toHaveLength(1);
		expect(problems[0]?.message).toMatch(/cadence/);
		expect(problems[0]?.line).toBeGreaterThanOrEqual(1);
	});

	it("the problem's line is the line of the `cadence:` property", () => {
		const { json } = dueOf({ "People/Anna.md": note(["company: ACME", "role: CTO", "cadence: often"]) }, "2026-11-20", ALL);
		// Line 1 is the opening ---, 2 company, 3 role, 4 cadence.
		expect(problemsOf(json, "People/Anna.md").map((p) => p.line)).toEqual([4]);
	});

	it("every bad property is reported on its own line, whatever the key's case or quoting", () => {
		const lines = [
			"company: ACME",
			"Cadence: often",
			"last_contact: 2026-13-01",
			"met: yesterday",
			'"birthday": 02-30',
			"snooze_until: soon",
			"aliases:",
			"  - cadence: nested, not the property",
		];
		const { json } = dueOf({ "People/Anna.md": `\uFEFF${note(lines).replace(/\n/g, "\r\n")}` }, "2026-11-20", ALL);
		const byLine = problemsOf(json, "People/Anna.md").map((p) => [p.line, p.message.split(":")[0]]);
		expect(byLine).toEqual([
			[3, "cadence"],
			[4, "last_contact"],
			[5, "met"],
			[6, "birthday"],
			[7, "snooze_until"],
		]);
	});
});

describe("default cadence from the settings", () => {
	it("applies to people without their own cadence", () => {
		const { json } = dueOf(
			{
				...reteSettings({ defaultCadence: "monthly" }),
				"People/Anna.md": note(["last_contact: 2026-10-15"]),
				"People/Bruno.md": note(["cadence: 1y", "last_contact: 2026-10-15"]),
			},
			"2026-11-20",
			ALL,
		);
		expect(cadenceOf(json, "Anna")).toMatchObject({ due: "2026-11-15", status: "overdue", cadence: "monthly" });
		expect(cadenceOf(json, "Bruno")?.due).toBe("2027-10-15");
	});
});

describe("last contact: last_contact, met and interactions", () => {
	const today = "2026-11-20";
	it.each([
		["never contacted: due today", [] as string[], [] as string[], "2026-11-20", null],
		["last_contact", ["last_contact: 2026-10-01"], [], "2026-10-31", "2026-10-01"],
		["quoted last_contact", ['last_contact: "2026-10-01"'], [], "2026-10-31", "2026-10-01"],
		["datetime last_contact keeps its calendar day", ["last_contact: 2026-10-01T23:30:00"], [], "2026-10-31", "2026-10-01"],
		["met", ["met: 2026-10-05"], [], "2026-11-04", "2026-10-05"],
		["met and last_contact: the later", ["met: 2026-09-01", "last_contact: 2026-10-02"], [], "2026-11-01", "2026-10-02"],
		["interaction later than last_contact", ["last_contact: 2026-10-01"], ["- 2026-10-20 call"], "2026-11-19", "2026-10-20"],
		["last_contact later than interaction", ["last_contact: 2026-11-01"], ["- 2026-10-20 call"], "2026-12-01", "2026-11-01"],
	])("%s", (_name, props, body, due, last) => {
		const { json } = dueOf({ "People/Anna.md": note(["cadence: 30", ...props], body) }, today, ALL);
		expect(cadenceOf(json, "Anna")).toMatchObject({ due, lastContact: last });
	});

	it("a bad last_contact is a problem and counts for nothing", () => {
		const { json } = dueOf({ "People/Anna.md": note(["cadence: 30", "last_contact: 2026-02-30"]) }, today, ALL);
		expect(cadenceOf(json, "Anna")).toMatchObject({ due: today, lastContact: null });
		expect(problemsOf(json, "People/Anna.md")[0]?.message).toMatch(/last_contact/);
	});
});

describe("snooze_until", () => {
	const today = "2026-11-20";
	it.each([
		["later than the cadence due: the snooze", "2026-11-25", "2026-11-25", "upcoming", true],
		["earlier than the cadence due: the cadence", "2026-11-01", "2026-11-10", "overdue", false],
		["today", "2026-11-20", "2026-11-20", "today", true],
	])("%s", (_name, snooze, due, status, snoozed) => {
		const { json } = dueOf({ "People/Anna.md": note(["cadence: 30", "last_contact: 2026-10-11", `snooze_until: ${snooze}`]) }, today);
		const item = cadenceOf(json, "Anna");
		expect(item).toMatchObject({ due, status });
		expect(item?.snoozedUntil).toBe(snoozed ? snooze : undefined);
	});

	it("beyond the horizon: not listed", () => {
		const { json } = dueOf({ "People/Anna.md": note(["cadence: 30", "last_contact: 2026-10-11", "snooze_until: 2026-12-31"]) }, today);
		expect(json.items).toEqual([]);
	});

	it("applies to someone never contacted", () => {
		const { json } = dueOf({ "People/Anna.md": note(["cadence: 30", "snooze_until: 2026-11-24"]) }, today);
		expect(cadenceOf(json, "Anna")).toMatchObject({ due: "2026-11-24", lastContact: null });
	});
});

describe("horizon for cadence items", () => {
	it("lists a cadence due on today+horizon, not the day after", () => {
		const files = {
			"People/Edge.md": note(["cadence: 30", "last_contact: 2026-10-28"]),
			"People/Past.md": note(["cadence: 30", "last_contact: 2026-10-29"]),
		};
		const { json } = dueOf(files, "2026-11-20");
		expect(json.items.map((i) => [i.person, i.due])).toEqual([["Edge", "2026-11-27"]]);
		expect(dueOf(files, "2026-11-20", ["--horizon", "0"]).json.items).toEqual([]);
	});
});

describe("birthdays", () => {
	it.each([
		["YYYY-MM-DD in the horizon, with age", "1990-11-22", "2026-11-20", "2026-11-22", "upcoming", 36],
		["unquoted/quoted the same", '"1990-11-22"', "2026-11-20", "2026-11-22", "upcoming", 36],
		["MM-DD, no age", "11-22", "2026-11-20", "2026-11-22", "upcoming", undefined],
		["today", "11-20", "2026-11-20", "2026-11-20", "today", undefined],
		["across the new year", "1980-01-02", "2026-12-30", "2027-01-02", "upcoming", 47],
		["02-29 in a non-leap year falls on 02-28", "02-29", "2027-02-25", "2027-02-28", "upcoming", undefined],
		["02-29 in a leap year stays", "02-29", "2028-02-25", "2028-02-29", "upcoming", undefined],
		["born on 2000-02-29, non-leap year", "2000-02-29", "2027-02-25", "2027-02-28", "upcoming", 27],
	])("%s", (_name, birthday, today, due, status, age) => {
		const { json } = dueOf({ "People/Anna.md": note([`birthday: ${birthday}`]) }, today);
		const items = itemsOf(json, "Anna", "birthday");
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ due, status });
		expect(items[0]?.age).toBe(age);
		expect(json.problems).toEqual([]);
	});

	it.each([
		["yesterday: next year, outside the horizon", "11-19", "2026-11-20"],
		["just beyond the horizon", "11-28", "2026-11-20"],
		["02-29 when 02-28 has passed", "02-29", "2027-03-01"],
	])("%s: not listed", (_name, birthday, today) => {
		const { json } = dueOf({ "People/Anna.md": note([`birthday: ${birthday}`]) }, today);
		expect(json.items).toEqual([]);
	});

	it("an impossible birthday is a problem", () => {
		const { json } = dueOf({ "People/Anna.md": note(["birthday: 02-30"]), "People/Bea.md": note(["birthday: 1990-13-01"]) }, "2026-11-20");
		expect(json.items).toEqual([]);
		expect(json.problems.map((p) => p.path)).toEqual(["People/Anna.md", "People/Bea.md"]);
		for (const p of json.problems) expect(p.message).toMatch(/birthday/);
	});
});
