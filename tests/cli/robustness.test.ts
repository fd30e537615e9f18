/** Odd and broken notes: line endings, BOM, Unicode forms, broken or foreign frontmatter, huge notes. */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALL, cadenceOf, cleanupTemp, dueJson, dueOf, type Files, itemsOf, makeVault, note, problemsOf, rete, tempDir, tracked, expectProblems } from "./helpers";

afterAll(cleanupTemp);

const TODAY = "2026-11-25";
const crlf = (s: string): string => s.replace(/\n/g, "\r\n");

describe("line endings, BOM, tabs", () => {
	it("CRLF notes: frontmatter, items, tasks and problem lines all read", () => {
		const { json } = dueOf(
			{
				"People/Anna Rossi.md": crlf(note(["cadence: 1000", "birthday: 11-27"], ["- 2026-11-01 call"])),
				"Journal/2026-11-20.md": crlf("# Day\n\n- lunch with [[Anna Rossi]]\n- [ ] send deck to [[Anna Rossi]] 📅 2026-11-26\n- 2026-02-30 [[Anna Rossi]]\n"),
			},
			TODAY,
			ALL,
		);
		expect(cadenceOf(json, "Anna Rossi")).toMatchObject({ lastContact: "2026-11-20", cadence: "1000" });
		expect(itemsOf(json, "Anna Rossi", "followup")).toMatchObject([{ due: "2026-11-26", text: "send deck to [[Anna Rossi]]", line: 4 }]);
		expect(itemsOf(json, "Anna Rossi", "birthday")).toMatchObject([{ due: "2026-11-27" }]);
		expectProblems(json.problems, [["Journal/2026-11-20.md", 5, /2026-02-30/]]);
	});

	it("a UTF-8 BOM before --- still opens the frontmatter", () => {
		const { json } = dueOf({ "Notes/Anna.md": `\uFEFF${note(["tags: person", "cadence: 30", "last_contact: 2026-11-10"])}` }, TODAY, ALL);
		expect(cadenceOf(json, "Anna")).toMatchObject({ lastContact: "2026-11-10", due: "2026-12-10" });
		expect(json.problems).toEqual([]);
	});

	it("a BOM with CRLF", () => {
		const { json } = dueOf({ "Notes/Anna.md": `\uFEFF${crlf(note(["tags: person", "cadence: 2w"], ["- 2026-11-15 coffee"]))}` }, TODAY, ALL);
		expect(cadenceOf(json, "Anna")).toMatchObject({ lastContact: "2026-11-15", due: "2026-11-29" });
	});

	it("tabs after the colon in frontmatter and in list indentation", () => {
		const { json } = dueOf(
			{
				"People/Anna.md": note(["cadence:\t30", "last_contact:\t2026-11-01"]),
				"Notes/Log.md": "- Meetings\n\t- 2026-11-12\t[[Anna]]\n\t\t- [ ]\tsend notes to [[Anna]]\t📅 2026-11-26\n",
			},
			TODAY,
			ALL,
		);
		expect(json.problems).toEqual([]);
		expect(cadenceOf(json, "Anna")?.lastContact).toBe("2026-11-12");
		expect(itemsOf(json, "Anna", "followup")).toMatchObject([{ due: "2026-11-26", line: 3 }]);
	});
});

describe("Unicode names", () => {
	const nfc = "José Núñez";
	const nfd = nfc.normalize("NFD");

	it.each([
		["a file named in NFD, linked in NFC", nfd, nfc],
		["a file named in NFC, linked in NFD", nfc, nfd],
	])("%s", (_name, fileName, linkName) => {
		expect(fileName).not.toBe(linkName);
		const { json } = dueOf({ [`People/${fileName}.md`]: tracked(), "Journal/2026-11-20.md": `- dinner with [[${linkName}]]\n` }, TODAY, ALL);
		expect(json.items).toHaveLength(1);
		expect(json.items[0]?.person.normalize("NFC")).toBe(nfc);
		expect(json.items[0]?.lastContact).toBe("2026-11-20");
	});

	it("non-Latin names and emoji", () => {
		const files: Files = {
			"People/王小明.md": tracked(),
			"People/Ørjan 🎸.md": tracked(),
			"Journal/2026-11-20.md": "- [[王小明]] and [[Ørjan 🎸|Ørjan]]\n",
		};
		const { json } = dueOf(files, TODAY, ALL);
		expect(json.items.map((i) => [i.person, i.lastContact]).sort()).toEqual([
			["Ørjan 🎸", "2026-11-20"],
			["王小明", "2026-11-20"],
		]);
	});
});

