import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCadence } from "../../src/core/cadence";
import { compileDaily } from "../../src/core/daily";
import { readDateValue } from "../../src/core/dates";
import { splitFrontmatter } from "../../src/core/frontmatter";
import { PeopleIndex } from "../../src/core/network";
import { readPerson } from "../../src/core/person";
import { scanBody } from "../../src/core/scan";
import { defaultSettings } from "../../src/core/settings";
import { day, makeIndex, record } from "./helpers";

/** Text made of the pieces that markdown parsers trip on. */
const markdownish = fc
	.array(
		fc.oneof(
			fc.string(),
			fc.constantFrom("\n", "\r\n", "\r", "\t", "\uFEFF", "---", "- ", "* ", "1. ", "> ", "- [ ] ", "- [x] ", "[[", "]]", "|", "#", "^", "`", "```", "~~~", "%%", "<!--", "-->", "![[", "](", "📅 ", "✅ ", "2026-02-30", "2026-11-20", "[[Anna]]", "[due:: 2026-11-21]", "e\u0301", "\u200B", "\u202E"),
		),
		{ maxLength: 60 },
	)
	.map((parts) => parts.join(""));

describe("nothing in a note makes the core throw", () => {
	it("splitFrontmatter and scanBody accept any text", () => {
		fc.assert(
			fc.property(markdownish, fc.boolean(), (text, own) => {
				const split = splitFrontmatter(text);
				const r = scanBody(split.body, { path: "x.md", noteDate: day("2026-11-20"), ownNote: own, firstLine: split.bodyStartLine });
				for (const e of r.entries) expect(e.line).toBeGreaterThan(0);
			}),
			{ numRuns: 2000 },
		);
	});

	it("the index accepts any note, any frontmatter value, and still computes the due list", () => {
		const index = new PeopleIndex({ settings: { ...defaultSettings(), defaultCadence: "7" }, daily: null });
		fc.assert(
			fc.property(fc.constantFrom("People/A.md", "People/B.md", "Journal/2026-11-20.md", "x.md"), fc.anything(), markdownish, (path, frontmatter, body) => {
				index.upsert({ path, frontmatter, body });
				index.due(day("2026-11-20"), 7);
				index.problems();
			}),
			{ numRuns: 1000 },
		);
	});

	it("property readers turn any value into a value or a problem", () => {
		fc.assert(
			fc.property(fc.anything(), (v) => {
				readCadence(v);
				readDateValue(v);
				readPerson("People/A.md", { cadence: v, birthday: v, met: v, last_contact: v, snooze_until: v, name: v, company: v, tags: v }, defaultSettings(), () => undefined);
			}),
			{ numRuns: 1000 },
		);
	});

	it("any daily-note format compiles or is refused, and matching never throws", () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (format, name) => {
				const c = compileDaily("J", format, "it");
				if ("matcher" in c) c.matcher.dateOf(`J/${name}.md`);
			}),
			{ numRuns: 500 },
		);
	});
});

describe("huge notes", () => {
	it("reads a 100,000-line daily log", () => {
		const lines: string[] = [];
		for (let i = 0; i < 100_000; i++) lines.push(`- 2026-${String((i % 12) + 1).padStart(2, "0")}-10 call with [[Anna]] about item ${i}`);
		const index = makeIndex({ "People/Anna.md": "---\ncadence: 7\n---\n", "Notes/Log.md": lines.join("\n") });
		expect(index.stats().interactions).toBe(100_000);
		expect(index.lastInteraction("People/Anna.md", day("2026-11-20"))).toBe(day("2026-11-10"));
	});

	it("reads a single 5 MB line and a pathological nest of brackets", () => {
		const index = makeIndex({ "Notes/a.md": `- ${"[".repeat(2_000_000)}${"x".repeat(1_000_000)}`, "Notes/b.md": `- ${"[[a|".repeat(200_000)}`, "Notes/c.md": `- ${"`".repeat(100_000)} [[A]]` });
		expect(index.stats().notes).toBe(3);
	});

	it("reads a note with huge frontmatter", () => {
		const fm = Array.from({ length: 50_000 }, (_, i) => `key${i}: value ${i}`).join("\n");
		const r = record("People/Big.md", `---\n${fm}\ncadence: 7\n---\n- 2026-11-19 call\n`);
		const index = makeIndex({});
		index.upsert(r);
		expect(index.lastInteraction("People/Big.md", day("2026-11-20"))).toBe(day("2026-11-19"));
	});
});
