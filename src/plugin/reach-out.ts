/**
 * Today's reach-out list in today's daily note, and interactions logged in the daily note.
 * Every write is a user's action: the command, or the user creating (and opening) today's daily
 * note with the setting on. Nothing is created at start-up.
 */
import { type App, type Component, Notice, type TAbstractFile, TFile } from "obsidian";
import { type Day, dayFromYmd, isoFromDay } from "../core/dates";
import { appendUnderHeading } from "../core/edits";
import { pathKey } from "../core/names";
import { reachOutLine, upsertReachOut } from "../core/reachout";
import type { ReteSettings } from "../core/settings";
import type { WallClock } from "../core/template";
import { linkTextFor } from "../core/text";
import type { DailyNotes } from "./daily-notes";
import { reachOutWords } from "./describe";
import type { Messages } from "./i18n";
import type { ReteIndex } from "./people-index";
import { type EditOutcome, editBodyOnce, type NoteWriter } from "./writes";
import { errorText } from "./core-text";

/** How long the command waits for the index to finish reading the vault. */
const READY_WAIT_MS = 60_000;

export interface ReachOutTiming {
	/** How long a new daily note must stay unmodified (templates at work) before we write. */
	quietMs: number;
	maxWaitMs: number;
}

export class ReachOut {
	private readonly handled = new Set<string>();
	/** Notes just created (while deciding whether to write into them), and those opened since. */
	private readonly created = new Set<string>();
	private readonly openedSince = new Set<string>();
	private readonly wake = new Map<string, () => void>();
	private stopped = false;

	constructor(
		private readonly app: App,
		private readonly index: ReteIndex,
		private readonly daily: DailyNotes,
		private readonly writer: NoteWriter,
		private readonly messages: () => Messages,
		private readonly settings: () => ReteSettings,
		private readonly now: () => WallClock,
		private readonly timing: ReachOutTiming = { quietMs: 1000, maxWaitMs: 8000 },
	) {}

	private today(): Day {
		const n = this.now();
		return dayFromYmd(n.year, n.month, n.day);
	}

	heading(): string {
		return this.settings().reachOutHeading || this.messages().t("reachout.heading");
	}

	/** The link text for a note from `source`: its name when that resolves to it, else its path. */
	private linkText(path: string, source: string): string {
		return linkTextFor(path, (name) => this.app.metadataCache.getFirstLinkpathDest(name, source)?.path ?? null);
	}

	lines(day: Day, source: string): string[] {
		const m = this.messages();
		return this.index.index.due(day, this.settings().horizon).map((item) => reachOutLine(item, this.linkText(item.path, source), reachOutWords(item, day, m)));
	}

	/** Writes the list into the daily note of today; returns how many lines it added. */
	async writeInto(file: TFile): Promise<number> {
		const day = this.today();
		const lines = this.lines(day, file.path);
		let added = 0;
		const edit = upsertReachOut(this.heading(), lines);
		const ok = await this.writer.editBody(file.path, (text) => {
			const next = edit(text);
			added = next === text ? 0 : lines.filter((l) => !text.includes(l.slice(l.lastIndexOf("^")))).length;
			return next;
		});
		return ok ? added : -1;
	}

	/** The command: creates today's daily note when missing (with its template), then the list. */
	async addToToday(): Promise<void> {
		const { t } = this.messages();
		// Right after start-up the index may still be reading the vault: wait a while, not forever.
		const since = Date.now();
		while (!this.index.ready) {
			if (Date.now() - since > READY_WAIT_MS) {
				new Notice(t("view.loading"));
				return;
			}
			await new Promise((resolve) => window.setTimeout(resolve, 50));
		}
		if (this.lines(this.today(), "").length === 0) {
			new Notice(t("notice.reachOutNone"));
			return;
		}
		let file: TFile;
		try {
			file = await this.daily.ensure(this.today(), this.now());
			this.handled.add(file.path);
			await this.quiet(file);
		} catch (e) {
			new Notice(t("notice.writeFailed", { path: this.daily.pathOf(this.today()), error: errorText(e, t) }));
			return;
		}
		const added = await this.writeInto(file);
		if (added > 0) new Notice(t("notice.reachOutAdded", { count: added, path: file.path }));
		else if (added === 0) new Notice(t("notice.reachOutUpToDate", { path: file.path }));
		await this.app.workspace.getLeaf(false).openFile(file);
	}

