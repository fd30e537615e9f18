/** Who is a person: tags, type, the people folder, display names, and settings that change the rules. */
import { afterAll, describe, expect, it } from "vitest";
import { ALL, cleanupTemp, dueOf, type Files, note, reteSettings } from "./helpers";

afterAll(cleanupTemp);

const TODAY = "2026-11-20";

/** Every note gets `cadence: 30` and no contact, so each person is listed (due today) and nobody else is. */
function listed(files: Files, today = TODAY): string[] {
	return dueOf(files, today, ALL).json.items.filter((i) => i.reason === "cadence").map((i) => i.path);
}

describe("a note is a person by tag, type or folder", () => {
	const cases: Array<[string, string[], boolean]> = [
		["tags list with person", ["tags:", "  - person"], true],
		["tags list with people", ["tags: [people]"], true],
		["tags as one string", ["tags: person"], true],
		["tags as a comma/space separated string", ["tags: vip, people"], true],
		["tag with # (quoted)", ['tags: "#person"'], true],
		["tag with # in a list", ['tags: ["#people"]'], true],
		["nested tag people/work", ["tags: [people/work]"], true],
		["nested tag person/family/close", ["tags:", "  - person/family/close"], true],
		["tag in another case", ["tags: [Person]"], true],
		["singular key `tag`", ["tag: person"], true],
		["type: person", ["type: person"], true],
		["type: Person", ["type: Person"], true],
		["type: PERSON", ["type: PERSON"], true],
		["Type key in another case", ["Type: person"], true],
		["type as a link", ['type: "[[Person]]"'], true],
		["unrelated tag", ["tags: [project]"], false],
		["tag that only starts like person", ["tags: [personal]"], false],
		["tag with person as a child, not a parent", ["tags: [work/person]"], false],
		["type: company", ["type: company"], false],
		["no properties", [], false],
	];
	it.each(cases)("%s → %s", (_name, props, isPerson) => {
		const files = { "Notes/Someone.md": note(["cadence: 30", ...props]) };
		expect(listed(files)).toEqual(isPerson ? ["Notes/Someone.md"] : []);
	});

	it("any note under People/ (at any depth, any case of the folder) is a person", () => {
		const files = {
			"People/Anna.md": note(["cadence: 30"]),
			"People/Work/Bruno.md": note(["cadence: 30"]),
			"people/Carla.md": note(["cadence: 30"]),
			"PeopleArchive/Dario.md": note(["cadence: 30"]),
			"Projects/People/Ezio.md": note(["cadence: 30"]),
		};
		expect(listed(files).sort()).toEqual(["People/Anna.md", "People/Work/Bruno.md", "people/Carla.md"]);
	});

	it("a note that is not a person is not listed even when linked from tasks", () => {
		const files = {
			"Projects/Launch.md": note(["cadence: 30", "tags: [project]"]),
			"Inbox.md": "- [ ] finish [[Launch]]\n",
		};
		const { json } = dueOf(files, TODAY, ALL);
		expect(json.items).toEqual([]);
	});
});

describe("display name", () => {
	it("is `name` when set, else the file's basename", () => {
		const files = {
			"People/anna-rossi.md": note(["name: Dott.ssa Anna Rossi", "cadence: 30"]),
			"People/Bruno Bianchi.md": note(["cadence: 30"]),
			"People/Carla.md": note(['name: ""', "cadence: 30"]),
		};
		const { json } = dueOf(files, TODAY, ALL);
		const names = Object.fromEntries(json.items.map((i) => [i.path, i.person]));
		expect(names).toEqual({
			"People/anna-rossi.md": "Dott.ssa Anna Rossi",
			"People/Bruno Bianchi.md": "Bruno Bianchi",
			"People/Carla.md": "Carla",
		});
	});

	it("links name the file, and the item is reported under the display name", () => {
		const files = {
			"People/anna-rossi.md": note(["name: Anna Rossi", "cadence: 1000"]),
			"2026-11-10.md": "- lunch with [[anna-rossi]]\n",
		};
		const { json } = dueOf(files, TODAY, ALL);
		expect(json.items.map((i) => [i.person, i.lastContact])).toEqual([["Anna Rossi", "2026-11-10"]]);
	});

	it("company and role come along in JSON", () => {
		const files = { "People/Anna.md": note(["cadence: 30", "company: ACME", "role: CTO"]) };
		const { json } = dueOf(files, TODAY, ALL);
		expect(json.items[0]).toMatchObject({ person: "Anna", company: "ACME", role: "CTO" });
	});
});

