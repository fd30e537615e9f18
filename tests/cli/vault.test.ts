/**
 * The vault reader against what it replaced: the frontmatter as gray-matter returned it, the text
 * as `fs.readFileSync(path, "utf8")` returned it, and paths as `path.join` built them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import matter from "gray-matter";
import { afterAll, describe, expect, it } from "vitest";
import { recordFromText } from "../../src/core/record";
import type { NoteRecord } from "../../src/core/types";
import { listNotes, NoteReader, toRecord } from "../../src/cli/vault";
import { parseYaml, YamlError } from "../../src/cli/yaml";
import { cleanupTemp, makeVault, tempDir } from "./helpers";

afterAll(cleanupTemp);

/** The CLI's reader before: gray-matter over the block, with JavaScript and CoffeeScript refused. */
function refuse(): never {
	throw new YamlError("refused", null);
}
const OPTIONS = { language: "yaml", engines: { yaml: parseYaml, js: refuse, javascript: refuse, coffee: refuse } };
function before(p: string, text: string): NoteRecord {
	return recordFromText(p, text, (yaml) => {
		try {
			return { data: matter(`---\n${yaml}\n---\n`, OPTIONS as Parameters<typeof matter>[1]).data };
		} catch (e) {
			const line = e instanceof YamlError && e.line !== null ? e.line + 1 : null;
			return { error: e instanceof Error ? e.message : String(e), line };
		}
	});
}

const PIECES = [
	"---", "----", "--- x", "---js", "---yaml", "...", "# a comment", "  # indented comment", "#", "\u00a0# after a no-break space", "\uFEFF", "\t", " ", "",
	"cadence: 30", "tags: person", "tags:", "  - person", "- a", "a: b: c", "key: [1, 2", "{", "}", "x: {toString: y}",
	"excerpt_separator: more", "excerpt_separator:", "  toString: x", "excerpt_separator: 0", "excerpt_separator: [a]",
	"null", "~", "true", "42", "'quoted'", "a: &x 1", "b: *x", "c: *nope", "d: !!timestamp 2026-11-20", "e: 2026-11-20",
	"company: constructor", "__proto__: x", "f: |", "  block", "- 2026-11-10 [[Anna]]", "x: 1\r", "a: b # c",
];

/** Notes made of the pieces frontmatter parsing trips on, with `\n` or `\r\n` line ends. */
const noteText = fc
	.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 12 })
	.chain((lines) => fc.tuple(fc.constant(lines), fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.boolean()))
	.map(([lines, eol, open, bom]) => `${bom ? "\uFEFF" : ""}${open ? `---${eol}` : ""}${lines.join(eol)}`);

describe("toRecord reads frontmatter as gray-matter did", () => {
	it.each([
		["comments only", "---\n# a\n  # b\n---\nbody\n"],
		["a comment after a no-break space (YAML text, a comment to gray-matter)", "---\n\u00a0# a\n---\n"],
		["a line starting with --- inside the block cuts it", "---\ncadence: 30\n--- x\ntags: person\n---\n"],
		["the block starting with ----", "---\n----\ncadence: 30\n---\n"],
		["a document with no value", "---\n...\n---\n"],
		["null", "---\nnull\n---\n"],
		["~", "---\n~\n---\n"],
		["false", "---\nfalse\n---\n"],
		["a list", "---\n- a\n- b\n---\n"],
		["excerpt_separator with no text form", "---\nexcerpt_separator:\n  toString: x\n---\n"],
		["excerpt_separator as text", "---\nexcerpt_separator: more\ncadence: 7\n---\n"],
		["broken YAML, with its line", "---\ncadence: 30\nkey: [1, 2\n---\n"],
		["an unknown tag", "---\nd: !!timestamp 2026-11-20\n---\n"],
		["CRLF and a BOM", "\uFEFF---\r\ncadence: 30\r\n# c\r\n---\r\n- 2026-11-10 [[Anna]]\r\n"],
		["constructor and toString stay text", "---\ncompany: constructor\nrole: toString\nflag: hasOwnProperty\n---\n"],
		["---js is never parsed", "---js\n{ x: 1 }\n---\n"],
	])("%s", (_name, text) => {
		expect(toRecord("Notes/A.md", text)).toStrictEqual(before("Notes/A.md", text));
	});

	it("constructor, toString and their kin parse to text, not to Object's functions", () => {
		expect(toRecord("People/Odd.md", "---\ncompany: constructor\nrole: toString\nx: __proto__\n---\n").frontmatter).toStrictEqual({ company: "constructor", role: "toString", x: "__proto__" });
	});

	it("the same record for any note", () => {
		fc.assert(
			fc.property(noteText, (text) => {
				expect(toRecord("Notes/A.md", text)).toStrictEqual(before("Notes/A.md", text));
			}),
			{ numRuns: 5000 },
		);
	});
});

describe("NoteReader reads as fs.readFileSync(path, 'utf8') does", () => {
	const dir = tempDir("rete-read-");
	const file = path.join(dir, "note.md");
	const reader = new NoteReader();

	it("any bytes: invalid UTF-8, a BOM, empty, around the buffer's size", () => {
		const sizes = [0, 1, 65_535, 65_536, 65_537, 200_000];
		const bytes = fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(...sizes).map((n) => new Uint8Array(n).fill(0xc3)));
		fc.assert(
			fc.property(fc.boolean(), bytes, (bom, b) => {
				fs.writeFileSync(file, Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), b]));
				expect(reader.read(file)).toBe(fs.readFileSync(file, "utf8"));
			}),
			{ numRuns: 500 },
		);
		for (const n of sizes) {
			fs.writeFileSync(file, "é".repeat(n));
			expect(reader.read(file)).toBe(fs.readFileSync(file, "utf8"));
		}
	});

	it("the same error codes", () => {
		const code = (f: () => unknown): string | undefined => {
			try {
				f();
			} catch (e) {
				return (e as { code?: string }).code;
			}
			return undefined;
		};
		for (const p of [path.join(dir, "missing.md"), dir]) {
			expect(code(() => reader.read(p))).toBe(code(() => fs.readFileSync(p, "utf8")));
			expect(code(() => reader.read(p))).toBeDefined();
		}
	});
});

describe("listNotes", () => {
	it("absolute paths as path.join builds them, sorted by vault path, hidden and non-notes skipped", () => {
		const root = makeVault({ "b.md": "", "A/x.MD": "", "A b/y.md": "", ".hidden/z.md": "", "A/.h.md": "", "A/n.txt": "", "A/deep/w.md": "" });
		const real = fs.realpathSync(root);
		const files = listNotes(root);
		expect(files.map((f) => f.path)).toEqual(["A b/y.md", "A/deep/w.md", "A/x.MD", "b.md"]);
		for (const f of files) expect(f.abs).toBe(path.join(real, ...f.path.split("/")));
	});
});
