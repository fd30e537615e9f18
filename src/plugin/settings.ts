/** Loading Rete's settings, and the settings tab. */
import { type App, debounce, Notice, type Plugin, PluginSettingTab, Setting, type TextComponent } from "obsidian";
import { readCadence } from "../core/cadence";
import { checkFolder } from "../core/names";
import { migrateSettings, normalizeFolder, normalizeTags, type ReteSettings } from "../core/settings";
import { errorText, translateCore } from "./core-text";
import type { Messages } from "./i18n";

/** The largest values core/settings.ts accepts (migrateSettings): the tab accepts the same. */
export const MAX_HORIZON = 3660;
export const MAX_FOLLOW_UP_DAYS = 365;

/** A whole number of days from 0 to `max`, as typed; null when it is not one. */
export function readDays(text: string, max: number): number | null {
	const s = text.trim();
	if (!/^\d{1,5}$/.test(s)) return null;
	const n = Number(s);
	return n <= max ? n : null;
}

/**
 * A copy of the defaults merged with what was saved. A corrupt file gives the defaults and a
 * notice, and nothing is written: the file is only saved when the user changes a setting.
 */
export async function loadSettings(plugin: Plugin, m: Messages): Promise<ReteSettings> {
	let saved: unknown;
	try {
		saved = await plugin.loadData();
	} catch (e) {
		new Notice(m.t("notice.settingsReset", { error: errorText(e, m.t) }));
		return migrateSettings(undefined).settings;
	}
	const { settings, warnings } = migrateSettings(saved);
	if (warnings.length > 0) new Notice(m.t("notice.settingsWarn", { warnings: warnings.map((w) => translateCore(w, m.t)).join("; ") }));
	return settings;
}

export interface SettingsHost {
	settings: ReteSettings;
	saveSettings(): Promise<void>;
}

export class ReteSettingTab extends PluginSettingTab {
	private readonly saveSoon = debounce(() => void this.host.saveSettings(), 600, true);

	constructor(
		app: App,
		plugin: Plugin,
		private readonly host: SettingsHost,
		private readonly m: Messages,
	) {
		super(app, plugin);
	}

	private change(change: (s: ReteSettings) => void): void {
		change(this.host.settings);
		this.saveSoon();
	}

	/** A number of days from 0 to `max`: any such value shows as saved; anything else is not saved, and says why. */
	private days(setting: Setting, desc: "settings.horizon.desc" | "settings.followUpDays.desc", value: number, max: number, save: (n: number) => void): void {
		const { t } = this.m;
		setting.setDesc(t(desc)).addText((c: TextComponent) => {
			Object.assign(c.inputEl, { type: "number", min: "0", max: String(max), step: "1" });
			c.setValue(String(value)).onChange((v) => {
				const n = readDays(v, max);
				if (n === null) {
					setting.setDesc(t("settings.invalid", { error: t("settings.badDays", { max }) }));
					return;
				}
				setting.setDesc(t(desc));
				save(n);
			});
		});
	}

	override display(): void {
		const { t } = this.m;
		const s = this.host.settings;
		const el = this.containerEl;
		el.empty();
		new Setting(el).setName(t("settings.peopleFolder")).setDesc(t("settings.peopleFolder.desc")).addText((c) =>
			c.setPlaceholder(t("placeholder.folder")).setValue(s.peopleFolder).onChange((v) => this.change((x) => (x.peopleFolder = normalizeFolder(v)))),
		);
		new Setting(el).setName(t("settings.personTags")).setDesc(t("settings.personTags.desc")).addText((c) =>
			c.setPlaceholder(t("placeholder.tags")).setValue(s.personTags.join(", ")).onChange((v) => this.change((x) => (x.personTags = normalizeTags(v.split(/[,\s]+/))))),
		);
		new Setting(el).setName(t("settings.personType")).setDesc(t("settings.personType.desc")).addText((c) =>
			c.setPlaceholder(t("placeholder.type")).setValue(s.personType).onChange((v) => this.change((x) => (x.personType = v.trim()))),
		);
		const cadence = new Setting(el).setName(t("settings.defaultCadence")).setDesc(t("settings.defaultCadence.desc"));
		cadence.addText((c) =>
			c.setPlaceholder(t("placeholder.cadence")).setValue(s.defaultCadence).onChange((v) => {
				const read = readCadence(v);
				if (read && "error" in read) {
					cadence.setDesc(t("settings.invalid", { error: translateCore(read.error, t) }));
					return;
				}
				cadence.setDesc(t("settings.defaultCadence.desc"));
				this.change((x) => (x.defaultCadence = v.trim()));
			}),
		);
		this.days(new Setting(el).setName(t("settings.horizon")), "settings.horizon.desc", s.horizon, MAX_HORIZON, (n) => this.change((x) => (x.horizon = n)));
		new Setting(el).setName(t("settings.logHeading")).setDesc(t("settings.logHeading.desc")).addText((c) =>
			c.setPlaceholder(t("placeholder.heading")).setValue(s.logHeading).onChange((v) => {
				if (v.trim() !== "") this.change((x) => (x.logHeading = v.trim()));
			}),
		);
		new Setting(el).setName(t("settings.indexCache")).setDesc(t("settings.indexCache.desc")).addToggle((c) =>
			c.setValue(s.indexCache).onChange((v) => this.change((x) => (x.indexCache = v))),
		);
		this.displayEvents(el);
		this.displayDaily(el);
	}

