import { describe, expect, it } from "vitest";
import { isoFromDay, parseIsoDay } from "../../src/core/dates";
import { scanBody, type ScanContext } from "../../src/core/scan";

const D = (iso: string): number => parseIsoDay(iso) ?? NaN;
const ctx = (over: Partial<ScanContext> = {}): ScanContext => ({ path: "Journal/2026-11-20.md", noteDate: D("2026-11-20"), ownNote: false, ...over });

function scan(body: string, over: Partial<ScanContext> = {}) {
	const r = scanBody(body, ctx(over));
	return {
		entries: r.entries.map((e) => ({ line: e.line, task: e.task, date: e.date === null ? null : isoFromDay(e.date), targets: e.targets, ...(e.text !== undefined ? { text: e.text } : {}) })),
		problems: r.problems.map((p) => `${p.line}: ${p.message}`),
	};
}

describe("list items that refer to people", () => {
	it.each([
		["- Coffee with [[Anna Rossi]]", "2026-11-20", ["Anna Rossi"]],
		["* Lunch with [[Anna Rossi]]", "2026-11-20", ["Anna Rossi"]],
		["+ Call [[Anna Rossi]]", "2026-11-20", ["Anna Rossi"]],
		["1. Met [[Anna Rossi]]", "2026-11-20", ["Anna Rossi"]],
		["12) Met [[Anna Rossi]]", "2026-11-20", ["Anna Rossi"]],
		["    - nested [[Anna Rossi]]", "2026-11-20", ["Anna Rossi"]],
		["\t- tab-nested [[Anna Rossi]]", "2026-11-20", ["Anna Rossi"]],
		["> - quoted [[Anna Rossi]]", "2026-11-20", ["Anna Rossi"]],
		["> [!note]\n> - in a callout [[Anna Rossi]]", "2026-11-20", ["Anna Rossi"]],
		["- 2026-11-02 Call with [[Anna Rossi]]", "2026-11-02", ["Anna Rossi"]],
		["- [[2026-11-02]] Call with [[Anna Rossi]]", "2026-11-02", ["Anna Rossi"]],
		["- [[2026-11-02|Monday]]: call [[Anna Rossi]]", "2026-11-02", ["Anna Rossi"]],
		["- 2026-11-02 — call [[Anna Rossi]] and [[Marco]]", "2026-11-02", ["Anna Rossi", "Marco"]],
	])("%j", (body, date, targets) => {
		const r = scan(body);
		expect(r.entries).toHaveLength(1);
		expect(r.entries[0]).toMatchObject({ task: "none", date, targets });
		expect(r.problems).toEqual([]);
	});

	it.each([
		["a paragraph, not an item", "Coffee with [[Anna Rossi]]"],
		["an embed", "- ![[Anna Rossi]]"],
		["inline code", "- `[[Anna Rossi]]`"],
		["a fenced block", "```\n- [[Anna Rossi]]\n```"],
		["a tilde fence", "~~~md\n- [[Anna Rossi]]\n~~~"],
		["an indented fence in a list", "- item\n  ```\n  - [[Anna Rossi]]\n  ```"],
		["a fence in a callout", "> ```\n> - [[Anna Rossi]]\n> ```"],
		["a %% comment", "%% - [[Anna Rossi]] %%"],
		["a multi-line %% comment", "%%\n- [[Anna Rossi]]\n%%"],
		["an html comment", "<!-- - [[Anna Rossi]] -->"],
		["a multi-line html comment", "<!--\n- [[Anna Rossi]]\n-->"],
		["a cancelled task", "- [-] Call [[Anna Rossi]]"],
		["another task status", "- [>] Call [[Anna Rossi]]"],
		["a heading", "## [[Anna Rossi]]"],
		["a marker without space", "-[[Anna Rossi]]"],
		["a thematic break", "- - -"],
	])("ignores %s", (_name, body) => {
		expect(scan(body).entries).toEqual([]);
	});

	it("keeps counting after a fence closes and after a callout ends an unclosed fence", () => {
		const r = scan("```js\n- [[A]]\n```\n- [[B]]\n> ```\n> - [[C]]\nafter quote\n- [[D]]");
		expect(r.entries.map((e) => e.targets[0])).toEqual(["B", "D"]);
	});

	it("does not close a ``` fence with ~~~ or a shorter run", () => {
		expect(scan("````\n```\n- [[A]]\n~~~\n````\n- [[B]]").entries.map((e) => e.targets[0])).toEqual(["B"]);
	});

	it("reads an item on line 1 after a byte-order mark, and a fence there", () => {
		expect(scan("\uFEFF- [[A]]\n- [[B]]").entries.map((e) => e.targets[0])).toEqual(["A", "B"]);
		expect(scan("\uFEFF```\n- [[A]]\n```\n- [[B]]").entries.map((e) => e.targets[0])).toEqual(["B"]);
	});

	it("reports 1-based file lines, offset by the frontmatter", () => {
		const r = scanBody("intro\n- [[A]]\n\n- [[B]]", ctx({ firstLine: 4 }));
		expect(r.entries.map((e) => e.line)).toEqual([6, 8]);
	});

	it("reads CRLF, a missing final newline and unicode", () => {
		const r = scan("- [[Zoë]]\r\n- 2026-11-01 [[Łukasz Nowak]]\r\n- [[José]]");
		expect(r.entries.map((e) => [e.targets[0], e.date])).toEqual([["Zoë", "2026-11-20"], ["Łukasz Nowak", "2026-11-01"], ["José", "2026-11-20"]]);
	});
});

