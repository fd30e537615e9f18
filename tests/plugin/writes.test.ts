// @vitest-environment happy-dom
import { setup } from "obsidian-test-mocks/setup";
setup();
import type { Editor, EditorPosition } from "obsidian";
import { ButtonComponent, TextComponent } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseIsoDay } from "../../src/core/dates";
import { appendUnderHeading, completeTask, setProperty, StaleEditError } from "../../src/core/edits";
import { defaultSettings } from "../../src/core/settings";
import { ReteActions } from "../../src/plugin/actions";
import { ReteIndex } from "../../src/plugin/people-index";
import { applyToEditor } from "../../src/plugin/writes";
import { dailyFor, settle, waitFor } from "./app";
import { messages, openInEditor, testVault } from "./writes-helpers";

const TODAY = parseIsoDay("2026-11-20") ?? 0;
const ANNA = "People/Anna.md";
const JOURNAL = "Journal/2026-11-01.md";
const HOSTILE = "People/<img src=x onerror=alert(1)>.md";
const append = appendUnderHeading("## Log", "2026-11-20 Coffee");
const FILES = {
	[ANNA]: "---\ntype: person\ncadence: 2w\n---\n# Anna\n\n## Log\n- 2026-11-01 Call\n",
	[JOURNAL]: "# Day\r\n- [ ] Send [[Anna]] the deck 📅 2026-11-25\r\n- other\r\n",
};

afterEach(() => vi.restoreAllMocks());

/** A vault with the plugin's index built over it and the actions the view and commands call. */
async function plugin(files: Record<string, string> = FILES) {
	const v = testVault(files);
	const index = new ReteIndex(v.obsidian, defaultSettings, dailyFor(v.obsidian));
	index.load();
	v.app.workspace.setLayoutReady__();
	await waitFor(() => index.ready);
	const actions = new ReteActions(v.obsidian, index, v.writer, () => messages, defaultSettings, () => TODAY, () => Promise.resolve("failed" as const));
	const followup = () => {
		const item = actions.openFollowups()[0];
		if (!item) throw new Error("no follow-up");
		return item;
	};
	return { ...v, index, actions, followup };
}

/** Opens a form with `open`, types `values` into its fields and presses its main button. */
function fillForm(open: () => void, values: string[]): void {
	const texts = vi.spyOn(TextComponent, "create__");
	const buttons = vi.spyOn(ButtonComponent, "create__");
	open();
	texts.mock.results.forEach((r, i) => {
		const value = values[i];
		if (r.type === "return" && value !== undefined) r.value.setValue(value);
	});
	for (const r of buttons.mock.results) if (r.type === "return" && r.value.buttonEl.classList.contains("mod-cta")) r.value.simulateClick__();
}

describe("editBody through Vault.process writes exactly the core edit's result", () => {
	it.each([
		["heading present", ANNA, "# Anna\n\n## Log\n- 2026-11-01 Call\n\n## Notes\n", append, "# Anna\n\n## Log\n- 2026-11-01 Call\n- 2026-11-20 Coffee\n\n## Notes\n"],
		["CRLF note", ANNA, "---\r\ntype: person\r\n---\r\n## Log\r\n- a\r\n", append, "---\r\ntype: person\r\n---\r\n## Log\r\n- a\r\n- 2026-11-20 Coffee\r\n"],
		["no final newline", ANNA, "## Log\n- a", append, "## Log\n- a\n- 2026-11-20 Coffee"],
		["heading missing", ANNA, "# Anna", append, "# Anna\n\n## Log\n- 2026-11-20 Coffee\n"],
		["hostile name", HOSTILE, "# <b>x</b>\n", append, "# <b>x</b>\n\n## Log\n- 2026-11-20 Coffee\n"],
		["legal odd name", "People/José Núñez (ACME) 👋 & co.md", "## Log\n", append, "## Log\n- 2026-11-20 Coffee\n"],
		["completed task, CRLF", JOURNAL, FILES[JOURNAL], completeTask(2, "Send [[Anna]] the deck", "2026-11-20"), "# Day\r\n- [x] Send [[Anna]] the deck 📅 2026-11-25 ✅ 2026-11-20\r\n- other\r\n"],
	])("%s", async (_name, path, text, edit, expected) => {
		const v = testVault({ [path]: text });
		expect(await v.writer.editBody(path, edit)).toBe(true);
		expect(await v.read(path)).toBe(expected);
		expect(expected).toBe(edit(text));
		expect(v.notices()).toEqual([]);
	});

	it("two edits of the same note at once both land", async () => {
		const v = testVault(FILES);
		// Obsidian's Vault.process is atomic per file; the mock's is not, so queue it as Obsidian does.
		const original = v.app.vault.process.bind(v.app.vault);
		let queue: Promise<unknown> = Promise.resolve();
		vi.spyOn(v.app.vault, "process").mockImplementation((file, fn) => {
			const run = queue.then(() => original(file, fn));
			queue = run.catch(() => undefined);
			return run;
		});
		const results = await Promise.all([v.writer.editBody(ANNA, appendUnderHeading("## Log", "one")), v.writer.editBody(ANNA, appendUnderHeading("## Log", "two"))]);
		expect(results).toEqual([true, true]);
		expect(await v.read(ANNA)).toBe("---\ntype: person\ncadence: 2w\n---\n# Anna\n\n## Log\n- 2026-11-01 Call\n- one\n- two\n");
	});
});

