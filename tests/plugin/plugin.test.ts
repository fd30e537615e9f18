// @vitest-environment happy-dom
import type { PluginManifest } from "obsidian";
import { Notice, Plugin, Setting, TextComponent } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeApp, settle, waitFor } from "./app";
import RetePlugin from "../../src/plugin/main";
import { PeopleDueView, VIEW_TYPE } from "../../src/plugin/view";

const manifest: PluginManifest = { id: "rete", name: "Rete", version: "0.1.0", minAppVersion: "1.8.7", description: "", author: "", isDesktopOnly: false };

const FILES = {
	"People/Anna Rossi.md": "---\ncadence: 2w\ncompany: Acme\n---\n## Log\n- 2026-10-01 Coffee\n",
	"Journal/2026-11-01.md": "- [ ] Send [[Anna Rossi]] the deck 📅 2026-11-05\n",
};

function notices(): string[] {
	return spyNotice.mock.calls.map(([message]) => (typeof message === "string" ? message : (message.textContent ?? "")));
}
const spyNotice = vi.spyOn(Notice.prototype, "constructor__");

afterEach(() => spyNotice.mockClear());

async function loaded(files: Record<string, string> = FILES, data?: unknown) {
	const { app, obsidian } = makeApp(files);
	const plugin = new RetePlugin(obsidian, manifest);
	const mock = Plugin.fromOriginalType2__(plugin);
	if (data instanceof Error) vi.spyOn(mock, "loadData").mockRejectedValue(data);
	else if (data !== undefined) mock.data__ = data;
	const writes = [vi.spyOn(app.vault, "process"), vi.spyOn(app.vault, "modify"), vi.spyOn(app.vault, "create"), vi.spyOn(app.fileManager, "processFrontMatter"), vi.spyOn(mock, "saveData")];
	// Obsidian calls load(), which marks the plugin loaded and then runs onload().
	plugin.load();
	await waitFor(() => mock.settingTabs__.length > 0);
	return { app, plugin, mock, writes };
}

