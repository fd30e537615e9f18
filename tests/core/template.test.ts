import fc from "fast-check";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { splitFrontmatter } from "../../src/core/frontmatter";
import { setFrontmatter } from "../../src/core/frontmatter-edit";
import { formatMoment, renderTemplate, type WallClock } from "../../src/core/template";

const NOW: WallClock = { year: 2026, month: 11, day: 20, hour: 9, minute: 5, second: 7 };

describe("formatMoment", () => {
	it.each([
		["YYYY-MM-DD", "2026-11-20"],
		["DD/MM/YY", "20/11/26"],
		["dddd, MMMM Do YYYY", "Friday, November 20th 2026"],
		["ddd D MMM", "Fri 20 Nov"],
		["[Week] WW, [Q]Q", "Week 47, Q4"],
		["HH:mm:ss", "09:05:07"],
		["h:mm A", "9:05 AM"],
		["DDDD", "324"],
		["[YYYY] YYYY", "YYYY 2026"],
	])("%s", (format, want) => {
		expect(formatMoment(format, NOW)).toBe(want);
	});
	it("uses the locale's names", () => {
		expect(formatMoment("dddd D MMMM YYYY", NOW, "it")).toBe("venerdì 20 novembre 2026");
	});
	it.each([[1, "1st"], [2, "2nd"], [3, "3rd"], [4, "4th"], [11, "11th"], [12, "12th"], [13, "13th"], [21, "21st"], [22, "22nd"], [23, "23rd"]])("day %i is the %s", (d, want) => {
		expect(formatMoment("Do", { ...NOW, day: d })).toBe(want);
	});
});

describe("renderTemplate", () => {
	const ctx = { values: { title: "Anna Rossi", event: "Web Summit", company: "Acme" }, now: NOW };
	it("fills core Templates placeholders and Rete's", () => {
		expect(renderTemplate("# {{title}}\n{{date}} {{time}} {{date:dddd}} {{time:HH}}\n{{event}} {{ company }}", ctx)).toBe("# Anna Rossi\n2026-11-20 09:05 Friday 09\nWeb Summit Acme");
	});
	it("leaves unknown placeholders, Templater and format-like values alone", () => {
		const t = "{{unknown}} <% tp.date.now() %> {{title:upper}} {{ }} {{";
		expect(renderTemplate(t, ctx)).toBe(t);
	});
	it("never expands a value twice", () => {
		const out = renderTemplate("{{title}} {{event}}", { values: { title: "{{event}}", event: "{{date}}" }, now: NOW });
		expect(out).toBe("{{event}} {{date}}");
	});
	it("writes values in the frontmatter as YAML that cannot break it", () => {
		const hostile = 'Rossi: "CEO" --- [[x]]\n---\nevil: true';
		const t = '---\ntitle: {{title}}\nquoted: "{{title}}"\nsingle: \'{{title}}\'\ndate: {{date}}\n---\n# {{title}}\n';
		const out = renderTemplate(t, { values: { title: hostile }, now: NOW });
		expect(out).toBe(`---\ntitle: ${JSON.stringify(hostile)}\nquoted: "${JSON.stringify(hostile).slice(1, -1)}"\nsingle: 'Rossi: "CEO" --- [[x]] --- evil: true'\ndate: 2026-11-20\n---\n# ${hostile}\n`);
	});
});

