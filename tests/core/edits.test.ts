import { describe, expect, it } from "vitest";
import { appendUnderHeading, completeTask, existingKey, RecurringTaskError, setProperty, StaleEditError } from "../../src/core/edits";
import { scanBody } from "../../src/core/scan";

const ITEM = "2026-11-20 Coffee";
const log = appendUnderHeading("## Log", ITEM);
const NEW = `- ${ITEM}`;

describe("appendUnderHeading: where the item goes", () => {
	it.each([
		// The heading is there: after the section's last non-blank line, before the next heading.
		["present", "# Anna\n\n## Log\n- 2026-11-01 Call\n\n## Notes\nx\n", `# Anna\n\n## Log\n- 2026-11-01 Call\n${NEW}\n\n## Notes\nx\n`],
		["blank lines before the next heading kept", "## Log\n- a\n\n\n\n## Next\n", `## Log\n- a\n${NEW}\n\n\n\n## Next\n`],
		["a whitespace-only line kept", "## Log\n- a\n   \n## N\n", `## Log\n- a\n${NEW}\n   \n## N\n`],
		["a higher heading ends the section", "## Log\n- a\n# Top\n- t\n", `## Log\n- a\n${NEW}\n# Top\n- t\n`],
		["a deeper heading stays inside the section", "## Log\n- a\n### Old\n- s\n## Next\n", `## Log\n- a\n### Old\n- s\n${NEW}\n## Next\n`],
		["the heading is the last line", "## Log\n", `## Log\n${NEW}\n`],
		["the heading is the last line, no final newline", "## Log", `## Log\n${NEW}`],
		["a paragraph after the items", "## Log\n- a\nwrapped text\n\n## N\n", `## Log\n- a\nwrapped text\n${NEW}\n\n## N\n`],
		// The heading is missing: created at the end, after a blank line.
		["missing", "# Anna\n\nSome text\n", `# Anna\n\nSome text\n\n## Log\n${NEW}\n`],
		["missing, no final newline", "# Anna", `# Anna\n\n## Log\n${NEW}\n`],
		["missing, the note already ends with a blank line", "# Anna\n\n", `# Anna\n\n## Log\n${NEW}\n`],
		["empty note", "", `## Log\n${NEW}\n`],
		["frontmatter only", "---\ntype: person\n---\n", `---\ntype: person\n---\n\n## Log\n${NEW}\n`],
		["frontmatter only, no final newline", "---\ntype: person\n---", `---\ntype: person\n---\n\n## Log\n${NEW}\n`],
		// Which heading matches.
		["other case, trailing spaces", "## log  \n- x\n", `## log  \n- x\n${NEW}\n`],
		["closing #s", "## LOG ##\n- x\n", `## LOG ##\n- x\n${NEW}\n`],
		["a tab after the #s", "##\tLog\n- x\n", `##\tLog\n- x\n${NEW}\n`],
		["indented up to three spaces", "   ## Log\n- x\n", `   ## Log\n- x\n${NEW}\n`],
		["### Log is not ## Log", "### Log\n- x\n", `### Log\n- x\n\n## Log\n${NEW}\n`],
		["# Log is not ## Log", "# Log\n- x\n", `# Log\n- x\n\n## Log\n${NEW}\n`],
		["## Logbook is not ## Log", "## Logbook\n- x\n", `## Logbook\n- x\n\n## Log\n${NEW}\n`],
		["## Log# is not ## Log (no space before the #)", "## Log#\n- x\n", `## Log#\n- x\n\n## Log\n${NEW}\n`],
		["duplicated heading: the first wins", "## Log\n- a\n## Log\n- b\n", `## Log\n- a\n${NEW}\n## Log\n- b\n`],
		["in a ``` fence: ignored", "```\n## Log\n```\n", `\`\`\`\n## Log\n\`\`\`\n\n## Log\n${NEW}\n`],
		["in a ~~~ fence: ignored", "~~~\n## Log\n```\n~~~\n", `~~~\n## Log\n\`\`\`\n~~~\n\n## Log\n${NEW}\n`],
		["in a ```` fence with a shorter ``` inside: ignored", "````\n```\n## Log\n````\n", `\`\`\`\`\n\`\`\`\n## Log\n\`\`\`\`\n\n## Log\n${NEW}\n`],
		["in a fence that ```js does not close: ignored", "```\ncode\n```js\n## Log\n```\n", `\`\`\`\ncode\n\`\`\`js\n## Log\n\`\`\`\n\n## Log\n${NEW}\n`],
		["after a fence: the real heading", "```\n## Log\n```\n\n## Log\n- a\n", `\`\`\`\n## Log\n\`\`\`\n\n## Log\n- a\n${NEW}\n`],
		["in a fence never closed: ignored, the fence closed before the new heading", "```\n## Log\n", `\`\`\`\n## Log\n\`\`\`\n\n## Log\n${NEW}\n`],
		["a ``` line whose info has a backtick opens no fence", "```a`b\n## Log\n- a\n", `\`\`\`a\`b\n## Log\n- a\n${NEW}\n`],
		["in a %% comment: ignored", "%%\n## Log\n- old\n%%\n", `%%\n## Log\n- old\n%%\n\n## Log\n${NEW}\n`],
		["in an html comment: ignored, the real heading after it", "<!--\n## Log\n-->\n## Log\n- a\n", `<!--\n## Log\n-->\n## Log\n- a\n${NEW}\n`],
		["in a %% comment never closed: closed before the new heading", "%%\n## Log\n- old\n", `%%\n## Log\n- old\n%%\n\n## Log\n${NEW}\n`],
		["in an html comment never closed: closed before the new heading", "# A\n<!-- draft\n## Log", `# A\n<!-- draft\n## Log\n-->\n\n## Log\n${NEW}\n`],
		["a heading whose line opens a comment does not count", "## Log %%\n%%\n", `## Log %%\n%%\n\n## Log\n${NEW}\n`],
		["a comment after the heading's text", "## Log %% mine %%\n- a\n", `## Log %% mine %%\n- a\n${NEW}\n`],
		["in a blockquote: ignored", "> ## Log\n", `> ## Log\n\n## Log\n${NEW}\n`],
		["in the frontmatter: ignored", "---\nx: |\n  ## Log\n---\nbody\n", `---\nx: |\n  ## Log\n---\nbody\n\n## Log\n${NEW}\n`],
		// Line endings, final newline, byte-order mark.
		["CRLF, present", "# A\r\n\r\n## Log\r\n- a\r\n\r\n## N\r\n", `# A\r\n\r\n## Log\r\n- a\r\n${NEW}\r\n\r\n## N\r\n`],
		["CRLF, missing", "# A\r\nb\r\n", `# A\r\nb\r\n\r\n## Log\r\n${NEW}\r\n`],
		["CRLF, frontmatter only", "---\r\ntype: person\r\n---\r\n", `---\r\ntype: person\r\n---\r\n\r\n## Log\r\n${NEW}\r\n`],
		["no final newline", "## Log\n- a", `## Log\n- a\n${NEW}`],
		["BOM, heading present", "\uFEFF## Log\n- a\n", `\uFEFF## Log\n- a\n${NEW}\n`],
		["BOM, heading missing", "\uFEFF# A\n", `\uFEFF# A\n\n## Log\n${NEW}\n`],
		["BOM and frontmatter", "\uFEFF---\nx: 1\n---\n## Log\n- a\n", `\uFEFF---\nx: 1\n---\n## Log\n- a\n${NEW}\n`],
		["BOM, the heading alone on line 1", "\uFEFF## Log", `\uFEFF## Log\n${NEW}`],
		["a last line ended by a lone CR, in a fence never closed", "# A\r\n```\r", `# A\r\n\`\`\`\r\n\`\`\`\r\n\r\n## Log\r\n${NEW}\r\n`],
		["a line holding a lone CR before its CRLF", "## Log\n~~~\r\r\n", `## Log\n~~~\r\r\n${NEW}\n`],
	])("%s", (_name, input, expected) => {
		expect(log(input)).toBe(expected);
	});
});

