// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { builtIndex } from "./app";

const TEMPLATE = "---\ntags: [person]\ncadence: 3m\n---\n# {{title}}\n- [ ] Follow up with [[Anna]]\n";
const ANNA = { "People/Anna.md": "---\ncadence: 30\n---\n" };

describe("template notes are never people (the plugin reads Obsidian's template settings)", () => {
	it.each<[string, Record<string, string>, Record<string, unknown>]>([
		["Obsidian's Templates folder", { ".obsidian/templates.json": '{"folder":"Templates"}', "Templates/Person.md": TEMPLATE }, {}],
		["Templater's folder", { ".obsidian/community-plugins.json": '["templater-obsidian"]', ".obsidian/plugins/templater-obsidian/data.json": '{"templates_folder":"Tpl"}', "Tpl/Person.md": TEMPLATE }, {}],
		["Rete's person template setting", { "Models/Person.md": TEMPLATE }, { personTemplate: "Models/Person" }],
	])("%s", async (_, files, settings) => {
		const { index } = await builtIndex({ ...ANNA, ...files }, settings);
		expect(index.index.allPeople().map((p) => p.path)).toEqual(["People/Anna.md"]);
		expect(index.index.openFollowups()).toEqual([]);
	});

	it("a note in a folder named Templates, with no template setting, is a person like any other", async () => {
		const { index } = await builtIndex({ ...ANNA, "Templates/Person.md": TEMPLATE });
		expect(index.index.allPeople().map((p) => p.path).sort()).toEqual(["People/Anna.md", "Templates/Person.md"]);
	});
});
