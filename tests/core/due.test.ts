import { describe, expect, it } from "vitest";
import { isoFromDay } from "../../src/core/dates";
import { dueDays, dueStatus, nextBirthday } from "../../src/core/due";
import { day, dueLines, makeIndex } from "./helpers";

const person = (props: string, body = ""): string => `---\n${props}\n---\n${body}`;

describe("cadence", () => {
	it.each([
		["never contacted: due today", "cadence: 14", "", ["today 2026-11-20 P cadence"], 7],
		["last contact + cadence", "cadence: 14\nlast_contact: 2026-11-01", "", ["overdue 2026-11-15 P cadence"], 7],
		["met counts as a contact", "cadence: 2w\nmet: 2026-11-10", "", ["upcoming 2026-11-24 P cadence"], 7],
		["the latest of interactions, last_contact and met", "cadence: 7\nlast_contact: 2026-11-01\nmet: 2026-01-01", "- 2026-11-12 call", ["overdue 2026-11-19 P cadence"], 7],
		["not listed beyond the horizon", "cadence: 30\nlast_contact: 2026-11-01", "", [], 7],
		["exactly at the horizon", "cadence: 30\nlast_contact: 2026-10-28", "", ["upcoming 2026-11-27 P cadence"], 7],
		["calendar months", "cadence: 3m\nlast_contact: 2026-08-31", "", ["upcoming 2026-11-30 P cadence"], 10],
		["last_contact after today is a plan", "cadence: 7\nlast_contact: 2026-12-01\nmet: 2026-11-01", "", ["overdue 2026-11-08 P cadence"], 7],
		["snooze pushes the due date", "cadence: 7\nlast_contact: 2026-11-01\nsnooze_until: 2026-11-25", "", ["upcoming 2026-11-25 P cadence"], 7],
		["a past snooze changes nothing", "cadence: 7\nlast_contact: 2026-11-01\nsnooze_until: 2026-11-02", "", ["overdue 2026-11-08 P cadence"], 7],
		["snooze beyond the horizon hides", "cadence: 7\nsnooze_until: 2026-12-25", "", [], 7],
		["no cadence, no cadence item", "last_contact: 2026-01-01", "", [], 7],
	])("%s", (_name, props, body, want, horizon) => {
		expect(dueLines(makeIndex({ "People/P.md": person(props, body) }), "2026-11-20", horizon)).toEqual(want);
	});

	it("gives the details of a cadence item", () => {
		const [item] = makeIndex({ "People/P.md": person("cadence: 2 weeks\nlast_contact: 2026-11-01\nsnooze_until: 2026-11-18\ncompany: Acme\nrole: CTO") }).due(day("2026-11-20"), 7);
		expect(item).toEqual({ person: "P", path: "People/P.md", reason: "cadence", due: "2026-11-18", day: day("2026-11-18"), company: "Acme", role: "CTO", lastContact: "2026-11-01", cadence: "2 weeks", snoozedUntil: "2026-11-18" });
	});
});

describe("follow-ups", () => {
	it("lists dated ones up to the horizon and every undated one", () => {
		const index = makeIndex({
			"People/P.md": person("tags: [person]"),
			"Notes/Plan.md": "- [ ] Send [[P]] the deck 📅 2026-11-27\n- [ ] Call [[P]] 📅 2026-11-28\n- [ ] Ask [[P]] about Rome\n- [ ] Old [[P]] 📅 2026-01-02\n- [x] Done [[P]] ✅ 2026-11-19\n- [-] Dropped [[P]]",
		});
		expect(dueLines(index, "2026-11-20")).toEqual([
			"overdue 2026-01-02 P followup: Old [[P]]",
			"upcoming 2026-11-27 P followup: Send [[P]] the deck",
			"open - P followup: Ask [[P]] about Rome",
		]);
		const [first] = index.due(day("2026-11-20"), 7);
		expect(first).toMatchObject({ source: "Notes/Plan.md", line: 4, day: day("2026-01-02") });
		expect(first && dueDays(first, day("2026-11-20"))).toBe(-322);
		expect(first && dueStatus(first, day("2026-11-20"))).toBe("overdue");
	});
});

describe("birthdays", () => {
	it.each([
		["2026-11-20", "11-23", 7, "upcoming 2026-11-23 P birthday"],
		["2026-11-20", "11-20", 7, "today 2026-11-20 P birthday"],
		["2026-11-20", "11-19", 7, null],
		["2026-12-28", "01-02", 7, "upcoming 2027-01-02 P birthday"],
		["2027-02-25", "02-29", 7, "upcoming 2027-02-28 P birthday"],
		["2028-02-25", "02-29", 7, "upcoming 2028-02-29 P birthday"],
		["2027-03-01", "02-29", 7, null],
	])("on %s, a birthday on %s", (today, birthday, horizon, want) => {
		const lines = dueLines(makeIndex({ "People/P.md": person(`birthday: ${birthday}`) }), today, horizon);
		expect(lines).toEqual(want === null ? [] : [want]);
	});
	it("gives the age reached when the year is known", () => {
		const [item] = makeIndex({ "People/P.md": person("birthday: 1990-11-23") }).due(day("2026-11-20"), 7);
		expect(item).toMatchObject({ reason: "birthday", due: "2026-11-23", age: 36 });
	});
	it.each([
		["born this year: the day of birth is no birthday", "2026-11-23", []],
		["a year of birth still ahead (a typo)", "2030-11-23", []],
		["the first birthday", "2025-11-23", [1]],
	])("%s", (_, birthday, ages) => {
		const items = makeIndex({ "People/P.md": person(`birthday: ${birthday}`) }).due(day("2026-11-20"), 7);
		expect(items.map((i) => i.age)).toEqual(ages);
		// A year later it is the first birthday.
		const later = makeIndex({ "People/P.md": person(`birthday: ${birthday}`) }).due(day("2027-11-20"), 7);
		expect(later.map((i) => i.age)).toEqual(birthday === "2030-11-23" ? [] : [ages.length === 0 ? 1 : 2]);
	});
	it("next birthday from 29 February wraps over the year", () => {
		expect(isoFromDay(nextBirthday({ month: 2, day: 29, year: null }, day("2026-03-01")))).toBe("2027-02-28");
	});
});

describe("order", () => {
	it("sorts by due date, then name, undated last", () => {
		const index = makeIndex({
			"People/Zoe.md": person("cadence: 7\nlast_contact: 2026-11-10"),
			"People/anna.md": person("cadence: 7\nlast_contact: 2026-11-10"),
			"People/Émile.md": person("cadence: 7\nlast_contact: 2026-11-01"),
			"People/Bob.md": person("birthday: 11-17"),
			"Notes/x.md": "- [ ] call [[Zoe]]\n- [ ] call [[anna]]\n",
		});
		expect(dueLines(index, "2026-11-20")).toEqual([
			"overdue 2026-11-08 Émile cadence",
			"overdue 2026-11-17 anna cadence",
			"overdue 2026-11-17 Zoe cadence",
			"open - anna followup: call [[anna]]",
			"open - Zoe followup: call [[Zoe]]",
		]);
	});
});
