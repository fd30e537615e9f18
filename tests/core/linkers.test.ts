import { describe, expect, it } from "vitest";
import { type LinkerRuns, LinkerTable } from "../../src/core/linkers";

function members(linkers: LinkerTable, base: string): string[] {
	return [...(linkers.get(base) ?? [])].sort();
}

function table(entries: LinkerTable): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [base, paths] of entries.entries()) out[base] = [...paths].sort();
	return out;
}

describe("linkers", () => {
	it("adds and removes linkers of a short list, and forgets a name nobody links any more", () => {
		const linkers = new LinkerTable();
		for (const p of ["a.md", "b.md", "c.md"]) linkers.add("anna", p);
		linkers.remove("anna", "a.md");
		linkers.remove("anna", "zzz.md");
		linkers.remove("nobody", "a.md");
		expect(members(linkers, "anna")).toEqual(["b.md", "c.md"]);
		expect(Array.isArray(linkers.get("anna"))).toBe(true);
		linkers.remove("anna", "b.md");
		linkers.remove("anna", "c.md");
		expect(linkers.has("anna")).toBe(false);
		expect(linkers.size).toBe(0);
	});

	it("keeps a very long list right when it turns into a set, and after", () => {
		const linkers = new LinkerTable();
		const paths = Array.from({ length: 16_500 }, (_, i) => `Daily/${String(i).padStart(5, "0")}.md`);
		for (const p of paths) linkers.add("anna", p);
		expect(Array.isArray(linkers.get("anna"))).toBe(true);
		linkers.remove("anna", paths[7] ?? "");
		expect(linkers.get("anna")).toBeInstanceOf(Set);
		linkers.add("anna", "Other.md");
		linkers.remove("anna", paths[8] ?? "");
		const expected = [...paths.filter((_, i) => i !== 7 && i !== 8), "Other.md"].sort();
		expect(members(linkers, "anna")).toEqual(expected);
		for (const p of expected) linkers.remove("anna", p);
		expect(linkers.has("anna")).toBe(false);
	});

	describe("adopting a snapshot's runs", () => {
		// anna: a, b; bruno: c; carla: none (an empty run is not a name anyone links); dario: a, c.
		const runs: LinkerRuns = {
			bases: ["anna", "bruno", "carla", "dario"],
			start: Int32Array.from([0, 2, 3, 3, 5]),
			notes: Int32Array.from([0, 1, 2, 0, 2]),
			paths: ["a.md", "b.md", "c.md"],
		};
		const adopted = (): LinkerTable => {
			const linkers = new LinkerTable();
			for (let k = 0; k < runs.bases.length; k++) linkers.adopt(runs, k);
			return linkers;
		};

		it("answers for every name as the runs say, without making their lists first", () => {
			const linkers = adopted();
			expect(linkers.size).toBe(3);
			expect(linkers.has("carla")).toBe(false);
			expect(table(linkers)).toEqual({ anna: ["a.md", "b.md"], bruno: ["c.md"], dario: ["a.md", "c.md"] });
			expect(members(linkers, "dario")).toEqual(["a.md", "c.md"]);
			expect(linkers.get("carla")).toBeUndefined();
		});

		it("keeps a name's list once asked for, and its changes", () => {
			const linkers = adopted();
			const anna = linkers.get("anna");
			expect(linkers.get("anna")).toBe(anna);
			linkers.add("anna", "d.md");
			linkers.remove("bruno", "c.md");
			linkers.add("carla", "e.md");
			linkers.remove("dario", "zzz.md");
			expect(linkers.size).toBe(3);
			expect(linkers.has("bruno")).toBe(false);
			expect(table(linkers)).toEqual({ anna: ["a.md", "b.md", "d.md"], carla: ["e.md"], dario: ["a.md", "c.md"] });
			for (const p of ["a.md", "b.md", "d.md"]) linkers.remove("anna", p);
			linkers.remove("carla", "e.md");
			for (const p of ["a.md", "c.md"]) linkers.remove("dario", p);
			expect(linkers.size).toBe(0);
			expect(table(linkers)).toEqual({});
		});
	});
});
