/** Interactions: list items that link a person, items in the person's own note, dates and plans. */
import { afterAll, describe, expect, it } from "vitest";
import { ALL, cadenceOf, cleanupTemp, dueOf, type Files, problemsOf, tracked, expectProblems } from "./helpers";

afterAll(cleanupTemp);

const TODAY = "2026-11-25";

function run(files: Files) {
	return dueOf({ "People/Anna Rossi.md": tracked(), ...files }, TODAY, ALL).json;
}

/** Anna's last contact when the daily note 2026-11-20 holds `body`. */
function fromDaily(body: string): string | null | undefined {
	return cadenceOf(run({ "Journal/2026-11-20.md": body }), "Anna Rossi")?.lastContact;
}

describe("list items linking the person count on the note's date", () => {
	it.each([
		["- wikilink", "- coffee with [[Anna Rossi]]"],
		["* marker", "* coffee with [[Anna Rossi]]"],
		["+ marker", "+ coffee with [[Anna Rossi]]"],
		["1. ordered", "1. coffee with [[Anna Rossi]]"],
		["2) ordered", "2) coffee with [[Anna Rossi]]"],
		["nested with spaces", "- Monday\n    - coffee with [[Anna Rossi]]"],
		["nested with a tab", "- Monday\n\t- coffee with [[Anna Rossi]]"],
		["tab after the marker", "-\tcoffee with [[Anna Rossi]]"],
		["alias", "- coffee with [[Anna Rossi|Anna]]"],
		["heading", "- see [[Anna Rossi#Projects]]"],
		["block reference", "- see [[Anna Rossi#^abc123]]"],
		["folder path", "- coffee with [[People/Anna Rossi]]"],
		["folder path with .md", "- coffee with [[People/Anna Rossi.md|Anna]]"],
		["other case", "- coffee with [[anna rossi]]"],
		["markdown link with %20", "- coffee with [Anna](People/Anna%20Rossi.md)"],
		["markdown link without extension", "- coffee with [Anna](Anna%20Rossi)"],
		["markdown link in angle brackets", "- coffee with [Anna](<People/Anna Rossi.md>)"],
		["relative markdown link", "- coffee with [Anna](../People/Anna%20Rossi.md)"],
		["inside a blockquote", "> - coffee with [[Anna Rossi]]"],
	])("%s", (_name, body) => {
		expect(fromDaily(`${body}\n`)).toBe("2026-11-20");
	});

	it.each([
		["a paragraph, not a list item", "Coffee with [[Anna Rossi]]."],
		["a heading", "## [[Anna Rossi]]"],
		["an external link", "- [Anna](https://example.com/Anna%20Rossi.md)"],
		["a link to an image named like her", "- [Anna](Anna%20Rossi.png)"],
		["a link to someone else", "- coffee with [[Bruno]]"],
		["a link to a missing folder path", "- coffee with [[Clients/Anna Rossi]]"],
	])("not counted: %s", (_name, body) => {
		expect(fromDaily(`${body}\n`)).toBeNull();
	});
});

describe("leading dates", () => {
	it.each([
		["YYYY-MM-DD", "- 2026-11-03 lunch with [[Anna Rossi]]", "2026-11-03"],
		["YYYY-MM-DD followed by a colon", "- 2026-11-03: lunch with [[Anna Rossi]]", "2026-11-03"],
		["YYYY-MM-DD followed by a dash", "- 2026-11-03 - lunch with [[Anna Rossi]]", "2026-11-03"],
		["[[YYYY-MM-DD]]", "- [[2026-11-03]] lunch with [[Anna Rossi]]", "2026-11-03"],
		["[[YYYY-MM-DD|alias]]", "- [[2026-11-03|Tue]] lunch with [[Anna Rossi]]", "2026-11-03"],
	])("%s", (_name, line, expected) => {
		expect(cadenceOf(run({ "Notes/Log.md": `${line}\n` }), "Anna Rossi")?.lastContact).toBe(expected);
	});

	it("an undated item in an undated note is no contact", () => {
		expect(cadenceOf(run({ "Notes/Log.md": "- lunch with [[Anna Rossi]]\n" }), "Anna Rossi")?.lastContact).toBeNull();
	});

	it("an impossible leading date is a problem with path and line, not a contact", () => {
		const json = run({ "Journal/2026-11-20.md": "# Day\n\n- 2026-02-30 lunch with [[Anna Rossi]]\n" });
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBeNull();
		expectProblems(problemsOf(json, "Journal/2026-11-20.md"), [["Journal/2026-11-20.md", 3, /2026-02-30/]]);
	});

	it("a date not written YYYY-MM-DD is a problem, not a contact", () => {
		const json = run({ "Notes/Log.md": "- 2026-11-3 lunch with [[Anna Rossi]]\n" });
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBeNull();
		expect(problemsOf(json, "Notes/Log.md").map((p) => p.line)).toEqual([1]);
	});

	it("the latest contact on or before today wins; later items are plans", () => {
		const json = run({
			"Notes/Log.md": [
				"- 2026-10-01 call with [[Anna Rossi]]",
				"- 2026-11-24 call with [[Anna Rossi]]",
				"- 2026-11-26 lunch planned with [[Anna Rossi]]",
				"- 2027-01-10 conference with [[Anna Rossi]]",
			].join("\n"),
		});
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBe("2026-11-24");
	});

	it("an item dated today counts", () => {
		expect(cadenceOf(run({ "Notes/Log.md": `- ${TODAY} call with [[Anna Rossi]]\n` }), "Anna Rossi")?.lastContact).toBe(TODAY);
	});

	it("only plans: never contacted, due today", () => {
		const json = run({ "Journal/2026-12-01.md": "- dinner with [[Anna Rossi]]\n" });
		expect(cadenceOf(json, "Anna Rossi")).toMatchObject({ lastContact: null, due: TODAY, status: "today" });
	});
});

