// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultSettings, type ReteSettings } from "../../src/core/settings";
import { DailyNotes } from "../../src/plugin/daily-notes";
import { ReteIndex } from "../../src/plugin/people-index";
import { ReachOut } from "../../src/plugin/reach-out";
import { dailyFor, settle, waitFor } from "./app";
import { messages, openInEditor, testVault } from "./writes-helpers";

const NOW = { year: 2026, month: 11, day: 20, hour: 7, minute: 45 };
const PEOPLE = {
	"People/Anna Rossi.md": "---\ncadence: monthly\n---\n- 2026-10-01 Coffee\n",
	"People/Zoë Ng.md": "---\nbirthday: 11-23\n---\n",
	"Notes/Plan.md": "- [ ] Send [[Anna Rossi]] the deck 📅 2026-11-25\n",
};

async function setup(files: Record<string, string>, over: Partial<ReteSettings> = {}) {
	const v = testVault({ ...PEOPLE, ...files });
	const settings = { ...defaultSettings(), ...over };
	const daily = new DailyNotes(v.obsidian, () => messages, () => undefined);
	await daily.refresh();
	const index = new ReteIndex(v.obsidian, () => settings, dailyFor(v.obsidian));
	index.load();
	v.app.workspace.setLayoutReady__();
	await waitFor(() => index.ready);
	const reach = new ReachOut(v.obsidian, index, daily, v.writer, () => messages, () => settings, () => NOW, { quietMs: 20, maxWaitMs: 200 });
	return { ...v, daily, index, reach, settings };
}

afterEach(() => vi.restoreAllMocks());

describe("the daily-note settings", () => {
	it.each([
		[{}, "2026-11-20.md"],
		[{ ".obsidian/daily-notes.json": '{"folder":"Journal/Daily","format":"DD-MM-YYYY"}' }, "Journal/Daily/20-11-2026.md"],
		[{ ".obsidian/daily-notes.json": '{"format":"YYYY/MM/YYYY-MM-DD dddd"}' }, "2026/11/2026-11-20 Friday.md"],
		[{ ".obsidian/daily-notes.json": "{broken" }, "2026-11-20.md"],
		[
			{ ".obsidian/community-plugins.json": '["periodic-notes"]', ".obsidian/plugins/periodic-notes/data.json": '{"daily":{"enabled":true,"folder":"Days","format":"YYYY-MM-DD"}}', ".obsidian/daily-notes.json": '{"folder":"Journal"}' },
			"Days/2026-11-20.md",
		],
	])("%j → today's note is %s", async (files, path) => {
		const { daily } = await setup(files);
		expect(daily.pathOf(20777)).toBe(path);
	});

	it("notices a change made in Obsidian's settings without a restart", async () => {
		const changed = vi.fn();
		const v = testVault({ ".obsidian/daily-notes.json": '{"folder":"A"}' });
		const daily = new DailyNotes(v.obsidian, () => messages, changed);
		expect(await daily.refresh()).toBe(true);
		expect(await daily.refresh()).toBe(false);
		await v.app.vault.adapter.write(".obsidian/daily-notes.json", '{"folder":"B"}');
		expect(await daily.refresh()).toBe(true);
		expect(changed).toHaveBeenCalledTimes(1);
		expect(daily.current.folder).toBe("B");
	});
});