/** The dated entries the scanner counts in a person's note. */
function dated(text: string): number {
	return scanBody(text, { path: "People/A.md", noteDate: null, ownNote: true }).entries.filter((e) => e.task === "none").length;
}

describe("appendUnderHeading: never inside code or a comment", () => {
	it.each([
		["a fence never closed ends the section: before it", "## Log\n- a\n```\ncode\n", `## Log\n- a\n${NEW}\n\`\`\`\ncode\n`],
		["a fence never closed swallows the next heading: before it", "## Log\n- a\n\n~~~\n## Next\n- b\n", `## Log\n- a\n${NEW}\n\n~~~\n## Next\n- b\n`],
		["all of the section is code: right after the heading", "## Log\n```\n- 2026-01-01 x\n", `## Log\n${NEW}\n\`\`\`\n- 2026-01-01 x\n`],
		["a closed fence at the end: after it", "## Log\n- a\n```\ncode\n```\n\n## N\n", `## Log\n- a\n\`\`\`\ncode\n\`\`\`\n${NEW}\n\n## N\n`],
		["a fence in a callout ends with it: after it", "## Log\n- a\n> ```\n> code\n", `## Log\n- a\n> \`\`\`\n> code\n${NEW}\n`],
		["a %% comment never closed: before it", "## Log\n- a\n%%\n- 2026-01-02 hidden\n", `## Log\n- a\n${NEW}\n%%\n- 2026-01-02 hidden\n`],
		["an html comment opened on an item's line: before that line", "## Log\n- a <!-- note\nmore\n", `## Log\n${NEW}\n- a <!-- note\nmore\n`],
		["a comment over the next heading: after it closes", "## Log\n- a\n%%\n## Next\n%%\n## Other\n", `## Log\n- a\n%%\n## Next\n%%\n${NEW}\n## Other\n`],
		["the numbering follows the last item outside code", "## Log\n1. a\n```\n7. x\n", `## Log\n1. a\n2. ${ITEM}\n\`\`\`\n7. x\n`],
		["the marker follows the last item outside a comment", "## Log\n* a\n%% + x %%\n<!--\n+ y\n-->\n", `## Log\n* a\n%% + x %%\n<!--\n+ y\n-->\n* ${ITEM}\n`],
		["CRLF, a fence never closed, no final newline", "## Log\r\n- a\r\n```\r\ncode", `## Log\r\n- a\r\n${NEW}\r\n\`\`\`\r\ncode`],
		["the same entry in a comment does not count", `## Log\n%%\n- ${ITEM}\n%%\n`, `## Log\n%%\n- ${ITEM}\n%%\n${NEW}\n`],
		["the same entry in code does not count", `## Log\n\`\`\`\n- ${ITEM}\n`, `## Log\n${NEW}\n\`\`\`\n- ${ITEM}\n`],
	])("%s; the scanner counts it", (_name, input, expected) => {
		const out = log(input);
		expect(out).toBe(expected);
		expect(dated(out)).toBe(dated(input) + 1);
		expect(log(out)).toBe(out);
	});
});

