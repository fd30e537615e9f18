import { describe, expect, it } from "vitest";
import { isoFromDay } from "../../src/core/dates";
import { asProperties, inFolder, isPerson, prop, readPerson, tagsOf } from "../../src/core/person";
import { defaultSettings, type ReteSettings } from "../../src/core/settings";

const S = defaultSettings();

describe("who is a person", () => {
	it.each([
		["tags list", "Notes/a.md", { tags: ["person"] }, true],
		["tags string", "Notes/a.md", { tags: "person" }, true],
		["tags with #", "Notes/a.md", { tags: ["#person"] }, true],
		["people tag", "Notes/a.md", { tags: ["people"] }, true],
		["nested tag", "Notes/a.md", { tags: "people/work" }, true],
		["nested tag in a list", "Notes/a.md", { tags: ["friend", "#person/family"] }, true],
		["tags separated by commas", "Notes/a.md", { tags: "friend, person" }, true],
		["tag case", "Notes/a.md", { tags: ["Person"] }, true],
		["singular tag key", "Notes/a.md", { tag: "person" }, true],
		["type", "Notes/a.md", { type: "person" }, true],
		["type in capitals", "Notes/a.md", { type: "PERSON" }, true],
		["type as a link", "Notes/a.md", { type: "[[Person]]" }, true],
		["type in a list", "Notes/a.md", { type: ["contact", "person"] }, true],
		["people folder", "People/a.md", null, true],
		["people folder, nested", "People/Work/a.md", null, true],
		["people folder, other case", "people/a.md", null, true],
		["a tag that only starts like it", "Notes/a.md", { tags: ["personal"] }, false],
		["a folder that only starts like it", "Peoplex/a.md", null, false],
		["type elsewhere", "Notes/a.md", { type: "event" }, false],
		["nothing", "Notes/a.md", {}, false],
		["a tag that is not text", "Notes/a.md", { tags: [1, null, { a: 1 }] }, false],
	])("%s", (_name, path, fm, want) => {
		expect(isPerson(path, asProperties(fm), S)).toBe(want);
	});

	it("follows the settings, and each rule can be turned off", () => {
		const custom: ReteSettings = { ...S, peopleFolder: "Contatti", personTags: ["contatto"], personType: "" };
		expect(isPerson("Contatti/a.md", null, custom)).toBe(true);
		expect(isPerson("People/a.md", null, custom)).toBe(false);
		expect(isPerson("x.md", { tags: ["contatto/lavoro"] }, custom)).toBe(true);
		expect(isPerson("x.md", { tags: ["person"] }, custom)).toBe(false);
		expect(isPerson("x.md", { type: "person" }, custom)).toBe(false);
		expect(isPerson("x.md", { tags: ["person"] }, { ...S, personTags: [] })).toBe(false);
	});
});

describe("properties", () => {
	it("reads keys ignoring case, preferring the exact key", () => {
		expect(prop({ Cadence: "2w" }, "cadence")).toBe("2w");
		expect(prop({ Cadence: "2w", cadence: "3m" }, "cadence")).toBe("3m");
		expect(prop(null, "cadence")).toBeUndefined();
		// Keys whose lower-cased form has another length: only `İ` makes one.
		expect(prop({ "\u0130d": 1 }, "i\u0307d")).toBe(1);
		expect(prop({ CADENCE: 1, cadenc: 2 }, "Cadence")).toBe(1);
		expect(prop({ "\u212Aey": 3 }, "key")).toBe(3);
	});
	it("reads only a note's own keys, in any case, never one it would inherit", () => {
		const inherited = Object.create({ Type: "person", Tags: ["person"] }) as Record<string, unknown>;
		inherited.company = "Acme";
		expect(prop(inherited, "type")).toBeUndefined();
		expect(isPerson("Notes/a.md", asProperties(inherited), S)).toBe(false);
		expect(isPerson("Notes/a.md", { TAGS: ["Person/Family"] }, S)).toBe(true);
		expect(isPerson("Notes/a.md", { TYPE: "Person" }, S)).toBe(true);
	});
	it("treats frontmatter that is a list, a string or a date as no properties", () => {
		expect(asProperties(["a"])).toBeNull();
		expect(asProperties("a")).toBeNull();
		expect(asProperties(new Date())).toBeNull();
		expect(asProperties({ a: 1 })).toEqual({ a: 1 });
	});
	it("reads tags", () => {
		expect(tagsOf({ tags: "#a  b,c" })).toEqual(["a", "b", "c"]);
		expect(tagsOf({ tags: null })).toEqual([]);
	});
});

