import { describe, expect, it } from "vitest";
import { isoFromDay } from "../../src/core/dates";
import { PeopleIndex } from "../../src/core/network";
import { hashOfBase, targetBase } from "../../src/core/resolver";
import type { NoteRecord } from "../../src/core/types";
import { day, dueLines, makeIndex, record } from "./helpers";
import { options } from "./random-notes";

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

describe("quiet notes (held by path, stamp and the numbers of their links' names)", () => {
	const names = (...links: string[]): number[] => links.map((l) => hashOfBase(targetBase(l)) | 0);
	const quiet = (path: string, hashes: number[]): NoteRecord => ({ path, frontmatter: undefined, body: null, quiet: hashes, stamp: 1 });
	const notes: Array<[string, number[]]> = [
		["Notes/Dinner.md", names("Carla Neri", "Lisbon")],
		["Notes/Trip.md", names("Lisbon")],
		["Notes/Ideas.md", names("Projects/Carla Neri.md")],
	];
	const carla = record("People/Carla Neri.md", "---\ntags: [person]\n---\n");

	function quietIndex(): PeopleIndex {
		const index = new PeopleIndex(options());
		for (const [path, hashes] of notes) index.upsert(quiet(path, hashes));
		index.upsert(record("People/Anna.md", "---\ntags: [person]\n---\n"));
		return index;
	}

	it.each([false, true])("asks for the quiet notes with a link of the name of a person who appears, once (restored: %s)", (restored) => {
		const built = quietIndex();
		const index = restored ? PeopleIndex.fromSnapshot(options(), structuredClone(built.snapshot("k")), "k") : built;
		// Anna appeared after the quiet notes came, but none links her name.
		expect(index.takePending()).toEqual([]);
		index.upsert(carla);
		expect(index.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md"]);
		expect(index.takePending()).toEqual([]);
		// Read, the note is no longer quiet: a person appearing again asks nothing more of it.
		index.upsert(record("Notes/Dinner.md", "- 2026-11-10 Dinner with [[Carla Neri]]\n"));
		index.remove("People/Carla Neri.md");
		index.remove("Notes/Trip.md");
		index.upsert(carla);
		expect(index.takePending()).toEqual(["Notes/Ideas.md"]);
		expect(index.lastInteraction("People/Carla Neri.md", day("2026-11-20"))).toBe(day("2026-11-10"));
		// Renamed to a name a quiet note links: a person appears.
		index.remove("People/Anna.md");
		index.upsert(record("People/Lisbon.md", "---\ntags: [person]\n---\n"));
		expect(index.takePending()).toEqual([]);
		// A quiet note that came after the restore; a note that becomes a person's.
		index.upsert(quiet("Notes/Trip.md", names("Lisbon")));
		index.remove("People/Lisbon.md");
		index.upsert(record("Places/Lisbon.md", "---\ntags: [place]\n---\n"));
		expect(index.takePending()).toEqual([]);
		index.upsert(record("Places/Lisbon.md", "---\ntags: [person]\n---\n"));
		expect(index.takePending()).toEqual(["Notes/Trip.md"]);
	});

	it("finds them when many people appear at once, in a restored index", () => {
		const index = PeopleIndex.fromSnapshot(options(), structuredClone(quietIndex().snapshot("k")), "k");
		for (let i = 0; i < 20; i++) index.upsert(record(`People/Guest ${i}.md`, "---\ntags: [person]\n---\n"));
		index.upsert(carla);
		expect(index.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md"]);
	});

	it("finds them again after a restore: a note woken but not read when the index was saved, or a person who came unnoticed", () => {
		const index = quietIndex();
		index.peopleKnown();
		index.upsert(carla);
		// Saved before anything asked for the notes to read (the app quit meanwhile, say).
		const restored = PeopleIndex.fromSnapshot(options(), structuredClone(index.snapshot("k")), "k");
		expect(restored.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md"]);
		expect(restored.takePending()).toEqual([]);
		// Read since, and saved again: nothing left to find.
		for (const path of ["Notes/Dinner.md", "Notes/Ideas.md"]) restored.upsert(record(path, "- 2026-11-10 Dinner with [[Carla Neri]]\n"));
		const again = PeopleIndex.fromSnapshot(options(), structuredClone(restored.snapshot("k")), "k");
		expect(again.takePending()).toEqual([]);
	});

	it("asks for none of the people known when they came", () => {
		const index = quietIndex();
		index.upsert(carla);
		index.peopleKnown();
		expect(index.takePending()).toEqual([]);
	});

	it("holds a record that gives links by them, though it says it is quiet", () => {
		const index = quietIndex();
		index.upsert({ ...quiet("Notes/Odd.md", []), links: ["Carla Neri"] });
		index.upsert(carla);
		expect(index.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md", "Notes/Odd.md"]);
	});
});
