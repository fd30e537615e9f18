/**
 * `npm run bench`: the performance benchmark of Rete (issue 4). bench/run.mjs bundles this file
 * with esbuild ("obsidian" → bench/obsidian-shim.ts) and runs it with `--expose-gc` in a fresh
 * temporary folder, which it removes afterwards.
 *
 * Figures, each the median of several runs with min and max, all in one process so that ratios
 * hold: CLI cold index against the raw read and a naive peer; the plugin's index build from a
 * populated (fake) metadata cache, with its longest slice of main-thread work; incremental
 * updates; the due list; the view's render; retained heap per interaction record; `onload`.
 * The plugin's figures are in plugin-figures.ts, the incremental and due-list figures in
 * update-figures.ts, the results they share in report.ts.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as nodePath from "node:path";
import { loadVault } from "../src/cli/main";
import { listNotes, type VaultFile } from "../src/cli/vault";
import { generateNotes, SIZES, type SizeName, TODAY, TODAY_ISO, writeVault } from "./generate";
import { readAndNumberLinks, readAndResolveLinks } from "./floor";
import { naiveIndex } from "./naive";
import { fakeApp, pluginFigures, pluginHeap, restoreFigures } from "./plugin-figures";
import { budgets, collect, extra, knownMiss, now, out, row, rows, settled } from "./report";
import { dueFigure, incrementalFigures, personRecord, syntheticPeopleIndex } from "./update-figures";
import { fmt, summary, type Summary, table } from "./stats";


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
	const links = readAndNumberLinks(files);
	const resolved = readAndResolveLinks(files);
	const times: Record<"raw" | "utf8" | "links" | "resolved" | "cli" | "naive", number[]> = { raw: [], utf8: [], links: [], resolved: [], cli: [], naive: [] };
	const order = ["raw", "cli", "links", "naive", "utf8", "resolved"] as const;
	let stats = "";
	for (let r = 0; r < runs; r++) {
		// Rotate the order so that no contender always runs first or last.
		for (let k = 0; k < order.length; k++) {
			const which = order[(k + r) % order.length] ?? "raw";
			collect();
			const t = now();
			if (which === "raw") rawRead(files);
			else if (which === "utf8") rawReadUtf8(files);
			else if (which === "links") readAndNumberLinks(files);
			else if (which === "resolved") readAndResolveLinks(files);
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
	row("1. floor: raw read + find and number every [[link]] (bytes)", size, times.links, "ms", `${links} links; no decoding, properties, dates or resolving`);
	row("1. floor ÷ raw read", size, times.links.map((l, i) => l / (times.raw[i] ?? Number.NaN)), "x");
	row("1. floor with each link resolved", size, times.resolved, "ms", `${resolved} links resolved to a note, by Rete's resolver`);
	row("1. floor with each link resolved ÷ raw read", size, times.resolved.map((l, i) => l / (times.raw[i] ?? Number.NaN)), "x");
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
		// Takes the fake app's `resolvedLinks` as the first starts left it, and forgets it after.
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