	/** The settings of daily notes. */
	private displayDaily(el: HTMLElement): void {
		const { t } = this.m;
		const s = this.host.settings;
		new Setting(el).setName(t("settings.daily")).setHeading();
		new Setting(el).setName(t("settings.reachOutHeading")).setDesc(t("settings.reachOutHeading.desc")).addText((c) =>
			c.setPlaceholder(t("reachout.heading")).setValue(s.reachOutHeading).onChange((v) => this.change((x) => (x.reachOutHeading = v.trim()))),
		);
		new Setting(el).setName(t("settings.reachOutOnCreate")).setDesc(t("settings.reachOutOnCreate.desc")).addToggle((c) =>
			c.setValue(s.reachOutOnCreate).onChange((v) => this.change((x) => (x.reachOutOnCreate = v))),
		);
		new Setting(el).setName(t("settings.logTarget")).setDesc(t("settings.logTarget.desc")).addDropdown((d) =>
			d
				.addOption("person", t("settings.logTarget.person"))
				.addOption("daily", t("settings.logTarget.daily"))
				.setValue(s.logTarget)
				.onChange((v) => this.change((x) => (x.logTarget = v === "daily" ? "daily" : "person"))),
		);
		new Setting(el).setName(t("settings.dailyLogHeading")).setDesc(t("settings.dailyLogHeading.desc")).addText((c) =>
			c.setPlaceholder(t("placeholder.heading")).setValue(s.dailyLogHeading).onChange((v) => {
				if (v.trim() !== "") this.change((x) => (x.dailyLogHeading = v.trim()));
			}),
		);
	}

	/** The settings of "after the event". */
	private displayEvents(el: HTMLElement): void {
		const { t } = this.m;
		const s = this.host.settings;
		new Setting(el).setName(t("settings.events")).setHeading();
		const folder = new Setting(el).setName(t("settings.eventsFolder")).setDesc(t("settings.eventsFolder.desc"));
		folder.addText((c) =>
			c.setPlaceholder(t("placeholder.eventsFolder")).setValue(s.eventsFolder).onChange((v) => {
				const checked = checkFolder(v, this.app.vault.configDir);
				if ("error" in checked) {
					folder.setDesc(t("settings.invalid", { error: translateCore(checked.error, t) }));
					return;
				}
				folder.setDesc(t("settings.eventsFolder.desc"));
				this.change((x) => (x.eventsFolder = checked.folder));
			}),
		);
		new Setting(el).setName(t("settings.eventKinds")).setDesc(t("settings.eventKinds.desc")).addTextArea((c) =>
			c.setValue(s.eventKinds.join(", ")).onChange((v) => {
				const kinds = [...new Set(v.split(",").map((k) => k.trim()).filter((k) => k !== ""))];
				if (kinds.length > 0) this.change((x) => (x.eventKinds = kinds));
			}),
		);
		this.days(new Setting(el).setName(t("settings.followUpDays")), "settings.followUpDays.desc", s.followUpDays, MAX_FOLLOW_UP_DAYS, (n) => this.change((x) => (x.followUpDays = n)));
		new Setting(el).setName(t("settings.followUpAction")).setDesc(t("settings.followUpAction.desc")).addText((c) =>
			c.setValue(s.followUpAction).onChange((v) => this.change((x) => (x.followUpAction = v.trim()))),
		);
		for (const [key, placeholder] of [["eventTemplate", "placeholder.template"], ["personTemplate", "placeholder.personTemplate"]] as const) {
			new Setting(el).setName(t(`settings.${key}`)).setDesc(t(`settings.${key}.desc`)).addText((c) =>
				c.setPlaceholder(t(placeholder)).setValue(s[key]).onChange((v) => this.change((x) => (x[key] = v.trim()))),
			);
		}
	}
}
