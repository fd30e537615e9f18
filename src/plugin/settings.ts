/** Loading Rete's settings, and the settings tab. */
import { type App, debounce, Notice, type Plugin, PluginSettingTab, Setting } from "obsidian";
import { readCadence } from "../core/cadence";
import { migrateSettings, normalizeFolder, normalizeTags, type ReteSettings } from "../core/settings";
import type { Messages } from "./i18n";

/**
 * A copy of the defaults merged with what was saved. A corrupt file gives the defaults and a
 * notice, and nothing is written: the file is only saved when the user changes a setting.
 */
export async function loadSettings(plugin: Plugin, m: Messages): Promise<ReteSettings> {
	let saved: unknown;
	try {
		saved = await plugin.loadData();
	} catch (e) {
		new Notice(m.t("notice.settingsReset", { error: e instanceof Error ? e.message : String(e) }));
		return migrateSettings(undefined).settings;
	}
	const { settings, warnings } = migrateSettings(saved);
	if (warnings.length > 0) new Notice(m.t("notice.settingsWarn", { warnings: warnings.join("; ") }));
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
					cadence.setDesc(t("settings.invalid", { error: read.error }));
					return;
				}
				cadence.setDesc(t("settings.defaultCadence.desc"));
				this.change((x) => (x.defaultCadence = v.trim()));
			}),
		);
		new Setting(el).setName(t("settings.horizon")).setDesc(t("settings.horizon.desc")).addSlider((c) =>
			c.setLimits(0, 60, 1).setValue(s.horizon).onChange((v) => this.change((x) => (x.horizon = v))),
		);
		new Setting(el).setName(t("settings.logHeading")).setDesc(t("settings.logHeading.desc")).addText((c) =>
			c.setPlaceholder(t("placeholder.heading")).setValue(s.logHeading).onChange((v) => {
				if (v.trim() !== "") this.change((x) => (x.logHeading = v.trim()));
			}),
		);
	}
}
