import { describe, expect, it } from "vitest";
import { PeopleIndex } from "../../src/core/network";
import { parseIsoDay } from "../../src/core/dates";
import type { PersonCards } from "../../src/core/person-state";
import { hashOfBase } from "../../src/core/link-names";
import { checkJob, QUIET, SnapshotError, SnapshotStale } from "../../src/core/snapshot";
import { record } from "./helpers";
import { FOLDERS, Lcg, NAMES, observe, options, randomRecord } from "./random-notes";

const KEY = "settings-v1";

/** What IndexedDB would give back: a structured clone. */
function stored(index: PeopleIndex): unknown {
	return structuredClone(index.snapshot(KEY));
}

/** An index of these notes (path, text). */
function indexOf(notes: ReadonlyArray<readonly [string, string]>): PeopleIndex {
	const index = new PeopleIndex(options());
	for (const [path, text] of notes) index.upsert(record(path, text));
	return index;
}

describe("index snapshots", () => {
	it("restore exactly the index they were taken from, and stay equal through the same edits", () => {
		for (let seed = 1; seed <= 12; seed++) {
			const r = new Lcg(seed);
			const built = new PeopleIndex(options());
			built.defer();
			for (let i = 0; i < 60; i++) built.upsert(randomRecord(r, i));
			built.settle();
			const restored = PeopleIndex.fromSnapshot(options(), stored(built), KEY);
			expect(observe(restored)).toEqual(observe(built));
			expect(restored.takePending().sort()).toEqual(built.takePending().sort());
			for (let step = 0; step < 80; step++) {
				const op = r.int(10);
				const paths = built.paths().sort();
				if (op < 6) {
					const rec = randomRecord(r, 1000 + step);
					built.upsert(rec);
					restored.upsert(rec);
				} else if (op < 8 && paths.length > 0) {
					const path = r.pick(paths);
					built.remove(path);
					restored.remove(path);
				} else if (paths.length > 0) {
					// A rename: the note goes, then comes back under another path.
					const from = r.pick(paths);
					const to = `${r.pick(FOLDERS)}/${r.pick(NAMES)}.md`;
					const rec = randomRecord(r, 2000 + step);
					for (const index of [built, restored]) {
						index.remove(from);
						index.upsert({ ...rec, path: to });
					}
				}
				expect(observe(restored), `seed ${seed}, step ${step}`).toEqual(observe(built));
				expect(restored.takePending().sort()).toEqual(built.takePending().sort());
			}
			// A snapshot of the edited copy restores it too.
			expect(observe(PeopleIndex.fromSnapshot(options(), stored(restored), KEY))).toEqual(observe(built));
		}
	});

	it("can be written a few notes at a time, and stops when the index changes meanwhile", () => {
		const r = new Lcg(99);
		const index = new PeopleIndex(options());
		for (let i = 0; i < 40; i++) index.upsert(randomRecord(r, i));
		const job = index.snapshotJob(KEY);
		let steps = 0;
		let done = job.step(7);
		while (done === null) {
			steps++;
			done = job.step(7);
		}
		// Notes, then people's days, then the linkers of each name, 7 at a time.
		expect(steps).toBeGreaterThanOrEqual(Math.ceil(index.stats().notes / 7) - 1);
		expect(observe(PeopleIndex.fromSnapshot(options(), structuredClone(done), KEY))).toEqual(observe(index));
		const stale = index.snapshotJob(KEY);
		expect(stale.step(3)).toBeNull();
		index.upsert(randomRecord(r, 100));
		expect(() => stale.step(3)).toThrow(SnapshotStale);
	});

	it("asks again for the text of a note read before, and only of such a note", () => {
		const index = new PeopleIndex(options());
		index.upsert(record("People/Anna Rossi.md", "---\ntags: [person]\n---\n"));
		index.upsert({ path: "Notes/Links.md", frontmatter: null, body: null, links: ["Somebody"] });
		expect(index.takePending()).toEqual([]);
		expect(index.requestRead("People/Anna Rossi.md")).toBe(true);
		expect(index.requestRead("Notes/Links.md")).toBe(false);
		expect(index.requestRead("Notes/Missing.md")).toBe(false);
		expect(index.takePending()).toEqual(["People/Anna Rossi.md"]);
		// What it said stays until its new text comes.
		expect(index.person("People/Anna Rossi.md")?.name).toBe("Anna Rossi");
	});

	it("keeps notes given without a stamp as never up to date", () => {
		const index = new PeopleIndex(options());
		index.upsert(record("People/Anna Rossi.md", "---\ntags: [person]\n---\n"));
		const restored = PeopleIndex.fromSnapshot(options(), stored(index), KEY);
		expect(restored.stampOf("People/Anna Rossi.md")).toBeNaN();
		expect(restored.stampOf("People/Nobody.md")).toBeUndefined();
	});

	it("keep quiet notes quiet, without links, and ask for them when a person appears after the restore", () => {
		const built = new PeopleIndex(options());
		built.upsert({ path: "Notes/Fair.md", frontmatter: undefined, body: null, quiet: [hashOfBase("sara neri") | 0, 5], stamp: 7 });
		built.upsert(record("Journal/2026-11-10.md", "- Met [[Sara Neri]] at the fair\n"));
		const snap = built.snapshot(KEY);
		expect([...snap.unread]).toEqual(snap.paths.map((p) => (p === "Notes/Fair.md" ? QUIET : 0)));
		expect([...snap.quietNames]).toEqual([hashOfBase("sara neri") | 0, 5]);
		const restored = PeopleIndex.fromSnapshot(options(), structuredClone(snap), KEY);
		expect(restored.snapshot(KEY)).toEqual(snap);
		expect(restored.takePending()).toEqual([]);
		restored.upsert(record("People/Sara Neri.md", "---\ntags: [person]\n---\n"));
		expect(restored.takePending()).toEqual(["Notes/Fair.md"]);
	});

	it("refuses a snapshot made with other settings, of another format, or damaged", () => {
		const index = indexOf([
			["People/Anna Rossi.md", "---\ntags: [person]\ncadence: 2w\n---\n- 2026-11-01 Coffee\n"],
			["Journal/2026-11-10.md", "- Lunch with [[Anna Rossi]]\n- [ ] Call [[Anna Rossi]]\n"],
		]);
		const good = index.snapshot(KEY);
		expect(() => PeopleIndex.fromSnapshot(options(), good, "other settings")).toThrow(SnapshotError);
		const damaged: Array<[string, (s: Record<string, unknown>) => void]> = [
			["format", (s) => (s.format = 999)],
			["missing paths", (s) => delete s.paths],
			["short stamps", (s) => (s.stamps = new Float64Array(0))],
			["plain array for a typed one", (s) => (s.entries = [1, 2, 3])],
			["offsets beyond the end", (s) => (s.entryStart = Float64Array.from([0, 999, 1000]))],
			["target out of range", (s) => (s.noteTargets = Int32Array.from([...(s.noteTargets as Int32Array)].map(() => 77)))],
			["person out of range", (s) => (s.noteDests = Int32Array.from([...(s.noteDests as Int32Array)].map(() => 5)))],
			["no target names", (s) => delete s.targetBases],
			["target names of another length", (s) => (s.targetBases = new Int32Array(9))],
			["target name out of range", (s) => (s.targetBases = Int32Array.from([...(s.targetBases as Int32Array)].map(() => 99)))],
			["bad person", (s) => (s.persons = [{ name: 3 }])],
			["no name order", (s) => delete s.nameOrder],
			["name order not a list", (s) => (s.nameOrder = "Anna Rossi")],
			["plain array for the ties", (s) => (s.nameTied = [0])],
			["ties of another length", (s) => (s.nameTied = new Uint8Array(5))],
			["a name that is not text", (s) => (s.nameOrder = [7])],
			["a contact day that is no day", (s) => (s.personDays = Float64Array.from([Number.NaN]))],
			["unread beyond quiet", (s) => (s.unread = Uint8Array.from([0, 3]))],
			["quiet names of another length", (s) => (s.quietStart = new Int32Array(1))],
			["quiet names for a note that is not quiet", (s) => Object.assign(s, { quietStart: Int32Array.from((s.quietStart as Int32Array).map((_, i) => (i === 0 ? 0 : 1))), quietNames: Int32Array.of(7) })],
			["a quiet note with targets", (s) => (s.unread = Uint8Array.from((s.paths as string[]).map((p) => (p.startsWith("Journal/") ? QUIET : 0))))],
		];
		for (const [what, damage] of damaged) {
			const copy = structuredClone(good) as unknown as Record<string, unknown>;
			damage(copy);
			expect(() => PeopleIndex.fromSnapshot(options(), copy, KEY), what).toThrow(SnapshotError);
			// Restored in slices: refused as well, when it begins or at one of its steps.
			expect(() => {
				const { job } = PeopleIndex.restoring(options(), copy, KEY);
				while (!job.step(1));
			}, what).toThrow(SnapshotError);
		}
		for (const junk of [null, 42, "text", [], {}]) expect(() => PeopleIndex.fromSnapshot(options(), junk, KEY)).toThrow(SnapshotError);
		// Faults only an element's check finds, each by its own check.
		const texts = good.texts.length;
		const days = good.personDays.length;
		const byElement: Array<[RegExp, (s: Record<string, unknown>) => void]> = [
			[/bad offsets/, (s) => (s.textStart = Int32Array.of(0, texts + 1, texts))],
			[/bad person note/, (s) => Object.assign(s, { personNotes: Int32Array.of(0, 0), persons: [...good.persons, ...good.persons], personDayStart: Int32Array.of(0, 0, days) })],
			[/bad person note/, (s) => (s.personNotes = Int32Array.of(good.paths.length))],
			[/bad linking note/, (s) => (s.linkerNotes = Int32Array.from(good.linkerNotes, () => good.paths.length))],
			[/text that is not text/, (s) => ((s.paths as unknown[])[1] = 5)],
			[/bad problem/, (s) => (s.problems = [{ path: 1, message: "x" }])],
		];
		expect(good.paths.length).toBe(2);
		expect(good.linkerNotes.length).toBeGreaterThan(0);
		for (const [message, damage] of byElement) {
			const copy = structuredClone(good) as unknown as Record<string, unknown>;
			damage(copy);
			expect(() => PeopleIndex.fromSnapshot(options(), copy, KEY), String(message)).toThrow(message);
		}
	});

	it("are checked a range of elements at a time: a bad element late in a list is found by a step, not at once", () => {
		const files: Array<[string, string]> = [["People/Anna Rossi.md", "---\ntags: [person]\n---\n"]];
		for (let d = 1; d <= 200; d++) files.push([`Journal/${2000 + d}-11-10.md`, `- Lunch with [[Anna Rossi]]\n`]);
		const good = indexOf(files).snapshot(KEY);
		const job = checkJob(structuredClone(good), KEY);
		let steps = 0;
		while (!job.step(1)) steps++;
		// One element a step: at least every note's offsets (three kinds), path and unread mark.
		expect(steps).toBeGreaterThanOrEqual(good.paths.length * 5);
		expect(checkJob(structuredClone(good), KEY).step(Infinity)).toEqual(good);
		const late = structuredClone(good) as unknown as Record<string, unknown>;
		(late.paths as unknown[])[good.paths.length - 1] = 42;
		const { job: restore } = PeopleIndex.restoring(options(), late, KEY);
		// A step of a restore checks 256 elements: the paths come after every note's offsets.
		expect(() => restore.step(1)).not.toThrow();
		expect(() => {
			while (!restore.step(1));
		}).toThrow(/text that is not text/);
	});

	it("give each target the name it links, from the linkers' names or (−1) worked out again", () => {
		const index = indexOf([
			["People/Anna Rossi.md", "---\ntags: [person]\n---\n"],
			["Journal/2026-11-10.md", "- Lunch with [[Anna Rossi]] and [[people/anna rossi.md|Anna]]\n"],
		]);
		const good = index.snapshot(KEY);
		expect([...good.targetBases].every((b) => b >= 0)).toBe(true);
		for (let k = 0; k < good.targetNames.length; k++) expect(good.linkerBases[good.targetBases[k] ?? -1]).toBe(good.targetNames[k]?.toLowerCase().replace(/\.md$/, "").split("/").pop());
		const worked = structuredClone(good);
		worked.targetBases.fill(-1);
		for (const snap of [good, worked]) {
			const restored = PeopleIndex.fromSnapshot(options(), structuredClone(snap), KEY);
			expect(observe(restored)).toEqual(observe(index));
			// Anna's note goes and comes back: both links find her again by their name.
			for (const i of [index, restored]) i.remove("People/Anna Rossi.md");
			expect(observe(restored)).toEqual(observe(index));
			for (const i of [index, restored]) i.upsert(record("People/Anna Rossi.md", "---\ntags: [person]\n---\n"));
			expect(observe(restored)).toEqual(observe(index));
			expect(restored.isLinked("People/Anna Rossi.md")).toBe(true);
		}
	});

	it("take back the names' order they kept, and a wrong one is sorted afresh", () => {
		const index = new PeopleIndex(options());
		for (const name of ["Bruno", "anna", "Anna", "Zoë", "Carla"]) index.upsert(record(`People/${name}${name === "anna" ? "2" : ""}.md`, `---\ntags: [person]\ncadence: 1w\nname: ${name}\n---\n`));
		const today = parseIsoDay("2026-11-20") ?? 0;
		const expected = index.due(today, 7);
		const good = index.snapshot(KEY);
		expect(good.nameOrder).toEqual(["anna", "Anna", "Bruno", "Carla", "Zoë"]);
		expect([...good.nameTied]).toEqual([0, 1, 0, 0, 0]);
		const restored = PeopleIndex.fromSnapshot(options(), structuredClone(good), KEY);
		expect(restored.due(today, 7)).toEqual(expected);
		// Well formed but wrong (reversed, ties where there are none): sorted afresh, the same list.
		const wrong = { ...structuredClone(good), nameOrder: [...good.nameOrder].reverse(), nameTied: Uint8Array.from([0, 1, 1, 1, 1]) };
		expect(PeopleIndex.fromSnapshot(options(), wrong, KEY).due(today, 7)).toEqual(expected);
	});

	it("come back ready for the first due list: every card's last contact found for any later day", () => {
		const index = new PeopleIndex(options());
		index.upsert(record("People/Anna.md", "---\ntags: [person]\n---\n- 2026-11-01 Coffee\n- 2026-10-01 Call\n"));
		index.upsert(record("People/Bruno.md", "---\ntags: [person]\n---\n"));
		const restored = PeopleIndex.fromSnapshot(options(), index.snapshot(KEY), KEY);
		const cards = (restored as unknown as { cards: PersonCards }).cards.list;
		expect(cards.map((c) => [c.name, c.last, c.lastTo])).toEqual(
			expect.arrayContaining([
				["Anna", parseIsoDay("2026-11-01"), Infinity],
				["Bruno", null, Infinity],
			]),
		);
	});

	it("restore people whose properties no note could give (a damaged store) as having none, without throwing", () => {
		const index = new PeopleIndex(options());
		index.upsert(record("People/Anna.md", "---\ntags: [person]\ncadence: 1w\nbirthday: 1980-03-02\n---\n- 2026-11-01 Coffee\n"));
		const snap = structuredClone(index.snapshot(KEY)) as unknown as { persons: Array<Record<string, unknown>> };
		const person = snap.persons[0] as Record<string, unknown>;
		delete person.birthday;
		person.cadence = { count: "2", unit: "fortnight" };
		person.lastContact = "2026-11-10";
		const restored = PeopleIndex.fromSnapshot(options(), snap, KEY);
		expect(restored.due(parseIsoDay("2026-11-20") ?? 0, 400)).toEqual([]);
		const odd = structuredClone(index.snapshot(KEY)) as unknown as { persons: Array<Record<string, unknown>> };
		(odd.persons[0] as Record<string, unknown>).birthday = { month: "2", day: "29", year: null };
		expect(PeopleIndex.fromSnapshot(options(), odd, KEY).due(parseIsoDay("2026-11-20") ?? 0, 400).filter((i) => i.reason === "birthday")).toEqual([]);
	});
});
