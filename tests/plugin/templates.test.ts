// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { defaultSettings } from "../../src/core/settings";
import { ReteIndex } from "../../src/plugin/people-index";
import { builtIndex, dailyFor, makeApp, waitFor } from "./app";

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

describe("a change of which notes are templates", () => {
	it("reads again only the notes it concerns, never the whole vault", async () => {
		const settings = defaultSettings();
		const { app, obsidian } = makeApp({ ...ANNA, "Models/Person.md": TEMPLATE, "Journal/2026-11-10.md": "- Coffee with [[Anna]]\n" });
		const index = new ReteIndex(obsidian, () => settings, dailyFor(obsidian));
		index.load();
		app.workspace.setLayoutReady__();
		await waitFor(() => index.ready);
		const people = (): string[] => index.index.allPeople().map((p) => p.path).sort();
		expect(people()).toEqual(["Models/Person.md", "People/Anna.md"]);
		const rebuild = vi.spyOn(index, "rebuild");
		const read = vi.spyOn(app.vault, "cachedRead");
		settings.personTemplate = "Models/Person";
		await index.settingsChanged();
		expect(people()).toEqual(["People/Anna.md"]);
		settings.personTemplate = "";
		await index.settingsChanged();
		await waitFor(() => people().length === 2);
		expect(index.index.person("Models/Person.md")?.cadence).toEqual({ count: 3, unit: "month" });
		expect(rebuild).not.toHaveBeenCalled();
		// The template note alone was read again (to find its people and dates).
		expect(read.mock.calls.map(([f]) => f.path)).toEqual(["Models/Person.md"]);
	});
});