describe("broken YAML is reported with path and line; the rest of the vault is still indexed", () => {
	const good: Files = {
		"People/Good.md": note(["cadence: 30"]),
		"Journal/2026-11-20.md": "- [[Broken]] and [[Good]]\n",
	};
	it.each([
		["an unclosed quote", ["cadence: 30", 'name: "Anna', "company: ACME"]],
		["family: [[A]] [[B]]", ["cadence: 30", "family: [[A]] [[B]]"]],
		["a duplicate key", ["cadence: 30", "company: A", "company: B"]],
		["a tab-indented list", ["cadence: 30", "links:", "\t- a"]],
		["a custom js tag", ["cadence: 30", 'x: !!js/function "function () { return 1 }"']],
	])("%s", (_name, lines) => {
		const { json } = dueOf({ ...good, "People/Broken.md": note(lines, ["- 2026-11-02 call"]) }, TODAY, ALL);
		const problems = problemsOf(json, "People/Broken.md");
		expect(problems).toHaveLength(1);
		expect(problems[0]?.message).toMatch(/frontmatter/);
		// A line inside the frontmatter block: after the opening ---, at most the closing ---.
		expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
		expect(problems[0]?.line).toBeLessThanOrEqual(lines.length + 2);
		// Still a person (by folder), without the properties; the body is still read.
		expect(cadenceOf(json, "Broken")?.lastContact).toBeUndefined();
		expect(cadenceOf(json, "Good")?.lastContact).toBe("2026-11-20");
		expect(json.items.map((i) => i.person)).toEqual(["Good"]);
	});

	it("the line is the offending line (with or without BOM and CRLF)", () => {
		const dup = note(["cadence: 30", "company: A", "company: B"]);
		const { json } = dueOf(
			{
				"People/Family.md": note(["cadence: 30", "family: [[A]] [[B]]", "role: CTO"]),
				"People/Dup.md": dup,
				"People/DupBom.md": `\uFEFF${crlf(dup)}`,
				"People/Tag.md": note(["cadence: 30", "role: CTO", 'x: !!js/function "function () {}"']),
			},
			TODAY,
			ALL,
		);
		expect(json.problems.map((p) => [p.path, p.line])).toEqual([
			["People/Dup.md", 4],
			["People/DupBom.md", 4],
			["People/Family.md", 3],
			["People/Tag.md", 4],
		]);
	});
});

