/** Rete's plugin entry: wiring only. */
import { getLanguage, Plugin } from "obsidian";
import { DateTime } from "luxon";
import { dayFromYmd, type Day } from "../core/dates";
import type { ReteSettings } from "../core/settings";
import type { WallClock } from "../core/template";
import { ReteActions } from "./actions";
import { registerCommands } from "./commands";
import { DailyNotes } from "./daily-notes";
import { EventActions } from "./event-actions";
import { EventFlows } from "./event-flows";
import { messagesFor } from "./i18n";
import { cacheName, IdbStore, PiecewiseIndexCache } from "./index-cache";
import { spawnBundledWorker } from "./index-worker";
import { ReteIndex } from "./people-index";
import { ReachOut } from "./reach-out";
import { loadSettings, ReteSettingTab } from "./settings";
import { PeopleDueView, VIEW_TYPE } from "./view";
import { NoteWriter } from "./writes";

/** The time on this device: the plugin's only clock. */
function now(): WallClock {
	const t = DateTime.local();
	return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
}

function today(): Day {
	const t = now();
	return dayFromYmd(t.year, t.month, t.day);
}

export default class RetePlugin extends Plugin {
	override settings!: ReteSettings;
	private index!: ReteIndex;

	override async onload(): Promise<void> {
		const messages = messagesFor(getLanguage());
		this.settings = await loadSettings(this, messages);
		const settings = (): ReteSettings => this.settings;
		let index: ReteIndex | null = null;
		const daily = this.addChild(new DailyNotes(this.app, () => messages, () => void index?.settingsChanged()));
		const store = typeof indexedDB === "undefined" ? null : new PiecewiseIndexCache(new IdbStore(cacheName(this.app)));
		index = this.addChild(new ReteIndex(this.app, settings, daily, store, this.manifest.version, spawnBundledWorker));
		this.index = index;
		const built = index;
		const writer = new NoteWriter(this.app, () => messages, () => built.touch());
		const reachOut = new ReachOut(this.app, built, daily, writer, () => messages, settings, now);
		reachOut.watchCreation(this);
		const actions = new ReteActions(this.app, built, writer, () => messages, settings, today, (path, date, text) => reachOut.logToDaily(path, date, text));
		const events = new EventFlows(this.app, new EventActions(this.app, built, writer, () => messages, settings, now), built, messages, settings, today);
		this.registerView(VIEW_TYPE, (leaf) => new PeopleDueView(leaf, {
			index: built,
			messages: () => messages,
			settings,
			today,
			actions: {
				log: (item) => actions.log(item.path),
				done: (item) => void actions.done(item),
				snooze: (item, evt) => actions.snoozeMenu(item.path, evt),
			},
		}));
		this.addRibbonIcon("users", messages.t("ribbon.open"), () => void this.openView());
		registerCommands(this, messages, { actions, events, reachOut, openView: () => this.openView(), index: built });
		this.addSettingTab(new ReteSettingTab(this.app, this, this, messages));
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
		await this.index.settingsChanged();
	}

	/** Reveals the view in the right sidebar, opening it there when needed. */
	async openView(): Promise<void> {
		const { workspace } = this.app;
		let leaf = workspace.getLeavesOfType(VIEW_TYPE)[0] ?? null;
		if (!leaf) {
			leaf = workspace.getRightLeaf(false);
			if (!leaf) return;
			await leaf.setViewState({ type: VIEW_TYPE, active: true });
		}
		await workspace.revealLeaf(leaf);
	}
}