describe("appendUnderHeading: list style", () => {
	it.each([
		["*", "## Log\n* a\n", `## Log\n* a\n* ${ITEM}\n`],
		["+", "## Log\n+ a\n", `## Log\n+ a\n+ ${ITEM}\n`],
		["numbered continues", "## Log\n1. a\n2. b\n", `## Log\n1. a\n2. b\n3. ${ITEM}\n`],
		["numbered past 9", "## Log\n9. a\n", `## Log\n9. a\n10. ${ITEM}\n`],
		["numbered with )", "## Log\n1) a\n", `## Log\n1) a\n2) ${ITEM}\n`],
		["a nested - under *", "## Log\n* a\n  - nested\n", `## Log\n* a\n  - nested\n* ${ITEM}\n`],
		["a nested 1. under -", "## Log\n- a\n    1. nested\n", `## Log\n- a\n    1. nested\n- ${ITEM}\n`],
		["a nested item under 1.", "## Log\n1. a\n   1. n\n", `## Log\n1. a\n   1. n\n2. ${ITEM}\n`],
		["tabs", "## Log\n-\ta\tb\n\t- n\t\n", `## Log\n-\ta\tb\n\t- n\t\n- ${ITEM}\n`],
	])("%s", (_name, input, expected) => {
		expect(log(input)).toBe(expected);
	});
});