describe("foreign and odd frontmatter", () => {
	it("---js frontmatter is never run: no file written, a problem on line 1, the body still read", () => {
		const dir = tempDir("rete-pwn-");
		const target = path.join(dir, "pwned.txt");
		const code = `{ "tags": ["person"], "x": require("fs").writeFileSync(${JSON.stringify(target)}, "ran") }`;
		const files: Files = {
			"Notes/Evil.md": `---js\n${code}\n---\n- 2026-11-10 [[Good]]\n`,
			"Notes/Evil2.md": `---javascript\n${code}\n---\n`,
			"Notes/Evil3.md": `--- js\n${code}\n---\n`,
			"Notes/Coffee.md": `---coffee\nx: require("fs").writeFileSync(${JSON.stringify(target)}, "ran")\n---\n`,
			"People/Good.md": tracked(),
		};
		const { json } = dueOf(files, TODAY, ALL);
		expect(fs.existsSync(target)).toBe(false);
		expect(json.problems.map((p) => [p.path, p.line])).toEqual([
			["Notes/Coffee.md", 1],
			["Notes/Evil.md", 1],
			["Notes/Evil2.md", 1],
			["Notes/Evil3.md", 1],
		]);
		expect(json.items.map((i) => i.person)).toEqual(["Good"]);
		expect(cadenceOf(json, "Good")?.lastContact).toBe("2026-11-10");
	});

	it.each([
		["a list", ["- person", "- cadence"]],
		["a string", ["just some text"]],
		["a number", ["42"]],
	])("frontmatter that is %s: a problem, ignored", (_name, lines) => {
		const { json } = dueOf({ "People/Odd.md": note(lines, ["- 2026-11-10 call"]), "Notes/Odd.md": note(lines) }, TODAY, ALL);
		expect(json.problems.map((p) => p.path)).toEqual(["Notes/Odd.md", "People/Odd.md"]);
		// People/Odd is a person by folder, with no cadence; Notes/Odd is nobody.
		expect(json.items).toEqual([]);
	});

	it("empty and comment-only frontmatter is fine", () => {
		const { json } = dueOf({ "People/A.md": "---\n---\n", "People/B.md": "---\n# just a comment\n---\n" }, TODAY, ALL);
		expect(json.problems).toEqual([]);
	});

	it("unterminated frontmatter is text: no crash, no properties, the rest still read", () => {
		const { json } = dueOf(
			{
				"People/Open.md": "---\ncadence: 30\nlast_contact: 2026-11-01\n- 2026-11-12 coffee\n",
				"People/Good.md": tracked(),
				"Journal/2026-11-20.md": "- [[Good]]\n",
			},
			TODAY,
			ALL,
		);
		expect(cadenceOf(json, "Open")).toBeUndefined();
		expect(cadenceOf(json, "Good")?.lastContact).toBe("2026-11-20");
	});

	it("phone: 0123 and other number-like values do not break the note", () => {
		const { json } = dueOf(
			{ "People/Anna.md": note(["cadence: 30", "phone: 0123", "zip: 00100", "mobile: +39 333 1234567", "last_contact: 2026-11-10"]) },
			TODAY,
			ALL,
		);
		expect(json.problems).toEqual([]);
		expect(cadenceOf(json, "Anna")).toMatchObject({ due: "2026-12-10" });
	});

	it("an empty note, a note of blank lines and a note that is only --- are fine", () => {
		const { json } = dueOf({ "People/A.md": "", "People/B.md": "\n\n\n", "People/C.md": "---", "People/D.md": "---\n" }, TODAY, ALL);
		expect(json.problems).toEqual([]);
		expect(json.items).toEqual([]);
	});
});

describe("size", () => {
	it("a 5 MB note of 100k lines is processed, with its last line counted", () => {
		const filler = "- a long line of notes about nothing in particular, just to make the file big enough: ";
		const lines: string[] = [];
		for (let i = 0; i < 100_000; i++) lines.push(`${filler}${i}`);
		lines[50_000] = "- [ ] ask [[Anna Rossi]] about the contract 📅 2026-11-24";
		lines.push("- 2026-11-19 long call with [[Anna Rossi]]");
		const big = lines.join("\n");
		expect(big.length).toBeGreaterThan(5_000_000);
		const vault = makeVault({ "People/Anna Rossi.md": tracked(), "Notes/Huge.md": big });
		const started = Date.now();
		const { json } = dueJson(vault, TODAY, ALL);
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBe("2026-11-19");
		expect(itemsOf(json, "Anna Rossi", "followup")).toMatchObject([{ due: "2026-11-24", line: 50_001 }]);
	});

	it("a single 1 MB line of brackets does not hang", () => {
		const vault = makeVault({ "People/Anna.md": tracked(), "Notes/Brackets.md": `- ${"[[a](".repeat(200_000)} [[Anna]]\n` });
		const started = Date.now();
		const r = rete(["due", "--vault", vault, "--today", TODAY, "--json", ...ALL]);
		expect(r.code).toBe(0);
		expect(Date.now() - started).toBeLessThan(15_000);
	});
});

describe("property values that look like JavaScript names", () => {
	it("stay text (company: constructor, role: toString)", () => {
		const vault = makeVault({ "People/Odd.md": "---\ncompany: constructor\nrole: toString\ncadence: 7\n---\n" });
		const r = rete(["due", "--vault", vault, "--today", "2026-11-20", "--json"]);
		const json = JSON.parse(r.out) as { items: Array<{ company?: string; role?: string }> };
		expect(json.items[0]).toMatchObject({ company: "constructor", role: "toString" });
	});
});
