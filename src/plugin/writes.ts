/**
 * The only place the plugin writes to notes. Each write applies a pure, tested core edit:
 * through the editor when the note is open (unsaved typing survives), else `Vault.process`;
 * properties through `FileManager.processFrontMatter`, after the open note's typing is saved
 * (that reads the file), and only when the note's properties are a block Obsidian reads as
 * properties. A failed or stale write leaves the note as it was and tells the user.
 */
import { type App, type Editor, MarkdownView, Notice, parseYaml } from "obsidian";
import { RecurringTaskError, StaleEditError } from "../core/edits";
import { propertiesBlock } from "../core/frontmatter";
import type { Messages } from "./i18n";
import { errorText } from "./core-text";

export type BodyEdit = (text: string) => string;
export type PropertyEdit = (frontmatter: Record<string, unknown>) => void;

/** Replaces only the part of the editor's text that the edit changed, keeping cursor and undo. */
export function applyToEditor(editor: Editor, edit: BodyEdit): void {
	const before = editor.getValue();
	const after = edit(before);
	if (after === before) return;
	let start = 0;
	const max = Math.min(before.length, after.length);
	while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let endBefore = before.length;
	let endAfter = after.length;
	while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
		endBefore--;
		endAfter--;
	}
	editor.replaceRange(after.slice(start, endAfter), editor.offsetToPos(start), editor.offsetToPos(endBefore));
}

export class NoteWriter {
	constructor(
		private readonly app: App,
		private readonly messages: () => Messages,
		/** Called after a stale write was refused, so the views can show the note as it is now. */
		private readonly onStale: () => void,
	) {}

	private openViews(path: string): MarkdownView[] {
		const out: MarkdownView[] = [];
		for (const leaf of this.app.workspace.getLeavesOfType("markdown")) {
			const view = leaf.view;
			if (view instanceof MarkdownView && view.file?.path === path) out.push(view);
		}
		return out;
	}

	private openEditor(path: string): Editor | null {
		return this.openViews(path).find((view) => view.getMode() === "source")?.editor ?? null;
	}

	/** Edits a note's text. Returns whether the edit landed. */
	async editBody(path: string, edit: BodyEdit): Promise<boolean> {
		const file = this.app.vault.getFileByPath(path);
		const { t } = this.messages();
		if (!file) {
			new Notice(t("notice.missing", { path }));
			return false;
		}
		try {
			const editor = this.openEditor(path);
			if (editor) applyToEditor(editor, edit);
			else await this.app.vault.process(file, edit);
			return true;
		} catch (e) {
			this.fail(path, e);
			return false;
		}
	}

	/** Edits a note's properties. Returns whether the edit landed. */
	async editProperties(path: string, edit: PropertyEdit): Promise<boolean> {
		const file = this.app.vault.getFileByPath(path);
		if (!file) {
			new Notice(this.messages().t("notice.missing", { path }));
			return false;
		}
		try {
			// `processFrontMatter` reads the file: what is typed in an open view goes there first.
			for (const view of this.openViews(path)) await view.save();
			if (propertiesBlock(await this.app.vault.read(file), parseYaml) !== "ok") {
				new Notice(this.messages().t("notice.badProperties", { path }));
				return false;
			}
			await this.app.fileManager.processFrontMatter(file, edit);
			return true;
		} catch (e) {
			this.fail(path, e);
			return false;
		}
	}

	private fail(path: string, e: unknown): void {
		const { t } = this.messages();
		if (e instanceof StaleEditError) {
			new Notice(t("notice.stale"));
			this.onStale();
			return;
		}
		if (e instanceof RecurringTaskError) {
			new Notice(t("notice.recurring"));
			return;
		}
		new Notice(t("notice.writeFailed", { path, error: errorText(e, t) }));
	}
}

export type EditOutcome = "changed" | "unchanged" | "failed";

/** `writer.editBody`, telling apart an edit that left the text as it was (its entry was there). */
export async function editBodyOnce(writer: NoteWriter, path: string, edit: BodyEdit): Promise<EditOutcome> {
	let changed = false;
	const ok = await writer.editBody(path, (text) => {
		const next = edit(text);
		changed = next !== text;
		return next;
	});
	return !ok ? "failed" : changed ? "changed" : "unchanged";
}