describe("appendUnderHeading: text is kept byte for byte", () => {
	const odd = ["emoji 👩🏽‍💻 🇮🇹", "RTL שלום עולם مرحبا", "NFD Cafe\u0301 Citta\u0300", "zero width a\u200Bb\u200Cc\u200Dd\u2060e", "tab\there"];
	it.each(odd)("around the section: %j", (s) => {
		const input = `# ${s}\n\n## Log\n- ${s}\n\n## ${s}\n${s}`;
		expect(log(input)).toBe(`# ${s}\n\n## Log\n- ${s}\n${NEW}\n\n## ${s}\n${s}`);
	});
	it.each(odd)("in the item: %j", (s) => {
		expect(appendUnderHeading("## Log", s)("## Log\n- a\n")).toBe(`## Log\n- a\n- ${s}\n`);
	});
	it("an NFD item is not normalised", () => {
		const nfd = "Cafe\u0301";
		const out = appendUnderHeading("## Log", nfd)("## Log\n");
		expect(out).toBe(`## Log\n- ${nfd}\n`);
		expect(out).not.toContain(nfd.normalize("NFC"));
	});
});

describe("appendUnderHeading: no duplicates", () => {
	it.each([
		["- marker", `## Log\n- ${ITEM}\n`],
		["numbered", `## Log\n1. ${ITEM}\n`],
		["CRLF, no final newline", `## Log\r\n- a\r\n- ${ITEM}`],
	])("already there (%s): unchanged", (_name, input) => {
		expect(log(input)).toBe(input);
	});

	it("the same text under another heading does not count", () => {
		expect(log(`## Notes\n- ${ITEM}\n\n## Log\n- a\n`)).toBe(`## Notes\n- ${ITEM}\n\n## Log\n- a\n${NEW}\n`);
	});

	it.each(["", "# Anna", "# Anna\n", "---\ntype: person\n---\n", "## Log\n- a\n\n## N\n", "# A\r\nb\r\n", "\uFEFF# A\n", "### Log\n", "```\ncode\n"])("twice is once: %j", (input) => {
		const once = log(input);
		expect(log(once)).toBe(once);
	});
});

/** The follow-up text the index shows for `line`, as the plugin passes it to completeTask. */
function seen(text: string, line: number): string {
	const entry = scanBody(text, { path: "Notes/x.md", noteDate: null, ownNote: true }).entries.find((e) => e.line === line);
	if (entry?.text === undefined) throw new Error(`no open task on line ${line}`);
	return entry.text;
}

const DONE = "2026-11-20";

