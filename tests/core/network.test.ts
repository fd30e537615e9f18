import { describe, expect, it } from "vitest";
import { isoFromDay } from "../../src/core/dates";
import { day, dueLines, makeIndex, record } from "./helpers";

const anna = "---\ntags: [person]\ncadence: 2w\n---\n## Log\n- 2026-10-01 Coffee\n";

describe("PeopleIndex", () => {
	it("collects interactions from daily notes, other notes and the person's own note", () => {
		const index = makeIndex({
			"Notes/Anna Rossi.md": anna,
			"Journal/2026-10-20.md": "- Call with [[Anna Rossi]]\n",
			"Meetings/Kickoff.md": "---\ndate: 2026-10-25\n---\n- [[Anna Rossi|Anna]] presented\n",
			"Meetings/Undated.md": "- [[Anna Rossi]] was there\n",
			"Journal/2026-11-30.md": "- Dinner with [[Anna Rossi]]\n",
		});
		expect(index.lastInteraction("Notes/Anna Rossi.md", day("2026-11-20"))).toBe(day("2026-10-25"));
		expect(dueLines(index, "2026-11-20")).toEqual(["overdue 2026-11-08 Anna Rossi cadence"]);
		expect(index.stats()).toMatchObject({ people: 1, interactions: 4, followups: 0 });
	});

	it("counts one item with several people for each of them", () => {
		const index = makeIndex({
			"People/Anna.md": "---\ncadence: 7\n---\n",
			"People/Marco.md": "---\ncadence: 7\n---\n",
			"Journal/2026-11-18.md": "- Lunch with [[Anna]] and [[Marco]]\n- [ ] Introduce [[Anna]] to [[Marco]]\n",
		});
		expect(dueLines(index, "2026-11-20")).toEqual([
			"overdue 2026-11-18 Anna followup: Introduce [[Anna]] to [[Marco]]",
			"overdue 2026-11-18 Marco followup: Introduce [[Anna]] to [[Marco]]",
			"upcoming 2026-11-25 Anna cadence",
			"upcoming 2026-11-25 Marco cadence",
		]);
	});

	it("links notes written before the person's note existed, and unlinks them when it goes", () => {
		const index = makeIndex({ "Journal/2026-11-10.md": "- Met [[Sara Neri]] at the fair\n" });
		expect(index.due(day("2026-11-20"))).toEqual([]);
		index.upsert(record("People/Sara Neri.md", "---\ncadence: 7\n---\n"));
		expect(dueLines(index, "2026-11-20")).toEqual(["overdue 2026-11-17 Sara Neri cadence"]);
		index.remove("People/Sara Neri.md");
		expect(index.due(day("2026-11-20"))).toEqual([]);
		expect(index.isLinked("People/Sara Neri.md")).toBe(true);
	});

	it("follows a note becoming a person and ceasing to be one", () => {
		const index = makeIndex({ "Notes/Tom.md": "# Tom\n", "Journal/2026-11-01.md": "- [[Tom]]\n" });
		index.upsert(record("Notes/Tom.md", "---\ntags: person\ncadence: 30\n---\n"));
		expect(index.lastInteraction("Notes/Tom.md", day("2026-11-20"))).toBe(day("2026-11-01"));
		index.upsert(record("Notes/Tom.md", "---\ncadence: 30\n---\n"));
		expect(index.person("Notes/Tom.md")).toBeNull();
		expect(index.due(day("2026-11-20"))).toEqual([]);
	});

	it("replaces what an edited note said, and forgets a deleted one", () => {
		const index = makeIndex({ "People/Anna.md": "---\ncadence: 7\n---\n", "Journal/2026-11-19.md": "- [[Anna]]\n" });
		expect(dueLines(index, "2026-11-20")).toEqual(["upcoming 2026-11-26 Anna cadence"]);
		index.upsert(record("Journal/2026-11-19.md", "- nobody today\n"));
		expect(dueLines(index, "2026-11-20")).toEqual(["today 2026-11-20 Anna cadence"]);
		index.upsert(record("Journal/2026-11-19.md", "- [[Anna]]\n"));
		index.remove("Journal/2026-11-19.md");
		expect(dueLines(index, "2026-11-20")).toEqual(["today 2026-11-20 Anna cadence"]);
	});

	it("keeps a person's history through a rename when the links follow (remove, then upsert at the new path)", () => {
		const index = makeIndex({ "People/Anna.md": "---\ncadence: 7\n---\n- 2026-11-15 call\n", "Journal/2026-11-18.md": "- [[Anna]]\n" });
		index.remove("People/Anna.md");
		index.upsert(record("People/Anna Rossi.md", "---\ncadence: 7\n---\n- 2026-11-15 call\n"));
		index.upsert(record("Journal/2026-11-18.md", "- [[Anna Rossi]]\n"));
		expect(index.lastInteraction("People/Anna Rossi.md", day("2026-11-20"))).toBe(day("2026-11-18"));
	});

	it("reports problems with path and line, and one bad note never stops the rest", () => {
		const index = makeIndex({
			"People/Bad.md": "---\ncadence: sometimes\n---\n## Log\n- 2026-02-30 call\n",
			"People/Good.md": "---\ncadence: 7\n---\n- 2026-11-01 call\n",
		});
		index.upsert({ path: "People/Broken.md", frontmatter: null, body: "- [[Good]]", frontmatterError: { line: 3, message: "bad indentation" } });
		index.upsert({ path: "People/List.md", frontmatter: ["a", "b"], body: "" });
		expect(index.problems().map((p) => `${p.path}:${p.line} ${p.message}`)).toEqual([
			"People/Bad.md:2 cadence: unknown cadence \"sometimes\" (use e.g. 30, 2w, 3m, 1y, \"2 weeks\", monthly)",
			"People/Bad.md:5 impossible date 2026-02-30",
			"People/Broken.md:3 unreadable frontmatter: bad indentation",
			"People/List.md:1 frontmatter is not a set of properties (key: value); ignored",
		]);
		expect(dueLines(index, "2026-11-20")).toEqual(["overdue 2026-11-08 Good cadence"]);
	});

	it("reports a bad `date` only in notes that may refer to someone", () => {
		const index = makeIndex({ "Notes/a.md": "---\ndate: someday\n---\nno links", "Notes/b.md": "---\ndate: someday\n---\n- [[X]]" });
		expect(index.problems().map((p) => p.path)).toEqual(["Notes/b.md"]);
	});

	it("counts plans after today only once their day has come", () => {
		const index = makeIndex({ "People/Anna.md": "---\ncadence: 7\n---\n- 2026-11-25 dinner booked\n- 2026-11-01 call\n" });
		expect(isoFromDay(index.lastInteraction("People/Anna.md", day("2026-11-20")) ?? 0)).toBe("2026-11-01");
		expect(isoFromDay(index.lastInteraction("People/Anna.md", day("2026-11-26")) ?? 0)).toBe("2026-11-25");
	});

	it("does not count a person's note twice when it also links to itself", () => {
		const index = makeIndex({ "People/Anna.md": "---\ncadence: 7\n---\n- 2026-11-01 note to self [[Anna]]\n" });
		expect(index.stats().interactions).toBe(1);
	});
});
