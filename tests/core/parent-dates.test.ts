import { describe, expect, it } from "vitest";
import { contentColumnOf, indentOf, LINE_BLANK, LINE_DATED, LINE_FENCE, LINE_INDENTED, LINE_ITEM, LINE_QUOTED, LINE_TEXT, lineKind, ParentDates } from "../../src/core/parent-dates";

const kind = (line: string): number => lineKind(`x\n${line}\ny`, 2, 2 + line.length);

describe("what a line may be, by its first characters", () => {
	it.each([
		["", LINE_BLANK],
		["   ", LINE_BLANK | LINE_INDENTED],
		["Some prose", LINE_TEXT],
		["## Heading", LINE_TEXT],
		["2026-11-20 not an item", LINE_TEXT],
		["-no space", LINE_TEXT],
		["```js", LINE_FENCE],
		["  ~~~", LINE_FENCE | LINE_INDENTED],
		["> ```", LINE_FENCE | LINE_QUOTED | LINE_INDENTED],
		["- an item", LINE_ITEM],
		["12) an item", LINE_ITEM],
		["-", LINE_ITEM],
		["\u00a0", LINE_TEXT],
		["- 2026-11-20 Fair", LINE_DATED],
		["1. 2026-11-20 Fair", LINE_DATED],
		["\t* 7 things", LINE_DATED | LINE_INDENTED],
		[">- 2026-11-20 Fair", LINE_DATED | LINE_QUOTED],
		["- [ ] 2026-11-20 a task", LINE_ITEM],
	])("%j", (line, expected) => {
		expect(kind(line)).toBe(expected);
	});

	it("measures indents with tabs to the next multiple of four", () => {
		expect([indentOf("- a"), indentOf("  - a"), indentOf("\t- a"), indentOf("  \t- a"), indentOf("\t  - a")]).toEqual([0, 2, 4, 4, 6]);
	});

	it.each([
		["- a", 2],
		["-   a", 4],
		["  * a", 4],
		["1. a", 3],
		["12) a", 4],
		["\t- a", 6],
		["-\ta", 4],
		["-", 2],
		["- ", 2],
		["1.", 3],
		["-      code", 2],
	])("finds where the text of %j begins: column %i", (line, column) => {
		expect(contentColumnOf(line)).toBe(column);
	});
});

describe("the dates of the items above", () => {
	it("gives the nearest dated item's date and forgets the items a shallower one ends", () => {
		const p = new ParentDates();
		expect(p.idle).toBe(true);
		// `- …` at the margin: its text begins at column 2.
		p.item(2, 0, 100);
		expect(p.under(2, 0)).toBe(100);
		p.item(4, 0, 200);
		expect(p.under(4, 0)).toBe(200);
		// Left of the second item's text: a sibling of it, under the first.
		expect(p.under(3, 0)).toBe(100);
		expect(p.under(1, 0)).toBeNull();
		expect(p.idle).toBe(true);
	});

	it("a paragraph at the margin ends the list; indented text and blank lines do not; an item or a quote must be read", () => {
		const p = new ParentDates();
		p.item(0, 0, 100);
		expect(p.mayPass(LINE_BLANK)).toBe(true);
		expect(p.mayPass(LINE_TEXT | LINE_INDENTED)).toBe(true);
		expect(p.mayPass(LINE_ITEM)).toBe(false);
		expect(p.mayPass(LINE_TEXT | LINE_QUOTED)).toBe(false);
		expect(p.under(2, 0)).toBe(100);
		expect(p.mayPass(LINE_TEXT)).toBe(true);
		expect(p.idle).toBe(true);
		// A list in a quote: a line of another quote depth ends it, and so does text outside it.
		p.item(0, 1, 100);
		expect(p.under(2, 0)).toBeNull();
		p.item(0, 1, 100);
		p.text(LINE_TEXT | LINE_INDENTED, 1);
		expect(p.under(2, 1)).toBe(100);
		expect(p.mayPass(LINE_TEXT | LINE_INDENTED)).toBe(true);
		expect(p.idle).toBe(true);
		// With none open, only a dated item is read.
		expect(p.mayPass(LINE_ITEM)).toBe(true);
		expect(p.mayPass(LINE_DATED | LINE_QUOTED)).toBe(false);
	});

	it("a cancelled item is open without a date; its children are under it until a shallower line ends it", () => {
		const p = new ParentDates();
		p.item(2, 0, null);
		// Neither a date nor a cancelling: nothing opens.
		expect(p.idle).toBe(true);
		p.item(6, 0, null, 0, "", true);
		expect(p.idle).toBe(false);
		expect(p.under(6, 0)).toBeNull();
		expect(p.cancelled).toBe(true);
		// A dated child ends the cancelling for its own children.
		p.item(8, 0, 100);
		expect(p.under(8, 0)).toBe(100);
		expect(p.cancelled).toBe(false);
		expect(p.under(6, 0)).toBeNull();
		expect(p.cancelled).toBe(true);
		expect(p.under(0, 0)).toBeNull();
		expect(p.cancelled).toBe(false);
		// Text at the margin ends it too.
		p.item(2, 0, 100, 0, "", true);
		expect(p.under(2, 0)).toBe(100);
		expect(p.cancelled).toBe(true);
		p.mayPass(LINE_TEXT);
		expect(p.idle).toBe(true);
		expect(p.cancelled).toBe(false);
	});
});
