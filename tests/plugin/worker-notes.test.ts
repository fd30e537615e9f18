import type { CachedMetadata } from "obsidian";
import { describe, expect, it } from "vitest";
import { targetBase } from "../../src/core/resolver";
import { metadataLinks } from "../../src/plugin/records";
import { isQuiet, peopleNames } from "../../src/plugin/worker-notes";

const people = ["People/Anna Rossi.md", "People/Zoë Müller.md", "Contacts/ΣΟΦΙΑ.md", "People/\u212Aate.md", "People/Odd.md.md", "Marco.md", "People/José García.md"];
const names = peopleNames(new Set(people));

function cache(links: string[], frontmatter?: unknown): CachedMetadata {
	const at = { line: 0, col: 0, offset: 0 };
	return { links: links.map((link) => ({ link, original: `[[${link}]]`, position: { start: at, end: at } })), frontmatter } as CachedMetadata;
}

/** The slow, plain answer: any link's target with a person's name. */
function reference(c: CachedMetadata): boolean {
	const bases = new Set(people.map(targetBase));
	return !metadataLinks(c).some((t) => bases.has(targetBase(t)));
}

describe("quiet notes (sent by path and stamp alone)", () => {
	const links = [
		"Anna Rossi", "anna rossi", "ANNA ROSSI", "People/Anna Rossi", "Archive/Anna Rossi.md", "Anna Rossi#Work", "Anna Rossi#^b1", "Anna Rossi.MD",
		"Anna%20Rossi", "People/Anna%20Rossi.md", "<People/Anna Rossi.md>", "Anna Ross", "Anna Rossi2", "Anna", "Rossi", "../People/Anna Rossi",
		"Zoë Müller", "Zoe\u0308 Mu\u0308ller", "zoë müller", "Zoe Muller", "σοφια", "Kate", "kate", "Odd.md", "Odd", "odd.md.md", "Marco", "Marco.md#x",
		"José García", "Jose%CC%81 Garci%CC%81a", "#Heading only", "", "%zz", "Lisbon trip", "Notes/Lisbon.md", "https://example.com",
	];
	it("is quiet exactly when no link has a person's name, for links written every way", () => {
		for (const link of links) expect(isQuiet(cache([link]), names), link).toBe(reference(cache([link])));
		expect(isQuiet(cache(["Lisbon trip", "Anna Rossi"]), names)).toBe(false);
		expect(isQuiet(cache(["Lisbon trip", "Notes/Lisbon.md"]), names)).toBe(true);
		expect(isQuiet(cache([]), names)).toBe(true);
		// Names that are people's: at least the plain ones say so.
		expect(links.filter((l) => !isQuiet(cache([l]), names)).length).toBeGreaterThan(15);
	});

	it("is never quiet before Obsidian has read the note, or when its properties are not a set of properties", () => {
		expect(isQuiet(null, names)).toBe(false);
		expect(isQuiet(cache(["Lisbon trip"], ["a", "b"]), names)).toBe(false);
		expect(isQuiet(cache(["Lisbon trip"], { topic: "travel" }), names)).toBe(true);
	});
});