describe("completeTask", () => {
	it("leaves a recurring task (🔁) to the Tasks plugin: throws, changes nothing", () => {
		const text = "- [ ] Send [[Anna]] the news 🔁 every week 📅 2026-11-25\n";
		expect(() => completeTask(1, seen(text, 1), "2026-11-20")(text)).toThrow(RecurringTaskError);
		// A 🔁 only in a comment at the end of the line is no recurrence.
		const commented = "- [ ] Call [[Anna]] %% was 🔁 weekly %%\n";
		expect(completeTask(1, seen(commented, 1), "2026-11-20")(commented)).toBe("- [x] Call [[Anna]] %% was 🔁 weekly %% ✅ 2026-11-20\n");
	});

	it("reads the follow-up text the way the scanner does", () => {
		expect(seen("- [ ] Send [[Anna]] the deck 📅 2026-11-25", 1)).toBe("Send [[Anna]] the deck");
	});

	it.each([
		["due date", "- [ ] Send [[Anna]] the deck 📅 2026-11-25", 1, "- [x] Send [[Anna]] the deck 📅 2026-11-25 ✅ 2026-11-20"],
		["block id stays last", "- [ ] Send [[Anna]] the deck 📅 2026-11-25 ^abc", 1, "- [x] Send [[Anna]] the deck 📅 2026-11-25 ✅ 2026-11-20 ^abc"],
		["block id with a dash", "- [ ] Call [[Anna]] ^follow-up-1", 1, "- [x] Call [[Anna]] ✅ 2026-11-20 ^follow-up-1"],
		["CRLF kept", "# A\r\n- [ ] Call [[Anna]]\r\nafter\r\n", 2, "# A\r\n- [x] Call [[Anna]] ✅ 2026-11-20\r\nafter\r\n"],
		["no final newline", "# A\n- [ ] Call [[Anna]]", 2, "# A\n- [x] Call [[Anna]] ✅ 2026-11-20"],
		["quoted", "> - [ ] Call [[Anna]]", 1, "> - [x] Call [[Anna]] ✅ 2026-11-20"],
		["in a callout", "> [!todo] Follow-ups\n> - [ ] Call [[Anna]]\n", 2, "> [!todo] Follow-ups\n> - [x] Call [[Anna]] ✅ 2026-11-20\n"],
		["leading date", "- [ ] 2026-11-18 Call [[Anna]]", 1, "- [x] 2026-11-18 Call [[Anna]] ✅ 2026-11-20"],
		["leading date link", "- [ ] [[2026-11-18]] Call [[Anna]]", 1, "- [x] [[2026-11-18]] Call [[Anna]] ✅ 2026-11-20"],
		["nested with a tab", "- [[Anna]]\n\t- [ ] Call [[Anna]]\n", 2, "- [[Anna]]\n\t- [x] Call [[Anna]] ✅ 2026-11-20\n"],
		["* marker", "* [ ] Call [[Anna]]", 1, "* [x] Call [[Anna]] ✅ 2026-11-20"],
		["numbered", "3. [ ] Call [[Anna]]", 1, "3. [x] Call [[Anna]] ✅ 2026-11-20"],
		["a [ ] later in the text stays", "- [ ] Call [[Anna]] `[ ]`", 1, "- [x] Call [[Anna]] `[ ]` ✅ 2026-11-20"],
		["emoji, RTL, NFD", "- [ ] Café 👋 [[Anna]] שלום", 1, "- [x] Café 👋 [[Anna]] שלום ✅ 2026-11-20"],
		["after a closed fence and comment", "```\n- [ ] x\n```\n<!--\n- [ ] y\n-->\n- [ ] Call [[Anna]]\n", 7, "```\n- [ ] x\n```\n<!--\n- [ ] y\n-->\n- [x] Call [[Anna]] ✅ 2026-11-20\n"],
		["a comment closed after the task", "- [ ] Call [[Anna]] %% mine %%", 1, "- [x] Call [[Anna]] %% mine %% ✅ 2026-11-20"],
		["a comment left open after the task: the date before it", "- [ ] Call [[Anna]]  %% mine\n%%", 1, "- [x] Call [[Anna]] ✅ 2026-11-20  %% mine\n%%"],
		["a comment left open after a block id", "- [ ] Call [[Anna]] ^abc <!-- x `%%` %% y\n-->", 1, "- [x] Call [[Anna]] ✅ 2026-11-20 ^abc <!-- x `%%` %% y\n-->"],
	])("%s", (_name, text, line, expected) => {
		expect(completeTask(line, seen(text, line), DONE)(text)).toBe(expected);
	});

	it("keeps a byte-order mark before a task on line 1", () => {
		expect(completeTask(1, "Call [[Anna]]", DONE)("\uFEFF- [ ] Call [[Anna]]\n")).toBe("\uFEFF- [x] Call [[Anna]] ✅ 2026-11-20\n");
		expect(completeTask(1, "Call [[Anna]]", DONE)("\uFEFF- [ ] Call [[Anna]]")).toBe("\uFEFF- [x] Call [[Anna]] ✅ 2026-11-20");
	});

	it("leaves every other line byte-identical, even one with the same task", () => {
		const lines = ["---", "type: person", "---", "- [ ] Call [[Anna]]", "  text\t ", "- [ ] Call [[Anna]]", "\u200B", "- [ ] Call [[Anna]]"];
		const text = lines.join("\r\n");
		const out = completeTask(6, "Call [[Anna]]", DONE)(text).split("\r\n");
		expect(out).toEqual(lines.map((l, i) => (i === 5 ? "- [x] Call [[Anna]] ✅ 2026-11-20" : l)));
	});

	const text = "# Anna\n- [ ] Call [[Anna]]\n- [x] Sent [[Anna]] the deck\n- [-] Lunch [[Anna]]\n- plain [[Anna]]\n";
	it.each([
		["wrong line number (above)", text, 1, "Call [[Anna]]"],
		["wrong line number (below)", text, 3, "Call [[Anna]]"],
		["line 0", text, 0, "Call [[Anna]]"],
		["line edited", "# Anna\n- [ ] Call [[Anna]] and [[Bo]]\n", 2, "Call [[Anna]]"],
		["task already checked", "# Anna\n- [x] Call [[Anna]]\n", 2, "Call [[Anna]]"],
		["task already checked (X)", "# Anna\n- [X] Call [[Anna]] ✅ 2026-11-19\n", 2, "Call [[Anna]]"],
		["task cancelled", text, 4, "Lunch [[Anna]]"],
		["no longer a task", text, 5, "plain [[Anna]]"],
		["a line inserted above", "# Anna\nnew\n- [ ] Call [[Anna]]\n", 2, "Call [[Anna]]"],
		["line deleted (file shorter)", "# Anna\n", 2, "Call [[Anna]]"],
		["empty file", "", 1, "Call [[Anna]]"],
		["now inside a fence", "```\n- [ ] Call [[Anna]]\n```\n", 2, "Call [[Anna]]"],
		["now inside a fence never closed", "# A\n~~~\n- [ ] Call [[Anna]]\n", 3, "Call [[Anna]]"],
		["now inside a fence in a callout", "> ```\n> - [ ] Call [[Anna]]\n> ```\n", 2, "Call [[Anna]]"],
		["now inside a %% comment", "%%\n- [ ] Call [[Anna]]\n%%\n", 2, "Call [[Anna]]"],
		["now inside an html comment never closed", "<!-- old\n- [ ] Call [[Anna]]\n", 2, "Call [[Anna]]"],
		["now in the frontmatter", "---\n- [ ] Call [[Anna]]\n---\n", 2, "Call [[Anna]]"],
	])("stale: %s throws, and a caller that catches writes nothing", (_name, before, line, expectedText) => {
		const edit = completeTask(line, expectedText, DONE);
		expect(() => edit(before)).toThrow(StaleEditError);
		let file = before;
		try {
			file = edit(file);
		} catch (e) {
			expect(e).toBeInstanceOf(StaleEditError);
			expect((e as Error).name).toBe("StaleEditError");
		}
		expect(file).toBe(before);
	});
});

