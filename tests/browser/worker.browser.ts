/**
 * The index worker in a real browser (Debian's Chromium through playwright-core): the worker
 * bundle, built as esbuild.config.mjs builds it for main.js, is started from a blob as the
 * plugin starts it, and builds the example vault's index; the snapshot it hands back (typed
 * arrays transferred) must be the one the same builder gives in Node.
 *
 * Run: npx vitest run --config tests/browser/vitest.browser.config.ts
 * Without /usr/bin/chromium it is skipped, except in CI (CI=true), where it fails.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listNotes, toRecord } from "../../src/cli/vault";
import { dayFromYmd } from "../../src/core/dates";
import { type BuildReply, type BuildRequest, IndexBuilder } from "../../src/core/index-builder";
import { PeopleIndex } from "../../src/core/network";
import { defaultSettings } from "../../src/core/settings";
import { ROOT } from "./page";

const CHROMIUM = process.env.RETE_CHROMIUM ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM) || process.env.CI === "true";
const KEY = "browser-check";
const DAILY = { folder: "Journal", format: "YYYY-MM-DD", locale: "en" };

/** The conversation the plugin has with its worker, over the example vault's notes. */
function requests(): BuildRequest[] {
	const vault = path.join(ROOT, "examples/vault");
	const notes = listNotes(vault).map((f) => {
		const text = fs.readFileSync(path.join(vault, f.path), "utf8");
		return { path: f.path, text, frontmatter: toRecord(f.path, text).frontmatter ?? undefined, stamp: 1 };
	});
	return [
		{ kind: "start", settings: defaultSettings(), daily: DAILY, key: KEY },
		// Every note as the metadata cache knows it, without text; then all of them read.
		{ kind: "notes", notes: notes.map((n) => ({ path: n.path, frontmatter: n.frontmatter, body: null, links: [], stamp: n.stamp })) },
		{ kind: "settle" },
		{ kind: "texts", notes },
		{ kind: "finish" },
	];
}

function view(snapshot: unknown): unknown {
	const index = PeopleIndex.fromSnapshot({ settings: defaultSettings(), daily: null }, snapshot, KEY);
	return { due: index.due(dayFromYmd(2026, 11, 20), 30), stats: index.stats(), problems: index.problems() };
}

(HAVE_CHROMIUM ? describe : describe.skip)("the index worker in Chromium", () => {
	let browser: Browser;
	let source: string;

	beforeAll(async () => {
		const out = await build({ entryPoints: [path.join(ROOT, "src/worker/entry.ts")], absWorkingDir: ROOT, bundle: true, write: false, format: "iife", platform: "browser", target: "es2021", minify: true, logLevel: "silent" });
		source = out.outputFiles[0]?.text ?? "";
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("builds from a blob the index the builder gives in Node, its arrays handed over", async () => {
		const page = await browser.newPage();
		const errors: string[] = [];
		page.on("pageerror", (e) => errors.push(e.message));
		await page.setContent("<!doctype html><html><body></body></html>");
		const sent = requests();
		const replies = await page.evaluate(
			async ({ code, messages }) => {
				const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
				const worker = new Worker(url);
				const got: unknown[] = [];
				await new Promise<void>((resolve, reject) => {
					worker.onerror = (e) => reject(new Error(e.message));
					worker.onmessage = (e: MessageEvent<{ kind: string; snapshot?: { entries: Float64Array } }>) => {
						const reply = e.data;
						// A transferred array arrives whole; the worker's copy is emptied.
						got.push(reply.kind === "built" ? { ...reply, transferred: reply.snapshot?.entries instanceof Float64Array } : reply);
						if (reply.kind === "built" || reply.kind === "failed") resolve();
					};
					for (const m of messages) worker.postMessage(m);
				});
				worker.terminate();
				URL.revokeObjectURL(url);
				return got;
			},
			{ code: source, messages: sent },
		);
		expect(errors).toEqual([]);
		const builder = new IndexBuilder();
		const expected = sent.map((m) => builder.handle(m)).filter((r): r is BuildReply => r !== null);
		expect(replies.map((r) => (r as BuildReply).kind)).toEqual(["ready", "read", "built"]);
		const built = replies[2] as { snapshot: unknown; transferred: boolean };
		const mine = expected[2] as { snapshot: unknown };
		expect(built.transferred).toBe(true);
		expect(view(built.snapshot)).toEqual(view(mine.snapshot));
		expect((view(mine.snapshot) as { stats: { interactions: number } }).stats.interactions).toBeGreaterThan(5);
		await page.close();
	});
});
