/**
 * The user's daily-note settings (core Daily Notes, or Periodic Notes when enabled), read
 * defensively from the config folder and watched for changes, and today's daily note.
 */
import { type App, Component, moment, normalizePath, Notice, TFile } from "obsidian";
import { compileDaily, type DailyMatcher } from "../core/daily";
import type { DailySpec } from "../core/index-builder";
import { checkDailyPath, type DailySettingsFiles, type ResolvedDaily, resolveDailySettings } from "../core/daily-config";
import { type Day, ymdFromDay } from "../core/dates";
import { renderTemplate, type WallClock } from "../core/template";
import type { TemplateSources } from "../core/templates";
import type { Messages } from "./i18n";
import { ensureFolderIn, locate } from "./vault-paths";

/** How often the settings files are checked for changes made in Obsidian's settings. */
export const WATCH_MS = 15_000;


/** Which notes are daily notes: the user's settings, read again before each build. */
export interface DailySource {
	refresh(): Promise<boolean>;
	matcher(): DailyMatcher | null;
	/** What the matcher depends on (folder, format, locale), to tell a saved index's settings. */
	key?(): string;
	/** The matcher as data, for a build in a worker (without it, builds run on the main thread). */
	spec?(): DailySpec | null;
	/** The settings that say which notes are templates (besides Rete's own template settings). */
	templateSources?(): TemplateSources;
}

export class DailyNotes extends Component implements DailySource {
	private raw = "";
	private templates: TemplateSources = {};
	current: ResolvedDaily = { folder: "", format: "YYYY-MM-DD", source: "default" };

	constructor(
		private readonly app: App,
		private readonly messages: () => Messages,
		/** Called when the settings changed since the last read. */
		private readonly onChange: () => void,
	) {
		super();
	}

	override onload(): void {
		this.registerInterval(window.setInterval(() => void this.refresh(), WATCH_MS));
	}

	private async readJson(file: string): Promise<{ text: string; value: unknown }> {
		const path = normalizePath(`${this.app.vault.configDir}/${file}`);
		try {
			if (!(await this.app.vault.adapter.exists(path))) return { text: "", value: undefined };
			const text = await this.app.vault.adapter.read(path);
			try {
				return { text, value: JSON.parse(text) as unknown };
			} catch {
				return { text, value: undefined };
			}
		} catch {
			return { text: "", value: undefined };
		}
	}

	/**
	 * Reads the settings files (the daily note's, and those that say which notes are templates);
	 * returns whether they changed since the last read.
	 */
	async refresh(): Promise<boolean> {
		const [daily, community, periodic, templates, templater] = await Promise.all([
			this.readJson("daily-notes.json"),
			this.readJson("community-plugins.json"),
			this.readJson("plugins/periodic-notes/data.json"),
			this.readJson("templates.json"),
			this.readJson("plugins/templater-obsidian/data.json"),
		]);
		const raw = [daily, community, periodic, templates, templater].map((f) => f.text).join("\u0000");
		if (raw === this.raw) return false;
		const first = this.raw === "";
		this.raw = raw;
		const files: DailySettingsFiles = { dailyNotes: daily.value, communityPlugins: community.value, periodicNotes: periodic.value };
		this.current = resolveDailySettings(files);
		this.templates = { templates: templates.value, communityPlugins: community.value, templater: templater.value, dailyTemplate: this.current.template };
		if (!first) this.onChange();
		return true;
	}

	/** What says which notes are templates, from Obsidian's settings (see `core/templates`). */
	templateSources(): TemplateSources {
		return this.templates;
	}

	/** What `matcher` depends on: a saved index is used only when it is unchanged. */
	key(): string {
		return JSON.stringify([this.current.folder, this.current.format, moment.locale()]);
	}

	/** What `matcher` compiles, as data (a build in a worker compiles it there). */
	spec(): DailySpec {
		const data = moment.localeData();
		const names = { months: data.months(), monthsShort: data.monthsShort(), weekdays: data.weekdays(), weekdaysShort: data.weekdaysShort(), weekdaysMin: data.weekdaysMin() };
		return { folder: this.current.folder, format: this.current.format, locale: moment.locale(), names };
	}

	/** Which notes are daily notes, with the names of Obsidian's own locale (moment's). */
	matcher(): DailyMatcher | null {
		const { folder, format, locale, names } = this.spec();
		const compiled = compileDaily(folder, format, locale, names);
		return "matcher" in compiled ? compiled.matcher : null;
	}

	/** The path of the daily note of `day`, formatted as Obsidian does (moment; folders allowed). */
	pathOf(day: Day): string {
		const { y, m, d } = ymdFromDay(day);
		const name = moment.utc([y, m - 1, d]).format(this.current.format);
		const folder = this.current.folder;
		return normalizePath(`${folder === "" ? "" : `${folder}/`}${name}.md`);
	}

	/** The daily note of `day`, when it exists, in whatever case or normalisation it is spelt. */
	noteOf(day: Day): TFile | null {
		const { found } = locate(this.app.vault, this.pathOf(day));
		return found instanceof TFile ? found : null;
	}

	private async templateText(): Promise<string> {
		const raw = this.current.template;
		if (!raw) return "";
		const path = normalizePath(raw.toLowerCase().endsWith(".md") ? raw : `${raw}.md`);
		const file = this.app.vault.getFileByPath(path);
		const { t } = this.messages();
		if (!file) {
			new Notice(t("notice.dailyTemplateMissing", { path }));
			return "";
		}
		try {
			return await this.app.vault.cachedRead(file);
		} catch {
			new Notice(t("notice.dailyTemplateMissing", { path }));
			return "";
		}
	}

	/**
	 * The daily note of `day`, created from the user's daily-note template when missing. Only
	 * ever called from a user's action, never at start-up.
	 */
	async ensure(day: Day, now: WallClock): Promise<TFile> {
		await this.refresh();
		const checked = checkDailyPath(this.pathOf(day), this.app.vault.configDir);
		if ("error" in checked) throw new Error(checked.error);
		const vault = this.app.vault;
		const existing = locate(vault, checked.path);
		if (existing.found instanceof TFile) return existing.found;
		const slash = existing.path.lastIndexOf("/");
		const name = existing.path.slice(slash + 1);
		const { y, m, d } = ymdFromDay(day);
		const at: WallClock = { ...now, year: y, month: m, day: d };
		const content = renderTemplate(await this.templateText(), { values: { title: name.slice(0, -3) }, now: at, locale: this.messages().locale });
		const folder = await ensureFolderIn(vault, existing.path.slice(0, Math.max(0, slash)));
		const path = folder === "" ? name : `${folder}/${name}`;
		// Created meanwhile (by a sync, or while the template was read): used, never overwritten.
		const again = locate(vault, path).found;
		if (again instanceof TFile) return again;
		try {
			return await vault.create(path, content);
		} catch (e) {
			const late = locate(vault, path).found;
			if (late instanceof TFile) return late;
			throw e;
		}
	}
}