describe("dates", () => {
	it("leaves an item without any date out", () => {
		expect(scan("- [[Anna]]", { noteDate: null }).entries).toEqual([]);
	});
	it.each([
		["- 2026-02-30 call [[Anna]]", "impossible date 2026-02-30"],
		["- 2026-13-01 call [[Anna]]", "impossible date 2026-13-01"],
		["- 2026-1-5 call [[Anna]]", "date 2026-1-5 is not written as YYYY-MM-DD"],
	])("reports %j and counts no contact", (body, message) => {
		const r = scan(body);
		expect(r.entries).toEqual([]);
		expect(r.problems).toEqual([`1: ${message}`]);
	});
	it("does not report odd dates in items that refer to nobody", () => {
		expect(scan("- 2026-02-30 nothing to see").problems).toEqual([]);
	});
	it("does not take a longer number for a date", () => {
		// The note's own date differs from the date a shorter reading would take.
		expect(scan("- 2026-11-151 [[Anna]]").entries[0]?.date).toBe("2026-11-20");
		expect(scan("- [[2026-11-15]]1 [[Anna]]").entries[0]?.date).toBe("2026-11-20");
		expect(scan("- [ ] 2026-11-151 call [[Anna]]").entries[0]).toMatchObject({ date: "2026-11-20", text: "2026-11-151 call [[Anna]]" });
	});
});

