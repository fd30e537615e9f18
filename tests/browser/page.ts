/**
 * Node side of the browser check: the example vault's due list (through the CLI core), the
 * harness bundle (esbuild, "obsidian" aliased to the shim) and a page that loads Obsidian's
 * stand-in theme, the plugin's styles.css and the bundle.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { loadVault } from "../../src/cli/main";
import { dayFromYmd } from "../../src/core/dates";
import type { PersonInfo } from "../../src/core/types";
import type { HarnessData } from "./harness";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");

/** The example vault's due list on 2026-11-20, 7 days ahead, as `rete due` shows it. */
export function exampleData(): HarnessData {
	const vault = loadVault(path.join(ROOT, "examples/vault"), ".obsidian", "en");
	const today = dayFromYmd(2026, 11, 20);
	const items = vault.index.due(today, 7);
	const people: Record<string, PersonInfo> = {};
	for (const item of items) {
		const info = vault.index.person(item.path);
		if (info) people[item.path] = info;
	}
	return { items, problems: [...vault.unreadable, ...vault.index.problems()], people, today };
}

/** The harness as one browser script (an IIFE). */
export async function bundleHarness(): Promise<string> {
	const result = await build({
		entryPoints: [path.join(here, "harness.ts")],
		absWorkingDir: ROOT,
		bundle: true,
		write: false,
		format: "iife",
		platform: "browser",
		target: "es2021",
		alias: { obsidian: path.join(here, "obsidian-shim.ts") },
		logLevel: "silent",
	});
	const out = result.outputFiles[0];
	if (!out) throw new Error("esbuild produced no bundle");
	return out.text;
}

/** A blank page with the stand-in theme, then styles.css (as Obsidian loads a plugin's), then the harness. */
export async function openViewPage(browser: Browser, bundle: string, viewport: { width: number; height: number }): Promise<Page> {
	const page = await browser.newPage({ viewport, deviceScaleFactor: 2, locale: "en-US", timezoneId: "UTC" });
	await page.setContent('<!doctype html><html><head><meta charset="utf-8"><title>People due</title></head><body class="theme-light"><div id="app"></div></body></html>');
	await page.addStyleTag({ content: fs.readFileSync(path.join(here, "obsidian-theme.css"), "utf8") });
	await page.addStyleTag({ content: fs.readFileSync(path.join(ROOT, "styles.css"), "utf8") });
	await page.addScriptTag({ content: bundle });
	return page;
}
