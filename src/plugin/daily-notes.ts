/**
 * The user's daily-note settings (core Daily Notes, or Periodic Notes when enabled), read
 * defensively from the config folder and watched for changes, and today's daily note.
 */
import { type App, Component, moment, normalizePath, Notice, type TFile } from "obsidian";
import { compileDaily, type DailyMatcher } from "../core/daily";
import type { DailySpec } from "../core/index-builder";
import { type DailySettingsFiles, type ResolvedDaily, resolveDailySettings } from "../core/daily-config";
import { type Day, ymdFromDay } from "../core/dates";
import { renderTemplate, type WallClock } from "../core/template";
import type { Messages } from "./i18n";

/** How often the settings files are checked for changes made in Obsidian's settings. */
export const WATCH_MS = 15_000;

export class DailyNotes extends Component {
	private raw = "";
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

	/** Reads the settings files; returns whether they changed since the last read. */
	async refresh(): Promise<boolean> {
		const [daily, community, periodic] = await Promise.all([
			this.readJson("daily-notes.json"),
			this.readJson("community-plugins.json"),
			this.readJson("plugins/periodic-notes/data.json"),
		]);
		const raw = `${daily.text}\u0000${community.text}\u0000${periodic.text}`;
		if (raw === this.raw) return false;
		const first = this.raw === "";
		this.raw = raw;
		const files: DailySettingsFiles = { dailyNotes: daily.value, communityPlugins: community.value, periodicNotes: periodic.value };
		this.current = resolveDailySettings(files);
		if (!first) this.onChange();
		return true;
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

	/** The daily note of `day`, when it exists. */
	noteOf(day: Day): TFile | null {
		return this.app.vault.getFileByPath(this.pathOf(day));
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
		const existing = this.noteOf(day);
		if (existing) return existing;
		const path = this.pathOf(day);
		const title = path.slice(path.lastIndexOf("/") + 1, -3);
		const { y, m, d } = ymdFromDay(day);
		const at: WallClock = { ...now, year: y, month: m, day: d };
		const content = renderTemplate(await this.templateText(), { values: { title }, now: at, locale: this.messages().locale });
		const folder = path.slice(0, Math.max(0, path.lastIndexOf("/")));
		if (folder !== "" && !this.app.vault.getFolderByPath(folder)) {
			try {
				await this.app.vault.createFolder(folder);
			} catch (e) {
				if (!this.app.vault.getFolderByPath(folder)) throw e;
			}
		}
		return this.app.vault.create(path, content);
	}
}
