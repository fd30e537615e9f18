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
import { joinSnapshot } from "../../src/core/snapshot-parts";
import { defaultSettings } from "../../src/core/settings";
import { textColumns } from "../core/helpers";
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
		return { path: f.path, text, bytes: new TextEncoder().encode(text).buffer, frontmatter: toRecord(f.path, text).frontmatter ?? undefined, stamp: 1 };
	});
	return [
		{ kind: "start", settings: defaultSettings(), daily: DAILY, key: KEY },
		// Every note as the metadata cache knows it, without text; then all of them read.
		{ kind: "notes", notes: notes.map((n) => ({ path: n.path, frontmatter: n.frontmatter, body: null, links: [], stamp: n.stamp })) },
		{ kind: "settle" },
		{ kind: "texts", notes: textColumns(notes) },
		{ kind: "finish" },
	];
}

/** The snapshot in the replies to "finish", put together again. */
async function snapshotOf(replies: BuildReply[]): Promise<unknown> {
	const built = replies.find((r) => r.kind === "built");
	if (built?.kind !== "built") throw new Error("no snapshot");
	return joinSnapshot(built.plan, replies.filter((r) => r.kind === "piece").map((r) => (r.kind === "piece" ? r.value : null)));
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
					let pieces = -1;
					worker.onmessage = (e: MessageEvent<{ kind: string; plan?: { pieces: number }; value?: unknown }>) => {
						const reply = e.data;
						got.push(reply.kind === "piece" ? { ...reply, transferred: ArrayBuffer.isView(reply.value) } : reply);
						if (reply.kind === "built") pieces = reply.plan?.pieces ?? 0;
						if (reply.kind === "piece") pieces--;
						if (pieces === 0 || reply.kind === "failed") resolve();
					};
					// Each note's bytes made here and handed over, as the plugin hands over what it read.
					for (const m of messages) {
						if (m.kind !== "texts") worker.postMessage(m);
						else {
							const { paths, texts, frontmatter, stamps } = m.notes;
							const bytes = texts.map((text) => new TextEncoder().encode(text).buffer);
							const notes = { paths, bytes, frontmatter, stamps: Float64Array.from(stamps) };
							worker.postMessage({ ...m, notes }, [...bytes, notes.stamps.buffer]);
						}
					}
				});
				worker.terminate();
				URL.revokeObjectURL(url);
				return got;
			},
			// Strings through the page's boundary; bytes made on the other side.
			{ code: source, messages: sent.map((m) => (m.kind === "texts" ? { ...m, notes: { paths: m.notes.paths, texts: m.notes.bytes.map((b) => new TextDecoder().decode(b)), frontmatter: m.notes.frontmatter, stamps: Array.from(m.notes.stamps) } } : m)) },
		);
		expect(errors).toEqual([]);
		const builder = new IndexBuilder();
		const expected = sent.flatMap((m) => builder.handle(m));
		expect(replies.map((r) => (r as BuildReply).kind)).toEqual(expected.map((r) => r.kind));
		const built = replies as Array<BuildReply & { transferred?: boolean }>;
		// Every piece that is a typed array arrived as one (its memory handed over).
		expect(built.filter((r) => r.kind === "piece" && r.transferred).length).toBe(expected.filter((r) => r.kind === "piece" && ArrayBuffer.isView(r.value)).length);
		const theirs = await snapshotOf(built);
		const mine = await snapshotOf(expected);
		expect(view(theirs)).toEqual(view(mine));
		expect((view(mine) as { stats: { interactions: number } }).stats.interactions).toBeGreaterThan(5);
		await page.close();
	});
});
