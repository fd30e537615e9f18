/**
 * A restored index against the one it was taken from, through long runs of edits, bulk loads and
 * restores of restored indexes (`RestoredFacts`, `LinkerTable` and restored days are lazy: each
 * must answer as the built index's arrays would); and damaged snapshots.
 */
import { describe, expect, it } from "vitest";
import { PeopleIndex } from "../../src/core/network";
import { targetBase } from "../../src/core/link-names";
import { type IndexSnapshot, SnapshotError } from "../../src/core/snapshot";
import { day, record } from "./helpers";
import { FOLDERS, Lcg, NAMES, observe, options, randomRecord } from "./random-notes";

const KEY = "k";

/** A snapshot by path and name, whatever order its notes and names were written in. */
function byPath(s: IndexSnapshot): unknown {
	const notes: Record<string, unknown> = {};
	for (let i = 0; i < s.paths.length; i++) {
		const targets: Array<[string, string, string | null]> = [];
		for (let k = s.targetStart[i] ?? 0; k < (s.targetStart[i + 1] ?? 0); k++) {
			const id = s.noteTargets[k] ?? 0;
			const name = s.targetNames[id] ?? "";
			const d = s.noteDests[k] ?? -1;
			targets.push([name, s.linkerBases[s.targetBases[id] ?? -1] ?? targetBase(name), d >= 0 ? (s.paths[d] ?? "") : null]);
		}
		const entries = [...s.entries.subarray(s.entryStart[i] ?? 0, s.entryStart[i + 1] ?? 0)];
		notes[s.paths[i] ?? ""] = { targets, entries, texts: s.texts.slice(s.textStart[i] ?? 0, s.textStart[i + 1] ?? 0), unread: s.unread[i], stamp: s.stamps[i] };
	}
	const persons: Record<string, unknown> = {};
	for (let k = 0; k < s.persons.length; k++) persons[s.paths[s.personNotes[k] ?? 0] ?? ""] = { info: s.persons[k], days: [...s.personDays.subarray(s.personDayStart[k] ?? 0, s.personDayStart[k + 1] ?? 0)] };
	const linkers: Record<string, string[]> = {};
	for (let k = 0; k < s.linkerBases.length; k++) linkers[s.linkerBases[k] ?? ""] = [...s.linkerNotes.subarray(s.linkerStart[k] ?? 0, s.linkerStart[k + 1] ?? 0)].map((n) => s.paths[n] ?? "").sort();
	return { notes, persons, linkers, problems: s.problems.map((p) => JSON.stringify(p)).sort() };
}

interface LinkersView {
	entries(): Iterable<[string, Iterable<string>]>;
	size: number;
	has(base: string): boolean;
}

/** The index's whole linker table, checked for agreeing with its own `size` and `has`. */
function linkerTable(index: PeopleIndex): Record<string, string[]> {
	const table = (index as unknown as { links: { linkers: LinkersView } }).links.linkers;
	const out: Record<string, string[]> = {};
	for (const [base, paths] of table.entries()) {
		expect(table.has(base)).toBe(true);
		out[base] = [...paths].sort();
		expect(out[base].length).toBeGreaterThan(0);
	}
	expect(table.size).toBe(Object.keys(out).length);
	return out;
}

function everything(index: PeopleIndex): unknown {
	return { observed: observe(index), linked: NAMES.flatMap((n) => FOLDERS.map((f) => index.isLinked(`${f}/${n}.md`))), pending: index.takePending().sort(), linkers: linkerTable(index) };
}

