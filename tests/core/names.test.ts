import { describe, expect, it } from "vitest";
import { checkFolder, freePath, nameKey, pathSet, safeFileName } from "../../src/core/names";

describe("safeFileName", () => {
	it.each([
		["Anna Rossi", "Anna Rossi"],
		["Rossi: \"CEO\" --- [[x]]", "Rossi CEO --- x"],
		["a\\b/c:d*e?f\"g<h>i|j", "a b c d e f g h i j"],
		["#tag ^block [link]", "tag block link"],
		["tab\there\u0000nul\u001fend\u007f", "tab here nul end"],
		["...hidden", "hidden"],
		["trailing dots... ", "trailing dots"],
		["  spaced   out  ", "spaced out"],
		["CON", "CON_"],
		["nul", "nul_"],
		["com1.txt", "com1.txt_"],
		["Console", "Console"],
		["", "Untitled"],
		["???", "Untitled"],
		["José Álvarez", "José Álvarez"],
		["Jose\u0301 A\u0301lvarez", "José Álvarez"],
		["Zoë 🌟 Ng", "Zoë 🌟 Ng"],
	])("%j → %j", (input, want) => {
		expect(safeFileName(input)).toBe(want);
	});
	it("caps the length in bytes without splitting a character, the same way every time", () => {
		const long = "è".repeat(300);
		const out = safeFileName(long);
		expect(new TextEncoder().encode(`${out} 99.md`).length).toBeLessThanOrEqual(255);
		expect(out).toBe(safeFileName(long));
		expect(out.endsWith("è")).toBe(true);
	});
	it("is idempotent", () => {
		for (const s of ["Rossi: CEO", "CON", "a/b", " x. "]) expect(safeFileName(safeFileName(s))).toBe(safeFileName(s));
	});
});

describe("nameKey", () => {
	it("ignores case, NFC/NFD and extra spaces, but not accents themselves", () => {
		expect(nameKey("  José   ÁLVAREZ ")).toBe(nameKey("jose\u0301 a\u0301lvarez"));
		expect(nameKey("José")).not.toBe(nameKey("Jose"));
	});
});

describe("checkFolder", () => {
	it.each([
		["Events", { folder: "Events" }],
		[" Events / 2026 ", { folder: "Events/2026" }],
		["Events\\Conferences\\", { folder: "Events/Conferences" }],
		["", { folder: "" }],
	])("%j is fine", (input, want) => {
		expect(checkFolder(input, ".obsidian")).toEqual(want);
	});
	it.each([["../outside"], ["Events/../../x"], ["/etc"], ["C:\\Users"], ["\\\\server\\share"], [".obsidian/plugins"], [".Obsidian"]])("%j is refused", (input) => {
		expect(checkFolder(input, ".obsidian")).toHaveProperty("error");
	});
	it("knows a renamed config folder", () => {
		expect(checkFolder(".config/x", ".config")).toHaveProperty("error");
		expect(checkFolder(".obsidian", ".config")).toEqual({ folder: ".obsidian" });
	});
});

describe("freePath", () => {
	it("never takes an existing path, in any case or normalisation", () => {
		const taken = pathSet(["People/Anna Rossi.md", "people/anna rossi 1.md", "People/Jose\u0301.md"]);
		expect(freePath("People", "Anna Rossi", taken)).toBe("People/Anna Rossi 2.md");
		expect(freePath("People", "José", taken)).toBe("People/José 1.md");
		expect(freePath("", "Marco", taken)).toBe("Marco.md");
	});
});
