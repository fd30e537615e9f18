/**
 * Property tests of the note edits (fault case 12): for notes made of list styles, headings,
 * fences, comments, emoji, RTL text, NFD accents, zero-width characters, tabs and mixed line
 * endings, every byte outside the edit stays, and doing an edit twice is doing it once.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appendUnderHeading, completeTask, StaleEditError } from "../../src/core/edits";
import { splitFrontmatter } from "../../src/core/frontmatter";
import { reachOutLine, upsertReachOut } from "../../src/core/reachout";
import { scanBody } from "../../src/core/scan";

const ITEM = "2026-11-20 Coffee";
const DONE = "2026-11-20";

const reach = (person: string, path: string): string => reachOutLine({ person, path, reason: "cadence", due: "2026-11-15", day: 0 }, person, "last contact 50 days ago");
const POOL = [reach("Anna Rossi", "People/Anna.md"), reach("Zoë Ng 👩🏽‍💻", "People/Zoë.md"), reach("שלום Cafe\u0301", "People/S.md"), reach("a\u200Bb", "People/Z.md")];

const PIECES = [
	"## Log", "## log ##", "### Log", "# Top", "## Next", "##\tLog", "## Log %% c %%", "## Reach out", "## reach out",
	"- a", "* b", "+ c", "1. c", "2) d", "10. e", "  - n", "\t* n", "\t+ t\tab", "- [ ] t", "- [x] done", "> - q", "> [!note]",
	"```", "```js", "~~~", "````", "> ```", "%%", "%% c %%", "<!--", "-->", "<!-- c -->", "---",
	"\uFEFF", "\t", "\r", "", ITEM, `- ${ITEM}`, `* ${ITEM}`,
	"👩🏽‍💻", "🇮🇹", "שלום עולם", "مرحبا", "e\u0301", "Cafe\u0301", "a\u200Bb", "\u200D", "x\uFEFFy", ...POOL,
];

const piece = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...PIECES) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
	{ weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }) },
);
const line = fc.array(piece, { minLength: 1, maxLength: 2 }).map((p) => p.join(""));
const eol = fc.constantFrom("\n", "\n", "\r\n");

/** Lines joined by `\n` or `\r\n` (mixed), with or without a final line ending. */
function joined(lines: string[], eols: string[], final: boolean): string {
	return lines.map((l, i) => l + (i < lines.length - 1 || final ? eols[i % eols.length] ?? "\n" : "")).join("");
}

const note = fc.tuple(fc.array(line, { maxLength: 14 }), fc.array(eol, { minLength: 1, maxLength: 14 }), fc.boolean()).map(([l, e, f]) => joined(l, e, f));

/** Whether `out` is `input` with exactly one span inserted (true when unchanged too). */
function oneSpanInserted(input: string, out: string): boolean {
	if (out === input) return true;
	let prefix = 0;
	while (prefix < input.length && input[prefix] === out[prefix]) prefix++;
	let suffix = 0;
	while (suffix < input.length - prefix && input[input.length - 1 - suffix] === out[out.length - 1 - suffix]) suffix++;
	return out.length > input.length && prefix + suffix === input.length;
}

function occurrences(text: string, s: string): number {
	return text.split(s).length - 1;
}

/** What the index sees in a note: its body scanned as the plugin does, at file line numbers. */
function scanned(text: string, ownNote: boolean, noteDate: number | null = null) {
	const split = splitFrontmatter(text);
	const firstLine = split.kind === "yaml" ? split.bodyStartLine : 0;
	return scanBody(split.kind === "yaml" ? split.body : text, { path: ownNote ? "People/A.md" : "Notes/x.md", noteDate, ownNote, firstLine }).entries;
}

describe("appendUnderHeading: property", () => {
	const log = appendUnderHeading("## Log", ITEM);

	it("the result is the input with one span of whole lines inserted, which the scanner counts", () => {
		fc.assert(
			fc.property(note, (input) => {
				const out = log(input);
				expect(oneSpanInserted(input, out)).toBe(true);
				if (out === input) return;
				expect(occurrences(out, ITEM)).toBe(occurrences(input, ITEM) + 1);
				expect(scanned(out, true).length).toBe(scanned(input, true).length + 1);
			}),
			{ numRuns: 1000 },
		);
	});

	it("twice is once, for any note", () => {
		fc.assert(
			fc.property(note, (input) => {
				const once = log(input);
				expect(log(once)).toBe(once);
			}),
			{ numRuns: 1000 },
		);
	});
});

