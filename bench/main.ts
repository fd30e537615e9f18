/**
 * `npm run bench`: the performance benchmark of Rete (issue 4). bench/run.mjs bundles this file
 * with esbuild ("obsidian" → bench/obsidian-shim.ts) and runs it with `--expose-gc` in a fresh
 * temporary folder, which it removes afterwards.
 *
 * Figures, each the median of several runs with min and max, all in one process so that ratios
 * hold: CLI cold index against the raw read and a naive peer; the plugin's index build from a
 * populated (fake) metadata cache, with its longest slice of main-thread work; incremental
 * updates; the due list; the view's render; retained heap per interaction record; `onload`.
 */
import { compileDaily } from "../src/core/daily";
import type { DailySource } from "../src/plugin/people-index";
import type { SpawnWorker } from "../src/plugin/index-worker";
import { replyHooks, ThreadWorker } from "./thread-worker";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as nodePath from "node:path";
import { loadVault } from "../src/cli/main";
import { listNotes, type VaultFile } from "../src/cli/vault";
import { PeopleIndex } from "../src/core/network";
import { defaultSettings, type ReteSettings } from "../src/core/settings";
import { recordFromText } from "../src/core/record";
import { ReteIndex } from "../src/plugin/people-index";
import { FakeApp, MemoryStore } from "./fake-app";
import { type IndexCache, PiecewiseIndexCache } from "../src/plugin/index-cache";
import { generateNotes, type GenNote, Rng, SIZES, type SizeName, TODAY, TODAY_ISO, writeVault } from "./generate";
import { naiveIndex } from "./naive";
import { fmt, percentile, summary, table, type Summary } from "./stats";
import { parseYaml } from "../src/cli/yaml";
import type { TFile } from "./obsidian-shim";

/** The generated vaults' daily-note settings (Daily/, YYYY-MM-DD), as the plugin would read them. */
function dailyFor(_app: unknown): DailySource {
	const compiled = compileDaily("Daily", "YYYY-MM-DD", "en");
	const matcher = "matcher" in compiled ? compiled.matcher : null;
	return { refresh: () => Promise.resolve(false), matcher: () => matcher, spec: () => ({ folder: "Daily", format: "YYYY-MM-DD", locale: "en" }) };
}