describe("the actions write through the writer", () => {
	it("log: the form's text lands under ## Log, then a notice", async () => {
		const p = await plugin();
		fillForm(() => p.actions.log(ANNA), ["  Coffee\n with   Anna "]);
		await waitFor(() => p.notices().includes("Logged with Anna."));
		expect(await p.read(ANNA)).toBe("---\ntype: person\ncadence: 2w\n---\n# Anna\n\n## Log\n- 2026-11-01 Call\n- 2026-11-20 Coffee with Anna\n");
	});

	it("done: the follow-up is checked with today's date, then a notice", async () => {
		const p = await plugin();
		await p.actions.done(p.followup());
		expect(await p.read(JOURNAL)).toBe("# Day\r\n- [x] Send [[Anna]] the deck 📅 2026-11-25 ✅ 2026-11-20\r\n- other\r\n");
		expect(p.notices()).toEqual(["Follow-up done."]);
	});

	it("snooze: snooze_until is a plain date, never a timestamp", async () => {
		const p = await plugin();
		await p.actions.snooze(ANNA, parseIsoDay("2026-12-01") ?? 0);
		const text = await p.read(ANNA);
		expect(text).toBe("---\ntype: person\ncadence: 2w\nsnooze_until: 2026-12-01\n---\n# Anna\n\n## Log\n- 2026-11-01 Call\n");
		expect(text).not.toMatch(/T00:00|Z\n|"2026/);
		expect(p.notices()).toEqual(["Anna snoozed until 2026-12-01."]);
	});

	it.each([
		["monthly", "cadence: monthly", "Cadence for Anna: monthly."],
		["", null, "Cadence removed for Anna."],
	])("set cadence %j", async (typed, line, notice) => {
		const p = await plugin();
		fillForm(() => p.actions.setCadence(ANNA), [typed]);
		await waitFor(() => p.notices().includes(notice));
		expect(await p.read(ANNA)).toBe(`---\ntype: person\n${line === null ? "" : `${line}\n`}---\n# Anna\n\n## Log\n- 2026-11-01 Call\n`);
	});
});

describe("editProperties via processFrontMatter", () => {
	it.each<[string, string, string | null, string]>([
		["reuses Last_Contact", "last_contact", "2026-11-20", "---\nLast_Contact: 2026-11-20\nb: 1\n---\nbody\n"],
		["reuses Snooze_Until", "snooze_until", "2026-12-01", "---\nLast_Contact: 2026-01-01\nb: 1\nSnooze_Until: 2026-12-01\n---\nbody\n"],
		["removes with null", "b", null, "---\nLast_Contact: 2026-01-01\nSnooze_Until: 2026-02-01\n---\nbody\n"],
	])("%s", async (name, key, value, expected) => {
		const before = name === "reuses Last_Contact" ? "---\nLast_Contact: 2026-01-01\nb: 1\n---\nbody\n" : "---\nLast_Contact: 2026-01-01\nb: 1\nSnooze_Until: 2026-02-01\n---\nbody\n";
		const v = testVault({ [ANNA]: before });
		expect(await v.writer.editProperties(ANNA, setProperty(key, value))).toBe(true);
		expect(await v.read(ANNA)).toBe(expected);
	});
});

describe("a stale follow-up: the note changed between the view and the write", () => {
	it.each([
		["task edited", "# Day\r\n- [ ] Send [[Anna]] the new deck 📅 2026-11-25\r\n- other\r\n"],
		["line inserted above", "# Day\r\nnew line\r\n- [ ] Send [[Anna]] the deck 📅 2026-11-25\r\n"],
		["already checked", "# Day\r\n- [x] Send [[Anna]] the deck 📅 2026-11-25 ✅ 2026-11-19\r\n- other\r\n"],
		["line deleted", "# Day\r\n"],
	])("%s: the file is byte-identical, a notice, onStale", async (_name, changed) => {
		const p = await plugin();
		const item = p.followup();
		const journal = p.app.vault.getFileByPath(JOURNAL);
		if (!journal) throw new Error("fixture");
		await p.app.vault.modify(journal, changed);
		await settle();
		await p.actions.done(item);
		expect(await p.read(JOURNAL)).toBe(changed);
		expect(p.notices()).toEqual([messages.t("notice.stale")]);
		expect(p.onStale).toHaveBeenCalledTimes(1);
	});
});

describe("a failed write leaves the note as it was and says so", () => {
	const disk = new Error("ENOSPC: no space left on device, write");

	it.each([
		["Vault.process rejects", (v: ReturnType<typeof testVault>) => vi.spyOn(v.app.vault, "process").mockRejectedValue(disk)],
		["the adapter's write rejects", (v: ReturnType<typeof testVault>) => vi.spyOn(v.app.vault.adapter, "write").mockRejectedValue(disk)],
	])("%s", async (_name, fail) => {
		const v = testVault({ [HOSTILE]: "## Log\n- a\n" });
		fail(v);
		expect(await v.writer.editBody(HOSTILE, append)).toBe(false);
		expect(await v.read(HOSTILE)).toBe("## Log\n- a\n");
		const message = `Could not write to ${HOSTILE}: ENOSPC: no space left on device, write. The note was left as it was.`;
		expect(v.notices()).toEqual([message]);
		// The path is shown as text, never as markup.
		expect(v.noticeElements()[0]?.querySelector("img")).toBeNull();
		expect(v.noticeElements()[0]?.textContent).toBe(message);
		expect(v.onStale).not.toHaveBeenCalled();
	});

	it("processFrontMatter rejects (say, on YAML it cannot parse): nothing written, no snooze notice", async () => {
		const p = await plugin();
		vi.spyOn(p.app.fileManager, "processFrontMatter").mockRejectedValue(new Error("bad indentation of a mapping entry (2:9)"));
		await p.actions.snooze(ANNA, parseIsoDay("2026-12-01") ?? 0);
		expect(await p.read(ANNA)).toBe(FILES[ANNA]);
		expect(p.notices()).toEqual(["Could not write to People/Anna.md: bad indentation of a mapping entry (2:9). The note was left as it was."]);
	});

	it("a failed done shows no success notice", async () => {
		const p = await plugin();
		vi.spyOn(p.app.vault, "process").mockRejectedValue(disk);
		await p.actions.done(p.followup());
		expect(await p.read(JOURNAL)).toBe(FILES[JOURNAL]);
		expect(p.notices()).toEqual([`Could not write to ${JOURNAL}: ${disk.message}. The note was left as it was.`]);
	});

	it.each(["editBody", "editProperties"] as const)("%s of a missing note: a notice, false, and the note is not created", async (method) => {
		const v = testVault(FILES);
		const process = vi.spyOn(v.app.vault, "process");
		const ghost = "People/Ghost.md";
		const ok = method === "editBody" ? await v.writer.editBody(ghost, append) : await v.writer.editProperties(ghost, setProperty("cadence", "2w"));
		expect(ok).toBe(false);
		expect(v.notices()).toEqual(["The note People/Ghost.md no longer exists."]);
		expect(v.app.vault.getFileByPath(ghost)).toBeNull();
		expect(await v.exists(ghost)).toBe(false);
		expect(process).not.toHaveBeenCalled();
	});

	it("done on a note deleted since the view: a notice, and the note is not created again", async () => {
		const p = await plugin();
		const item = p.followup();
		const journal = p.app.vault.getFileByPath(JOURNAL);
		if (!journal) throw new Error("fixture");
		await p.app.fileManager.trashFile(journal);
		await p.actions.done(item);
		expect(p.notices()).toEqual([`The note ${JOURNAL} no longer exists.`]);
		expect(await p.exists(JOURNAL)).toBe(false);
	});
});

describe("the note open in an editor", () => {
	const unsaved = "---\ntype: person\n---\n# Anna\n\n## Log\n- 2026-11-01 Call\n- typed, not saved yet\n\n## Notes\nmore typing";

	it("editBody goes through the editor: the unsaved typing survives", async () => {
		const v = testVault(FILES);
		const view = await openInEditor(v, ANNA, unsaved);
		const process = vi.spyOn(v.app.vault, "process");
		expect(await v.writer.editBody(ANNA, append)).toBe(true);
		expect(view.editor.getValue()).toBe("---\ntype: person\n---\n# Anna\n\n## Log\n- 2026-11-01 Call\n- typed, not saved yet\n- 2026-11-20 Coffee\n\n## Notes\nmore typing");
		expect(process).not.toHaveBeenCalled();
		expect(await v.read(ANNA)).toBe(FILES[ANNA]);
		const both = await Promise.all([v.writer.editBody(ANNA, appendUnderHeading("## Log", "one")), v.writer.editBody(ANNA, appendUnderHeading("## Log", "two"))]);
		expect(both).toEqual([true, true]);
		expect(view.editor.getValue()).toContain("- 2026-11-20 Coffee\n- one\n- two\n\n## Notes\nmore typing");
	});

	it("a stale edit through the editor changes nothing", async () => {
		const v = testVault(FILES);
		const view = await openInEditor(v, JOURNAL, "# Day\n- [ ] Send [[Anna]] the deck, edited\n");
		expect(await v.writer.editBody(JOURNAL, completeTask(2, "Send [[Anna]] the deck", "2026-11-20"))).toBe(false);
		expect(view.editor.getValue()).toBe("# Day\n- [ ] Send [[Anna]] the deck, edited\n");
		expect(await v.read(JOURNAL)).toBe(FILES[JOURNAL]);
		expect(v.notices()).toEqual([messages.t("notice.stale")]);
		expect(v.onStale).toHaveBeenCalledTimes(1);
	});

	it.each(["in the reading view", "not open; another note is"])("the note %s: Vault.process, the editor untouched", async (where) => {
		const v = testVault(FILES);
		const reading = where === "in the reading view";
		const view = await openInEditor(v, reading ? ANNA : JOURNAL, "editor text");
		if (reading) vi.spyOn(view, "getMode").mockReturnValue("preview");
		expect(await v.writer.editBody(ANNA, append)).toBe(true);
		expect(await v.read(ANNA)).toBe(append(FILES[ANNA]));
		expect(view.editor.getValue()).toBe("editor text");
	});
});

/** An Editor with only what applyToEditor uses, recording each replaceRange as offsets. */
function fakeEditor(initial: string) {
	let value = initial;
	const calls: Array<{ text: string; from: number; to: number }> = [];
	const toOffset = (p: EditorPosition): number => value.split("\n").slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.ch;
	const editor = {
		getValue: () => value,
		offsetToPos: (offset: number): EditorPosition => {
			const lines = value.slice(0, offset).split("\n");
			return { line: lines.length - 1, ch: lines[lines.length - 1]?.length ?? 0 };
		},
		replaceRange: (text: string, from: EditorPosition, to?: EditorPosition) => {
			const a = toOffset(from);
			const b = to ? toOffset(to) : a;
			calls.push({ text, from: a, to: b });
			value = value.slice(0, a) + text + value.slice(b);
		},
	};
	return { editor: editor as unknown as Editor, calls, value: () => value };
}

describe("applyToEditor replaces only the range that differs", () => {
	it.each([
		["append", "## Log\n- a\n\n## N\n", append, [{ text: "- 2026-11-20 Coffee\n", from: 11, to: 11 }]],
		["append, CRLF", "## Log\r\n- a\r\n", append, [{ text: "- 2026-11-20 Coffee\r\n", from: 13, to: 13 }]],
		["complete", "# A\n- [ ] Call [[Anna]]\nz", completeTask(2, "Call [[Anna]]", "2026-11-20"), [{ text: "x] Call [[Anna]] ✅ 2026-11-20", from: 7, to: 23 }]],
		["nothing to do", "## Log\n- 2026-11-20 Coffee\n", append, []],
		["emoji around", "## Log\n- 😀\n", appendUnderHeading("## Log", "😁"), [{ text: "- 😁\n", from: 12, to: 12 }]],
	])("%s", (_name, before, edit, calls) => {
		const e = fakeEditor(before);
		applyToEditor(e.editor, edit);
		expect(e.calls).toEqual(calls);
		expect(e.value()).toBe(edit(before));
	});

	it("a stale edit throws before touching the editor", () => {
		const e = fakeEditor("- [x] Call [[Anna]]\n");
		expect(() => applyToEditor(e.editor, completeTask(1, "Call [[Anna]]", "2026-11-20"))).toThrow(StaleEditError);
		expect(e.calls).toEqual([]);
	});
});
