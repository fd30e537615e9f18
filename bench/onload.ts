/**
 * `RetePlugin.onload` timed with obsidian-test-mocks standing in for Obsidian (bundled with
 * "obsidian" → obsidian-test-mocks/obsidian). Run by bench/main.ts in its own process; prints
 * one line of JSON: `{ cold: ms, startup: ms[], ready: ms[] }`.
 *
 * - cold: the first call in the process, before the JIT has compiled anything (as in Obsidian).
 * - startup: Obsidian loads plugins before the layout is ready; the index waits for it.
 * - ready: the plugin is enabled later, the layout is ready, and the index starts building at
 *   once. Only its first synchronous step counts here: the rest is sliced (figure 2).
 *
 * The mocks route every call through proxies, so these are upper bounds.
 */
import "./dom-globals";
import type { PluginManifest } from "obsidian";
import { App } from "obsidian-test-mocks/obsidian";
import RetePlugin from "../src/plugin/main";
import { installDom } from "./dom";

const manifest: PluginManifest = { id: "rete", name: "Rete", version: "0.1.0", minAppVersion: "1.8.7", description: "", author: "", isDesktopOnly: false };

const FILES: Record<string, string> = {
	".obsidian/daily-notes.json": JSON.stringify({ folder: "Daily", format: "YYYY-MM-DD" }),
	"People/Anna Rossi.md": "---\ncadence: 2w\ncompany: Acme\n---\n## Log\n- 2026-10-01 Coffee\n",
	"Daily/2026-11-01.md": "- [ ] Send [[Anna Rossi]] the deck 📅 2026-11-05\n",
};

async function once(ready: boolean): Promise<number> {
	const app = App.createConfigured__({ files: FILES });
	if (ready) app.workspace.setLayoutReady__();
	const plugin = new RetePlugin(app.asOriginalType__(), manifest);
	let loading: Promise<void> = Promise.resolve();
	const onload = plugin.onload.bind(plugin);
	plugin.onload = () => (loading = onload());
	const t = performance.now();
	// Obsidian calls load(), which marks the plugin loaded and runs onload().
	plugin.load();
	await loading;
	const spent = performance.now() - t;
	plugin.unload();
	return spent;
}

async function main(): Promise<void> {
	installDom();
	const runs = Number(process.argv[2] ?? "20");
	// The first call in a fresh process is what Obsidian pays: nothing is compiled yet.
	const cold = await once(false);
	const startup: number[] = [];
	const ready: number[] = [];
	for (let i = 0; i < 3; i++) {
		await once(false);
		await once(true);
	}
	for (let i = 0; i < runs; i++) {
		startup.push(await once(false));
		ready.push(await once(true));
	}
	process.stdout.write(`${JSON.stringify({ cold, startup, ready })}\n`);
}

main().then(
	() => process.exit(0),
	(e: unknown) => {
		process.stderr.write(`onload bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
		process.exit(2);
	},
);