describe("setProperty", () => {
	it.each<[string, Record<string, unknown>, string, string | number | null, Record<string, unknown>]>([
		["sets a new key last", { type: "person", cadence: "2w" }, "snooze_until", "2026-12-01", { type: "person", cadence: "2w", snooze_until: "2026-12-01" }],
		["replaces in place", { a: 1, cadence: "2w", b: 2 }, "cadence", "monthly", { a: 1, cadence: "monthly", b: 2 }],
		["reuses another case", { a: 1, Last_Contact: "2026-01-01", b: 2 }, "last_contact", "2026-11-20", { a: 1, Last_Contact: "2026-11-20", b: 2 }],
		["a number", { a: 1 }, "cadence", 30, { a: 1, cadence: 30 }],
		["null removes", { a: 1, cadence: "2w", b: 2 }, "cadence", null, { a: 1, b: 2 }],
		["null removes another case", { a: 1, Cadence: "2w", b: 2 }, "cadence", null, { a: 1, b: 2 }],
		["null on a missing key", { a: 1, b: 2 }, "cadence", null, { a: 1, b: 2 }],
	])("%s", (_name, fm, key, value, expected) => {
		setProperty(key, value)(fm);
		expect(fm).toEqual(expected);
		expect(Object.keys(fm)).toEqual(Object.keys(expected));
	});

	it("existingKey prefers the exact key, then the first of another case", () => {
		expect(existingKey({ Last_Contact: 1, last_contact: 2 }, "last_contact")).toBe("last_contact");
		expect(existingKey({ a: 1, LAST_CONTACT: 2 }, "Last_Contact")).toBe("LAST_CONTACT");
		expect(existingKey({ a: 1 }, "Last_Contact")).toBe("Last_Contact");
	});
});