describe("setFrontmatter", () => {
	it("adds a frontmatter block to a note without one", () => {
		expect(setFrontmatter("# Title\n", [["type", "event"], ["attendees", ["[[A]]", "[[B]]"]], ["date", "2026-11-20"]])).toBe(
			'---\ntype: "event"\nattendees:\n  - "[[A]]"\n  - "[[B]]"\ndate: 2026-11-20\n---\n# Title\n',
		);
	});
	it("replaces keys in any case, keeps the others, their order and comments", () => {
		const text = "---\n# mine\nTitle: x\nTYPE: note\nlist:\n  - a\n  - b\nafter: 1\n---\nbody";
		expect(setFrontmatter(text, [["type", "event"], ["list", ["c"]]])).toBe('---\n# mine\nTitle: x\nTYPE: "event"\nlist:\n  - "c"\nafter: 1\n---\nbody');
	});
	it("merges list values when asked", () => {
		expect(setFrontmatter("---\ntags: [contact, Person]\n---\n", [["tags", ["person", "new"]]], ["tags"])).toBe('---\ntags:\n  - "contact"\n  - "Person"\n  - "new"\n---\n');
		expect(setFrontmatter("---\ntags:\n- a\n- 'b'\nx: 1\n---\n", [["tags", ["person"]]], ["tags"])).toBe('---\ntags:\n  - "a"\n  - "b"\n  - "person"\nx: 1\n---\n');
	});
	/** The tags a YAML reader finds in the result: the result must be valid YAML. */
	const tagsOf = (text: string): unknown => {
		const split = splitFrontmatter(text);
		return split.kind === "yaml" ? (yaml.load(split.yaml) as { tags?: unknown }).tags : undefined;
	};
	const addPerson = (text: string): string => setFrontmatter(text, [["tags", ["person"]]], ["tags"]);
	it.each([
		["a quoted value with a comma stays one value", 'tags: [a, "b, c"]', '  - "a"\n  - "b, c"\n  - "person"', ["a", "b, c", "person"]],
		["single quotes, an escaped quote", "tags: ['it''s', \"say \\\"hi\\\"\"]", '  - "it\'s"\n  - "say \\"hi\\""\n  - "person"', ["it's", 'say "hi"', "person"]],
		["a comment is not a value", "tags: a # c, d", '  - "a"\n  - "person"', ["a", "person"]],
		["a # inside a value is not a comment", "tags: [a#1, 'b # 2'] # c", '  - "a#1"\n  - "b # 2"\n  - "person"', ["a#1", "b # 2", "person"]],
		["comments on - lines", "tags:\n  - a # c\n  # note\n  - \"b\"", '  - "a"\n  - "b"\n  - "person"', ["a", "b", "person"]],
		["a flow list over lines", "tags: [a,\n  b, ]", '  - "a"\n  - "b"\n  - "person"', ["a", "b", "person"]],
		["a text split at commas", "tags: a, b", '  - "a"\n  - "b"\n  - "person"', ["a", "b", "person"]],
		["null is no value", "tags: ~ # none", '  - "person"', ["person"]],
	])("merges a list read exactly: %s", (_name, yamlText, items, tags) => {
		const out = addPerson(`---\n${yamlText}\nx: 1\n---\nbody\n`);
		expect(out).toBe(`---\ntags:\n${items}\nx: 1\n---\nbody\n`);
		expect(tagsOf(out)).toEqual(tags);
	});
	it.each([
		["a nested value in a flow list", "tags: [a, {b: c}] # c", 'tags: [a, {b: c}, "person"] # c', ["a", { b: "c" }, "person"]],
		["a flow list over lines", "tags: [a, !!str b, # c\n  c] # x", 'tags: [a, !!str b, # c\n  c, "person"] # x', ["a", "b", "c", "person"]],
		["a trailing comma", "tags: [!!str a,]", 'tags: [!!str a, "person"]', ["a", "person"]],
		["- lines at the start of the line", "tags:\n- &x a", 'tags:\n- &x a\n- "person"', ["a", "person"]],
		["an anchor in a - line", "tags:\n  - a # c\n  - &x b", 'tags:\n  - a # c\n  - &x b\n  - "person"', ["a", "b", "person"]],
		["a number", "tags: 2024 # year", 'tags:\n  - 2024 # year\n  - "person"', [2024, "person"]],
		["a YAML escape JSON lacks", 'tags: "a\\x41"', 'tags:\n  - "a\\x41"\n  - "person"', ["aA", "person"]],
		["the new value already there is not added", 'tags: [Person, "\\x41"]', 'tags: [Person, "\\x41"]', ["Person", "A"]],
		["a block scalar: left as it is", "tags: |\n  a b", "tags: |\n  a b", "a b\n"],
	])("keeps a value not read exactly as written: %s", (_name, yamlText, written, tags) => {
		const out = addPerson(`---\n${yamlText}\nx: 1\n---\n`);
		expect(out).toBe(`---\n${written}\nx: 1\n---\n`);
		expect(tagsOf(out)).toEqual(tags);
	});
	it("property: any list written in YAML's ways merges into valid YAML holding the old values and the new", () => {
		const value = fc.string({ unit: "grapheme", maxLength: 6 });
		const written = fc.tuple(value, fc.constantFrom("json", "single", "plain")).map(([v, how]) => {
			if (how === "json") return JSON.stringify(v);
			if (how === "single") return `'${v.replace(/'/g, "''")}'`;
			return /^[\w ]*\w$/.test(v) ? v : JSON.stringify(v);
		});
		const comment = fc.constantFrom("", " # c", "\t# [x], 'y");
		fc.assert(
			fc.property(fc.array(fc.tuple(written, comment), { maxLength: 5 }), fc.boolean(), comment, (items, flow, last) => {
				const block = flow ? `tags: [${items.map(([i]) => i).join(", ")}]${last}` : `tags:${last}${items.map(([i, c]) => `\n  - ${i}${c}`).join("")}`;
				const before = tagsOf(`---\n${block}\n---\n`) as unknown[] | null;
				const old = (before ?? []).map(String);
				const out = addPerson(`---\n${block}\n---\n`);
				const want = old.some((o) => o.toLowerCase() === "person") ? old : [...old, "person"];
				expect((tagsOf(out) as unknown[]).map(String)).toEqual(want);
			}),
			{ numRuns: 500 },
		);
	});
	it("keeps CRLF and a byte-order mark", () => {
		expect(addPerson("\uFEFF---\r\ntags: a\r\n---\r\n")).toBe('\uFEFF---\r\ntags:\r\n  - "a"\r\n  - "person"\r\n---\r\n');
		expect(setFrontmatter("\uFEFF---\r\na: 1\r\n---\r\nbody\r\n", [["b", "x"]])).toBe('\uFEFF---\r\na: 1\r\nb: "x"\r\n---\r\nbody\r\n');
		expect(setFrontmatter("\uFEFFbody", [["b", "x"]])).toBe('\uFEFF---\nb: "x"\n---\nbody');
	});
});

describe("linkTextFor", () => {
	it("writes the name when it resolves to the note, else the path", async () => {
		const { linkTextFor } = await import("../../src/core/text");
		expect(linkTextFor("People/Anna Rossi.md", () => "People/Anna Rossi.md")).toBe("Anna Rossi");
		expect(linkTextFor("Work/Marco.md", () => "Marco.md")).toBe("Work/Marco");
		expect(linkTextFor("Work/Marco.md", () => null)).toBe("Work/Marco");
	});
});
