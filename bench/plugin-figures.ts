/**
 * The plugin's figures (2 and 6): its index built over a fake app with a populated metadata
 * cache, the first start (in a worker and without one), every later start from the saved index,
 * the save, and the retained heap; main-thread work measured per task (`sliced`).
 */
import { PeopleIndex } from "../src/core/network";
import { type IndexCache, PiecewiseIndexCache } from "../src/plugin/index-cache";
import type { SpawnWorker } from "../src/plugin/index-worker";
import { ReteIndex } from "../src/plugin/people-index";
import { FakeApp, MemoryStore } from "./fake-app";
import { type GenNote, type SizeName, TODAY } from "./generate";
import { budgets, collect, dailyFor, now, row, settingsFor, settled } from "./report";
import type { Summary } from "./stats";
import { replyHooks, ThreadWorker } from "./thread-worker";

/** The same for the plugin's index, built from the fake app (which exists before and after). */
export async function pluginHeap(size: SizeName, app: FakeApp): Promise<void> {
	// Obsidian keeps where each note's links lead (`resolvedLinks`) whatever the plugins do; the
	// fake app makes it when first asked (a build decides with it): made before measuring (if the
	// first starts have not), it is the app's; forgotten after (the later figures were measured
	// without it in earlier rounds).
	void app.metadataCache.resolvedLinks;
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
	app.metadataCache.forgetResolvedLinks();
}

// ---------------------------------------------------------------------------------------------
// Figure 2: the plugin's index build from a populated metadata cache.

export async function fakeApp(notes: readonly GenNote[]): Promise<FakeApp> {
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

export async function pluginFigures(size: SizeName, app: FakeApp, runs: number, notes: number, workerFile: string | null): Promise<{ index: ReteIndex; work: Summary }> {
	// The first start as Obsidian runs it (in a worker), then without a worker (the fallback).
	const ways: Array<[string, SpawnWorker | null]> = workerFile ? [["in a worker", () => new ThreadWorker(workerFile)], ["on the main thread, no worker", null]] : [["on the main thread, no worker", null]];
	let main: Summary | null = null;
	let last: BuildResult | null = null;
	for (const [way, spawn] of ways) {
		// One untimed build (and its first due list) warms the JIT.
		last = await pluginBuild(app, null, spawn);
		last.index.index.due(TODAY, 7);
		last.index.unload();
		const wall: number[] = [];
		const work: number[] = [];
		const longest: number[] = [];
		const reportedWork: number[] = [];
		const reportedLongest: number[] = [];
		const firstLists: number[] = [];
		let slices = 0;
		for (let r = 0; r < runs; r++) {
			collect();
			last = await pluginBuild(app, null, spawn);
			if (last.index.timings.worker !== (spawn !== null)) throw new Error(`the first start ${way} did not build where it should`);
			const t = now();
			last.index.index.due(TODAY, 7);
			firstLists.push(now() - t);
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
		firstListFigure(size, last.index.index.stats().people, `a first start ${way}`, firstLists);
		if (size !== "S") budgets.push({ name: `Plugin index of ${size} ≤ 300 ms of work (first start ${way})`, measured: w.median, limit: 300, unit: "ms", inCheck: false, ...(size === "L" ? { note: "the budget is set for M; L is shown for scale" } : {}) });
		main = w;
	}
	if (!last || !main) throw new Error("no first start measured");
	// The other figures use the index the main thread built, and linear growth its work (all of it).
	return { index: last.index, work: main };
}

/**
 * The first due list after a start, timed as the view would ask for it once the index is ready
 * (ninth round): the index's own first list (names to rank, every person to compute) after a
 * build or a restore, with whatever the start left behind (its garbage, cold caches).
 */
function firstListFigure(size: SizeName, people: number, start: string, samples: number[]): void {
	const s = row(`4. due list, ${people} people: the first list after ${start}`, size, samples, "ms");
	budgets.push({ name: `Due list for ${people} people ≤ 5 ms, the first list after ${start} (${size})`, measured: s.median, limit: 5, unit: "ms", inCheck: true });
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
	// Each reply is a task of its own in a browser. Node hands the replies that arrived together
	// to one turn of its loop: each closes the slice before it, so they are not counted as one.
	replyHooks.begin = () => {
		close();
		begin();
	};
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
export async function restoreFigures(size: SizeName, app: FakeApp, runs: number, notes: readonly GenNote[], plugin: PeopleIndex): Promise<Summary> {
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
	const firstLists: number[] = [];
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
			// The first due list after the start, as the view asks for it once the index is ready.
			const t = now();
			const list = built.index.index.due(TODAY, 7);
			const listMs = now() - t;
			if (JSON.stringify(list) !== expected || JSON.stringify(built.index.index.stats()) !== JSON.stringify(plugin.stats())) throw new Error("the restored index differs from the built one");
			// The first round warms the JIT.
			if (r > 0) {
				runsWork[v]?.push(built.work);
				longest[v]?.push(built.longest);
				firstLists.push(listMs);
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
	firstListFigure(size, plugin.stats().people, "a start from the saved index", firstLists);
	return (work as Summary | null) ?? save;
}
