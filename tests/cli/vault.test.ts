/**
 * The vault reader against what it replaced: the frontmatter as gray-matter returned it, the text
 * as `fs.readFileSync(path, "utf8")` returned it, and paths as `path.join` built them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { listNotes, NoteReader, toRecord } from "../../src/cli/vault";
import { cleanupTemp, makeVault, tempDir } from "./helpers";

afterAll(cleanupTemp);

describe("toRecord", () => {
	it("reads values named like Object's own members as text, not as its functions", () => {
		expect(toRecord("People/Odd.md", "---\ncompany: constructor\nrole: toString\nx: __proto__\n---\n").frontmatter).toStrictEqual({ company: "constructor", role: "toString", x: "__proto__" });
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