describe("a restored index against the built one", () => {
	it("agrees through edits, renames, bulk loads and restores of its own snapshots, and never changes the snapshot it came from", () => {
		for (let seed = 1; seed <= 30; seed++) {
			const r = new Lcg(seed * 7919);
			const built = new PeopleIndex(options());
			for (let i = 10 + r.int(80); i > 0; i--) built.upsert(randomRecord(r, i));
			const first = built.snapshot(KEY);
			const untouched = structuredClone(first);
			// Not a copy: whatever the restored index does must leave this object as it was.
			let restored = PeopleIndex.fromSnapshot(options(), first, KEY);
			expect(restored.takePending().sort()).toEqual(built.takePending().sort());
			for (let step = 0; step < 120; step++) {
				const op = r.int(14);
				const paths = built.paths().sort();
				const at = `seed ${seed}, step ${step}`;
				if (op < 6) {
					const rec = randomRecord(r, 1000 + step);
					for (const index of [built, restored]) index.upsert(rec);
				} else if (op < 8 && paths.length > 0) {
					const path = r.pick(paths);
					for (const index of [built, restored]) index.remove(path);
				} else if (op < 10 && paths.length > 0) {
					const from = r.pick(paths);
					const rec = { ...randomRecord(r, 2000 + step), path: `${r.pick(FOLDERS)}/${r.pick(NAMES)}.md` };
					for (const index of [built, restored]) {
						index.remove(from);
						index.upsert(rec);
					}
				} else if (op === 10) {
					const recs = Array.from({ length: 1 + r.int(6) }, (_, k) => randomRecord(r, 3000 + step * 10 + k));
					const gone = paths.length > 0 ? r.pick(paths) : null;
					for (const index of [built, restored]) {
						index.defer();
						for (const rec of recs) index.upsert(rec);
						if (gone !== null && index.has(gone)) index.remove(gone);
						index.settle();
					}
				} else if (op === 11) {
					const s = restored.snapshot(KEY);
					restored = PeopleIndex.fromSnapshot(options(), r.next() < 0.5 ? s : structuredClone(s), KEY);
					// Unread notes that link someone are asked for again after a restore: taken, as before.
					restored.takePending();
				} else if (op === 12) {
					void restored.due(day("2026-11-20"), 14);
				} else expect(byPath(restored.snapshot(KEY)), at).toEqual(byPath(built.snapshot(KEY)));
				expect(everything(restored), at).toEqual(everything(built));
			}
			expect(byPath(restored.snapshot(KEY))).toEqual(byPath(built.snapshot(KEY)));
			expect(first).toEqual(untouched);
		}
	});

	it("agrees for people with hundreds of contact days, edited after the restore", () => {
		const journal = (r: Lcg, n: number): string => Array.from({ length: n }, () => `- 2026-${10 + r.int(2)}-${10 + r.int(18)} Coffee with [[${r.pick(["Anna", "Bob", "Carla"])}]]`).join("\n");
		for (let seed = 1; seed <= 10; seed++) {
			const r = new Lcg(seed);
			const built = new PeopleIndex(options());
			for (const p of ["Anna", "Bob", "Carla"]) built.upsert(record(`People/${p}.md`, "---\ntags: [person]\ncadence: 2w\n---\n"));
			for (let i = 0; i < 12; i++) built.upsert(record(`Notes/n${i}.md`, journal(r, r.int(120))));
			let restored = PeopleIndex.fromSnapshot(options(), built.snapshot(KEY), KEY);
			for (let step = 0; step < 40; step++) {
				const op = r.int(5);
				const rec = op < 3 ? record(`Notes/n${r.int(14)}.md`, journal(r, r.int(120))) : record(`People/${r.pick(["Anna", "Bob", "Carla"])}.md`, r.next() < 0.5 ? "---\ntags: [person]\n---\n" : "just a note\n");
				if (op === 3) for (const index of [built, restored]) index.remove(rec.path);
				else for (const index of [built, restored]) index.upsert(rec);
				if (r.next() < 0.2) restored = PeopleIndex.fromSnapshot(options(), restored.snapshot(KEY), KEY);
				expect(observe(restored), `seed ${seed}, step ${step}`).toEqual(observe(built));
			}
		}
	});

	it("agrees for a name linked by more notes than a list keeps (it becomes a set)", () => {
		const built = new PeopleIndex(options());
		built.upsert(record("People/Anna.md", "---\ntags: [person]\n---\n"));
		for (let i = 0; i < 16_500; i++) built.upsert({ path: `N/${i}.md`, frontmatter: null, body: null, links: ["Anna"], stamp: i });
		const restored = PeopleIndex.fromSnapshot(options(), built.snapshot(KEY), KEY);
		for (let i = 0; i < 16_500; i += 3) for (const index of [built, restored]) index.remove(`N/${i}.md`);
		for (const index of [built, restored]) index.remove("People/Anna.md");
		expect(everything(restored)).toEqual(everything(built));
		expect(restored.isLinked("People/Anna.md")).toBe(true);
	});
});

