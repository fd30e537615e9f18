import { describe, expect, it } from "vitest";
import { mayBeFence, RegionReader, unquote } from "../../src/core/regions";

/** What each line of `text` shows (`null`: code, a fence line, or a line begun in a comment), then what would close the note. */
function read(text: string): { shown: Array<string | null>; clear: boolean; closer: string | null } {
	const r = new RegionReader();
	const shown = text.split("\n").map((line) => r.read(line));
	return { shown, clear: r.clear(), closer: r.closer() };
}

describe("RegionReader", () => {
	it.each<[string, string, Array<string | null>, string | null]>([
		["a fence, closed", "a\n```js\nx\n```\nb", ["a", null, null, null, "b"], null],
		["a longer closing fence closes; a shorter one does not", "````\n```\nx\n`````\nb", [null, null, null, null, "b"], null],
		["a tilde fence left open", "a\n~~~\nx", ["a", null, null], "~~~"],
		["backticks in a backtick fence's info string: no fence", "``` a`b\nx", ["``` a`b", "x"], null],
		["a %% comment over lines", "a\n%%\nx\n%%\nb", ["a", "", null, null, "b"], null],
		["an HTML comment left open", "a <!-- c\nx", ["a ", null], "-->"],
		["a comment on one line", "a %% c %% b", ["a  b"], null],
		["a fence in a callout ends with the callout", "> [!note]\n> ```\n> x\nafter", ["[!note]", null, null, "after"], null],
	])("%s", (_, text, shown, closer) => {
		const r = read(text);
		expect(r.shown).toEqual(shown);
		expect(r.closer).toBe(closer);
		expect(r.clear).toBe(closer === null);
	});

	it("a fence inside a blockquote leaves a plain line after it clear", () => {
		const r = new RegionReader();
		r.read("> ```");
		expect(r.clear()).toBe(true);
		expect(r.closer()).toBeNull();
	});
});

describe("unquote and mayBeFence", () => {
	it.each([
		["> > x", 2, "x"],
		["   > x", 1, "x"],
		["    > x", 0, "    > x"],
		["x", 0, "x"],
	])("unquote(%j) → %i, %j", (line, depth, content) => {
		expect(unquote(line)).toEqual({ depth, content });
	});
	it.each([
		["```", true],
		["  > ~~~", true],
		["- ```", false],
		["", false],
	])("mayBeFence(%j) → %s", (line, expected) => {
		expect(mayBeFence(line, 0, line.length)).toBe(expected);
	});
});