describe("the plugin", () => {
	it("registers its view, ribbon icon, settings tab and commands, none with a hotkey", async () => {
		const { mock } = await loaded();
		expect([...mock.commands__.keys()].sort()).toEqual(["add-people-to-event", "add-reach-outs-to-daily-note", "log-interaction", "log-interaction-active", "mark-follow-up-done", "new-person", "new-post-event-note", "open-people-due", "rebuild-index", "set-cadence", "snooze-person"]);
		for (const command of mock.commands__.values()) expect(command.hotkeys).toBeUndefined();
		expect([...mock.views__.keys()]).toEqual([VIEW_TYPE]);
		expect(mock.ribbonActions__).toHaveLength(1);
		expect(mock.settingTabs__).toHaveLength(1);
	});

	it("writes nothing at start-up, before or after the layout is ready", async () => {
		const { app, plugin, writes } = await loaded();
		await settle();
		app.workspace.setLayoutReady__();
		await settle();
		await app.vault.create("Journal/2026-11-19.md", "- [[Anna Rossi]]\n");
		await settle(5);
		expect(writes[2]).toHaveBeenCalledTimes(1); // the test's own create
		for (const w of [writes[0], writes[1], writes[3], writes[4]]) expect(w).not.toHaveBeenCalled();
		plugin.unload();
	});

	it("falls back to the defaults on a corrupt settings file, says so, and writes nothing, to notes or settings (fault case 31)", async () => {
		const { app, plugin, writes } = await loaded(FILES, new SyntaxError("Unexpected token } in JSON"));
		expect(plugin.settings.peopleFolder).toBe("People");
		expect(notices().join("\n")).toMatch(/settings file could not be read.*Unexpected token/);
		// The index is built once the layout is ready: still nothing is written anywhere.
		app.workspace.setLayoutReady__();
		await waitFor(() => (plugin as unknown as { index: { ready: boolean } }).index.ready);
		await settle();
		for (const write of writes) expect(write).not.toHaveBeenCalled();
	});

	it("merges saved settings into a copy of the defaults and reports bad values", async () => {
		const { plugin } = await loaded(FILES, { horizon: 14, personTags: "contatto", logHeading: 3 });
		expect(plugin.settings).toMatchObject({ horizon: 14, personTags: ["contatto"], logHeading: "## Log", peopleFolder: "People" });
		expect(notices().join("\n")).toMatch(/logHeading/);
	});

	it("opens the view in the right sidebar, which lists who is due", async () => {
		const { app, mock } = await loaded();
		app.workspace.setLayoutReady__();
		await settle();
		const open = mock.commands__.get("open-people-due");
		open?.callback?.();
		await waitFor(() => app.workspace.getLeavesOfType(VIEW_TYPE).length === 1);
		const leaf = app.workspace.getLeavesOfType(VIEW_TYPE)[0];
		// The fake workspace records the view state; Obsidian would now call the registered creator.
		const view = leaf ? mock.views__.get(VIEW_TYPE)?.(leaf.asOriginalType3__()) : undefined;
		expect(view).toBeInstanceOf(PeopleDueView);
		if (!(view instanceof PeopleDueView)) return;
		await view.onOpen();
		await waitFor(() => view.contentEl.querySelectorAll(".rete-row").length > 0);
		const names = [...view.contentEl.querySelectorAll(".rete-name")].map((e) => e.textContent);
		expect(names).toContain("Anna Rossi");
		expect(view.contentEl.querySelector(".rete-filter")).not.toBeNull();
	});

	it("marks a follow-up done from the view with one write, and its own write causes no other", async () => {
		const { app, mock, writes } = await loaded();
		app.workspace.setLayoutReady__();
		await settle();
		const leaf = app.workspace.getRightLeaf(false);
		const view = leaf ? mock.views__.get(VIEW_TYPE)?.(leaf.asOriginalType3__()) : undefined;
		if (!(view instanceof PeopleDueView)) throw new Error("no view");
		await view.onOpen();
		await waitFor(() => view.contentEl.querySelector("button[aria-label='Mark follow-up done']") !== null);
		(view.contentEl.querySelector("button[aria-label='Mark follow-up done']") as HTMLButtonElement).click();
		await waitFor(() => writes[0]?.mock.calls.length === 1);
		const journal = app.vault.getFileByPath("Journal/2026-11-01.md");
		if (!journal) throw new Error("fixture");
		await waitFor(() => notices().includes("Follow-up done."));
		expect(await app.vault.read(journal)).toMatch(/^- \[x\] Send \[\[Anna Rossi\]\] the deck 📅 2026-11-05 ✅ \d{4}-\d{2}-\d{2}\n$/);
		await settle(20);
		expect(writes[0]).toHaveBeenCalledTimes(1);
		for (const w of [writes[1], writes[3], writes[4]]) expect(w).not.toHaveBeenCalled();
		await waitFor(() => view.contentEl.querySelector("button[aria-label='Mark follow-up done']") === null);
	});
});

describe("the settings tab", () => {
	it("shows every setting, saves a change and reads the vault again with it", async () => {
		const { plugin, mock, writes } = await loaded();
		const tab = mock.settingTabs__[0];
		if (!tab) throw new Error("no tab");
		const named = vi.spyOn(Setting.prototype, "setName");
		const texts = vi.spyOn(TextComponent, "create__");
		tab.display();
		const names = named.mock.calls.map(([n]) => (typeof n === "string" ? n : n.textContent));
		expect(names).toEqual(["People folder", "Person tags", "Person type", "Default cadence", "Horizon", "Log heading", "Keep the index on this device", "After the event", "Events folder", "Kinds of event", "Follow up after", "Follow-up action", "Event template", "Person template", "Daily notes", "Reach-out heading", "Add reach-outs when today's daily note is created", "Log interactions in", "Daily-note log heading"]);
		const folder = texts.mock.results[0];
		if (folder?.type !== "return") throw new Error("no input");
		folder.value.setValue("Contatti/");
		await waitFor(() => (writes[4]?.mock.calls.length ?? 0) > 0, 3000);
		expect(plugin.settings.peopleFolder).toBe("Contatti");
		expect(mock.data__).toMatchObject({ peopleFolder: "Contatti" });
	});
});
