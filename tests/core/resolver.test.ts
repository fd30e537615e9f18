import { describe, expect, it } from "vitest";
import { LinkResolver, normalizePath } from "../../src/core/resolver";

function resolver(...paths: string[]): LinkResolver {
	const r = new LinkResolver();
	for (const p of paths) r.add(p);
	return r;
}

describe("LinkResolver", () => {
	const r = resolver("People/Anna Rossi.md", "Archive/Marco.md", "Work/Marco.md", "Marco.md", "Projects/Work/Marco.md", "People/José.md", "Notes/Dr. J. Smith.md");
	it.each([
		["Anna Rossi", "Journal/x.md", "People/Anna Rossi.md"],
		["anna rossi", "Journal/x.md", "People/Anna Rossi.md"],
		["People/Anna Rossi", "Journal/x.md", "People/Anna Rossi.md"],
		["People/Anna Rossi.md", "Journal/x.md", "People/Anna Rossi.md"],
		["/People/Anna Rossi", "Journal/x.md", "People/Anna Rossi.md"],
		["../People/Anna Rossi.md", "Journal/x.md", "People/Anna Rossi.md"],
		["Marco", "Journal/x.md", "Marco.md"],
		["Marco", "Work/x.md", "Marco.md"],
		["Work/Marco", "Journal/x.md", "Work/Marco.md"],
		["Work/Marco", "Projects/x.md", "Work/Marco.md"],
		["José".normalize("NFD"), "x.md", "People/José.md"],
		["Dr. J. Smith", "x.md", "Notes/Dr. J. Smith.md"],
		["Nobody", "x.md", null],
		["ople/Anna Rossi", "x.md", null],
		["../../etc/passwd", "x.md", null],
	])("%j from %s → %s", (target, source, want) => {
		expect(r.resolve(target, source)).toBe(want);
	});

	it("prefers, among notes of the same name, the linking note's folder, then the shortest path", () => {
		const x = resolver("Archive/Old/Marco.md", "Work/Marco.md", "Team/Marco.md");
		expect(x.resolve("Marco", "Archive/Old/x.md")).toBe("Archive/Old/Marco.md");
		expect(x.resolve("Marco", "Journal/x.md")).toBe("Team/Marco.md");
		expect(x.resolve("Old/Marco", "Archive/x.md")).toBe("Archive/Old/Marco.md");
	});

	it("forgets removed notes", () => {
		const x = resolver("A/Anna.md", "B/Anna.md");
		expect(x.resolve("Anna", "x.md")).toBe("A/Anna.md");
		x.remove("A/Anna.md");
		expect(x.resolve("Anna", "x.md")).toBe("B/Anna.md");
		x.remove("B/Anna.md");
		expect(x.resolve("Anna", "x.md")).toBeNull();
	});

	it("answers the same for notes whose paths differ only by case, whatever their order, and after one goes", () => {
		for (const order of [["People/anna rossi.md", "People/Anna Rossi.md"], ["People/Anna Rossi.md", "People/anna rossi.md"]]) {
			const x = resolver(...order);
			expect(x.resolve("Anna Rossi", "x.md")).toBe("People/Anna Rossi.md");
			expect(x.resolve("People/anna rossi", "x.md")).toBe("People/Anna Rossi.md");
			x.remove("People/Anna Rossi.md");
			expect(x.resolve("Anna Rossi", "x.md")).toBe("People/anna rossi.md");
			expect(x.resolve("people/ANNA ROSSI.md", "x.md")).toBe("People/anna rossi.md");
			x.add("People/Anna Rossi.md");
			x.remove("People/anna rossi.md");
			expect(x.resolve("anna rossi", "x.md")).toBe("People/Anna Rossi.md");
			x.remove("People/Anna Rossi.md");
			expect(x.resolve("Anna Rossi", "x.md")).toBeNull();
			expect(x.has("People/Anna Rossi.md")).toBe(false);
		}
	});

	it("normalises paths and refuses to climb out of the vault", () => {
		expect(normalizePath("a/./b/../c")).toBe("a/c");
		expect(normalizePath("../x")).toBeNull();
	});
});