	/** Whether the note created at `path` was opened since (now, or within the longest wait). */
	private opened(path: string): Promise<boolean> {
		if (this.openedSince.has(path) || this.app.workspace.getActiveFile()?.path === path) return Promise.resolve(true);
		return new Promise((resolve) => {
			const timer = window.setTimeout(() => finish(false), this.timing.maxWaitMs);
			const finish = (open: boolean): void => {
				window.clearTimeout(timer);
				this.wake.delete(path);
				resolve(open);
			};
			this.wake.set(path, () => finish(true));
		});
	}

	/** Resolves once `file` has not been modified for a while (a template plugin at work). */
	private quiet(file: TFile): Promise<void> {
		return new Promise((resolve) => {
			let timer = 0;
			const started = Date.now();
			const ref = this.app.vault.on("modify", (f) => {
				if (f.path === file.path) arm();
			});
			const finish = (): void => {
				this.app.vault.offref(ref);
				resolve();
			};
			const arm = (): void => {
				window.clearTimeout(timer);
				const left = this.timing.maxWaitMs - (Date.now() - started);
				timer = window.setTimeout(finish, Math.max(0, Math.min(this.timing.quietMs, left)));
			};
			arm();
		});
	}

	/**
	 * With the setting on, the list is added once to today's daily note when the user creates
	 * it (and it opens), after its template (core Templates or Templater) has been applied; a
	 * daily note synced in from another device is never written to. Registered once the
	 * layout is ready, so the start-up `create` events of every file are never seen.
	 */
	watchCreation(component: Component): void {
		// Unloaded meanwhile (the plugin turned off while a new note is waited on): nothing is written.
		component.register(() => (this.stopped = true));
		this.app.workspace.onLayoutReady(() => {
			component.registerEvent(this.app.vault.on("create", (file) => void this.onCreate(file)));
			component.registerEvent(this.app.workspace.on("file-open", (file) => {
				if (!file || !this.created.has(file.path)) return;
				this.openedSince.add(file.path);
				this.wake.get(file.path)?.();
			}));
		});
	}

	private async onCreate(file: TAbstractFile): Promise<void> {
		if (!this.settings().reachOutOnCreate || !(file instanceof TFile) || this.handled.has(file.path)) return;
		// From now on, opening it is noticed (Obsidian may open it before the checks below end).
		this.created.add(file.path);
		try {
			await this.daily.refresh();
			// Today's note, however its folder or name are spelt (case, NFC or NFD).
			if (pathKey(file.path) !== pathKey(this.daily.pathOf(this.today()))) return;
			this.handled.add(file.path);
			// Created on this device, by the user, the note is opened at once (by Daily notes,
			// Calendar, Periodic Notes…). One synced in from another device is not: left alone.
			if (!(await this.opened(file.path))) return;
			await this.quiet(file);
			if (this.stopped || !this.index.ready || !this.app.vault.getFileByPath(file.path)) return;
			await this.writeInto(file);
		} finally {
			this.created.delete(file.path);
			this.openedSince.delete(file.path);
		}
	}

	/** "Log interaction" into today's daily note: `- [[Anna Rossi]] text` under the heading. */
	async logToDaily(path: string, date: string, text: string): Promise<EditOutcome> {
		const file = await this.daily.ensure(this.today(), this.now());
		const link = this.linkText(path, file.path);
		const item = date === isoFromDay(this.today()) ? `[[${link}]] ${text}` : `${date} [[${link}]] ${text}`;
		return editBodyOnce(this.writer, file.path, appendUnderHeading(this.settings().dailyLogHeading, item));
	}
}