describe("tasks", () => {
	it.each([
		["- [ ] Send [[Anna]] the deck 📅 2026-11-25", "2026-11-25", "Send [[Anna]] the deck"],
		["- [ ] Send [[Anna]] the deck 📅2026-11-25 ⏳ 2026-11-24", "2026-11-25", "Send [[Anna]] the deck"],
		["- [ ] Send [[Anna]] the deck [due:: 2026-11-26]", "2026-11-26", "Send [[Anna]] the deck"],
		["- [ ] 2026-11-27 Send [[Anna]] the deck", "2026-11-27", "Send [[Anna]] the deck"],
		["- [ ] Send [[Anna]] the deck", "2026-11-20", "Send [[Anna]] the deck"],
		["- [ ] 2026-11-27 Call [[Anna]] 📅 2026-12-01 [due:: 2026-12-02]", "2026-12-01", "Call [[Anna]]"],
		// The Tasks plugin's other due-date signs.
		["- [ ] Send [[Anna]] the deck 📆 2026-11-26", "2026-11-26", "Send [[Anna]] the deck"],
		["- [ ] Send [[Anna]] the deck 🗓️ 2026-11-27", "2026-11-27", "Send [[Anna]] the deck"],
		["- [ ] Send [[Anna]] the deck 🗓 2026-11-28 ⏳ 2026-11-24", "2026-11-28", "Send [[Anna]] the deck"],
	])("open %j is a follow-up due %s", (body, due, text) => {
		expect(scan(body).entries).toEqual([{ line: 1, task: "open", date: due, targets: ["Anna"], text }]);
	});
	it("a line of 100,000 unclosed fields is read (its text cut), not scanned to its end from each", () => {
		// Read from each field to the end of the line, 20,000 took 4.6 s: 100,000 would outlast any timeout.
		const r = scan(`- [ ] [[Anna]] ${"[due:: ".repeat(100_000)}`);
		expect(r.entries).toHaveLength(1);
		expect(r.entries[0]?.text?.startsWith("[[Anna]] [due::")).toBe(true);
		expect(r.entries[0]?.text?.length).toBeLessThanOrEqual(300);
	});
	it("reach-out sections of a body that starts with a --- block (after the real frontmatter) are found where they are", () => {
		const body = "---\nnot: frontmatter\n---\n## Reach out\n- [ ] [[Anna]] copy\n\n## Tasks\n- [ ] Call [[Anna]]\n";
		const r = scan(body, { mirrorHeadings: ["## Reach out"], firstLine: 3 });
		expect(r.entries.map((e) => `${e.line} ${e.text ?? ""}`)).toEqual(["11 Call [[Anna]]"]);
	});
	it("an open task with no date anywhere is undated", () => {
		expect(scan("- [ ] Introduce [[Anna]] to [[Marco]]", { noteDate: null }).entries).toEqual([
			{ line: 1, task: "open", date: null, targets: ["Anna", "Marco"], text: "Introduce [[Anna]] to [[Marco]]" },
		]);
	});
	it("an impossible due date is reported and leaves the follow-up undated", () => {
		const r = scan("- [ ] Call [[Anna]] 📅 2026-02-30");
		expect(r.entries[0]?.date).toBeNull();
		expect(r.problems).toEqual(["1: impossible date 2026-02-30"]);
	});
	it.each([
		["- [x] Called [[Anna]] ✅ 2026-11-18", "2026-11-18"],
		["- [X] 2026-11-17 Called [[Anna]]", "2026-11-17"],
		["- [x] Called [[Anna]]", "2026-11-20"],
		["- [x] 2026-11-01 Called [[Anna]] ✅ 2026-11-03 📅 2026-10-30", "2026-11-03"],
	])("done %j is an interaction on %s", (body, date) => {
		expect(scan(body).entries).toEqual([{ line: 1, task: "done", date, targets: ["Anna"] }]);
	});
	it("a done task with an impossible completion date is no contact", () => {
		const r = scan("- [x] Called [[Anna]] ✅ 2026-02-31");
		expect(r.entries).toEqual([]);
		expect(r.problems).toHaveLength(1);
	});
});

describe("a person's own note", () => {
	const own = { path: "People/Anna.md", noteDate: null, ownNote: true };
	it("counts dated items without links, and keeps undated ones as details", () => {
		const r = scan("## Log\n- 2026-10-03 Coffee, talked about her move\n- Daughter: Sofia, 8\n- [ ] Send the deck\n- [x] Sent intro ✅ 2026-10-12\n- [x] Old thing", own);
		expect(r.entries).toEqual([
			{ line: 2, task: "none", date: "2026-10-03", targets: [] },
			{ line: 4, task: "open", date: null, targets: [], text: "Send the deck" },
			{ line: 5, task: "done", date: "2026-10-12", targets: [] },
		]);
	});
	it("ignores the note's date for undated details", () => {
		expect(scan("- Likes espresso", { ...own, noteDate: D("2026-01-01") }).entries).toEqual([]);
	});
});
