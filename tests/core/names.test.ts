import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFolder, freePath, nameKey, pathKey, pathSet, safeFileName } from "../../src/core/names";

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
		["com1.txt", "com1_.txt"],
		["NUL.tar.gz", "NUL_.tar.gz"],
		["com1.txt_", "com1_.txt_"],
		["Console", "Console"],
		["", "Untitled"],
		["???", "Untitled"],
		["José Álvarez", "José Álvarez"],
		["Jose\u0301 A\u0301lvarez", "José Álvarez"],
		["Zoë 🌟 Ng", "Zoë 🌟 Ng"],
		[". .env", "env"],
		[".. ..x", "x"],
		[" . hidden . ", "hidden"],
		["\u3000.x", "x"],
		["\u200B.env", "env"],
		["\uFEFF. \u200D.x\u2060 .", "x"],
		["a\u0085b\u009Bc\u0080d\u009Fe", "a b c d e"],
		["\u0085.env", "env"],
		["\u200B", "Untitled"],
		["\u200C\u200D\u2060\uFEFF", "Untitled"],
		[". \u200B .", "Untitled"],
		["\u200E\u202E", "Untitled"],
		["\uFE0F", "Untitled"],
		["\u0085\u009F", "Untitled"],
		["\u200BCON", "CON_"],
		["I ❤\uFE0F NY", "I ❤\uFE0F NY"],
		["Team ❤\uFE0F", "Team ❤\uFE0F"],
		["Family 👨\u200D👩\u200D👧", "Family 👨\u200D👩\u200D👧"],
		["Anna\u200B", "Anna"],
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
		for (const s of ["Rossi: CEO", "CON", "a/b", " x. ", ". .env", "\u200B", "a\u0085b"]) expect(safeFileName(safeFileName(s))).toBe(safeFileName(s));
	});
	it("uses the given fallback for a name that shows nothing", () => {
		expect(safeFileName("\u200B\u200C", "Event")).toBe("Event");
		expect(safeFileName(" . ", "Event")).toBe("Event");
	});
	it("is safe, non-empty and stable for any name (property)", () => {
		const parts = [".", " ", "\t", "\u00A0", "\u3000", "\u200B", "\u200C", "\u200D", "\u200E", "\u2060", "\uFEFF", "\u202E", "\u00AD", "\u0000", "\u001F", "\u007F", "\u0080", "\u0085", "\u009F", "/", ":", "#", "[", "a", "Z", "é", "e\u0301", "\u0301", "CON", "nul", "com1", "è", "❤", "\uFE0F", "😀", "\u{E007F}", "一"];
		const name = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.array(fc.constantFrom(...parts), { maxLength: 140 }).map((a) => a.join("")));
		fc.assert(
			fc.property(name, (input) => {
				const out = safeFileName(input);
				expect(safeFileName(out)).toBe(out);
				expect(out).not.toBe("");
				expect(out).toBe(out.normalize("NFC"));
				expect(out).not.toMatch(/^[\s.\p{Default_Ignorable_Code_Point}]/u);
				expect(out).not.toMatch(/[\s.]$/u);
				expect([...out].map((ch) => ch.codePointAt(0) ?? 0).filter((c) => c < 0x20 || (c >= 0x7f && c <= 0x9f))).toEqual([]);
				expect(out).not.toMatch(/[\\/:*?"<>|#^[\]]/);
				expect(new TextEncoder().encode(`${out} 99.md`).length).toBeLessThanOrEqual(255);
			}),
			{ numRuns: 1000 },
		);
	});
});

describe("nameKey", () => {
	it("ignores case, NFC/NFD and extra spaces, but not accents themselves", () => {
		expect(nameKey("  José   ÁLVAREZ ")).toBe(nameKey("jose\u0301 a\u0301lvarez"));
		expect(nameKey("José")).not.toBe(nameKey("Jose"));
	});
});

describe("pathKey", () => {
	it("ignores case and NFC/NFD, but not spaces", () => {
		expect(pathKey("Journal/Diário/2026-11-20.md")).toBe(pathKey("journal/Dia\u0301rio/2026-11-20.MD"));
		expect(pathKey("a b.md")).not.toBe(pathKey("a  b.md"));
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