describe("settings change who is a person", () => {
	const files: Files = {
		...reteSettings({ peopleFolder: "Contatti", personTags: ["contatto"] }),
		"Contatti/Anna.md": note(["cadence: 30"]),
		"Contatti/Sub/Bruno.md": note(["cadence: 30"]),
		"Altro/Carla.md": note(["cadence: 30", "tags: [contatto]"]),
		"Altro/Dario.md": note(["cadence: 30", "tags: [contatto/lavoro]"]),
		"Altro/Elsa.md": note(["cadence: 30", "type: person"]),
		"People/Franco.md": note(["cadence: 30"]),
		"Altro/Gino.md": note(["cadence: 30", "tags: [person, people]"]),
	};

	it('peopleFolder "Contatti" and personTags ["contatto"] replace People/ and person/people', () => {
		expect(listed(files).sort()).toEqual(["Altro/Carla.md", "Altro/Dario.md", "Altro/Elsa.md", "Contatti/Anna.md", "Contatti/Sub/Bruno.md"]);
	});

	it("settings are read leniently: folder with slashes, tags with # and in any case, tags as one string", () => {
		const base: Files = {
			"Contatti/Anna.md": note(["cadence: 30"]),
			"Altro/Carla.md": note(["cadence: 30", "tags: [contatto]"]),
			"Altro/Dario.md": note(["cadence: 30", "tags: [cliente]"]),
		};
		const all = ["Altro/Carla.md", "Altro/Dario.md", "Contatti/Anna.md"];
		expect(listed({ ...base, ...reteSettings({ peopleFolder: "/Contatti/ ", personTags: ["#Contatto", "CLIENTE"] }) }).sort()).toEqual(all);
		expect(listed({ ...base, ...reteSettings({ peopleFolder: "Contatti", personTags: "contatto, cliente" }) }).sort()).toEqual(all);
	});

	it("invalid settings are warnings on stderr; their defaults apply", () => {
		const r = dueOf(
			{ ...reteSettings({ horizon: -3, personTags: 5, peopleFolder: 7 }), "People/Anna.md": note(["cadence: 30", "tags: person"]) },
			TODAY,
		);
		expect(r.code).toBe(0);
		expect(r.json.horizon).toBe(7);
		expect(r.json.items.map((i) => i.path)).toEqual(["People/Anna.md"]);
		const warnings = r.err.trimEnd().split("\n");
		expect(warnings).toHaveLength(3);
		for (const w of warnings) expect(w).toMatch(/^rete: warning: settings: .*(horizon|personTags|peopleFolder)/);
	});

	it("personType changes the type that makes a person; an empty one turns the rule off", () => {
		const base: Files = {
			"A/Contact.md": note(["cadence: 30", "type: Contact"]),
			"A/Person.md": note(["cadence: 30", "type: person"]),
		};
		expect(listed({ ...base, ...reteSettings({ personType: "contact" }) })).toEqual(["A/Contact.md"]);
		expect(listed({ ...base, ...reteSettings({ personType: "" }) })).toEqual([]);
	});

	it("an empty peopleFolder turns the folder rule off", () => {
		const vault: Files = {
			...reteSettings({ peopleFolder: "" }),
			"People/Anna.md": note(["cadence: 30"]),
			"People/Bruno.md": note(["cadence: 30", "tags: person"]),
		};
		expect(listed(vault)).toEqual(["People/Bruno.md"]);
	});

	it("links to a person found by the new rules count", () => {
		const vault: Files = {
			...reteSettings({ peopleFolder: "Contatti", personTags: ["contatto"] }),
			"Contatti/Anna.md": note(["cadence: 1000"]),
			"Diario/Riunione.md": note(["date: 2026-11-12"], ["- riunione con [[Anna]]"]),
		};
		const { json } = dueOf(vault, TODAY, ALL);
		expect(json.items.map((i) => [i.person, i.lastContact])).toEqual([["Anna", "2026-11-12"]]);
	});
});

describe("template notes are patterns, never people, interactions or follow-ups", () => {
	const template = note(["tags: [person]", "cadence: 3m"], ["- [ ] Follow up with [[{{title}}]]", "- 2026-11-01 Met [[Anna]]"]);
	const anna = note(["cadence: 30"]);
	const base: Files = { "People/Anna.md": anna };

	it.each<[string, Files, string[]]>([
		["Obsidian's Templates folder", { ".obsidian/templates.json": '{"folder":"Templates"}', "Templates/Person.md": template }, ["People/Anna.md"]],
		["the folder in another case, with slashes", { ".obsidian/templates.json": '{"folder":"/templates/"}', "Templates/Sub/Person.md": template }, ["People/Anna.md"]],
		["Templater's folder, while Templater is on", { ".obsidian/community-plugins.json": '["templater-obsidian"]', ".obsidian/plugins/templater-obsidian/data.json": '{"templates_folder":"Tpl"}', "Tpl/Person.md": template }, ["People/Anna.md"]],
		["Templater's folder, Templater off: a person", { ".obsidian/community-plugins.json": "[]", ".obsidian/plugins/templater-obsidian/data.json": '{"templates_folder":"Tpl"}', "Tpl/Person.md": template }, ["People/Anna.md", "Tpl/Person.md"]],
		["Rete's person template setting", { ...reteSettings({ personTemplate: "Models/Person" }), "Models/Person.md": template }, ["People/Anna.md"]],
		["the daily note's template", { ".obsidian/daily-notes.json": '{"template":"Models/Day"}', "Models/Day.md": template }, ["People/Anna.md"]],
		["no template settings: a person like any other", { "Templates/Person.md": template }, ["People/Anna.md", "Templates/Person.md"]],
	])("%s", (_, files, people) => {
		const { json } = dueOf({ ...base, ...files }, TODAY, ALL);
		expect(json.items.filter((i) => i.reason === "cadence").map((i) => i.path).sort()).toEqual(people);
		const fromTemplate = people.length === 1;
		// The template's follow-up and its dated bullet are nobody's.
		if (fromTemplate) {
			expect(json.items.filter((i) => i.reason === "followup")).toEqual([]);
			expect(json.items.find((i) => i.path === "People/Anna.md")?.lastContact ?? null).toBeNull();
			expect(json.problems).toEqual([]);
		}
	});
});