describe("readPerson", () => {
	const read = (fm: Record<string, unknown>, path = "People/Anna Rossi.md", settings = S) => {
		const problems: string[] = [];
		const p = readPerson(path, fm, settings, (m) => problems.push(m));
		const iso = (d: number | null) => (d === null ? null : isoFromDay(d));
		return { p, problems, last: iso(p.lastContact), met: iso(p.met), snooze: iso(p.snoozeUntil) };
	};
	it("takes the name from `name`, else the file name", () => {
		expect(read({}).p.name).toBe("Anna Rossi");
		expect(read({ name: "Dott.ssa Anna Rossi" }).p.name).toBe("Dott.ssa Anna Rossi");
		expect(read({ name: "  " }).p.name).toBe("Anna Rossi");
		expect(read({ name: 42 }).p.name).toBe("42");
	});
	it("reads dates as strings, Date objects and datetimes", () => {
		const r = read({ last_contact: "2026-11-01", met: new Date(Date.UTC(2020, 4, 3)), snooze_until: "2026-12-01T09:00" });
		expect([r.last, r.met, r.snooze, r.problems]).toEqual(["2026-11-01", "2020-05-03", "2026-12-01", []]);
	});
	it("reports bad values with their key and carries on", () => {
		const r = read({ cadence: "sometimes", last_contact: "2026-02-30", met: "ieri", birthday: "31-12", snooze_until: 5 });
		expect(r.p.cadence).toBeNull();
		expect(r.last).toBeNull();
		expect(r.problems).toHaveLength(5);
		expect(r.problems.join("\n")).toMatch(/unknown cadence "sometimes"[\s\S]*last_contact: impossible date[\s\S]*met:[\s\S]*birthday:[\s\S]*snooze_until:/);
	});
	it.each([
		["1990-11-23", { month: 11, day: 23, year: 1990 }],
		["11-23", { month: 11, day: 23, year: null }],
		["--02-29", { month: 2, day: 29, year: null }],
		["02-29", { month: 2, day: 29, year: null }],
		["1984-02-29", { month: 2, day: 29, year: 1984 }],
	])("birthday %j", (value, want) => {
		expect(read({ birthday: value }).p.birthday).toEqual(want);
	});
	it.each([["02-30"], ["13-01"], ["1985-02-29"], ["tomorrow"]])("birthday %j is a problem", (value) => {
		const r = read({ birthday: value });
		expect(r.p.birthday).toBeNull();
		expect(r.problems).toHaveLength(1);
	});
	it("keeps display properties as written, never coerced", () => {
		const r = read({ phone: "0123", company: "Acme", role: ["CTO", "Founder"], linkedin: "[[Anna LinkedIn]]", email: null, location: { city: "Torino" } });
		expect(r.p).toMatchObject({ phone: "0123", company: "Acme", role: "CTO, Founder", linkedin: "[[Anna LinkedIn]]" });
		expect(r.p.email).toBeUndefined();
		expect(r.p.location).toBeUndefined();
	});
	it("uses the default cadence from the settings when the person has none", () => {
		expect(read({}, "People/a.md", { ...S, defaultCadence: "3m" }).p.cadence).toEqual({ count: 3, unit: "month" });
		expect(read({ cadence: "2w" }, "People/a.md", { ...S, defaultCadence: "3m" }).p.cadence).toEqual({ count: 2, unit: "week" });
	});
});

describe("inFolder", () => {
	const reference = (path: string, folder: string): boolean => folder !== "" && path.normalize("NFC").toLowerCase().startsWith(`${folder.normalize("NFC").toLowerCase()}/`);
	const folders = ["People", "people", "PEOPLE", "Persone/Clienti", "Città", "Citta\u0300", "\u0130stanbul", "A", "People/", ""];
	const paths = [
		"People/Anna.md", "people/anna.md", "PEOPLE/X.md", "People", "People.md", "Peoplex/Anna.md", "PeopleAnna.md", "People/", "Persone/Clienti/Bo.md",
		"persone/clienti/sub/Bo.md", "Persone/Client/Bo.md", "Città/Roma.md", "Citta\u0300/Roma.md", "CITTÀ/Roma.md", "i\u0307stanbul/Ayşe.md", "\u0130stanbul/Ayşe.md",
		"A/b.md", "a/b.md", "Ab/c.md", "People\u0301/Anna.md", "People/\u0301Anna.md", "People//Anna.md", "", "/People/Anna.md", "\u212Aate/x.md",
	];
	it("says what normalising and lower-casing both say, for paths and folders written every way", () => {
		for (const folder of folders) for (const path of paths) expect(inFolder(path, folder), `${path} in ${folder}`).toBe(reference(path, folder));
		expect(paths.filter((p) => inFolder(p, "People")).length).toBe(6);
	});
});

