import { describe, expect, it } from "vitest";
import { isoFromDay, parseIsoDay } from "../../src/core/dates";
import { scanBody, type ScanContext } from "../../src/core/scan";
import { Lcg } from "./random-notes";

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
	it("a line with a terminator JavaScript's `.` stops at is no item, in a note that has one and in one that has none", () => {
		for (const sep of ["\u2028", "\u2029", "\r"]) {
			const r = scan(`- 2026-11-20 Coffee with [[Anna]]${sep}more\n- 2026-11-21 Lunch with [[Anna]]`);
			expect(r.entries.map((e) => e.line), JSON.stringify(sep)).toEqual([2]);
		}
		expect(scan("- 2026-11-20 Coffee with [[Anna]]\n- 2026-11-21 Lunch with [[Anna]]").entries.map((e) => e.line)).toEqual([1, 2]);
	});
	it("a reach-out heading is found whatever else mentions its words, and only as a heading", () => {
		const mirror = { mirrorHeadings: ["## Reach out"], firstLine: 0 };
		// The words first in prose, then in the heading: of the lines with a `#`, only the heading's has them.
		const body = "# Monday\nI must reach out more.\n\n## REACH OUT\n- [ ] [[Anna]] copy\n\n## Tasks\n- [ ] Call [[Anna]]\n";
		expect(scan(body, mirror).entries.map((e) => `${e.line} ${e.text ?? ""}`)).toEqual(["8 Call [[Anna]]"]);
		// A link to a heading of that name, on a line with a `#`, is no heading: its task is a follow-up.
		expect(scan("See [[Plans#Reach out]].\n- [ ] [[Anna]] call\n", mirror).entries.map((e) => e.line)).toEqual([2]);
		// A heading whose words a comment splits, read as Obsidian shows it, with or without the words elsewhere.
		for (const head of ["## Reach %%auto%%out", "## Reach <!-- x -->out"]) {
			for (const before of ["", "Reach out to [[Bob]] soon.\n"]) {
				expect(scan(`${before}${head}\n- [ ] [[Anna]] call\n`, mirror).entries, `${before}${head}`).toEqual([]);
			}
		}
		// Lower-cased as the heading is: a Kelvin sign is a `k`.
		expect(scan("## \u212Aeep in touch\n- [ ] [[Anna]] call\n", { mirrorHeadings: ["## Keep in touch"] }).entries).toEqual([]);
		// The words only in prose: no section, every open task a follow-up.
		const prose = "# Monday\nReach out to people.\n- [ ] [[Anna]] call\n";
		expect(scan(prose, mirror).entries.map((e) => e.line)).toEqual([3]);
		// A heading that is the last line, without a line ending.
		expect(scan("- [ ] [[Anna]] call\n## Reach out", mirror).entries.map((e) => e.line)).toEqual([1]);
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

describe("nested items take the date of a dated item above them", () => {
	const note = { path: "Events/Fair.md", noteDate: null };
	const dated = (body: string, over: Partial<ScanContext> = note) => scan(body, over).entries.map((e) => `${e.line} ${e.task} ${e.date ?? "-"} ${e.targets.join(",")}`);

	it("under a dated item, at any depth, through undated items; its own date wins", () => {
		const body = [
			"- 2026-11-20 Fair in Bologna",
			"  - met [[Anna Rossi]]",
			"  - Session on pricing",
			"    - with [[Marco Bianchi]]",
			"    - 2026-11-21 dinner with [[Sara Neri]]",
			"      - and [[Luca]]",
			"  - [[Giulia]] too",
		].join("\n");
		expect(dated(body)).toEqual(["2 none 2026-11-20 Anna Rossi", "4 none 2026-11-20 Marco Bianchi", "5 none 2026-11-21 Sara Neri", "6 none 2026-11-21 Luca", "7 none 2026-11-20 Giulia"]);
	});

	it("only while the list goes on: a sibling, a new item, a paragraph or a heading ends it; blank lines and indented text do not", () => {
		const body = [
			"- 2026-11-20 Fair",
			"",
			"  more about the fair",
			"  - met [[A]]",
			"- met [[B]] at the station",
			"  - and [[C]]",
			"- 2026-11-22 Call",
			"Some text.",
			"  - [[D]]",
			"- 2026-11-23 Meeting",
			"## Later",
			"  - [[E]]",
		].join("\n");
		expect(dated(body)).toEqual(["4 none 2026-11-20 A"]);
	});

	it("under an item only when indented to where its text begins, as CommonMark and Obsidian nest lists", () => {
		const daily = { path: "Journal/2026-11-25.md", noteDate: D("2026-11-25") };
		// One blank is not enough under `- `: a sibling, on the note's date.
		expect(dated("- 2026-11-20 Fair\n - met [[A]]", daily)).toEqual(["2 none 2026-11-25 A"]);
		expect(dated("- 2026-11-20 Fair\n  - met [[A]]", daily)).toEqual(["2 none 2026-11-20 A"]);
		// An ordered item's text begins after `1. `: three columns.
		expect(dated("1. 2026-11-20 Fair\n  - met [[A]]\n   - and [[B]]", daily)).toEqual(["2 none 2026-11-25 A", "3 none 2026-11-25 B"]);
		expect(dated("1. 2026-11-20 Fair\n   - met [[A]]\n10. 2026-11-21 Call\n    - with [[B]]", daily)).toEqual(["2 none 2026-11-20 A", "4 none 2026-11-21 B"]);
		// Wider spacing after the marker moves where the text begins; a tab counts to column four.
		expect(dated("-   2026-11-20 Fair\n  - met [[A]]\n    - and [[B]]", daily)).toEqual(["2 none 2026-11-25 A", "3 none 2026-11-25 B"]);
		expect(dated("-\t2026-11-20 Fair\n    - met [[A]]", daily)).toEqual(["2 none 2026-11-20 A"]);
		// A child's children: under the child's text, not the parent's.
		expect(dated("- 2026-11-20 Fair\n  - 2026-11-21 dinner\n   - with [[A]]", daily)).toEqual(["3 none 2026-11-20 A"]);
	});

	it("not across a quote's edge", () => {
		const daily = { path: "Journal/2026-11-25.md", noteDate: D("2026-11-25") };
		expect(dated("> - 2026-11-20 Fair\n  - met [[A]]", daily)).toEqual(["2 none 2026-11-25 A"]);
		expect(dated("- 2026-11-20 Fair\n>   - met [[A]]", daily)).toEqual(["2 none 2026-11-25 A"]);
		expect(dated("> [!note]\n> - 2026-11-20 Fair\n\n  - met [[A]]", daily)).toEqual(["4 none 2026-11-25 A"]);
		expect(dated("> - 2026-11-20 Fair\n>\n>   - met [[A]]", daily)).toEqual(["3 none 2026-11-20 A"]);
		// A blank line outside the quote ends it: the next quoted line starts another.
		expect(dated("> - 2026-11-20 Fair\n\n>   - met [[A]]", daily)).toEqual(["3 none 2026-11-25 A"]);
	});

	it("a task's own date wins over an item above whose date is no day; said once, by the item above when it links someone", () => {
		const daily = { path: "Journal/2026-11-25.md", noteDate: D("2026-11-25") };
		const r = scan("- 2026-11-31 Fair\n  - [x] called [[A]] ✅ 2026-12-01\n  - [ ] call [[B]] 📅 2026-12-02\n  - [x] wrote [[C]]", daily);
		expect(r.entries.map((e) => `${e.line} ${e.task} ${e.date}`)).toEqual(["2 done 2026-12-01", "3 open 2026-12-02"]);
		expect(r.problems).toEqual(["4: nested under line 1, whose date 2026-11-31 is impossible or not written as YYYY-MM-DD"]);
		expect(scan("- 2026-11-31 Fair with [[X]]\n  - met [[A]]", daily).problems).toEqual(["1: impossible date 2026-11-31"]);
	});

	it("in a note written with CRLF line endings, with empty items", () => {
		expect(dated("- 2026-11-20 Fair\r\n\r\n  - met [[A]]\r\n  -\r\n  - [[B]]", { path: "Journal/2026-11-25.md", noteDate: D("2026-11-25") })).toEqual(["3 none 2026-11-20 A", "5 none 2026-11-20 B"]);
		expect(dated("- Fair\n  - 2026-11-20 Day one\n  -\n    - met [[A]]", { path: "Journal/2026-11-25.md", noteDate: D("2026-11-25") })).toEqual(["4 none 2026-11-25 A"]);
	});

	it("with tabs, ordered lists and in quotes", () => {
		expect(dated("1. 2026-11-20 Fair\n\t- met [[A]]\n2) 2026-11-21 Dinner\n   - with [[B]]")).toEqual(["2 none 2026-11-20 A", "4 none 2026-11-21 B"]);
		expect(dated("> - 2026-11-20 Fair\n>   - met [[A]]\n> - no date\n>   - [[B]]")).toEqual(["2 none 2026-11-20 A"]);
		expect(dated("> [!note] Fair\n> - [[2026-11-20]] day one\n>   - met [[A]]")).toEqual(["3 none 2026-11-20 A"]);
	});

	it("before the note's own date, and for tasks too", () => {
		const daily = { path: "Journal/2026-11-25.md", noteDate: D("2026-11-25") };
		expect(dated("- 2026-11-20 Fair\n  - met [[A]]\n  - [ ] send [[A]] the deck\n  - [x] called [[B]]\n- [[C]]", daily)).toEqual([
			"2 none 2026-11-20 A",
			"3 open 2026-11-20 A",
			"4 done 2026-11-20 B",
			"5 none 2026-11-25 C",
		]);
	});

	it("not from a date that is no day, nor from above it, nor from the note: the item is not counted, and said so", () => {
		const daily = { path: "Journal/2026-11-25.md", noteDate: D("2026-11-25") };
		for (const [body, from, date] of [
			["- 2026-11-31 Fair\n  - met [[A]]", 1, "2026-11-31"],
			["- 2026-11-20 Fair\n  - 2026-11-31 Dinner\n    - met [[A]]", 2, "2026-11-31"],
			["- 2026-2-3 Fair\n  - met [[A]]", 1, "2026-2-3"],
			["- 2026-11-31 Fair\n  - Session\n    - met [[A]]", 1, "2026-11-31"],
		] as const) {
			const r = scan(body, daily);
			expect(r.entries, body).toEqual([]);
			expect(r.problems, body).toEqual([`${body.split("\n").length}: nested under line ${from}, whose date ${date} is impossible or not written as YYYY-MM-DD`]);
		}
		// A date of its own under it counts, and its children take that.
		expect(dated("- 2026-11-31 Fair\n  - 2026-11-21 Dinner\n    - with [[A]]", daily)).toEqual(["3 none 2026-11-21 A"]);
		// An open task under it is an undated follow-up, unless it has a due date of its own.
		expect(dated("- 2026-11-31 Fair\n  - [ ] send [[A]] the deck\n  - [ ] call [[B]] 📅 2026-12-01", daily)).toEqual(["2 open - A", "3 open 2026-12-01 B"]);
	});

	it("not in a person's own note for a plain item (a detail)", () => {
		const own = { path: "People/Anna.md", noteDate: null, ownNote: true };
		expect(dated("- 2026-11-20 Coffee\n  - she is moving to Milan\n  - [ ] send her the deck\n  - introduced her to [[Marco]]", own)).toEqual(["1 none 2026-11-20 ", "3 open 2026-11-20 "]);
	});

	describe("under a cancelled item (`- [-] …`)", () => {
		const daily = { path: "Journal/2026-11-25.md", noteDate: D("2026-11-25") };

		it("a plain item without a date of its own is no interaction, at any depth: what was cancelled did not happen", () => {
			expect(dated("- [-] Dinner with the team\n  - [[Anna Rossi]]\n  - Guests\n    - [[Marco]]\n- [[Sara]] at the office", daily)).toEqual(["5 none 2026-11-25 Sara"]);
			expect(scan("- [-] Dinner\n  - [[A]]", daily).problems).toEqual([]);
		});

		it("tasks keep their own status (an open one is still a follow-up), dated by the cancelled item's date when it has one", () => {
			const body = ["- [-] 2026-11-20 Dinner", "  - [[A]]", "  - [ ] reschedule with [[A]]", "  - [x] called [[B]] to cancel ✅ 2026-11-19", "  - [x] told [[C]]", "  - [ ] call [[D]] 📅 2026-12-01"].join("\n");
			expect(dated(body, daily)).toEqual(["3 open 2026-11-20 A", "4 done 2026-11-19 B", "5 done 2026-11-20 C", "6 open 2026-12-01 D"]);
			// Without a date, they take what the cancelled item would have given.
			expect(dated("- 2026-11-20 Fair\n  - [-] Dinner\n    - with [[A]]\n    - [ ] rebook with [[A]]\n  - met [[B]]", daily)).toEqual(["4 open 2026-11-20 A", "5 none 2026-11-20 B"]);
		});

		it("an item with a date of its own counts, and its children take that date", () => {
			expect(dated("- [-] Trip\n  - 2026-11-22 Day two\n    - met [[B]]\n  - [[C]]", daily)).toEqual(["3 none 2026-11-22 B"]);
		});

		it("a date of its own that is no day ends the cancelling too: the items under it are reported, not dropped unseen", () => {
			const r = scan("- [-] Dinner\n  - 2026-11-31 Guests\n    - [[A]]", daily);
			expect(r.entries).toEqual([]);
			expect(r.problems).toEqual(["3: nested under line 2, whose date 2026-11-31 is impossible or not written as YYYY-MM-DD"]);
		});

		it("a cancelled item's date that is no day is not reported (it counts for nothing), and its children still count for nothing", () => {
			const r = scan("- [-] 2026-11-31 Dinner\n  - [[A]]\n  - [ ] rebook [[A]] 📅 2026-12-02", daily);
			expect(r.entries.map((e) => `${e.line} ${e.task} ${e.date}`)).toEqual(["3 open 2026-12-02"]);
			expect(r.problems).toEqual([]);
		});

		it("other statuses (`[/]`, `[>]`, `[?]`) cancel nothing beneath them", () => {
			expect(dated("- [/] Prep\n  - with [[A]]\n- [>] Moved\n  - [[B]]", daily)).toEqual(["2 none 2026-11-25 A", "4 none 2026-11-25 B"]);
		});

		it("in a person's own note, a dated item under a cancelled one still counts", () => {
			const own = { path: "People/Anna.md", noteDate: null, ownNote: true };
			expect(dated("- [-] 2026-11-20 Coffee\n  - [[Marco]] was to join\n  - 2026-11-21 called her instead", own)).toEqual(["3 none 2026-11-21 "]);
		});

		it("only while the list goes on: a sibling, a paragraph or another quote ends it", () => {
			expect(dated("- [-] Dinner\n- met [[A]]\n\nText\n  - [[B]]\n> - [-] x\n  - [[C]]", daily)).toEqual(["2 none 2026-11-25 A", "5 none 2026-11-25 B", "7 none 2026-11-25 C"]);
		});
	});

	it("the same whether or not the note has comments (which turn off the scanner's quick pass)", () => {
		const lines = ["- 2026-11-20 Fair", "  - met [[A]]", "\t- [[B]]", "- Talk", "  - [[C]]", "1. 2026-11-21 x", "   - [[D]]", "text", "  - [[E]]", "> - 2026-11-22 q", ">   - [[F]]", "", "    - [[G]]", "- 2026-13-01 bad", "  - [[H]]", "---", "  - [[I]]", "-", "  -", "1.", "\u00a0", " \u00a0", "- - -", "* 3 things", "1234567890. x", "   ", "\t", "## Heading", "  text", "> text", ">", "> - 2026-11-23 q", ">   - [[J]]", "  - [[K]]", "> > - 2026-11-24 r", "> >   - [[L]]", "- 2026-11-31 bad [[M]]", "- [-] off", "  - [-] 2026-11-25 off", "    - [ ] task [[N]]", "- [/] doing", "> - [-] q"];
		const rng = new Lcg(7);
		const next = (n: number): number => rng.int(n);
		for (let run = 0; run < 2000; run++) {
			const eol = next(3) === 0 ? "\r\n" : "\n";
			const body = Array.from({ length: 1 + next(14) }, () => lines[next(lines.length)]).join(eol);
			expect(dated(`${body}${eol}%% a comment %%`), JSON.stringify(body)).toEqual(dated(body));
		}
	});
});
