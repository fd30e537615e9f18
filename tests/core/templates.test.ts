import { describe, expect, it } from "vitest";
import { makeIndex } from "./helpers";
import { templateMatcher, templatePaths } from "../../src/core/templates";
import { defaultSettings } from "../../src/core/settings";
import { PeopleIndex } from "../../src/core/network";

describe("templatePaths", () => {
	it("reads Obsidian's Templates folder, Templater's (while on), the daily template and Rete's own", () => {
		expect(templatePaths({
			templates: { folder: " /Templates/ " },
			communityPlugins: ["templater-obsidian"],
			templater: { templates_folder: "Meta\\Templater" },
			dailyTemplate: "Meta/Day",
			personTemplate: "Meta/Person.md",
			eventTemplate: "",
		})).toEqual({ folders: ["Meta/Templater", "Templates"], notes: ["Meta/Day.md", "Meta/Person.md"] });
	});

	it.each([
		["nothing set", {}],
		["Templater off", { communityPlugins: [], templater: { templates_folder: "Tpl" } }],
		["odd values", { templates: { folder: 3 }, communityPlugins: "x", templater: null, personTemplate: " / " }],
		["a list instead of settings", { templates: ["Templates"] }],
	])("%s: none", (_, sources) => {
		expect(templatePaths(sources)).toEqual({ folders: [], notes: [] });
		expect(templateMatcher(templatePaths(sources))).toBeNull();
	});
});

describe("templateMatcher", () => {
	const is = templateMatcher({ folders: ["Templates"], notes: ["Meta/Person.md"] });
	it.each([
		["Templates/Person.md", true],
		["templates/sub/Event.md", true],
		["Meta/person.md", true],
		["Meta/Person 2.md", false],
		["TemplatesX/Person.md", false],
		["Notes/Templates/Person.md", false],
	])("%s → %s", (path, expected) => {
		expect(is?.(path)).toBe(expected);
	});
	it("matches NFC and NFD spellings alike", () => {
		const m = templateMatcher({ folders: ["Modèles"], notes: [] });
		expect(m?.("Mode\u0300les/Persona.md")).toBe(true);
	});
});

describe("the index reads a template as an empty note", () => {
	const files = {
		"Templates/Person.md": "---\ntags: [person]\ncadence: 30\n---\n- [ ] Follow up with [[Anna]] 📅 2026-11-25\n- 2026-11-01 Met [[Anna]]\n",
		"People/Anna.md": "---\ncadence: 30\n---\n",
	};
	it("never a person, and what it says counts for nobody; links still resolve to it", () => {
		const index = new PeopleIndex({ settings: defaultSettings(), daily: null, templates: { folders: ["Templates"], notes: [] } });
		index.upsert({ path: "People/Anna.md", frontmatter: { cadence: 30 }, body: "" });
		index.upsert({ path: "Templates/Person.md", frontmatter: { tags: ["person"], cadence: 30 }, body: "- [ ] Follow up with [[Anna]]\n- 2026-11-01 Met [[Anna]]\n" });
		expect(index.allPeople().map((p) => p.path)).toEqual(["People/Anna.md"]);
		expect(index.stats()).toMatchObject({ notes: 2, people: 1, interactions: 0, followups: 0, problems: 0 });
		expect(index.isPersonNote("Templates/Person.md", { tags: ["person"] })).toBe(false);
		expect(index.has("Templates/Person.md")).toBe(true);
	});
	it("without template settings the same note is a person (the rule is the settings', not the folder name's)", () => {
		const index = makeIndex(files);
		expect(index.allPeople().map((p) => p.path).sort()).toEqual(["People/Anna.md", "Templates/Person.md"]);
	});
});
