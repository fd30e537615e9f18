// @vitest-environment happy-dom
import { setup } from "obsidian-test-mocks/setup";
setup();
import { ButtonComponent, TextComponent } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseIsoDay } from "../../src/core/dates";
import { setProperty } from "../../src/core/edits";
import { defaultSettings } from "../../src/core/settings";
import { ReteActions } from "../../src/plugin/actions";
import { ReteIndex } from "../../src/plugin/people-index";
import { dailyFor, waitFor } from "./app";
import { messages, openInEditor, testVault } from "./writes-helpers";

const TODAY = parseIsoDay("2026-11-20") ?? 0;
const ODD = "People/Odd.md";

afterEach(() => vi.restoreAllMocks());

describe("properties Obsidian would not read as properties are never written (fault case 4)", () => {
	it.each([
		["a list", "---\n- a\n- b\n---\n# Odd\n"],
		["a plain value", "---\njust text\n---\n# Odd\n"],
		["unclosed", "---\ncadence: 30\n# Odd\n- 2026-11-01 Call\n"],
		["JavaScript", "---js\n({ cadence: 30 })\n---\n# Odd\n"],
		// (YAML that does not parse, and an empty block, are in tests/core/frontmatter.test.ts: the
		// stand-in app cannot hold the first, and writes a second block after the other.)
	])("%s: nothing written, and the user is told why", async (_, text) => {
		const v = testVault({ [ODD]: text });
		const fm = vi.spyOn(v.app.fileManager, "processFrontMatter");
		expect(await v.writer.editProperties(ODD, setProperty("snooze_until", "2026-12-01"))).toBe(false);
		expect(fm).not.toHaveBeenCalled();
		expect(await v.read(ODD)).toBe(text);
		expect(v.notices()).toEqual([messages.t("notice.badProperties", { path: ODD })]);
	});

	it.each([
		["none yet", "# Odd\n", "---\nsnooze_until: 2026-12-01\n---\n# Odd\n"],
		["a mapping", "---\ncadence: 30\n---\n# Odd\n", "---\ncadence: 30\nsnooze_until: 2026-12-01\n---\n# Odd\n"],
	])("%s: written", async (_, text, expected) => {
		const v = testVault({ [ODD]: text });
		expect(await v.writer.editProperties(ODD, setProperty("snooze_until", "2026-12-01"))).toBe(true);
		expect(await v.read(ODD)).toBe(expected);
		expect(v.notices()).toEqual([]);
	});
});

describe("properties of a note open with unsaved typing (fault case 15)", () => {
	it("the view is saved first, so processFrontMatter reads (and keeps) the typing", async () => {
		const path = "People/Anna.md";
		const v = testVault({ [path]: "---\ncadence: 30\n---\n# Anna\n" });
		const view = await openInEditor(v, path, "---\ncadence: 30\n---\n# Anna\ntyped, not saved yet\n");
		const order: string[] = [];
		// Obsidian's save writes the editor's text to the file.
		vi.spyOn(view, "save").mockImplementation(async () => {
			order.push("save");
			await v.app.vault.adapter.write(path, view.editor.getValue());
		});
		const fm = v.app.fileManager.processFrontMatter.bind(v.app.fileManager);
		vi.spyOn(v.app.fileManager, "processFrontMatter").mockImplementation((file, fn, options) => {
			order.push("processFrontMatter");
			return fm(file, fn, options);
		});
		expect(await v.writer.editProperties(path, setProperty("snooze_until", "2026-12-01"))).toBe(true);
		expect(order).toEqual(["save", "processFrontMatter"]);
		expect(await v.read(path)).toBe("---\ncadence: 30\nsnooze_until: 2026-12-01\n---\n# Anna\ntyped, not saved yet\n");
	});

	it("a save that fails: nothing written, the user told", async () => {
		const path = "People/Anna.md";
		const text = "---\ncadence: 30\n---\n# Anna\n";
		const v = testVault({ [path]: text });
		const view = await openInEditor(v, path, `${text}typing\n`);
		vi.spyOn(view, "save").mockRejectedValue(new Error("disk full"));
		const fm = vi.spyOn(v.app.fileManager, "processFrontMatter");
		expect(await v.writer.editProperties(path, setProperty("snooze_until", "2026-12-01"))).toBe(false);
		expect(fm).not.toHaveBeenCalled();
		expect(await v.read(path)).toBe(text);
		expect(v.notices()).toEqual([messages.t("notice.writeFailed", { path, error: "disk full" })]);
	});
});

