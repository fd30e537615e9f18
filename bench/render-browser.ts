/**
 * The render figure in a real browser, for comparison with happy-dom: Debian's Chromium (which
 * is what Obsidian's Electron runs) driven by playwright-core, when it is installed.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as nodePath from "node:path";
import type { PageResult } from "./render-page";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromiumPath(): string | null {
	return CANDIDATES.find((p): p is string => typeof p === "string" && p !== "" && fs.existsSync(p)) ?? null;
}

/** Renders 50, 500 and 5,000 due people in Chromium; `null` when no Chromium is installed. */
export async function chromiumRender(pageBundle: string, root: string, runs: number): Promise<Map<number, PageResult> | null> {
	const executablePath = chromiumPath();
	if (!executablePath) return null;
	// From the project's node_modules: the benchmark bundle itself lives in a temporary folder.
	const { chromium } = createRequire(nodePath.join(root, "package.json"))("playwright-core") as typeof import("playwright-core");
	const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
	try {
		const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
		await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body class="theme-light"><div id="app"></div></body></html>');
		await page.addStyleTag({ content: fs.readFileSync(nodePath.join(root, "tests", "browser", "obsidian-theme.css"), "utf8") });
		await page.addStyleTag({ content: fs.readFileSync(nodePath.join(root, "styles.css"), "utf8") });
		await page.addScriptTag({ content: fs.readFileSync(pageBundle, "utf8") });
		const out = new Map<number, PageResult>();
		for (const count of [50, 500, 5000]) {
			out.set(count, await page.evaluate(([c, r]) => (window as unknown as { reteBench: { run(c: number, r: number): PageResult } }).reteBench.run(c, r), [count, runs] as const));
		}
		return out;
	} finally {
		await browser.close();
	}
}