describe("a damaged snapshot", () => {
	it("is refused (SnapshotError, nothing else) or restored into an index that keeps working", () => {
		const fields = ["targetBases", "linkerStart", "linkerNotes", "noteTargets", "noteDests", "personDays", "personDayStart", "targetStart", "personNotes"];
		for (let seed = 1; seed <= 300; seed++) {
			const r = new Lcg(seed * 31);
			const built = new PeopleIndex(options());
			for (let i = 0; i < 25; i++) built.upsert(randomRecord(r, i));
			const snap = structuredClone(built.snapshot(KEY)) as unknown as Record<string, Int32Array | Float64Array>;
			for (let m = 1 + r.int(3); m > 0; m--) {
				const a = snap[r.pick(fields)] as Int32Array | Float64Array;
				if (a.length === 0) continue;
				const i = r.int(a.length);
				a[i] = r.next() < 0.5 ? r.int(a.length) - 1 : (a[i] ?? 0) + (r.next() < 0.5 ? 1 : -1);
			}
			let index: PeopleIndex;
			try {
				index = PeopleIndex.fromSnapshot(options(), snap, KEY);
			} catch (e) {
				expect(e, `seed ${seed}`).toBeInstanceOf(SnapshotError);
				continue;
			}
			for (let step = 0; step < 20; step++) {
				const paths = index.paths().sort();
				if (r.next() < 0.6 || paths.length === 0) index.upsert(randomRecord(r, 100 + step));
				else index.remove(r.pick(paths));
				observe(index);
			}
			PeopleIndex.fromSnapshot(options(), structuredClone(index.snapshot(KEY)), KEY);
		}
	});

	it("that files a target under another name gets the name right", () => {
		const index = new PeopleIndex(options());
		for (const p of ["Anna Rossi", "Luca"]) index.upsert(record(`People/${p}.md`, "---\ntags: [person]\n---\n"));
		index.upsert(record("Notes/a.md", "- 2026-11-01 Coffee with [[Anna Rossi]]\n- 2026-11-02 Call [[Luca]]\n"));
		const snap = structuredClone(index.snapshot(KEY));
		snap.targetBases.reverse();
		const restored = PeopleIndex.fromSnapshot(options(), snap, KEY);
		// Anna's note goes and comes back: her link must be found by her name.
		for (const i of [index, restored]) i.remove("People/Anna Rossi.md");
		for (const i of [index, restored]) i.upsert(record("People/Anna Rossi.md", "---\ntags: [person]\n---\n"));
		expect(observe(restored)).toEqual(observe(index));
		expect(observe(PeopleIndex.fromSnapshot(options(), structuredClone(restored.snapshot(KEY)), KEY))).toEqual(observe(index));
	});

	it("with days out of order is read right, and is left as it was", () => {
		const index = new PeopleIndex(options());
		index.upsert(record("People/Anna.md", "---\ntags: [person]\n---\n- 2026-11-01 a\n- 2026-11-05 b\n- 2026-11-03 c\n"));
		const snap = structuredClone(index.snapshot(KEY));
		snap.personDays.reverse();
		const before = [...snap.personDays];
		const restored = PeopleIndex.fromSnapshot(options(), snap, KEY);
		expect(restored.lastInteraction("People/Anna.md", day("2026-11-04"))).toBe(day("2026-11-03"));
		expect([...snap.personDays]).toEqual(before);
	});
});