interface Args {
	sizes: SizeName[];
	check: boolean;
	runs: number;
	seed: number;
	tmp: string;
	onload: string | null;
	cli: string | null;
	out: string | null;
	ops: number;
	renderPage: string | null;
	/** bench/worker-thread.ts, bundled: the index worker for the first start. */
	worker: string | null;
	root: string;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { sizes: [], check: false, runs: 5, seed: 42, tmp: "", onload: null, cli: null, out: null, ops: 0, renderPage: null, worker: null, root: process.cwd() };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i] ?? "";
		const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
		const value = (): string => {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		if (flag === "--size") for (const s of value().split(",")) args.sizes.push(s.trim().toUpperCase() as SizeName);
		else if (flag === "--check") args.check = true;
		else if (flag === "--runs") args.runs = Math.max(5, Number(value()));
		else if (flag === "--seed") args.seed = Number(value());
		else if (flag === "--tmp") args.tmp = value();
		else if (flag === "--onload-bundle") args.onload = value();
		else if (flag === "--cli-bundle") args.cli = value();
		else if (flag === "--out") args.out = value();
		else if (flag === "--ops") args.ops = Number(value());
		else if (flag === "--render-page") args.renderPage = value();
		else if (flag === "--root") args.root = value();
		else if (flag === "--worker-bundle") args.worker = value();
		else throw new Error(`unknown option ${a} (use --size S|M|L[,…], --check, --runs N, --seed N, --out FILE)`);
	}
	for (const s of args.sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s}`);
	if (args.sizes.length === 0) args.sizes = args.check ? ["S"] : ["S", "M", "L"];
	if (args.tmp === "") throw new Error("--tmp is required (bench/run.mjs passes it)");
	return args;
}

const gc = (globalThis as { gc?: () => void }).gc;
function collect(): void {
	if (!gc) throw new Error("run with --expose-gc (bench/run.mjs does)");
	gc();
	gc();
}

function out(s = ""): void {
	process.stdout.write(`${s}\n`);
}

const now = (): number => performance.now();

// The people index yields to the UI with `window.setTimeout`.
(globalThis as { window?: unknown }).window = globalThis;

interface Row {
	figure: string;
	size: string;
	s: Summary;
	unit: string;
	note?: string;
}

interface Budget {
	name: string;
	measured: number;
	limit: number;
	unit: string;
	/** Judged by `--check` (at size S). */
	inCheck: boolean;
	note?: string;
}

/**
 * Budgets missed on this design, with the cause measured (docs/benchmarks.md, "Missed, and
 * why"). `--check` still shows them, but fails only on the others: a regression of anything met.
 */
const KNOWN_MISSES: Array<[RegExp, string]> = [
	[/^CLI cold index ≤ 1\.3 × raw read/, "parsing in JavaScript costs ~5× reading from a warm page cache"],
	[/^CLI cold index faster than the naive peer \(S\)/, "level with the peer at S (faster on M)"],
	[/^Due list for \d+ people ≤ 5 ms.*every person computed/, "the first list after a start: memory latency and ~7,000 new items"],
];

function knownMiss(name: string): string | null {
	return KNOWN_MISSES.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

const rows: Row[] = [];
const budgets: Budget[] = [];
const extra: Record<string, unknown> = {};

function row(figure: string, size: string, samples: number[], unit: string, note?: string): Summary {
	const s = summary(samples);
	rows.push({ figure, size, s, unit, ...(note !== undefined ? { note } : {}) });
	out(`  ${figure} [${size}]: median ${fmt(s.median, unit)} (min ${fmt(s.min, unit)}, max ${fmt(s.max, unit)}, n=${s.n})${note ? ` · ${note}` : ""}`);
	return s;
}

function settingsFor(): ReteSettings {
	return defaultSettings();
}

// ---------------------------------------------------------------------------------------------
// Figure 1: CLI cold index against the raw read and the naive peer.

function rawRead(files: readonly VaultFile[]): number {
	let bytes = 0;
	for (const f of files) bytes += fs.readFileSync(f.abs).length;
	return bytes;
}

function rawReadUtf8(files: readonly VaultFile[]): number {
	let chars = 0;
	for (const f of files) chars += fs.readFileSync(f.abs, "utf8").length;
	return chars;
}

interface CliFigures {
	cli: Summary;
	raw: Summary;
	naive: Summary;
	notes: number;
}

function cliFigures(size: SizeName, root: string, runs: number): CliFigures {
	const files = listNotes(root);
	// Warm the page cache and the JIT: one untimed pass of each.
	rawRead(files);
	loadVault(root, ".obsidian", "en");
	naiveIndex(files);
	const times: Record<"raw" | "utf8" | "cli" | "naive", number[]> = { raw: [], utf8: [], cli: [], naive: [] };
	const order = ["raw", "cli", "naive", "utf8"] as const;
	let stats = "";
	for (let r = 0; r < runs; r++) {
		// Rotate the order so that no contender always runs first or last.
		for (let k = 0; k < order.length; k++) {
			const which = order[(k + r) % order.length] ?? "raw";
			collect();
			const t = now();
			if (which === "raw") rawRead(files);
			else if (which === "utf8") rawReadUtf8(files);
			else if (which === "naive") naiveIndex(files);
			else {
				const v = loadVault(root, ".obsidian", "en");
				stats = JSON.stringify(v.index.stats());
			}
			times[which].push(now() - t);
		}
	}
	out(`  index: ${stats}`);
	const raw = row("1. raw read (readFileSync, bytes)", size, times.raw, "ms", `${files.length} files`);
	row("1. raw read + UTF-8 decode", size, times.utf8, "ms");
	const cli = row("1. CLI cold index (loadVault)", size, times.cli, "ms");
	const naive = row("1. naive peer (gray-matter + regex)", size, times.naive, "ms");
	const ratios = times.cli.map((c, i) => c / (times.raw[i] ?? Number.NaN));
	const peer = times.cli.map((c, i) => c / (times.naive[i] ?? Number.NaN));
	row("1. CLI ÷ raw read", size, ratios, "x");
	row("1. CLI ÷ naive peer", size, peer, "x");
	budgets.push({ name: `CLI cold index ≤ 1.3 × raw read (${size})`, measured: summary(ratios).median, limit: 1.3, unit: "x", inCheck: true });
	budgets.push({ name: `CLI cold index faster than the naive peer (${size})`, measured: summary(peer).median, limit: 1, unit: "x", inCheck: true });
	return { cli, raw, naive, notes: files.length };
}

/** `rete due` in a new process, end to end, as a user runs it. */
function cliProcess(size: SizeName, root: string, bundle: string, runs: number): void {
	const times: number[] = [];
	for (let r = 0; r < runs; r++) {
		const t = now();
		execFileSync(process.execPath, [bundle, "due", "--vault", root, "--today", TODAY_ISO, "--json"], { stdio: ["ignore", "ignore", "inherit"], maxBuffer: 1 << 30 });
		times.push(now() - t);
	}
	row("1. `rete due` end to end (new process)", size, times, "ms");
}

// ---------------------------------------------------------------------------------------------
// Figure 6: retained heap per interaction record.

function heapFigures(size: SizeName, root: string): void {
	collect();
	const m0 = process.memoryUsage();
	const before = m0.heapUsed + m0.arrayBuffers;
	const vault = loadVault(root, ".obsidian", "en");
	collect();
	const m1 = process.memoryUsage();
	const after = m1.heapUsed + m1.arrayBuffers;
	const s = vault.index.stats();
	const records = s.interactions + s.followups;
	const per = (after - before) / records;
	vault.index.due(TODAY, 7);
	collect();
	const m2 = process.memoryUsage();
	const withCaches = (m2.heapUsed + m2.arrayBuffers - before) / records;
	row("6. retained heap per record, CLI index", size, [per], "B", `${((after - before) / 1048576).toFixed(1)} MB for ${records} records (${s.interactions} interactions + ${s.followups} follow-ups), ${s.notes} notes`);
	row("6. … after a due list (sorted-day caches filled)", size, [withCaches], "B");
	budgets.push({ name: `Heap ≤ 150 B per interaction record (${size}, CLI index)`, measured: per, limit: 150, unit: "B", inCheck: true });
	extra[`heap-${size}`] = { before, after, records, per, withCaches };
}

/** The same for the plugin's index, built from the fake app (which exists before and after). */
async function pluginHeap(size: SizeName, app: FakeApp): Promise<void> {
	collect();
	const before = process.memoryUsage();
	const built = await pluginBuild(app);
	collect();
	const after = process.memoryUsage();
	const s = built.index.index.stats();
	const records = s.interactions + s.followups;
	const per = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / records;
	row("6. retained heap per record, plugin index", size, [per], "B", `${((after.heapUsed - before.heapUsed) / 1048576).toFixed(1)} MB`);
	budgets.push({ name: `Heap ≤ 150 B per interaction record (${size}, plugin index)`, measured: per, limit: 150, unit: "B", inCheck: true });
	built.index.unload();
}

// ---------------------------------------------------------------------------------------------
// Figure 2: the plugin's index build from a populated metadata cache.

async function fakeApp(notes: readonly GenNote[]): Promise<FakeApp> {
	const app = new FakeApp({ ".obsidian/daily-notes.json": JSON.stringify({ folder: "Daily", format: "YYYY-MM-DD" }) });
	for (const n of notes) app.vault.add(n.path, n.text);
	app.workspace.setLayoutReady();
	await Promise.resolve();
	return app;
}

interface BuildResult {
	index: ReteIndex;
	wall: number;
	work: number;
	longest: number;
	slices: number;
	reported: { work: number; longestSlice: number };
}

/**
 * Builds the index as Obsidian would (load, layout ready), with a worker from `spawn` if given,
 * and measures its main-thread work in slices (see `sliced`): the index yields only through
 * `window.setTimeout`, and a worker's replies arrive as tasks of their own.
 */
async function pluginBuild(app: FakeApp, cache: IndexCache | null = null, spawn: SpawnWorker | null = null): Promise<BuildResult> {
	const settings = settingsFor();
	const t0 = now();
	const index = new ReteIndex(app.asApp(), () => settings, dailyFor(app.asApp()), cache, "", spawn);
	const m = await sliced(async () => {
		const built = new Promise<void>((resolve) => {
			const ref = index.onUpdated(() => {
				(index as unknown as { events: { offref(r: unknown): void } }).events.offref(ref);
				resolve();
			});
		});
		index.load();
		await built;
	});
	const wall = now() - t0;
	return { index, wall, work: m.work, longest: m.longest, slices: m.slices, reported: { work: index.timings.work, longestSlice: index.timings.longestSlice } };
}

async function pluginFigures(size: SizeName, app: FakeApp, runs: number, notes: number, workerFile: string | null): Promise<{ index: ReteIndex; work: Summary }> {
	// The first start as Obsidian runs it (in a worker), then without a worker (the fallback).
	const ways: Array<[string, SpawnWorker | null]> = workerFile ? [["in a worker", () => new ThreadWorker(workerFile)], ["on the main thread, no worker", null]] : [["on the main thread, no worker", null]];
	let main: Summary | null = null;
	let last: BuildResult | null = null;
	for (const [way, spawn] of ways) {
		// One untimed build warms the JIT.
		last = await pluginBuild(app, null, spawn);
		last.index.unload();
		const wall: number[] = [];
		const work: number[] = [];
		const longest: number[] = [];
		const reportedWork: number[] = [];
		const reportedLongest: number[] = [];
		let slices = 0;
		for (let r = 0; r < runs; r++) {
			collect();
			last = await pluginBuild(app, null, spawn);
			if (last.index.timings.worker !== (spawn !== null)) throw new Error(`the first start ${way} did not build where it should`);
			wall.push(last.wall);
			work.push(last.work);
			longest.push(last.longest);
			reportedWork.push(last.reported.work);
			reportedLongest.push(last.reported.longestSlice);
			slices = last.slices;
			if (r < runs - 1 || spawn !== null) last.index.unload();
		}
		const w = row(`2. plugin index first start (${way}), main-thread work`, size, work, "ms", `${slices} slices, ${last.index.timings.read} notes read of ${notes}`);
		const l = row(`2. plugin index first start (${way}), longest slice`, size, longest, "ms");
		row(`2. plugin index first start (${way}), wall clock (with yields)`, size, wall, "ms");
		row("2. … work as ReteIndex.timings reports it", size, reportedWork, "ms");
		row("2. … longest slice as ReteIndex.timings reports it", size, reportedLongest, "ms");
		budgets.push({ name: `Plugin index: no slice over 50 ms (${size}, first start ${way})`, measured: l.median, limit: 50, unit: "ms", inCheck: true });
		if (size !== "S") budgets.push({ name: `Plugin index of ${size} ≤ 300 ms of work (first start ${way})`, measured: w.median, limit: 300, unit: "ms", inCheck: false, ...(size === "L" ? { note: "the budget is set for M; L is shown for scale" } : {}) });
		main = w;
	}
	if (!last || !main) throw new Error("no first start measured");
	// The other figures use the index the main thread built, and linear growth its work (all of it).
	return { index: last.index, work: main };
}

/**
 * Main-thread work of `run`, in slices: each task it runs (its start, each timer callback, each
 * worker reply), microtasks included, up to the end of that turn of the event loop (a
 * `setImmediate` queued when the task starts; anything else in the same turn counts too).
 */
async function sliced(run: () => Promise<void>): Promise<{ work: number; longest: number; slices: number }> {
	const g = globalThis as unknown as { setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => unknown };
	const real = g.setTimeout;
	const slices: number[] = [];
	let start = 0;
	let open = false;
	const close = (): void => {
		if (!open) return;
		open = false;
		slices.push(now() - start);
	};
	const begin = (): void => {
		if (!open) {
			open = true;
			start = now();
		}
		setImmediate(close);
	};
	replyHooks.begin = begin;
	g.setTimeout = (fn, ms, ...args) =>
		real(() => {
			begin();
			fn(...args);
		}, ms);
	try {
		begin();
		await run();
		close();
	} finally {
		g.setTimeout = real;
		replyHooks.begin = null;
	}
	return { work: slices.reduce((a, b) => a + b, 0), longest: Math.max(...slices), slices: slices.length };
}

/**
 * Every later start: the index saved by the last run (a structured clone, as IndexedDB keeps
 * it) is restored, and only notes whose stamp changed are read. Also the save itself, which
 * runs in one piece (snapshot and clone) when things are quiet.
 */
async function restoreFigures(size: SizeName, app: FakeApp, runs: number, notes: readonly GenNote[], plugin: PeopleIndex): Promise<Summary> {
	const store = new MemoryStore();
	const cache = new PiecewiseIndexCache(store);
	const first = await pluginBuild(app, cache);
	const saves: number[] = [];
	const saveSlices: number[] = [];
	for (let r = 0; r < Math.max(runs, 5); r++) {
		collect();
		(first.index as unknown as { dirty: boolean }).dirty = true;
		const m = await sliced(() => first.index.save());
		saves.push(m.work);
		saveSlices.push(m.longest);
	}
	first.index.unload();
	await first.index.idle();
	// Every start below begins from this saved index (a start saves again when it unloads).
	const saved = new Map(store.data);
	row("2. saving the index for the next start (written and stored in pieces): main-thread work", size, saves, "ms");
	const save = row("2. saving the index for the next start: longest slice", size, saveSlices, "ms");
	// Notes changed while the app was closed: "touched" keeps their text and moves their
	// modification time (a sync or a checkout that rewrote them); "edited" also adds a line
	// that mentions someone the note already mentions (put back afterwards).
	const variants: Array<[string, number, "touch" | "edit" | null]> = [
		["no note changed", 0, null],
		["1 % of notes touched since (same text)", Math.round(notes.length / 100), "touch"],
		["1 % of notes edited since (a line more)", Math.round(notes.length / 100), "edit"],
	];
	const daily = notes.filter((n) => n.kind === "daily");
	/** Changes the notes as `how` says; returns what puts them back. */
	const change = (changes: number, how: "touch" | "edit" | null): Array<() => void> => {
		const undo: Array<() => void> = [];
		for (let i = 0; i < changes; i++) {
			const note = daily[(i * 7919 + (how === "edit" ? 104_729 : 0)) % daily.length];
			const file = note ? app.vault.getFileByPath(note.path) : null;
			if (!note || !file) continue;
			if (how === "touch") {
				const stat = file.stat;
				file.stat = { ...stat, mtime: stat.mtime + 1_000_000 };
				undo.push(() => (file.stat = stat));
			} else {
				const mention = note.text.split("\n").find((line) => line.startsWith("- ") && line.includes("[["));
				if (mention === undefined) continue;
				const stat = file.stat;
				app.vault.modify(file, `${note.text}${mention}\n`);
				// The text put back, and the stamp the saved index knows (modifying moves the time on).
				undo.push(() => {
					app.vault.modify(file, note.text);
					file.stat = stat;
				});
			}
		}
		return undo;
	};
	// The variants take turns, in a rotating order, so that the process's drift over the runs
	// (its heap grows, the machine's load changes) falls on each alike.
	const runsWork = variants.map((): number[] => []);
	const longest = variants.map((): number[] => []);
	const last = variants.map((): BuildResult | null => null);
	for (let r = 0; r < runs + 1; r++) {
		for (let k = 0; k < variants.length; k++) {
			const v = (r + k) % variants.length;
			const [, changes, how] = variants[v] as [string, number, "touch" | "edit" | null];
			const undo = change(changes, how);
			const changed = undo.length;
			// The index the other figures use follows these edits (it is loaded): the saved one did not.
			await settled();
			const expected = JSON.stringify(plugin.due(TODAY, 7));
			store.data = new Map(saved);
			collect();
			const built = await pluginBuild(app, cache);
			if (!built.index.timings.restored) throw new Error("the saved index was not used");
			// Each start reads again exactly the notes changed for it: no other variant's left over.
			if (built.index.timings.notes !== changed) throw new Error(`a start from the saved index caught up on ${built.index.timings.notes} notes, not the ${changed} changed for it`);
			if (JSON.stringify(built.index.index.due(TODAY, 7)) !== expected || JSON.stringify(built.index.index.stats()) !== JSON.stringify(plugin.stats())) throw new Error("the restored index differs from the built one");
			// The first round warms the JIT.
			if (r > 0) {
				runsWork[v]?.push(built.work);
				longest[v]?.push(built.longest);
			}
			last[v] = built;
			built.index.unload();
			// Unloading saves the index: that save must not run into the next figure.
			await built.index.idle();
			for (const fn of undo) fn();
			await settled();
		}
	}
	let work: Summary | null = null;
	variants.forEach(([label, , how], v) => {
		const timings = last[v]?.index.timings;
		const w = row(`2. plugin index start from the saved index, ${label}: main-thread work`, size, runsWork[v] ?? [], "ms", `${timings?.notes ?? 0} notes changed, ${timings?.read ?? 0} read`);
		const l = row(`2. plugin index start from the saved index, ${label}: longest slice`, size, longest[v] ?? [], "ms");
		if (how === null) work = w;
		budgets.push({ name: `Plugin index: no slice over 50 ms (${size}, start from the saved index, ${label})`, measured: l.median, limit: 50, unit: "ms", inCheck: true });
		if (size !== "S") budgets.push({ name: `Plugin index of ${size} ≤ 300 ms of work (start from the saved index, ${label})`, measured: w.median, limit: 300, unit: "ms", inCheck: false, ...(size === "L" ? { note: "the budget is set for M; L is shown for scale" } : {}) });
	});
	budgets.push({ name: `Plugin index: no slice over 50 ms (${size}, saving the index)`, measured: save.median, limit: 50, unit: "ms", inCheck: true });
	return (work as Summary | null) ?? save;
}

// ---------------------------------------------------------------------------------------------
// Figure 3: incremental updates after one changed note.

async function settled(): Promise<void> {
	await new Promise<void>((resolve) => setImmediate(resolve));
}

async function timeOp(op: () => void): Promise<number> {
	const t = now();
	op();
	await settled();
	return now() - t;
}

function renamedPath(path: string): string {
	return `${path.slice(0, -3)} (renamed).md`;
}

async function incrementalFigures(size: SizeName, app: FakeApp, notes: readonly GenNote[], count: number, seed: number): Promise<Record<string, number>> {
	const rng = new Rng(seed + 7);
	const byKind = (kind: GenNote["kind"]) => notes.filter((n) => n.kind === kind);
	const daily = byKind("daily");
	const people = byKind("person");
	const quiet = byKind("other").filter((n) => !n.text.includes("## People"));
	const used = new Set<string>();
	const pick = (list: readonly GenNote[]): TFile => {
		for (let tries = 0; tries < list.length * 20; tries++) {
			const n = list[rng.int(list.length)];
			if (!n || used.has(n.path)) continue;
			used.add(n.path);
			const file = app.vault.getFileByPath(n.path);
			if (file) return file;
		}
		throw new Error("no unused note left to change");
	};
	const vault = app.vault;
	const person = (): string => {
		const p = people[rng.int(people.length)]?.path ?? "";
		return p.slice(p.lastIndexOf("/") + 1, -3);
	};
	// Each operation changes notes nobody changed before; a kind of note is shared by at most three operations.
	const samples = (list: readonly GenNote[]): number => Math.min(count, Math.floor(list.length / 3) - 5);
	const ops: Record<string, [number, () => () => void]> = {
		"edit (a daily note)": [samples(daily), () => {
			const file = pick(daily);
			const text = vault.text(file.path) ?? "";
			return () => vault.modify(file, `${text}- Follow-up thought, nothing more\n`);
		}],
		"new mention (a note that mentioned nobody)": [samples(quiet), () => {
			const file = pick(quiet);
			const text = vault.text(file.path) ?? "";
			return () => vault.modify(file, `${text}\n- ${TODAY_ISO} Coffee with [[${person()}]]\n`);
		}],
		"rename (any note)": [samples(notes), () => {
			const file = pick(notes);
			return () => vault.rename(file, renamedPath(file.path));
		}],
		"delete (any note)": [samples(notes), () => {
			const file = pick(notes);
			return () => vault.delete(file);
		}],
		"rename (a person's note)": [samples(people), () => {
			const file = pick(people);
			return () => vault.rename(file, renamedPath(file.path));
		}],
		"delete (a person's note)": [samples(people), () => {
			const file = pick(people);
			return () => vault.delete(file);
		}],
	};
	const p95: Record<string, number> = {};
	for (const [name, [n, prepare]] of Object.entries(ops)) {
		// A few untimed operations warm the JIT for this path. Then, as before the other
		// figures, a full GC, and a pause for what runs behind it (the sweeping after it, the
		// compiling after the warm-up), which competes with the samples on 2 cores.
		for (let i = 0; i < 5; i++) await timeOp(prepare());
		collect();
		await new Promise((resolve) => setTimeout(resolve, 200));
		const samples: number[] = [];
		for (let i = 0; i < n; i++) samples.push(await timeOp(prepare()));
		const s = summary(samples);
		const q = percentile(samples, 95);
		p95[name] = q;
		rows.push({ figure: `3. incremental: ${name}`, size, s, unit: "ms", note: `p50 ${fmt(percentile(samples, 50), "ms")}, p95 ${fmt(q, "ms")}, max ${fmt(s.max, "ms")}, n=${n}` });
		out(`  3. ${name} [${size}]: p50 ${fmt(percentile(samples, 50), "ms")}, p95 ${fmt(q, "ms")}, max ${fmt(s.max, "ms")}, n=${n}`);
		budgets.push({ name: `Incremental ${name} p95 ≤ 2 ms (${size})`, measured: q, limit: 2, unit: "ms", inCheck: true });
	}
	return p95;
}

// ---------------------------------------------------------------------------------------------
// Figure 4: the due list.

/**
 * The due list four ways: every person computed (the first list after the index is built or
 * restored: each run asks for an earlier day, which nothing cached can answer), a new day (the
 * first list of each day: each run asks for the next day), after one changed note (what the
 * view does after an edit: `change` edits a note first, untimed), and with nothing changed.
 */
async function dueFigure(size: string, index: PeopleIndex, label: string, runs: number, inCheck: boolean, change: (i: number) => Promise<void> | void): Promise<void> {
	const people = index.stats().people;
	// Each call is a few milliseconds: enough samples that the median holds still.
	const n = Math.max(runs, 20);
	// As before the other figures: the garbage of building the index is not the due list's.
	collect();
	const full: number[] = [];
	let items = 0;
	for (let r = 0; r < n; r++) {
		const t = now();
		items = index.due(TODAY + 30 - r, 7).length;
		full.push(now() - t);
	}
	index.due(TODAY, 7);
	const next: number[] = [];
	for (let r = 0; r < n; r++) {
		const t = now();
		index.due(TODAY + 1 + r, 7);
		next.push(now() - t);
	}
	index.due(TODAY, 7);
	const edited: number[] = [];
	for (let r = 0; r < n; r++) {
		await change(r);
		const t = now();
		items = index.due(TODAY, 7).length;
		edited.push(now() - t);
	}
	const same: number[] = [];
	for (let r = 0; r < n; r++) {
		const t = now();
		index.due(TODAY, 7);
		same.push(now() - t);
	}
	const f = row(`4. due list, ${people} people${label}: every person computed (the first list after a start)`, size, full, "ms");
	const d = row(`4. due list, ${people} people${label}: a new day (the first list of each day)`, size, next, "ms");
	const e = row(`4. due list, ${people} people${label}: after one changed note`, size, edited, "ms", `${items} items`);
	row(`4. due list, ${people} people${label}: nothing changed`, size, same, "ms");
	if (people >= 9000) {
		budgets.push({ name: `Due list for ${people} people ≤ 5 ms${label}, after one changed note`, measured: e.median, limit: 5, unit: "ms", inCheck });
		budgets.push({ name: `Due list for ${people} people ≤ 5 ms${label}, a new day`, measured: d.median, limit: 5, unit: "ms", inCheck });
		budgets.push({ name: `Due list for ${people} people ≤ 5 ms${label}, every person computed`, measured: f.median, limit: 5, unit: "ms", inCheck });
	}
}

function personRecord(path: string, text: string): ReturnType<typeof recordFromText> {
	return recordFromText(path, text, (yaml) => {
		try {
			return { data: parseYaml(yaml) };
		} catch (e) {
			return { error: String(e), line: null };
		}
	});
}

/** For `--check`: an in-memory index of 10,000 people (their own notes only), built without files. */
function syntheticPeopleIndex(seed: number): { index: PeopleIndex; notes: GenNote[] } {
	const index = new PeopleIndex({ settings: settingsFor(), daily: null });
	const notes = [...generateNotes({ people: 10_000, daily: 0, other: 0 }, seed)];
	index.defer();
	for (const n of notes) index.upsert(personRecord(n.path, n.text));
	index.settle();
	return { index, notes };
}

// ---------------------------------------------------------------------------------------------
// onload: in a separate process, with obsidian-test-mocks standing in for Obsidian.

function onloadFigures(bundle: string, runs: number, processes: number): void {
	const cold: number[] = [];
	let result: Record<string, number[]> = {};
	for (let i = 0; i < processes; i++) {
		const json = execFileSync(process.execPath, [bundle, String(runs)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
		const one = JSON.parse(json.trim().split("\n").pop() ?? "{}") as { cold: number; startup: number[]; ready: number[] };
		cold.push(one.cold);
		if (i === 0) result = { startup: one.startup, ready: one.ready };
	}
	const first = row("2. RetePlugin.onload, first call in a fresh process", "-", cold, "ms", "obsidian-test-mocks app, layout not ready: the index waits for it");
	const warm = row("2. RetePlugin.onload, later calls (layout not ready)", "-", result.startup ?? [], "ms");
	const ready = row("2. RetePlugin.onload, later calls (layout ready)", "-", result.ready ?? [], "ms", "includes the index build's first synchronous step");
	budgets.push({ name: "onload ≤ 10 ms (first call, fresh process)", measured: first.median, limit: 10, unit: "ms", inCheck: true });
	budgets.push({ name: "onload ≤ 10 ms (warm, layout not ready)", measured: warm.median, limit: 10, unit: "ms", inCheck: true });
	budgets.push({ name: "onload ≤ 10 ms (warm, layout ready)", measured: ready.median, limit: 10, unit: "ms", inCheck: true });
}

// ---------------------------------------------------------------------------------------------

function machine(): string {
	const cpu = fs.readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
	return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));
	const started = now();
	out(`Rete benchmark · ${new Date().toISOString()} · ${machine()}`);
	out(`sizes ${args.sizes.join(", ")} · ${args.runs} runs per figure · seed ${args.seed}${args.check ? " · --check" : ""}`);
	const perNote: Record<string, { cli: number; plugin: number }> = {};
	for (const size of args.sizes) {
		const spec = SIZES[size];
		const root = nodePath.join(args.tmp, `vault-${size}`);
		fs.mkdirSync(root, { recursive: true });
		out(`\n## ${size}: ${spec.people} people, ${spec.daily} daily notes, ${spec.other} other notes`);
		let t = now();
		const written = writeVault(root, spec, args.seed);
		out(`  generated ${written.files} notes, ${(written.bytes / 1048576).toFixed(1)} MB, in ${((now() - t) / 1000).toFixed(1)} s → ${root}`);
		const cli = cliFigures(size, root, args.check ? Math.max(args.runs, 9) : args.runs);
		if (args.cli && !args.check) cliProcess(size, root, args.cli, size === "L" ? 3 : args.runs);
		heapFigures(size, root);
		t = now();
		const notes = [...generateNotes(spec, args.seed)];
		const app = await fakeApp(notes);
		out(`  fake app with a populated metadata cache ready in ${((now() - t) / 1000).toFixed(1)} s`);
		const plugin = await pluginFigures(size, app, args.runs, notes.length, args.worker);
		// Only the first start reads it; the other figures were measured without it in earlier rounds.
		app.metadataCache.forgetResolvedLinks();
		await pluginHeap(size, app);
		await restoreFigures(size, app, args.runs, notes, plugin.index.index);
		perNote[size] = { cli: cli.cli.median / cli.notes, plugin: plugin.work.median / cli.notes };
		// The plugin and the CLI must agree.
		const fromCli = loadVault(root, ".obsidian", "en").index;
		const same = JSON.stringify(fromCli.due(TODAY, 7)) === JSON.stringify(plugin.index.index.due(TODAY, 7)) && JSON.stringify(fromCli.stats()) === JSON.stringify(plugin.index.index.stats());
		out(`  plugin index and CLI index agree: ${same ? "yes" : "NO"}`);
		if (!same) throw new Error("the plugin's index and the CLI's differ: the benchmark would compare different work");
		const dailyNotes = notes.filter((n) => n.kind === "daily");
		await dueFigure(size, plugin.index.index, "", args.runs, false, async (i) => {
			const note = dailyNotes[(i * 7919) % dailyNotes.length];
			const file = note ? app.vault.getFileByPath(note.path) : null;
			if (!note || !file) return;
			app.vault.modify(file, `${note.text}- One more line\n`);
			await settled();
		});
		await incrementalFigures(size, app, notes, args.ops > 0 ? args.ops : args.check ? 100 : 200, args.seed);
		plugin.index.unload();
		fs.rmSync(root, { recursive: true, force: true });
	}
	if (args.check || !args.sizes.includes("L")) {
		out("\n## due list on 10,000 synthetic people (their own notes only)");
		const { index, notes } = syntheticPeopleIndex(args.seed);
		await dueFigure("10k", index, " (synthetic)", args.runs, true, (i) => {
			const note = notes[(i * 7919) % notes.length];
			if (note) index.upsert(personRecord(note.path, `${note.text}- ${TODAY_ISO} One more call\n`));
		});
	}
	if (perNote.M && perNote.L) {
		const cli = perNote.L.cli / perNote.M.cli;
		const plugin = perNote.L.plugin / perNote.M.plugin;
		out(`\n  per note, L ÷ M: CLI ${cli.toFixed(2)}×, plugin ${plugin.toFixed(2)}×`);
		budgets.push({ name: "Linear: CLI cost per note, L ÷ M ≤ 1.2", measured: cli, limit: 1.2, unit: "x", inCheck: false });
		budgets.push({ name: "Linear: plugin work per note, L ÷ M ≤ 1.2", measured: plugin, limit: 1.2, unit: "x", inCheck: false });
	}
	out("\n## view render");
	collect();
	// Loaded only now: the DOM and Obsidian's DOM helpers stay out of the other figures.
	const { renderFigures } = await import("./render-bench");
	await renderFigures(args.runs, (figure, samples, unit, note) => row(figure, "-", samples, unit, note), (measured) =>
		budgets.push({ name: "View render of 5,000 due people ≤ 50 ms (happy-dom)", measured, limit: 50, unit: "ms", inCheck: true }),
	);
	if (args.renderPage) {
		const { chromiumRender } = await import("./render-browser");
		const results = await chromiumRender(args.renderPage, args.root, Math.max(args.runs, 10)).catch((e: unknown) => {
			out(`  Chromium: not measured (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
			return null;
		});
		if (!results) out("  Chromium: not installed, the render figure in a real browser is skipped");
		for (const [count, r] of results ?? []) {
			row(`5. view render in Chromium, ${count} due people (DOM only)`, "-", r.build, "ms", `${r.rows} rows, ${r.elements} elements`);
			const layout = row(`5. view render in Chromium, ${count} due people (DOM + style + layout)`, "-", r.layout, "ms");
			if (count === 5000) budgets.push({ name: "View render of 5,000 due people ≤ 50 ms (Chromium, DOM + style + layout)", measured: layout.median, limit: 50, unit: "ms", inCheck: true });
		}
	}
	if (args.onload) {
		out("\n## onload");
		onloadFigures(args.onload, Math.max(args.runs, 20), args.runs);
	}

	out("\n## Figures\n");
	out(table(["Figure", "Size", "Median", "Min", "Max", "n", "Note"], rows.map((r) => [r.figure, r.size, fmt(r.s.median, r.unit), fmt(r.s.min, r.unit), fmt(r.s.max, r.unit), String(r.s.n), r.note ?? ""])));
	const margin = 1.2;
	out(`\n## Budgets${args.check ? " (--check: those judged at this size; failing means over budget × " + String(margin) + ")" : ""}\n`);
	let failed = 0;
	const judged = args.check ? budgets.filter((b) => b.inCheck) : budgets;
	if (args.check) {
		out("Judged at size S: the ratios of the CLI to the raw read and to the naive peer, the longest slice (build, start from");
		out("the saved index, save), heap per record, incremental p95, the due list on 10,000 synthetic people, the render of");
		out("5,000 synthetic due people, and onload. Known misses are shown but do not fail the check.");
		out("Not judged: the plugin's total work (set for M) and linear growth (needs M and L).\n");
	}
	out(
		table(
			["Budget", "Measured", "Limit", "Status"],
			judged.map((b) => {
				const ok = b.measured <= b.limit;
				const noisy = !ok && b.measured <= b.limit * margin;
				const known = ok ? null : knownMiss(b.name);
				if (!ok && !noisy && known === null) failed++;
				return [b.name, fmt(b.measured, b.unit), fmt(b.limit, b.unit), ok ? "met" : known !== null ? `missed (known: ${known})` : noisy ? "missed, within noise" : "MISSED"];
			}),
		),
	);
	if (args.out) fs.writeFileSync(args.out, JSON.stringify({ date: new Date().toISOString(), machine: machine(), args, rows, budgets, extra }, null, 2));
	out(`\nDone in ${((now() - started) / 1000).toFixed(0)} s.`);
	if (args.check && failed > 0) {
		out(`\n${failed} budget(s) missed by more than the noise margin (known misses aside).`);
		return 1;
	}
	return 0;
}

// A crash is exit 2, never 1 (a missed budget, which `--check` measures again).
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
	process.on(event, (e: unknown) => {
		process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
		process.exit(2);
	});
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
		process.exit(2);
	},
);