describe("Add today's reach-outs to the daily note", () => {
	it("creates today's note from the daily template, then writes the section", async () => {
		const v = await setup({ ".obsidian/daily-notes.json": '{"folder":"Journal","template":"Templates/Daily"}', "Templates/Daily.md": "# {{date:dddd D MMMM}}\n\n## Notes\n" });
		await v.reach.addToToday();
		const text = await v.read("Journal/2026-11-20.md");
		expect(text).toMatch(/^# Friday 20 November\n\n## Notes\n\n## Reach out\n- \[ \] \[\[Anna Rossi\]\] · last contact 50 days ago \^rete-c-anna-rossi-\w+\n- \[ \] \[\[Zoë Ng\]\] · birthday on Monday \^rete-b-zoe-ng-\w+\n- \[ \] \[\[Anna Rossi\]\] · Send Anna Rossi the deck 📅 2026-11-25 \^rete-f-anna-rossi-\w+\n$/);
		expect(v.notices()).toContain("Added 3 reach-outs to Journal/2026-11-20.md.");
	});

	it("run again, keeps checked and edited lines, adds nothing twice, the rest byte for byte", async () => {
		const v = await setup({});
		await v.reach.addToToday();
		const first = await v.read("2026-11-20.md");
		const edited = first.replace("- [ ] [[Anna Rossi]] · last contact 50 days ago", "- [x] [[Anna Rossi]] · called her!").replace("## Reach out", "Morning notes\r\n## Reach out");
		await v.app.vault.adapter.write("2026-11-20.md", edited);
		await v.reach.addToToday();
		expect(await v.read("2026-11-20.md")).toBe(edited);
		expect(v.notices()).toContain("The reach-out list in 2026-11-20.md is already up to date.");
	});

	it("counts a checked reach-out as a contact that day, and open ones are not follow-ups", async () => {
		const v = await setup({});
		await v.reach.addToToday();
		const text = await v.read("2026-11-20.md");
		await v.app.vault.modify(v.app.vault.getFileByPath("2026-11-20.md")!, text.replace("- [ ] [[Anna Rossi]] · last", "- [x] [[Anna Rossi]] · last"));
		await settle(5);
		const due = v.index.index.due(20777, 7).map((i) => `${i.person} ${i.reason}`);
		expect(due).not.toContain("Anna Rossi cadence");
		expect(due.filter((d) => d === "Anna Rossi followup")).toHaveLength(1);
	});

	it("writes through the editor when today's note is open with unsaved typing", async () => {
		const v = await setup({ "2026-11-20.md": "# Today\n" });
		const view = await openInEditor(v, "2026-11-20.md", "# Today\nTyping not saved yet\n");
		const process = vi.spyOn(v.app.vault, "process");
		await v.reach.addToToday();
		expect(process).not.toHaveBeenCalled();
		expect(view.editor.getValue()).toMatch(/^# Today\nTyping not saved yet\n\n## Reach out\n- \[ \] \[\[Anna Rossi\]\]/);
	});

	it("with nobody due, says so and creates nothing", async () => {
		const v = await setup({}, { horizon: 0 });
		await v.app.vault.adapter.write("People/Zoë Ng.md", "");
		const create = vi.spyOn(v.app.vault, "create");
		const index = v.index;
		await index.rebuild();
		const anna = v.app.vault.getFileByPath("People/Anna Rossi.md")!;
		await v.app.vault.modify(anna, "---\ncadence: monthly\n---\n- 2026-11-19 Coffee\n");
		await v.app.vault.modify(v.app.vault.getFileByPath("Notes/Plan.md")!, "");
		await v.app.vault.modify(v.app.vault.getFileByPath("People/Zoë Ng.md")!, "");
		await settle(5);
		await v.reach.addToToday();
		expect(create).not.toHaveBeenCalled();
		expect(v.notices()).toContain("Nobody to reach out to today.");
	});
});

/** A stand-in for the plugin (a Component): `unload` runs what was registered to run then. */
function component() {
	const cleanups: Array<() => void> = [];
	const comp = { registerEvent: (ref: unknown) => ref, register: (cb: () => void) => cleanups.push(cb) };
	return { comp, unload: () => cleanups.forEach((cb) => cb()) };
}

describe("when today's daily note is created", () => {
	it("adds the section once, after the template, only with the setting on", async () => {
		const v = await setup({}, { reachOutOnCreate: true });
		const comp = { registerEvent: vi.fn((ref: unknown) => ref), register: vi.fn() };
		v.reach.watchCreation(comp as never);
		const file = await v.app.vault.create("2026-11-20.md", "# Template text\n");
		// Created by the user, the note opens (Daily notes opens it).
		v.app.workspace.trigger("file-open", file);
		for (let i = 0; i < 300 && !(await v.read("2026-11-20.md")).includes("## Reach out"); i++) await settle(1);
		await settle(30);
		const text = await v.read("2026-11-20.md");
		expect(text.startsWith("# Template text\n\n## Reach out\n")).toBe(true);
		expect(text.match(/## Reach out/g)).toHaveLength(1);
	});

	it("knows today's note spelt in another case (the folder as the vault has it)", async () => {
		const v = await setup({ ".obsidian/daily-notes.json": '{"folder":"Journal"}', "journal/old.md": "x\n" }, { reachOutOnCreate: true });
		v.reach.watchCreation(component().comp as never);
		const file = await v.app.vault.create("journal/2026-11-20.md", "# Day\n");
		v.app.workspace.trigger("file-open", file);
		for (let i = 0; i < 300 && !(await v.read("journal/2026-11-20.md")).includes("## Reach out"); i++) await settle(1);
		expect(await v.read("journal/2026-11-20.md")).toContain("## Reach out\n");
	});

	it("writes nothing once the plugin was unloaded while it waited for the note to settle", async () => {
		const v = await setup({}, { reachOutOnCreate: true });
		const c = component();
		v.reach.watchCreation(c.comp as never);
		const process = vi.spyOn(v.app.vault, "process");
		const file = await v.app.vault.create("2026-11-20.md", "# Day\n");
		v.app.workspace.trigger("file-open", file);
		c.unload();
		await settle(60);
		expect(process).not.toHaveBeenCalled();
	});

	it("leaves alone a daily note that is never opened here (synced in from another device)", async () => {
		const v = await setup({}, { reachOutOnCreate: true });
		v.reach.watchCreation(component().comp as never);
		const process = vi.spyOn(v.app.vault, "process");
		await v.app.vault.create("2026-11-20.md", "# From the phone\n");
		// Longer than the longest wait (200 ms here).
		await settle(60);
		expect(process).not.toHaveBeenCalled();
		expect(await v.read("2026-11-20.md")).toBe("# From the phone\n");
	});

	it("does nothing for other notes, or with the setting off", async () => {
		const v = await setup({}, { reachOutOnCreate: false });
		v.reach.watchCreation(component().comp as never);
		const process = vi.spyOn(v.app.vault, "process");
		await v.app.vault.create("2026-11-20.md", "x\n");
		await v.app.vault.create("2026-11-19.md", "x\n");
		await settle(30);
		expect(process).not.toHaveBeenCalled();
	});
});

describe("Log interactions in today's daily note", () => {
	it("writes - [[Name]] text under the heading, with the date when it is not today", async () => {
		const v = await setup({ "2026-11-20.md": "# Today\n" });
		await v.reach.logToDaily("People/Anna Rossi.md", "2026-11-20", "Coffee, talked about Turin");
		await v.reach.logToDaily("People/Anna Rossi.md", "2026-11-18", "Call");
		expect(await v.read("2026-11-20.md")).toBe("# Today\n\n## Log\n- [[Anna Rossi]] Coffee, talked about Turin\n- 2026-11-18 [[Anna Rossi]] Call\n");
	});
});

describe("near midnight, in any time zone", () => {
	it.each([
		[{ year: 2026, month: 11, day: 20, hour: 23, minute: 59 }, "2026-11-20.md"],
		[{ year: 2026, month: 11, day: 21, hour: 0, minute: 0 }, "2026-11-21.md"],
		[{ year: 2024, month: 2, day: 29, hour: 0, minute: 1 }, "2024-02-29.md"],
	])("the wall clock %j writes into %s", async (now, path) => {
		const v = testVault(PEOPLE);
		const settings = defaultSettings();
		const daily = new DailyNotes(v.obsidian, () => messages, () => undefined);
		const index = new ReteIndex(v.obsidian, () => settings, dailyFor(v.obsidian));
		index.load();
		v.app.workspace.setLayoutReady__();
		await waitFor(() => index.ready);
		const reach = new ReachOut(v.obsidian, index, daily, v.writer, () => messages, () => ({ ...settings, horizon: 400 }), () => now, { quietMs: 5, maxWaitMs: 50 });
		await reach.addToToday();
		expect(await v.exists(path)).toBe(true);
	});
});
