/** Follow-ups (open tasks), done and cancelled tasks, and how items are sorted and given a status. */
import { afterAll, describe, expect, it } from "vitest";
import { ALL, cadenceOf, cleanupTemp, dueOf, type Files, itemsOf, note, tracked, expectProblems } from "./helpers";

afterAll(cleanupTemp);

const TODAY = "2026-11-20";

function followups(files: Files, extra: string[] = []) {
	const { json } = dueOf({ "People/Anna Rossi.md": note(["tags: [person]"]), ...files }, TODAY, extra);
	return itemsOf(json, "Anna Rossi", "followup");
}

describe("the due date of an open task", () => {
	it.each([
		["📅 date", "Inbox.md", "- [ ] send deck to [[Anna Rossi]] 📅 2026-11-22", "2026-11-22", "send deck to [[Anna Rossi]]"],
		["📅 with a variation selector", "Inbox.md", "- [ ] send deck to [[Anna Rossi]] 📅\uFE0F 2026-11-22", "2026-11-22", "send deck to [[Anna Rossi]]"],
		["[due:: date]", "Inbox.md", "- [ ] send deck to [[Anna Rossi]] [due:: 2026-11-23]", "2026-11-23", "send deck to [[Anna Rossi]]"],
		["(due:: date)", "Inbox.md", "- [ ] send deck to [[Anna Rossi]] (due:: 2026-11-23)", "2026-11-23", "send deck to [[Anna Rossi]]"],
		["📅 wins over [due::]", "Inbox.md", "- [ ] call [[Anna Rossi]] [due:: 2026-11-23] 📅 2026-11-24", "2026-11-24", "call [[Anna Rossi]]"],
		["📅 wins over a leading date", "Inbox.md", "- [ ] 2026-11-01 call [[Anna Rossi]] 📅 2026-11-24", "2026-11-24", "call [[Anna Rossi]]"],
		["leading date", "Inbox.md", "- [ ] 2026-11-21 call [[Anna Rossi]]", "2026-11-21", "call [[Anna Rossi]]"],
		["leading [[date]]", "Inbox.md", "- [ ] [[2026-11-21]] call [[Anna Rossi]]", "2026-11-21", "call [[Anna Rossi]]"],
		["the daily note's date", "Journal/2026-11-18.md", "- [ ] call [[Anna Rossi]] back", "2026-11-18", "call [[Anna Rossi]] back"],
		["the note's date property", "Meetings/Kickoff.md", "---\ndate: 2026-11-19\n---\n- [ ] send minutes to [[Anna Rossi]]", "2026-11-19", "send minutes to [[Anna Rossi]]"],
		["undated", "Inbox.md", "- [ ] introduce [[Anna Rossi]] to Bruno", null, "introduce [[Anna Rossi]] to Bruno"],
		["nested under another item", "Inbox.md", "- Projects\n  - [ ] ask [[Anna Rossi]] 📅 2026-11-21", "2026-11-21", "ask [[Anna Rossi]]"],
		["ordered list task", "Inbox.md", "1. [ ] ask [[Anna Rossi]] 📅 2026-11-21", "2026-11-21", "ask [[Anna Rossi]]"],
	])("%s", (_name, notePath, body, due, text) => {
		const items = followups({ [notePath]: `${body}\n` });
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ due, text, source: notePath });
	});

	it("an impossible 📅 date is a problem and leaves the follow-up undated", () => {
		const { json } = dueOf({ "People/Anna Rossi.md": note(["tags: [person]"]), "Inbox.md": "- [ ] call [[Anna Rossi]] 📅 2026-02-30\n" }, TODAY);
		expect(itemsOf(json, "Anna Rossi", "followup").map((i) => i.due)).toEqual([null]);
		expectProblems(json.problems, [["Inbox.md", 1, /2026-02-30/]]);
	});
});

describe("status and horizon of follow-ups", () => {
	const files: Files = {
		"Inbox.md": [
			"- [ ] overdue [[Anna Rossi]] 📅 2026-11-01",
			"- [ ] today [[Anna Rossi]] 📅 2026-11-20",
			"- [ ] soon [[Anna Rossi]] 📅 2026-11-27",
			"- [ ] later [[Anna Rossi]] 📅 2026-11-28",
			"- [ ] someday [[Anna Rossi]]",
		].join("\n"),
	};

	it("overdue, today, upcoming within the horizon, undated open; later ones are not listed", () => {
		expect(followups(files).map((i) => [i.text, i.due, i.status, i.line])).toEqual([
			["overdue [[Anna Rossi]]", "2026-11-01", "overdue", 1],
			["today [[Anna Rossi]]", "2026-11-20", "today", 2],
			["soon [[Anna Rossi]]", "2026-11-27", "upcoming", 3],
			["someday [[Anna Rossi]]", null, "open", 5],
		]);
	});

	it("a longer horizon lists the later one too", () => {
		expect(followups(files, ["--horizon", "8"]).map((i) => i.text)).toContain("later [[Anna Rossi]]");
	});
});

