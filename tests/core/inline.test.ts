import { describe, expect, it } from "vitest";
import { blankCode, linkTargets, stripComments } from "../../src/core/inline";

describe("linkTargets", () => {
	it.each([
		["Coffee with [[Anna Rossi]]", ["Anna Rossi"]],
		["[[Anna Rossi|Anna]] and [[Marco Bianchi#Log]]", ["Anna Rossi", "Marco Bianchi"]],
		["[[People/Anna Rossi]] [[Anna Rossi#^block]]", ["People/Anna Rossi", "Anna Rossi"]],
		["| [[Anna Rossi\\|Anna]] |", ["Anna Rossi"]],
		["[Anna](People/Anna%20Rossi.md)", ["People/Anna Rossi.md"]],
		["[Anna](<People/Anna Rossi.md>)", ["People/Anna Rossi.md"]],
		["[Anna](People/Anna%20Rossi.md \"title\")", ["People/Anna Rossi.md"]],
		["[Anna](People/Anna)", ["People/Anna"]],
		["![[Anna Rossi]] ![x](People/Anna.md)", []],
		["[site](https://example.com/a.md) [m](mailto:a@b.c)", []],
		["[pic](img/photo.png)", []],
		["[[]] [[ ]] [[#heading]]", []],
		["no links at all", []],
		["[[Zoë Čapek]] [[Łukasz]]", ["Zoë Čapek", "Łukasz"]],
	])("%s", (text, want) => {
		expect(linkTargets(text)).toEqual(want);
	});
});

describe("blankCode", () => {
	it.each([
		["see `[[Anna]]` and [[Marco]]", ["Marco"]],
		["``code with ` inside [[Anna]]`` [[Marco]]", ["Marco"]],
		["unclosed ` backtick [[Anna]]", ["Anna"]],
		["`a` [[Anna]] `b`", ["Anna"]],
	])("%s", (text, want) => {
		expect(linkTargets(blankCode(text))).toEqual(want);
	});
});

describe("stripComments", () => {
	it("removes comments within a line", () => {
		expect(stripComments("a %%hidden%% b <!-- x --> c", "")).toEqual({ visible: "a  b  c", startedInComment: false, state: "" });
	});
	it("carries an open comment to the next lines", () => {
		const first = stripComments("- [[Anna]] %% start", "");
		expect(first).toEqual({ visible: "- [[Anna]] ", startedInComment: false, state: "%%" });
		const middle = stripComments("- [[Marco]]", first.state);
		expect(middle).toMatchObject({ visible: "", startedInComment: true, state: "%%" });
		const last = stripComments("end %% - after", middle.state);
		expect(last).toMatchObject({ visible: " - after", startedInComment: true, state: "" });
	});
	it("keeps comment markers inside code spans", () => {
		expect(stripComments("`%%` [[Anna]]", "").visible).toBe("`%%` [[Anna]]");
	});
	it("handles html comments across lines", () => {
		const a = stripComments("<!-- - [[Anna]]", "");
		expect(a).toMatchObject({ visible: "", state: "<!--" });
		expect(stripComments("-->", a.state)).toMatchObject({ visible: "", state: "" });
	});
});