const TASKS = [
	"- [ ] Call [[Anna]] 👋🏽",
	"\t* [ ] Write to [[Zoë]] Cafe\u0301 📅 2026-12-01",
	"3. [ ] שלום [[Anna]] مرحبا ^abc-1",
	"> - [ ] Ring [[Anna]]\u200B\u200D x\uFEFFy",
	"+ [ ] 2026-11-18 Café [[Anna]]\t",
	"- [ ] Send [[Anna]] the deck %% mine",
	"  - [ ] Nested [[Anna]] %% c %% ^id",
];

describe("completeTask: property", () => {
	const planted = fc.tuple(note, fc.constantFrom(...TASKS), eol, fc.nat(), fc.boolean(), fc.boolean());

	it("ticks a task the scanner sees, changing only its line; a task it does not see is stale", () => {
		fc.assert(
			fc.property(planted, ([note, task, sep, at, after, bom]) => {
				// The task goes at a line boundary of a random note, which may start with a byte-order mark.
				const base = bom && !note.startsWith("\uFEFF") ? `\uFEFF${note}` : note;
				const cuts = [bom ? 1 : 0, ...[...base.matchAll(/\n/g)].map((m) => m.index + 1)];
				const start = cuts[at % cuts.length] ?? 0;
				const input = `${base.slice(0, start)}${task}${after || start < base.length ? sep : ""}${base.slice(start)}`;
				const lineNo = input.slice(0, start).split("\n").length;
				const expected = scanned(task, true)[0]?.text ?? "";
				const seen = scanned(input, true).find((e) => e.line === lineNo && e.task === "open");
				const edit = completeTask(lineNo, expected, DONE);
				if (!seen) {
					expect(() => edit(input)).toThrow(StaleEditError);
					return;
				}
				expect(seen.text).toBe(expected);
				const out = edit(input);
				const end = start + task.length;
				expect(out.slice(0, start)).toBe(input.slice(0, start));
				expect(out.slice(out.length - (input.length - end))).toBe(input.slice(end));
				const ticked = out.slice(start, out.length - (input.length - end));
				expect(ticked.replace("[x]", "[ ]").replace(` ✅ ${DONE}`, "").replace(/\s+$/, "")).toBe(task.replace(/\s+$/, ""));
				expect(scanned(out, true).find((e) => e.line === lineNo)).toMatchObject({ task: "done" });
				// Twice: the task is no longer open, so the second edit is stale and writes nothing.
				expect(() => edit(out)).toThrow(StaleEditError);
			}),
			{ numRuns: 1000 },
		);
	});
});

describe("upsertReachOut: property", () => {
	const idOf = (l: string): string => /\^(rete-[a-z0-9-]+)$/.exec(l)?.[1] ?? "";

	it("inserts one span, shows every new line to the scanner, and twice is once", () => {
		fc.assert(
			fc.property(note, fc.subarray(POOL), fc.constantFrom("## Reach out", "Reach out", "### Reach out"), (input, lines, heading) => {
				const write = upsertReachOut(heading, lines);
				const out = write(input);
				expect(oneSpanInserted(input, out)).toBe(true);
				expect(write(out)).toBe(out);
				// Open reach-out lines are copies, never follow-ups; ticked, each is a contact the
				// scanner reads (so none landed in code or a comment).
				const open = scanned(out, false).filter((e) => e.task === "open");
				for (const l of lines) expect(open.filter((e) => e.text?.endsWith(`^${idOf(l)}`))).toEqual([]);
				const ticked = out.replace(/\[ \](?=[^\n]*\^rete-)/g, "[x]");
				const done = scanned(ticked, false, 0).filter((e) => e.task === "done").map((e) => e.line);
				const fileLines = ticked.split("\n");
				for (const l of lines) {
					if (input.includes(idOf(l))) continue;
					const at = fileLines.findIndex((x) => x.replace(/\r$/, "").endsWith(`^${idOf(l)}`));
					expect(done).toContain(at + 1);
				}
			}),
			{ numRuns: 800 },
		);
	});
});
