import { describe, expect, it } from "vitest";
import { hashOfBase, isTargetBase, linkNameHash, noteNameHash, targetBase } from "../../src/core/link-names";

describe("targetBase", () => {
	it("names a path by its last part, without its extension, in lower case", () => {
		expect(["A/B.MD", "x.md.md", ".md", "a/.md", "ΑΣ.md", "Notes/Dr. J. Smith.md", "plain"].map(targetBase)).toEqual(["b", "x.md", "", "", "ας", "dr. j. smith", "plain"]);
	});
});

describe("isTargetBase", () => {
	const names = ["Anna Rossi", "People/Anna Rossi.md", "people/ANNA ROSSI", "a/b/.md", ".md", "Zoë Müller", "Zoe\u0308 Mu\u0308ller", "ΣΟΦΙΑ", "x\ty", "[[odd]]", "", "Notes/", "José García.md", "İstanbul"];
	it("says yes to the name's own base and no to any other's", () => {
		for (const name of names) {
			expect(isTargetBase(name, targetBase(name)), name).toBe(true);
			for (const other of names) if (targetBase(other) !== targetBase(name)) expect(isTargetBase(name, targetBase(other)), `${name} / ${other}`).toBe(false);
			expect(isTargetBase(name, `${targetBase(name)}x`)).toBe(false);
		}
	});
});

describe("linkNameHash", () => {
	const links = [
		"Anna Rossi", "People/Anna Rossi.md", "people/ANNA ROSSI#Work", "Anna Rossi.MD#^b", "a/b/.md", ".md", "x.md.md", "x.MD", "Notes/", "/", "", "#Heading",
		"Zoë Müller", "Città/Roma", "Città/Roma.md#x", "Roma#Città", "Anna%20Rossi", "Anna#50%", "People\\Anna", "Anna#a\\b", "<People/Anna.md>", "x\ty",
		"../People/Marco", "People/\u212Aate", "[[odd]]", "Anna Rossi.md.md#x/y.md",
	];
	/** The plain answer: the name's base, when the name is printable ASCII and nothing hides the target. */
	const reference = (link: string): number => {
		const head = link.includes("#") ? link.slice(0, link.indexOf("#")) : link;
		if (link.startsWith("<") || /[%\\]/.test(head)) return -1;
		return /^[ -~]*$/.test(head.slice(head.lastIndexOf("/") + 1)) ? hashOfBase(targetBase(head)) : -1;
	};
	it("numbers a link's name as its base is numbered, and gives −1 where the name hides or is not ASCII", () => {
		for (const link of links) expect(linkNameHash(link), link).toBe(reference(link));
		expect(links.filter((l) => linkNameHash(l) >= 0).length).toBeGreaterThan(14);
		expect(linkNameHash("Anna Rossi")).not.toBe(linkNameHash("Anna Rosso"));
		// A base in ASCII from a name that is not (the Kelvin sign is a K once normalised): the name's own number is none.
		expect(hashOfBase(targetBase("People/\u212Aate.md"))).toBe(linkNameHash("Kate"));
		expect(hashOfBase("zoë")).toBe(-1);
		// A note's name numbered from its path, as a link to it numbers it.
		expect(noteNameHash("People/Anna Rossi.md")).toBe(linkNameHash("anna ROSSI#Work"));
		expect(noteNameHash("People/Anna Rossi.md")).toBe(hashOfBase(targetBase("People/Anna Rossi.md")));
		expect(noteNameHash("Città/Zoë.md")).toBe(-1);
	});
});