describe("logging the same entry twice (fault case 11)", () => {
	it("writes it once and says the second time that it was already there", async () => {
		const path = "People/Anna.md";
		const v = testVault({ [path]: "---\ntype: person\n---\n# Anna\n\n## Log\n" });
		const index = new ReteIndex(v.obsidian, defaultSettings, dailyFor(v.obsidian));
		index.load();
		v.app.workspace.setLayoutReady__();
		await waitFor(() => index.ready);
		const actions = new ReteActions(v.obsidian, index, v.writer, () => messages, defaultSettings, () => TODAY, () => Promise.resolve("failed" as const));
		for (let i = 0; i < 2; i++) {
			const texts = vi.spyOn(TextComponent, "create__");
			const buttons = vi.spyOn(ButtonComponent, "create__");
			actions.log(path);
			const what = texts.mock.results[0];
			if (what?.type === "return") what.value.setValue("Coffee");
			for (const r of buttons.mock.results) if (r.type === "return" && r.value.buttonEl.classList.contains("mod-cta")) r.value.simulateClick__();
			await waitFor(() => v.notices().length === i + 1);
			texts.mockRestore();
			buttons.mockRestore();
		}
		expect(await v.read(path)).toBe("---\ntype: person\n---\n# Anna\n\n## Log\n- 2026-11-20 Coffee\n");
		expect(v.notices()).toEqual([messages.t("notice.logged", { name: "Anna" }), messages.t("notice.alreadyLogged", { name: "Anna", date: "2026-11-20" })]);
	});
});

describe("a recurring follow-up (🔁) is left to the Tasks plugin", () => {
	it("Mark follow-up done writes nothing and says to tick it with Tasks", async () => {
		const plan = "Notes/Plan.md";
		const text = "- [ ] Send [[Anna]] the news 🔁 every week 📅 2026-11-25\n";
		const v = testVault({ "People/Anna.md": "---\ntype: person\n---\n", [plan]: text });
		const index = new ReteIndex(v.obsidian, defaultSettings, dailyFor(v.obsidian));
		index.load();
		v.app.workspace.setLayoutReady__();
		await waitFor(() => index.ready);
		const actions = new ReteActions(v.obsidian, index, v.writer, () => messages, defaultSettings, () => TODAY, () => Promise.resolve("failed" as const));
		const [item] = actions.openFollowups();
		if (!item) throw new Error("no follow-up");
		await actions.done(item);
		expect(await v.read(plan)).toBe(text);
		expect(v.notices()).toEqual([messages.t("notice.recurring")]);
	});
});

describe("a note renamed while it is written (fault case 16)", () => {
	it("the edit lands in the renamed note, and the old path is never created again", async () => {
		const path = "People/Anna.md";
		const v = testVault({ [path]: "# Anna\n\n## Log\n" });
		const process = v.app.vault.process.bind(v.app.vault);
		vi.spyOn(v.app.vault, "process").mockImplementation(async (file, fn, options) => {
			await v.app.fileManager.renameFile(file, "People/Anna Rossi.md");
			return process(file, fn, options);
		});
		expect(await v.writer.editBody(path, (text) => `${text}- 2026-11-20 Coffee\n`)).toBe(true);
		expect(await v.exists(path)).toBe(false);
		expect(await v.read("People/Anna Rossi.md")).toBe("# Anna\n\n## Log\n- 2026-11-20 Coffee\n");
	});
});
