import { describe, expect, it } from "vitest";
import { addLinker, type Linkers, removeLinker } from "../../src/core/linkers";

function members(linkers: Map<string, Linkers>, base: string): string[] {
	return [...(linkers.get(base) ?? [])].sort();
}

describe("the notes linking each name", () => {
	it("adds and removes linkers of a short list, and forgets a name nobody links any more", () => {
		const linkers = new Map<string, Linkers>();
		for (const p of ["a.md", "b.md", "c.md"]) addLinker(linkers, "anna", p);
		removeLinker(linkers, "anna", "a.md");
		removeLinker(linkers, "anna", "zzz.md");
		removeLinker(linkers, "nobody", "a.md");
		expect(members(linkers, "anna")).toEqual(["b.md", "c.md"]);
		expect(Array.isArray(linkers.get("anna"))).toBe(true);
		removeLinker(linkers, "anna", "b.md");
		removeLinker(linkers, "anna", "c.md");
		expect(linkers.has("anna")).toBe(false);
	});

	it("keeps a very long list right when it turns into a set, and after", () => {
		const linkers = new Map<string, Linkers>();
		const paths = Array.from({ length: 16_500 }, (_, i) => `Daily/${String(i).padStart(5, "0")}.md`);
		for (const p of paths) addLinker(linkers, "anna", p);
		expect(Array.isArray(linkers.get("anna"))).toBe(true);
		removeLinker(linkers, "anna", paths[7] ?? "");
		expect(linkers.get("anna")).toBeInstanceOf(Set);
		addLinker(linkers, "anna", "Other.md");
		removeLinker(linkers, "anna", paths[8] ?? "");
		const expected = [...paths.filter((_, i) => i !== 7 && i !== 8), "Other.md"].sort();
		expect(members(linkers, "anna")).toEqual(expected);
		for (const p of expected) removeLinker(linkers, "anna", p);
		expect(linkers.has("anna")).toBe(false);
	});
});