describe("the person's own note", () => {
	const own = (body: string[]): Files => ({ "People/Anna Rossi.md": tracked([], body) });

	it.each([
		["a dated item without links", ["- 2026-11-10 phone call"], "2026-11-10"],
		["a [[date]] item", ["## Log", "- [[2026-11-10]] phone call"], "2026-11-10"],
		["an undated item is a detail", ["- likes espresso", "- works at ACME"], null],
		["a dated item linking a non-person", ["- 2026-11-10 talked about [[Project X]]"], "2026-11-10"],
		["a nested dated item", ["- Log", "\t- 2026-11-10 phone call"], "2026-11-10"],
		["a dated paragraph is not an item", ["2026-11-10 phone call"], null],
		["a future dated item is a plan", ["- 2026-12-10 dinner"], null],
	])("%s", (_name, body, expected) => {
		expect(cadenceOf(dueOf(own(body), TODAY, ALL).json, "Anna Rossi")?.lastContact).toBe(expected);
	});

	it("her own note's `date` does not date its undated items", () => {
		const files = { "People/Anna Rossi.md": tracked(["date: 2026-11-10"], ["- likes espresso"]) };
		expect(cadenceOf(dueOf(files, TODAY, ALL).json, "Anna Rossi")?.lastContact).toBeNull();
	});
});

describe("one item, several people", () => {
	it("an item linking two people counts for both", () => {
		const json = dueOf(
			{
				"People/Anna Rossi.md": tracked(),
				"People/Bruno.md": tracked(),
				"People/Carla.md": tracked(),
				"Journal/2026-11-20.md": "- dinner with [[Anna Rossi]] and [Bruno](People/Bruno.md)\n",
			},
			TODAY,
			ALL,
		).json;
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBe("2026-11-20");
		expect(cadenceOf(json, "Bruno")?.lastContact).toBe("2026-11-20");
		expect(cadenceOf(json, "Carla")?.lastContact).toBeNull();
	});

	it("a dated item in one person's note linking another counts for both", () => {
		const json = dueOf(
			{ "People/Anna Rossi.md": tracked([], ["- 2026-11-18 introduced me to [[Bruno]]"]), "People/Bruno.md": tracked() },
			TODAY,
			ALL,
		).json;
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBe("2026-11-18");
		expect(cadenceOf(json, "Bruno")?.lastContact).toBe("2026-11-18");
	});

	it("contacts from many notes: the latest counts", () => {
		const json = run({
			"Journal/2026-11-02.md": "- [[Anna Rossi]]\n",
			"Journal/2026-11-19.md": "- [[Anna Rossi]]\n",
			"Journal/2026-11-11.md": "- [[Anna Rossi]]\n",
		});
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBe("2026-11-19");
	});

	it("a link to a person whose note has the same name in two folders goes to one of them only", () => {
		const json = dueOf(
			{
				"People/Anna.md": tracked(),
				"People/Old/Anna.md": tracked(),
				"Journal/2026-11-20.md": "- [[Anna]]\n",
			},
			TODAY,
			ALL,
		).json;
		const contacted = json.items.filter((i) => i.lastContact === "2026-11-20").map((i) => i.path);
		expect(contacted).toEqual(["People/Anna.md"]);
	});
});
