import { Plugin } from "obsidian";
import { migrateSettings, type ReteSettings } from "../core/settings";

export default class RetePlugin extends Plugin {
	override settings: ReteSettings = migrateSettings(undefined).settings;

	override async onload(): Promise<void> {
		this.settings = migrateSettings(await this.loadData()).settings;
	}
}
