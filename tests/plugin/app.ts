/** A fake Obsidian app (obsidian-test-mocks) holding a vault in memory, for plugin tests. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { App as ObsidianApp } from "obsidian";
import { App } from "obsidian-test-mocks/obsidian";
import { setup } from "obsidian-test-mocks/setup";
import { defaultSettings, type ReteSettings } from "../../src/core/settings";
import { DailyNotes } from "../../src/plugin/daily-notes";
import { messagesFor } from "../../src/plugin/i18n";
import { ReteIndex } from "../../src/plugin/people-index";

setup();

export type FakeApp = ReturnType<typeof App.createConfigured__>;

/** Every file under `dir` as `{ relative/path: text }`, hidden folders included (config files). */
export function readFolder(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (abs: string, rel: string): void => {
		for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
			const childAbs = path.join(abs, entry.name);
			const childRel = rel === "" ? entry.name : `${rel}/${entry.name}`;
			if (entry.isDirectory()) walk(childAbs, childRel);
			else out[childRel] = fs.readFileSync(childAbs, "utf8");
		}
	};
	walk(dir, "");
	return out;
}

/** The user's daily-note settings as the plugin reads them, for an index under test. */
export function dailyFor(app: ObsidianApp): DailyNotes {
	return new DailyNotes(app, () => messagesFor("en"), () => undefined);
}

export function makeApp(files: Record<string, string>): { app: FakeApp; obsidian: ObsidianApp } {
	const app = App.createConfigured__({ files });
	return { app, obsidian: app.asOriginalType__() };
}

/** Waits for timers and promises to settle (the index yields with setTimeout). */
export async function settle(ms = 0): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, ms));
}

/** An index over a fake app, built as Obsidian would: after the layout is ready. */
export async function builtIndex(files: Record<string, string>, settings: Partial<ReteSettings> = {}): Promise<{ app: FakeApp; index: ReteIndex }> {
	const { app, obsidian } = makeApp(files);
	const s = { ...defaultSettings(), ...settings };
	const index = new ReteIndex(obsidian, () => s, dailyFor(obsidian));
	index.load();
	app.workspace.setLayoutReady__();
	await waitFor(() => index.ready);
	return { app, index };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
		await new Promise((resolve) => setTimeout(resolve, 1));
	}
}
