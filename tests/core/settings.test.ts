import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, defaultSettings, migrateSettings, normalizeFolder, readDailyNoteConfig } from "../../src/core/settings";

describe("migrateSettings", () => {
	it("gives a copy of the defaults for nothing saved", () => {
		const { settings, warnings } = migrateSettings(undefined);
		expect(settings).toEqual(defaultSettings());
		expect(warnings).toEqual([]);
		settings.personTags.push("x");
		expect(DEFAULT_SETTINGS.personTags).toEqual(["person", "people"]);
	});
	it("merges valid saved values into the defaults", () => {
		const { settings, warnings } = migrateSettings({ peopleFolder: "Contatti/", personTags: ["#Contatto", "cliente"], horizon: 14 });
		expect(settings).toMatchObject({ peopleFolder: "Contatti", personTags: ["contatto", "cliente"], horizon: 14, personType: "person", logHeading: "## Log" });
		expect(warnings).toEqual([]);
	});
	it.each([
		["a string", "garbage"],
		["a list", [1, 2]],
		["a number", 3],
	])("falls back to the defaults when the file is %s", (_n, saved) => {
		const { settings, warnings } = migrateSettings(saved);
		expect(settings).toEqual(defaultSettings());
		expect(warnings.length).toBe(1);
	});
	it("repairs each bad value on its own and says so", () => {
		const { settings, warnings } = migrateSettings({ horizon: -1, peopleFolder: 7, personTags: [1], personType: "Contact" });
		expect(settings.horizon).toBe(7);
		expect(settings.peopleFolder).toBe("People");
		expect(settings.personTags).toEqual(["person", "people"]);
		expect(settings.personType).toBe("Contact");
		expect(warnings).toHaveLength(3);
	});
	it("accepts tags written as one string and a horizon written as text", () => {
		expect(migrateSettings({ personTags: "person, contact", horizon: "10" }).settings).toMatchObject({ personTags: ["person", "contact"], horizon: 10 });
	});
	it("warns about a newer version but keeps what it understands", () => {
		const r = migrateSettings({ version: 99, horizon: 3 });
		expect(r.settings.horizon).toBe(3);
		expect(r.warnings[0]).toMatch(/newer/);
	});
});

describe("folders", () => {
	it.each([
		["People", "People"],
		["/People/", "People"],
		[" People / Work ", "People/Work"],
		["People\\Work\\", "People/Work"],
		["./People", "People"],
		["", ""],
		["/", ""],
	])("%j → %j", (input, want) => {
		expect(normalizeFolder(input)).toBe(want);
	});
	it("reads the daily-notes config defensively", () => {
		expect(readDailyNoteConfig(undefined)).toEqual({ folder: "", format: "YYYY-MM-DD" });
		expect(readDailyNoteConfig({ folder: "Journal/", format: " DD-MM-YYYY ", template: "T/Daily" })).toEqual({ folder: "Journal", format: "DD-MM-YYYY", template: "T/Daily" });
		expect(readDailyNoteConfig({ folder: 3, format: "" })).toEqual({ folder: "", format: "YYYY-MM-DD" });
		expect(readDailyNoteConfig("nonsense")).toEqual({ folder: "", format: "YYYY-MM-DD" });
	});
});
