// @vitest-environment happy-dom
import type { PluginManifest } from "obsidian";
import { Plugin, TextComponent } from "obsidian-test-mocks/obsidian";
import { describe, expect, it, vi } from "vitest";
import { makeApp } from "./app";
import { defaultSettings, migrateSettings, type ReteSettings } from "../../src/core/settings";
import { messagesFor } from "../../src/plugin/i18n";
import { MAX_FOLLOW_UP_DAYS, MAX_HORIZON, readDays, ReteSettingTab } from "../../src/plugin/settings";

const manifest: PluginManifest = { id: "rete", name: "Rete", version: "0.1.0", minAppVersion: "1.8.7", description: "", author: "", isDesktopOnly: false };
/** The fake Plugin is abstract, as Obsidian's is: a plugin of no behaviour of its own. */
class HostPlugin extends Plugin {}

/** The settings tab over `saved`, drawn, with a way to reach each setting by its name. */
function tab(saved: Partial<ReteSettings> = {}, language = "en") {
	const { app, obsidian } = makeApp({});
	const plugin = new HostPlugin(app, manifest).asOriginalType2__();
	const host = { settings: { ...defaultSettings(), ...saved }, saveSettings: vi.fn(() => Promise.resolve()) };
	const texts = vi.spyOn(TextComponent, "create__");
	const settingTab = new ReteSettingTab(obsidian, plugin, host, messagesFor(language));
	settingTab.display();
	const components = texts.mock.results.flatMap((r) => (r.type === "return" ? [r.value] : []));
	texts.mockRestore();
	const field = (name: string) => {
		const nameEl = [...settingTab.containerEl.querySelectorAll("div")].find((d) => d.textContent === name && d.parentElement?.parentElement?.parentElement === settingTab.containerEl);
		const settingEl = nameEl?.parentElement?.parentElement;
		const input = settingEl?.querySelector("input");
		const text = components.find((c) => c.inputEl === input);
		if (!nameEl || !input || !text) throw new Error(`no text field named ${name}`);
		return { input, type: (value: string) => text.setValue(value), desc: () => nameEl.nextElementSibling?.textContent ?? "" };
	};
	return { host, field };
}

describe("the settings tab's numbers of days", () => {
	it("shows a saved horizon and follow-up delay above the old sliders' ranges as they are", () => {
		const { host, field } = tab({ horizon: 400, followUpDays: 200 });
		expect(field("Horizon").input.value).toBe("400");
		expect(field("Follow up after").input.value).toBe("200");
		expect(field("Horizon").input.type).toBe("number");
		expect(host.settings).toMatchObject({ horizon: 400, followUpDays: 200 });
	});

	it("saves any whole number of days the settings file accepts, and no other", () => {
		const { host, field } = tab();
		const horizon = field("Horizon");
		horizon.type(String(MAX_HORIZON));
		expect(host.settings.horizon).toBe(MAX_HORIZON);
		expect(horizon.desc()).toBe("How many days ahead the list looks for cadences, follow-ups and birthdays.");
		for (const bad of [String(MAX_HORIZON + 1), "-1", "2.5", "abc", ""]) {
			horizon.type(bad);
			expect(host.settings.horizon, bad).toBe(MAX_HORIZON);
			expect(horizon.desc(), bad).toBe(`Not saved: write a whole number of days from 0 to ${MAX_HORIZON}`);
		}
		horizon.type(" 0 ");
		expect(host.settings.horizon).toBe(0);
		const days = field("Follow up after");
		days.type(String(MAX_FOLLOW_UP_DAYS));
		expect(host.settings.followUpDays).toBe(MAX_FOLLOW_UP_DAYS);
		days.type(String(MAX_FOLLOW_UP_DAYS + 1));
		expect(host.settings.followUpDays).toBe(MAX_FOLLOW_UP_DAYS);
		expect(days.desc()).toBe(`Not saved: write a whole number of days from 0 to ${MAX_FOLLOW_UP_DAYS}`);
	});

	it("accepts exactly what the settings file accepts", () => {
		for (const [key, max] of [["horizon", MAX_HORIZON], ["followUpDays", MAX_FOLLOW_UP_DAYS]] as const) {
			expect(migrateSettings({ [key]: max }).warnings, key).toEqual([]);
			expect(migrateSettings({ [key]: max + 1 }).warnings, key).toHaveLength(1);
			expect(readDays(String(max), max)).toBe(max);
			expect(readDays(String(max + 1), max)).toBeNull();
		}
	});
});

describe("the settings tab's texts", () => {
	it("gives the person template its own placeholder", () => {
		const { field } = tab();
		expect(field("Event template").input.placeholder).toBe("Templates/Event");
		expect(field("Person template").input.placeholder).toBe("Templates/Person");
		expect(tab({}, "it").field("Modello delle persone").input.placeholder).toBe("Modelli/Persona");
	});

	it("says in Italian why a cadence or a folder was not saved", () => {
		const { host, field } = tab({}, "it");
		const cadence = field("Cadenza predefinita");
		cadence.type("ogni tanto");
		expect(cadence.desc()).toBe('Non salvato: cadenza sconosciuta "ogni tanto" (usa ad esempio 30, 2w, 3m, 1y, "2 weeks", monthly)');
		cadence.type("0");
		expect(cadence.desc()).toBe('Non salvato: la cadenza deve essere un numero intero di giorni da 1 a 36600, non "0"');
		expect(host.settings.defaultCadence).toBe("");
		const folder = field("Cartella degli eventi");
		folder.type("../Fuori");
		expect(folder.desc()).toBe('Non salvato: "../Fuori" esce dal vault (..)');
		folder.type("/Eventi");
		expect(folder.desc()).toBe('Non salvato: "/Eventi" è un percorso assoluto; usa una cartella dentro il vault');
		folder.type(".obsidian/x");
		expect(folder.desc()).toBe('Non salvato: ".obsidian/x" è dentro .obsidian, la cartella delle impostazioni di Obsidian');
		expect(host.settings.eventsFolder).toBe("Events");
	});
});
