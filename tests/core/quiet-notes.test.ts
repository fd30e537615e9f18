import { describe, expect, it, vi } from "vitest";
import { PeopleIndex } from "../../src/core/network";
import { hashOfBase, targetBase } from "../../src/core/link-names";
import { ShardedMap } from "../../src/core/sharded-map";
import type { NoteRecord } from "../../src/core/types";
import { day, record } from "./helpers";
import { options } from "./random-notes";

describe("quiet notes (held by path, stamp and the numbers of their links' names)", () => {
	const names = (...links: string[]): number[] => links.map((l) => hashOfBase(targetBase(l)) | 0);
	const quiet = (path: string, hashes: number[]): NoteRecord => ({ path, frontmatter: undefined, body: null, quiet: hashes, stamp: 1 });
	const notes: Array<[string, number[]]> = [
		["Notes/Dinner.md", names("Carla Neri", "Lisbon")],
		["Notes/Trip.md", names("Lisbon")],
		["Notes/Ideas.md", names("Projects/Carla Neri.md")],
	];
	const carla = record("People/Carla Neri.md", "---\ntags: [person]\n---\n");

	/** `columns`: the quiet notes given as a build gives them (`addQuiet`), in two tables. */
	function quietIndex(columns = false): PeopleIndex {
		const index = new PeopleIndex(options());
		if (columns) {
			for (const part of [notes.slice(0, 1), notes.slice(1)]) {
				const start = [0];
				for (const [, hashes] of part) start.push((start.at(-1) ?? 0) + hashes.length);
				index.addQuiet({ paths: part.map(([path]) => path), stamps: part.map(() => 1), start: Int32Array.from(start), names: Int32Array.from(part.flatMap(([, hashes]) => hashes)) });
			}
		} else for (const [path, hashes] of notes) index.upsert(quiet(path, hashes));
		index.upsert(record("People/Anna.md", "---\ntags: [person]\n---\n"));
		return index;
	}

	it.each(["upserted", "restored", "given in columns"])("asks for the quiet notes with a link of the name of a person who appears, once (%s)", (how) => {
		const built = quietIndex(how === "given in columns");
		const index = how === "restored" ? PeopleIndex.fromSnapshot(options(), structuredClone(built.snapshot("k")), "k") : built;
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

	it.each([false, true])("finds them when many people appear at once, in a restored index, or one given them in columns (%s)", (columns) => {
		const index = columns ? quietIndex(true) : PeopleIndex.fromSnapshot(options(), structuredClone(quietIndex().snapshot("k")), "k");
		for (let i = 0; i < 20; i++) index.upsert(record(`People/Guest ${i}.md`, "---\ntags: [person]\n---\n"));
		index.upsert(carla);
		expect(index.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md"]);
	});

	it.each(["restored", "given in columns"])("looks through the columns, not through every note, when someone appears (%s)", (how) => {
		const index = how === "restored" ? PeopleIndex.fromSnapshot(options(), structuredClone(quietIndex().snapshot("k")), "k") : quietIndex(true);
		index.upsert(carla);
		const values = vi.spyOn(ShardedMap.prototype, "values");
		try {
			expect(index.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md"]);
			expect(values).not.toHaveBeenCalled();
		} finally {
			values.mockRestore();
		}
	});

	it("holds the notes given in columns as quiet notes, each with its own stamp and names, saved as such", () => {
		const index = new PeopleIndex(options());
		index.addQuiet({ paths: ["A.md", "B.md", "C.md"], stamps: [7, 8, 9], start: Int32Array.from([0, 2, 2, 3]), names: Int32Array.from([11, 12, 13]) });
		expect(index.stampOf("B.md")).toBe(8);
		const snap = index.snapshot("k");
		const at = (path: string): number => snap.paths.indexOf(path);
		const namesOf = (path: string): number[] => Array.from(snap.quietNames.subarray(snap.quietStart[at(path)], snap.quietStart[at(path) + 1]));
		expect(["A.md", "B.md", "C.md"].map((p) => snap.unread[at(p)])).toEqual([2, 2, 2]);
		expect(["A.md", "B.md", "C.md"].map(namesOf)).toEqual([[11, 12], [], [13]]);
	});

	it("asks again after a restore for a note found but not read when the index was saved", () => {
		const woken = quietIndex();
		woken.upsert(carla);
		// Handed out to be read; the app quits before the reads end.
		expect(woken.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md"]);
		const restored = PeopleIndex.fromSnapshot(options(), structuredClone(woken.snapshot("k")), "k");
		expect(restored.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md"]);
		// Saved before anything asked for the notes to read.
		const early = quietIndex();
		early.upsert(carla);
		const again = PeopleIndex.fromSnapshot(options(), structuredClone(early.snapshot("k")), "k");
		expect(again.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md"]);
		// Read since, and saved again: nothing left to ask for.
		for (const path of ["Notes/Dinner.md", "Notes/Ideas.md"]) again.upsert(record(path, "- 2026-11-10 Dinner with [[Carla Neri]]\n"));
		const read = PeopleIndex.fromSnapshot(options(), structuredClone(again.snapshot("k")), "k");
		expect(read.takePending()).toEqual([]);
		expect(read.lastInteraction("People/Carla Neri.md", day("2026-11-20"))).toBe(day("2026-11-10"));
	});

	it("looks for a person the adapter did not know of when it decided which notes are quiet", () => {
		const index = quietIndex();
		index.upsert(carla);
		index.peopleKnown(new Set([hashOfBase("anna") | 0]));
		expect(index.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md"]);
		const all = quietIndex();
		all.upsert(carla);
		all.peopleKnown(new Set([hashOfBase("anna") | 0, hashOfBase("carla neri") | 0]));
		expect(all.takePending()).toEqual([]);
	});

	it("holds a note found for two people of one name as linking both", () => {
		const index = quietIndex();
		index.upsert(carla);
		index.upsert(record("Clients/Carla Neri.md", "---\ntags: [person]\n---\n"));
		expect(index.takePending().sort()).toEqual(["Notes/Dinner.md", "Notes/Ideas.md"]);
		const snap = index.snapshot("k");
		const dinner = snap.paths.indexOf("Notes/Dinner.md");
		const targets = [...snap.noteTargets.subarray(snap.targetStart[dinner], snap.targetStart[dinner + 1])].map((t) => snap.targetNames[t]);
		expect(targets.sort()).toEqual(["Clients/Carla Neri.md", "People/Carla Neri.md"]);
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
