import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkTargets } from "../../src/core/inline";
import { hasNoBreaks, listItemRest } from "../../src/core/list-item";

// What the scanner matched with before (fifteenth round), kept here as the reference.
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const WIKILINK = /(!?)\[\[([^[\]\n]*)\]\]/g;

function wikiTargetsByPattern(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(WIKILINK)) {
		if (m[1] === "!") continue;
		const inner = m[2] ?? "";
		const bar = inner.indexOf("|");
		let t = bar < 0 ? inner : inner.slice(0, bar);
		const hash = t.indexOf("#");
		if (hash >= 0) t = t.slice(0, hash);
		const caret = t.indexOf("^");
		if (caret >= 0) t = t.slice(0, caret);
		if (t.endsWith("\\")) t = t.slice(0, -1);
		t = t.trim();
		if (t !== "") out.push(t);
	}
	return out;
}

const line = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 24 }).map((a) => a.join(""));

describe("a list item's marker", () => {
	it("is found where the pattern finds it, and its text begins where the pattern's capture does", () => {
		const chars = [" ", "\t", "-", "*", "+", "1", "0", "9", "12345", "6789012", ".", ")", "a", "x", "\r", "\u2028", "\u2029", "[", "]", "é", "📅"];
		fc.assert(
			fc.property(line(chars), (text) => {
				const m = LIST_ITEM.exec(text);
				const at = listItemRest(text);
				if (m === null) expect(at, JSON.stringify(text)).toBe(-1);
				else expect(text.slice(at), JSON.stringify(text)).toBe(m[1] ?? "");
				// A text that has no terminator but `\n` is said to be plain, and read the same when so.
				expect(hasNoBreaks(text), JSON.stringify(text)).toBe(!/[\r\u2028\u2029]/.test(text));
				if (hasNoBreaks(text)) expect(listItemRest(text, true)).toBe(at);
			}),
			{ numRuns: 20_000 },
		);
	});

	it("reads the markers people write", () => {
		expect(listItemRest("- 2026-11-20 Coffee")).toBe(2);
		expect(listItemRest("\t  * [ ] Call")).toBe(5);
		expect(listItemRest("12. Twelve")).toBe(4);
		expect(listItemRest("123456789) nine digits")).toBe(11);
		expect(listItemRest("1234567890. ten digits")).toBe(-1);
		expect(listItemRest("-")).toBe(1);
		expect(listItemRest("-\t")).toBe(2);
		expect(listItemRest("-x")).toBe(-1);
		expect(listItemRest("1.5 kg")).toBe(-1);
		expect(listItemRest("- a\rb")).toBe(-1);
		expect(listItemRest("")).toBe(-1);
	});
});

describe("wikilinks in a line", () => {
	it("are the targets the pattern finds, embeds left out, on any mix of brackets, bangs, bars and breaks", () => {
		const chars = ["[", "[[", "]", "]]", "!", "|", "#", "^", "\\", "\n", "\r", " ", "a", "Anna Rossi", "é", "📅"];
		fc.assert(
			fc.property(line(chars), (text) => {
				// Markdown links are left out of the comparison: none can form without `(`.
				expect(linkTargets(text), JSON.stringify(text)).toEqual(wikiTargetsByPattern(text));
			}),
			{ numRuns: 20_000 },
		);
	});
});
