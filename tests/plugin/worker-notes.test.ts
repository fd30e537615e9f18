import type { CachedMetadata } from "obsidian";
import { describe, expect, it } from "vitest";
import { hashOfBase, notesByName, targetBase } from "../../src/core/link-names";
import { LinkResolver } from "../../src/core/resolver";
import { metadataLinks } from "../../src/plugin/records";
import { linksSomeone, quietNames } from "../../src/plugin/worker-notes";

const people = ["People/Anna Rossi.md", "People/Zoë Müller.md", "Contacts/ΣΟΦΙΑ.md", "People/\u212Aate.md", "People/Odd.md.md", "Marco.md", "People/José García.md"];
const names = notesByName(people);

function cache(links: string[], frontmatter?: unknown): CachedMetadata {
	const at = { line: 0, col: 0, offset: 0 };
	return { links: links.map((link) => ({ link, original: `[[${link}]]`, position: { start: at, end: at } })), frontmatter } as CachedMetadata;
}

/** Whether any link's target has a person's name (the slow, plain answer). */
function namesPerson(c: CachedMetadata): boolean {
	const bases = new Set(people.map(targetBase));
	return metadataLinks(c).some((t) => bases.has(targetBase(t)));
}

describe("quiet notes (sent by path, stamp and the numbers of their links' names)", () => {
	const links = [
		"Anna Rossi", "anna rossi", "ANNA ROSSI", "People/Anna Rossi", "Archive/Anna Rossi.md", "Anna Rossi#Work", "Anna Rossi#^b1", "Anna Rossi.MD",
		"Anna%20Rossi", "People/Anna%20Rossi.md", "<People/Anna Rossi.md>", "Anna Ross", "Anna Rossi2", "Anna", "Rossi", "../People/Anna Rossi",
		"Zoë Müller", "Zoe\u0308 Mu\u0308ller", "zoë müller", "Zoe Muller", "σοφια", "Kate", "kate", "Odd.md", "Odd", "odd.md.md", "Marco", "Marco.md#x",
		"José García", "Jose%CC%81 Garci%CC%81a", "#Heading only", "", "%zz", "Lisbon trip", "Notes/Lisbon.md", "https://example.com", "Caffè",
		"People\\Anna Rossi", "Archive\\Anna Rossi.md", "..\\People\\Marco", "Notes\\Lisbon",
	];
	it("is never quiet when a link has a person's name, and quiet for links in plain ASCII that have none", () => {
		for (const link of links) {
			const out: number[] = [];
			const quiet = quietNames(cache([link]), names, out);
			if (namesPerson(cache([link]))) expect(quiet, link).toBe(false);
			else if (/^[ -~]*$/.test(link) && !/[%<\\]/.test(link)) expect(quiet, link).toBe(true);
			// The numbers of the names, as the index will look for them.
			expect(out, link).toEqual(quiet ? [hashOfBase(targetBase(metadataLinks(cache([link]))[0] ?? "")) | 0] : []);
		}
		expect(links.filter((l) => quietNames(cache([l]), names, [])).length).toBeGreaterThan(8);
		const out = [1];
		expect(quietNames(cache(["Lisbon trip", "Anna Rossi"]), names, out)).toBe(false);
		expect(out).toEqual([1]);
		expect(quietNames(cache(["Lisbon trip", "Notes/Lisbon.md"]), names, out)).toBe(true);
		expect(out).toEqual([1, hashOfBase("lisbon trip") | 0, hashOfBase("lisbon") | 0]);
		expect(quietNames(cache([]), names, [])).toBe(true);
	});

	it("is never quiet when Rete's resolver takes one of its links to a person", () => {
		const resolver = new LinkResolver();
		for (const path of [...people, "Notes/Lisbon.md", "Archive/Anna Rossi.md", "Notes/x.md"]) resolver.add(path);
		const persons = new Set(people);
		for (const link of links) {
			const target = metadataLinks(cache([link]))[0];
			const reaches = target !== undefined && persons.has(resolver.resolve(target, "Notes/x.md") ?? "");
			if (reaches) expect(quietNames(cache([link]), names, []), link).toBe(false);
		}
		expect(links.filter((l) => persons.has(resolver.resolve(metadataLinks(cache([l]))[0] ?? "", "Notes/x.md") ?? "")).length).toBeGreaterThan(15);
	});

	it("is never quiet before Obsidian has read the note, or when its properties are not a set of properties", () => {
		expect(quietNames(null, names, [])).toBe(false);
		expect(quietNames(cache(["Lisbon trip"], ["a", "b"]), names, [])).toBe(false);
		expect(quietNames(cache(["Lisbon trip"], { topic: "travel" }), names, [])).toBe(true);
	});
});

describe("telling a note that links a person (Obsidian's resolved links)", () => {
	const persons = new Set(["People/Anna Rossi.md", "Archive/anna rossi.md", "People/Marco.md"]);
	const byName = notesByName(persons);

	it("numbers each person's name once, with every note of that name", () => {
		expect(byName.get(hashOfBase("anna rossi") | 0)).toEqual(["People/Anna Rossi.md", "Archive/anna rossi.md"]);
		expect(byName.get(hashOfBase("marco") | 0)).toEqual(["People/Marco.md"]);
		expect(byName.size).toBe(2);
	});

	it("says which person's name a note that is not quiet links, and no name otherwise", () => {
		const named = { hash: 7 };
		expect(quietNames(cache(["Lisbon", "anna rossi", "Marco"]), byName, [], named)).toBe(false);
		expect(named.hash).toBe(hashOfBase("anna rossi") | 0);
		expect(quietNames(cache(["Lisbon"]), byName, [], named)).toBe(true);
		expect(named.hash).toBeNaN();
		expect(quietNames(cache(["Caffè", "Marco"]), byName, [], named)).toBe(false);
		expect(named.hash).toBeNaN();
	});

	it("gives the same answer with the likely people looked for first, and then does not go through the entry", () => {
		const c = cache(["Anna Rossi"]);
		const entries: Array<Record<string, number> | undefined> = [undefined, {}, { "Notes/Lisbon.md": 1 }, { "People/Anna Rossi.md": 2 }, { "Notes/Lisbon.md": 1, "Archive/anna rossi.md": 1 }, { "People/Marco.md": 1 }];
		const likelies = [undefined, [], ["People/Anna Rossi.md", "Archive/anna rossi.md"], ["People/Marco.md"]];
		for (const dests of entries) {
			for (const likely of likelies) {
				for (const note of [c, cache([]), { ...c, embeds: [{}] } as unknown as CachedMetadata, null]) {
					expect(linksSomeone(note, dests, persons, likely), JSON.stringify([dests, likely, note])).toBe(linksSomeone(note, dests, persons));
				}
			}
		}
		// A hit among the likely people: the entry's notes are not gone through.
		let listed = 0;
		const watched = new Proxy({ "Notes/Lisbon.md": 1, "People/Anna Rossi.md": 1 }, {
			ownKeys: (target) => {
				listed++;
				return Reflect.ownKeys(target);
			},
		});
		expect(linksSomeone(c, watched, persons, ["People/Anna Rossi.md"])).toBe(true);
		expect(listed).toBe(0);
		expect(linksSomeone(c, watched, persons, ["People/Marco.md"])).toBe(true);
		expect(listed).toBe(1);
	});
});
