/** A fake vault with a NoteWriter wired to it, the notices it showed, and an open editor. */
import type { App as ObsidianApp } from "obsidian";
import { type App, MarkdownView, Notice } from "obsidian-test-mocks/obsidian";
import { type Mock, vi } from "vitest";
import { pathKey } from "../../src/core/names";
import { messagesFor } from "../../src/plugin/i18n";
import { NoteWriter } from "../../src/plugin/writes";
import { makeApp } from "./app";

export const messages = messagesFor("en");

export interface TestVault {
	app: App;
	obsidian: ObsidianApp;
	writer: NoteWriter;
	onStale: Mock<() => void>;
	/** The text of every notice shown since the vault was made, in order. */
	notices: () => string[];
	/** The notices' message elements, to check that a path is shown as text. */
	noticeElements: () => HTMLElement[];
	/** The file's bytes as stored. */
	read: (path: string) => Promise<string>;
	exists: (path: string) => Promise<boolean>;
}

/** A vault holding `files`. Call `vi.restoreAllMocks()` after each test. */
export function testVault(files: Record<string, string>): TestVault {
	const { app, obsidian } = makeApp(files);
	const shown = vi.spyOn(Notice.prototype, "constructor__");
	shown.mockClear();
	const onStale = vi.fn<() => void>();
	return {
		app,
		obsidian,
		writer: new NoteWriter(obsidian, () => messages, onStale),
		onStale,
		notices: () => shown.mock.calls.map(([m]) => (typeof m === "string" ? m : (m.textContent ?? ""))),
		noticeElements: () => shown.mock.contexts.map((n) => (n as Notice).messageEl),
		read: (path) => app.vault.adapter.read(path),
		exists: (path) => app.vault.adapter.exists(path),
	};
}

/** Opens `path` in a markdown view whose editor holds `editorText` (typing not yet saved). */
export async function openInEditor(vault: TestVault, path: string, editorText: string): Promise<MarkdownView> {
	const file = vault.app.vault.getFileByPath(path);
	if (!file) throw new Error(`no file ${path}`);
	const leaf = vault.app.workspace.getLeaf(true);
	await leaf.setViewState({ type: "markdown" });
	const view = MarkdownView.create2__(leaf);
	await leaf.open(view.asOriginalType7__());
	view.file = file;
	view.editor.setValue(editorText);
	return view;
}

/** Makes the fake vault's disk case-insensitive, as on macOS and Windows: "already exists". */
export function caseInsensitiveDisk(v: TestVault): void {
	const vault = v.app.vault;
	const taken = (path: string): boolean => vault.getAllLoadedFiles().some((f) => f.path !== "/" && pathKey(f.path) === pathKey(path));
	const createFolder = vault.createFolder.bind(vault);
	vi.spyOn(vault, "createFolder").mockImplementation(async (path) => {
		if (taken(path)) throw new Error("Folder already exists.");
		return createFolder(path);
	});
	const create = vault.create.bind(vault);
	vi.spyOn(vault, "create").mockImplementation(async (path, data) => {
		if (taken(path)) throw new Error("File already exists.");
		return create(path, data);
	});
}