describe("tasks in the person's own note", () => {
	it("an open task without links is her follow-up", () => {
		const items = followups({ "People/Anna Rossi.md": note(["tags: [person]"], ["- [ ] send the proposal 📅 2026-11-21", "- likes espresso"]) });
		expect(items.map((i) => [i.text, i.due, i.source, i.line])).toEqual([["send the proposal", "2026-11-21", "People/Anna Rossi.md", 4]]);
	});
});

describe("done and cancelled tasks", () => {
	const last = (body: string): string | null | undefined =>
		cadenceOf(dueOf({ "People/Anna Rossi.md": tracked(), "Journal/2026-11-10.md": `${body}\n` }, TODAY, ALL).json, "Anna Rossi")?.lastContact;

	it.each([
		["done with ✅ date", "- [x] called [[Anna Rossi]] ✅ 2026-11-15", "2026-11-15"],
		["done with X", "- [X] called [[Anna Rossi]] ✅ 2026-11-15", "2026-11-15"],
		["done with a leading date", "- [x] 2026-11-12 called [[Anna Rossi]]", "2026-11-12"],
		["✅ wins over the leading date", "- [x] 2026-11-12 called [[Anna Rossi]] ✅ 2026-11-14", "2026-11-14"],
		["done without dates: the note's date", "- [x] called [[Anna Rossi]]", "2026-11-10"],
		["cancelled", "- [-] call [[Anna Rossi]]", null],
		["cancelled with dates", "- [-] 2026-11-12 call [[Anna Rossi]] ✅ 2026-11-14", null],
		["open task is no contact", "- [ ] call [[Anna Rossi]]", null],
		["done with an impossible ✅ date", "- [x] called [[Anna Rossi]] ✅ 2026-11-31", null],
	])("%s", (_name, body, expected) => {
		expect(last(body)).toBe(expected);
	});

	it("done and cancelled tasks are never follow-ups", () => {
		const items = followups({ "Journal/2026-11-10.md": "- [x] called [[Anna Rossi]]\n- [-] email [[Anna Rossi]]\n" });
		expect(items).toEqual([]);
	});
});

describe("sorting", () => {
	it("by due date, then name (ignoring case), undated last", () => {
		const files: Files = {
			"People/bruno.md": note(["cadence: 30", "last_contact: 2026-10-20"]),
			"People/Anna.md": note(["cadence: 30", "last_contact: 2026-10-20", "birthday: 11-19"]),
			"People/Carla.md": note(["cadence: 30", "last_contact: 2026-10-15", "birthday: 1990-11-22"]),
			"People/Dario.md": note(["tags: person"]),
			"Inbox.md": ["- [ ] ping [[Dario]]", "- [ ] ping [[Anna]]", "- [ ] ping [[Carla]] 📅 2026-11-19"].join("\n"),
		};
		const { json } = dueOf(files, TODAY);
		expect(json.items.map((i) => [i.due, i.person, i.reason])).toEqual([
			["2026-11-14", "Carla", "cadence"],
			["2026-11-19", "Anna", "cadence"],
			["2026-11-19", "bruno", "cadence"],
			["2026-11-19", "Carla", "followup"],
			["2026-11-22", "Carla", "birthday"],
			[null, "Anna", "followup"],
			[null, "Dario", "followup"],
		]);
	});

	it("by date even when a due date passes the year 9999 (not by the text of the date)", () => {
		const files: Files = {
			"People/Anna.md": note(["cadence: monthly", "last_contact: 9999-12-30"]),
			"People/Bruno.md": note(["birthday: 12-31"]),
		};
		const { json } = dueOf(files, "9999-12-31", ["--horizon", "60"]);
		expect(json.items.map((i) => [i.person, i.reason, i.status, i.days])).toEqual([
			["Bruno", "birthday", "today", 0],
			["Anna", "cadence", "upcoming", 30],
		]);
	});
});
