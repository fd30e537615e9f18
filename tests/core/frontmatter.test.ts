import { describe, expect, it } from "vitest";
import { propertiesBlock, propertyLines, splitFrontmatter } from "../../src/core/frontmatter";
import { parseYaml } from "../../src/cli/yaml";

describe("propertyLines", () => {
	it("gives each top-level key its file line, ignoring nested and list lines", () => {
		expect(propertyLines('name: Anna\ntags:\n  - person\n"Cadence": 2w\n# comment\nnested:\n  cadence: 3m\nname: again')).toEqual({ name: 2, tags: 3, cadence: 5, nested: 7 });
	});
});

describe("splitFrontmatter", () => {
	it("finds a block and where the body starts", () => {
		const s = splitFrontmatter("---\na: 1\nb: 2\n---\n# Title\nbody");
		expect(s).toEqual({ kind: "yaml", yaml: "a: 1\nb: 2", body: "# Title\nbody", bodyStartLine: 4 });
	});
	it("handles CRLF and a byte-order mark", () => {
		const s = splitFrontmatter("\uFEFF---\r\na: 1\r\n---\r\nbody\r\n");
		expect(s).toEqual({ kind: "yaml", yaml: "a: 1", body: "body\r\n", bodyStartLine: 3 });
	});
	it("accepts an empty block and a block at the end of the file", () => {
		expect(splitFrontmatter("---\n---\nx")).toEqual({ kind: "yaml", yaml: "", body: "x", bodyStartLine: 2 });
		expect(splitFrontmatter("---\na: 1\n---")).toEqual({ kind: "yaml", yaml: "a: 1", body: "", bodyStartLine: 3 });
	});
	it("allows trailing spaces on the fences", () => {
		expect(splitFrontmatter("---  \na: 1\n--- \t\nx").kind).toBe("yaml");
	});
	it.each([
		["no frontmatter", "# Title\n---\na: 1\n---\n", "none"],
		["a rule further down only", "text\n\n---\nmore", "none"],
		["unclosed", "---\na: 1\nb: 2\n", "unclosed"],
		["a javascript block", "---js\n{ a: require('fs') }\n---\n", "foreign"],
		["four dashes", "----\na: 1\n----\n", "none"],
		["empty file", "", "none"],
	])("%s", (_name, text, kind) => {
		const s = splitFrontmatter(text);
		expect(s.kind).toBe(kind);
		if (s.kind !== "yaml") expect(s.body).toBe(text);
	});
	it("does not take `----` or `--- x` as the closing fence", () => {
		const s = splitFrontmatter("---\na: 1\n----\n--- x\n---\nbody");
		expect(s).toMatchObject({ kind: "yaml", yaml: "a: 1\n----\n--- x", body: "body" });
	});
});

describe("propertiesBlock: whether a property write would read the block as properties", () => {
	it.each([
		["no block", "# Note\n", "ok"],
		["a mapping", "---\na: 1\n---\nbody", "ok"],
		["CRLF and a byte-order mark", "\uFEFF---\r\na: 1\r\n---\r\nbody", "ok"],
		["empty", "---\n---\nbody", "ok"],
		["only a comment", "---\n# nothing\n---\nbody", "ok"],
		["a rule further down only", "# Title\n---\na: 1\n---\n", "ok"],
		["unclosed", "---\na: 1\nbody\n", "unclosed"],
		["JavaScript", "---js\n({a: 1})\n---\n", "foreign"],
		["a list", "---\n- a\n---\n", "not-a-mapping"],
		["a string", "---\nhello\n---\n", "not-a-mapping"],
		["a number", "---\n42\n---\n", "not-a-mapping"],
		["YAML that does not parse", "---\na: \"open\n---\n", "invalid"],
		["duplicate keys", "---\na: 1\na: 2\n---\n", "invalid"],
	])("%s → %s", (_, text, expected) => {
		expect(propertiesBlock(text, parseYaml)).toBe(expected);
	});
});
