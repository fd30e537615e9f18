// @vitest-environment happy-dom
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseIsoDay } from "../../src/core/dates";
import { type BuildReply, type BuildRequest, IndexBuilder } from "../../src/core/index-builder";
import { defaultSettings } from "../../src/core/settings";
import { ShardedMap } from "../../src/core/sharded-map";
import { type IndexSnapshot, QUIET } from "../../src/core/snapshot";
import type { IndexCache } from "../../src/plugin/index-cache";
import { type BuildWorker, spawnBundledWorker, WORKER_QUIET_MS, WORKER_START_MS } from "../../src/plugin/index-worker";
import { ReteIndex } from "../../src/plugin/people-index";
import { fileStamp, metadataLinks } from "../../src/plugin/records";
import { dailyFor, type FakeApp, makeApp, readFolder, settle, waitFor } from "./app";

const TODAY = parseIsoDay("2026-11-20") ?? 0;
const EXAMPLE = path.resolve(process.cwd(), "examples/vault");

afterEach(() => {
	vi.restoreAllMocks();
	vi.useRealTimers();
});

/** A worker in this thread: the real builder, every message a structured clone, replies a task later. */
class InThreadWorker implements BuildWorker {
	onmessage: BuildWorker["onmessage"] = null;
	onerror: BuildWorker["onerror"] = null;
	onmessageerror: BuildWorker["onmessageerror"] = null;
	terminated = false;
	readonly received: Array<BuildRequest["kind"]> = [];
	/** The notes it was asked to read after linking (those the main thread did not send as text). */
	readonly askedToRead: string[] = [];
	/** Notes received as text. */
	texts = 0;
	/** Notes received by their links, with their properties as sent. */
	readonly byLinks = new Map<string, unknown>();
	/** Notes received as quiet notes (path and stamp only). */
	readonly quietNotes = new Set<string>();
	private readonly builder = new IndexBuilder();

	constructor(private readonly fault: { crashOn?: BuildRequest["kind"]; silent?: boolean; quietAfter?: BuildRequest["kind"]; onRequest?: (kind: BuildRequest["kind"]) => void; mangle?: (reply: BuildReply) => BuildReply } = {}) {}
	private quiet = false;

	/** Cloned as a browser's `postMessage` does: what `transfer` lists is handed over (gone from the sender). */
	postMessage(message: BuildRequest, transfer: Transferable[] = []): void {
		if (this.terminated) return;
		const copy = structuredClone(message, { transfer });
		this.received.push(copy.kind);
		if (copy.kind === "texts") this.texts += copy.notes.paths.length;
		if (copy.kind === "notes") for (const n of copy.notes) this.byLinks.set(n.path, n.frontmatter);
		if (copy.kind === "notes") for (const p of copy.quiet?.paths ?? []) this.quietNotes.add(p);
		setTimeout(() => {
			if (this.terminated || this.fault.silent || this.quiet) return;
			if (copy.kind === this.fault.quietAfter) this.quiet = true;
			this.fault.onRequest?.(copy.kind);
			if (copy.kind === this.fault.crashOn) {
				this.onerror?.(new Error("out of memory"));
				return;
			}
			for (const made of this.builder.handle(copy)) {
				const reply = this.fault.mangle ? this.fault.mangle(made) : made;
				if (reply.kind === "read") this.askedToRead.push(...reply.paths);
				this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<BuildReply>);
			}
		}, 0);
	}

	terminate(): void {
		this.terminated = true;
	}
}

class MemoryCache implements IndexCache {
	value: unknown = undefined;
	load(): Promise<unknown> {
		return Promise.resolve(this.value === undefined ? undefined : structuredClone(this.value));
	}
	save(snapshot: IndexSnapshot): Promise<void> {
		this.value = structuredClone(snapshot);
		return Promise.resolve();
	}
	clear(): Promise<void> {
		this.value = undefined;
		return Promise.resolve();
	}
}

function vault(extra: Record<string, string> = {}): FakeApp {
	const { app } = makeApp({ ...readFolder(EXAMPLE), ...extra });
	// Obsidian reads any file as bytes; the stand-in only files it was given as bytes.
	vi.spyOn(app.vault, "readBinary").mockImplementation(async (file) => new TextEncoder().encode(await app.vault.cachedRead(file)).buffer);
	// Every file gets a stamp of its own (the fake app's files all have mtime 0 and size 0).
	app.vault.getMarkdownFiles().forEach((f, i) => ((f as { stat: object }).stat = { ctime: 0, mtime: 1_000 + i, size: 10 + i }));
	return app;
}

function index(app: FakeApp, spawn: (() => BuildWorker | null) | null, cache: IndexCache | null = null, version = "1.0.0"): ReteIndex {
	const obsidian = app.asOriginalType__();
	const settings = defaultSettings();
	return new ReteIndex(obsidian, () => settings, dailyFor(obsidian), cache, version, spawn);
}

/** An index loaded as Obsidian loads it, its first build under way. */
function begin(app: FakeApp, spawn: (() => BuildWorker | null) | null, cache: IndexCache | null = null, version = "1.0.0"): ReteIndex {
	const built = index(app, spawn, cache, version);
	built.load();
	app.workspace.setLayoutReady__();
	return built;
}

async function launch(app: FakeApp, spawn: (() => BuildWorker | null) | null, cache: IndexCache | null = null, version = "1.0.0"): Promise<ReteIndex> {
	const built = begin(app, spawn, cache, version);
	await waitFor(() => built.ready);
	return built;
}

function view(index: ReteIndex): unknown {
	return { due: index.index.due(TODAY, 30), stats: index.index.stats(), problems: index.index.problems() };
}

describe("the first build in a worker", () => {
	it("gives the index the main thread builds, and ends the worker", async () => {
		const here = await launch(vault(), null);
		const worker = new InThreadWorker();
		const app = vault();
		const there = await launch(app, () => worker);
		expect(there.timings.worker).toBe(true);
		expect(there.timings.restored).toBe(false);
		expect(here.timings.worker).toBe(false);
		expect(view(there)).toEqual(view(here));
		// Each note with its own stamp (the notes read go in columns: one out of step shows here).
		for (const file of app.vault.getMarkdownFiles()) expect(there.index.stampOf(file.path)).toBe(fileStamp(file as never));
		expect(here.index.stats().interactions).toBeGreaterThan(5);
		expect(worker.received).toEqual(expect.arrayContaining(["start", "notes", "settle", "texts", "finish"]));
		expect(worker.texts).toBe(there.timings.read);
		expect(worker.texts).toBeGreaterThan(20);
		// Built here, the same notes are read (people's, and those that link someone), each once.
		expect(here.timings.read).toBe(there.timings.read);
		expect(worker.terminated).toBe(true);
	});

	it.each([false, true])("reads the properties of a note the metadata cache has not read yet (right after start-up; worker: %s)", async (inWorker) => {
		const bo = "People/Bo Ferri.md";
		const app = vault({ [bo]: "---\ncadence: 1w\ntags: [person]\n---\n# Bo\n- 2026-11-01 Call\n" });
		const getFileCache = app.metadataCache.getFileCache.bind(app.metadataCache);
		vi.spyOn(app.metadataCache, "getFileCache").mockImplementation((file) => (file.path === bo ? null : getFileCache(file)));
		const built = await launch(app, inWorker ? () => new InThreadWorker() : null);
		expect(built.timings.worker).toBe(inWorker);
		expect(built.index.problems().filter((p) => p.path === bo)).toEqual([]);
		expect(built.index.person(bo)?.cadence).toEqual({ count: 1, unit: "week" });
	});

	it("leaves template notes out, as the main thread does", async () => {
		const files = { ".obsidian/templates.json": '{"folder":"Templates"}', "Templates/Person.md": "---\ntags: [person]\ncadence: 1w\n---\n- [ ] Call [[Anna Rossi]]\n" };
		const here = await launch(vault(files), null);
		const worker = new InThreadWorker();
		const there = await launch(vault(files), () => worker);
		expect(there.timings.worker).toBe(true);
		expect(there.index.person("Templates/Person.md")).toBeNull();
		expect(view(there)).toEqual(view(here));
		// Tagged as a person, yet not read as one: sent as a quiet note (it links no one), not as text.
		const bare = { ...files, "Templates/Person.md": "---\ntags: [person]\ncadence: 1w\n---\n# {{title}}\n" };
		const again = new InThreadWorker();
		await launch(vault(bare), () => again);
		expect(again.quietNotes.has("Templates/Person.md")).toBe(true);
	});

	it("sends as text the notes Obsidian resolved to someone; reads others only when the worker finds they link someone", async () => {
		const expected = view(await launch(vault(), null));
		// Every link resolved, as Obsidian's metadata cache has them once it is ready (markdown
		// links decoded, which the stand-in does not do).
		const resolvedApp = vault();
		const cache = resolvedApp.metadataCache;
		const resolvedLinks: Record<string, Record<string, number>> = {};
		for (const f of resolvedApp.vault.getMarkdownFiles()) {
			const dests: Record<string, number> = {};
			for (const link of metadataLinks(cache.getFileCache(f))) {
				const dest = cache.getFirstLinkpathDest(link, f.path);
				if (dest) dests[dest.path] = (dests[dest.path] ?? 0) + 1;
			}
			resolvedLinks[f.path] = dests;
		}
		(cache as unknown as { resolvedLinks: object }).resolvedLinks = resolvedLinks;
		const resolvedWorker = new InThreadWorker();
		expect(view(await launch(resolvedApp, () => resolvedWorker))).toEqual(expected);
		// Only notes with embeds or links in properties (which Obsidian's entry also counts) are left to the worker.
		const mixed = (p: string): boolean => {
			const c = cache.getFileCache(resolvedApp.vault.getFileByPath(p) as never);
			return (c?.embeds?.length ?? 0) + (c?.frontmatterLinks?.length ?? 0) > 0;
		};
		expect(resolvedWorker.askedToRead.filter((p) => !mixed(p))).toEqual([]);
		expect(resolvedWorker.texts - resolvedWorker.askedToRead.length).toBeGreaterThan(20);
		// Nothing resolved yet: the worker finds who links someone, and those are read then.
		const bareApp = vault();
		(bareApp.metadataCache as unknown as { resolvedLinks: object }).resolvedLinks = {};
		const bareWorker = new InThreadWorker();
		expect(view(await launch(bareApp, () => bareWorker))).toEqual(expected);
		expect(bareWorker.askedToRead.length).toBeGreaterThan(3);
	});

	it("sends the notes of nobody without their properties, unless those are not a set of properties (a problem the worker reports)", async () => {
		const extra = { "Notes/A list.md": "---\n- a\n- b\n---\nSee [[Lisbon trip]].\n", "Notes/A place.md": "---\nkind: place\ntags: [travel]\n---\nSee [[Lisbon trip]].\n" };
		const here = await launch(vault(extra), null);
		const worker = new InThreadWorker();
		const there = await launch(vault(extra), () => worker);
		expect(view(there)).toEqual(view(here));
		expect(here.index.problems().map((p) => `${p.path}: ${p.message}`)).toContain("Notes/A list.md: frontmatter is not a set of properties (key: value); ignored");
		expect(worker.byLinks.get("Notes/A list.md")).toEqual(["a", "b"]);
		// Its properties a set of properties, its links no one's name: its path and stamp only.
		expect(worker.byLinks.has("Notes/A place.md")).toBe(false);
		expect(worker.quietNotes.has("Notes/A place.md")).toBe(true);
	});

	it("sends as quiet only the notes none of whose links has a person's name", async () => {
		const extra = {
			// A person's name, though in another folder: the worker resolves it (to nobody).
			"Notes/Elsewhere.md": "- 2026-11-02 Lunch with [[Archive/Anna Rossi]]\n",
			"Notes/Trip.md": "- 2026-11-03 Train to [[Lisbon trip]]\n",
			"Notes/Nothing.md": "Just prose.\n",
		};
		const worker = new InThreadWorker();
		const there = await launch(vault(extra), () => worker);
		expect(view(there)).toEqual(view(await launch(vault(extra), null)));
		expect(Object.keys(extra).filter((p) => worker.quietNotes.has(p))).toEqual(["Notes/Trip.md", "Notes/Nothing.md"]);
		expect(worker.byLinks.has("Notes/Elsewhere.md")).toBe(true);
		// Decided knowing every person: the worker asks for none of them.
		expect(worker.quietNotes.size).toBeGreaterThanOrEqual(3);
		expect(worker.askedToRead.filter((p) => worker.quietNotes.has(p))).toEqual([]);
	});

	describe("a quiet note is read once someone it links becomes a person", () => {
		const extra = {
			"Notes/Dinner.md": "- 2026-11-10 Dinner with [[Carla Neri]] and [[Dario Fo]]\n",
			"Notes/Visit.md": "- 2026-11-12 Visit to [[Anna Rossi-Bianchi]]\n",
			"Notes/Idea.md": "---\ntopic: ideas\n---\nAsk [[Carla Neri]] about it.\n",
		};
		const carla = "---\ntags: [person]\ncadence: 1w\n---\n# Carla\n";
		const changes: Record<string, (app: FakeApp) => Promise<unknown>> = {
			"a person's note created": (app) => app.vault.create("People/Carla Neri.md", carla),
			"a person's note renamed to a name it links": (app) => app.fileManager.renameFile(app.vault.getFileByPath("People/Anna Rossi.md") as never, "People/Anna Rossi-Bianchi.md"),
			"a note that becomes a person's": async (app) => {
				await app.vault.create("Carla Neri.md", "# Carla\n");
				await settle();
				await app.vault.process(app.vault.getFileByPath("Carla Neri.md") as never, () => carla);
			},
		};
		const final = (name: string): Record<string, string> => {
			if (name === "a person's note created") return { ...extra, "People/Carla Neri.md": carla };
			if (name === "a note that becomes a person's") return { ...extra, "Carla Neri.md": carla };
			const files = { ...readFolder(EXAMPLE), ...extra } as Record<string, string>;
			files["People/Anna Rossi-Bianchi.md"] = files["People/Anna Rossi.md"] as string;
			delete files["People/Anna Rossi.md"];
			return files;
		};
		/** Whether the index holds the note as a quiet note (by path, stamp and its links' names). */
		const isQuiet = (built: ReteIndex, path: string): boolean => {
			const snap = built.index.snapshot("k");
			return snap.unread[snap.paths.indexOf(path)] === QUIET;
		};
		it.each(Object.keys(changes))("%s", async (name) => {
			for (const [cache, inWorker] of [[null, true], [new MemoryCache(), true], [null, false], [new MemoryCache(), false]] as const) {
				const app = vault(extra);
				const worker = new InThreadWorker();
				let built = await launch(app, inWorker ? () => worker : null, cache);
				// Built here or in the worker, the notes that link no one's name are held quiet.
				expect(built.timings.worker).toBe(inWorker);
				expect(isQuiet(built, "Notes/Dinner.md") && isQuiet(built, "Notes/Visit.md")).toBe(true);
				expect(worker.quietNotes.has("Notes/Dinner.md")).toBe(inWorker);
				if (!inWorker && !cache) {
					// Held in columns: a person appearing is looked for in them, not in every note.
					const values = vi.spyOn(ShardedMap.prototype, "values");
					built.index.upsert({ path: "People/Nobody Linked.md", frontmatter: { tags: ["person"] }, body: "", stamp: 1 });
					try {
						expect(built.index.takePending()).toEqual([]);
						expect(values).not.toHaveBeenCalled();
					} finally {
						values.mockRestore();
					}
					built.index.remove("People/Nobody Linked.md");
				}
				if (cache) {
					// A later start, from the saved index: the quiet notes come back quiet.
					await built.save();
					built.unload();
					built = await launch(app, () => new InThreadWorker(), cache);
					expect(built.timings.restored).toBe(true);
				}
				await changes[name]?.(app);
				await settle();
				const files = final(name);
				const expected = view(await launch(name === "a person's note renamed to a name it links" ? makeApp(files).app : vault(files), null));
				expect(view(built)).toEqual(expected);
				built.unload();
			}
		});
	});

	it("builds on the main thread when no worker can start, or the worker fails", async () => {
		const expected = view(await launch(vault(), null));
		expect(view(await launch(vault(), () => null))).toEqual(expected);
		for (const crashOn of ["start", "settle", "finish"] as const) {
			const worker = new InThreadWorker({ crashOn });
			const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined);
			const built = await launch(vault(), () => worker);
			expect(built.timings.worker, crashOn).toBe(false);
			expect(view(built), crashOn).toEqual(expected);
			expect(worker.terminated).toBe(true);
			expect(debug).toHaveBeenCalled();
		}
	});

	it.each([
		["never answers", { silent: true }, WORKER_START_MS],
		["goes quiet in the middle", { quietAfter: "settle" as const }, WORKER_QUIET_MS],
	])("builds on the main thread when a worker %s, once its time is up", async (_what, fault, limit) => {
		const expected = view(await launch(vault(), null));
		vi.useFakeTimers();
		vi.spyOn(console, "debug").mockImplementation(() => undefined);
		const worker = new InThreadWorker(fault);
		const built = begin(vault(), () => worker);
		await vi.advanceTimersByTimeAsync(limit - 1_000);
		if ("quietAfter" in fault) expect(worker.received).toContain(fault.quietAfter);
		expect(built.ready).toBe(false);
		await vi.advanceTimersByTimeAsync(5_000);
		expect(built.ready).toBe(true);
		expect(built.timings.worker).toBe(false);
		expect(view(built)).toEqual(expected);
		expect(worker.terminated).toBe(true);
	});

	/** A worker build during which `change` is made (while the worker links), checked against a fresh build. */
	async function buildWhile(app: FakeApp, change: () => void): Promise<ReteIndex> {
		let changed = false;
		const worker = new InThreadWorker({
			onRequest: (kind) => {
				if (kind !== "settle" || changed) return;
				changed = true;
				change();
			},
		});
		const built = await launch(app, () => worker);
		await settle(5);
		expect(changed).toBe(true);
		expect(built.timings.worker).toBe(true);
		expect(view(built)).toEqual(view(await launch(app, null)));
		return built;
	}

	it("keeps the notes changed while the worker builds", async () => {
		const app = vault();
		// A note gains a meeting with Anna (the event comes meanwhile).
		const built = await buildWhile(app, () => void app.vault.create("Meetings/Offsite.md", "- 2026-11-19 Offsite with [[Anna Rossi]]\n"));
		expect(built.index.lastInteraction("People/Anna Rossi.md", TODAY)).toBe(parseIsoDay("2026-11-19"));
	});

	it("reads a quiet note that links a note which became a person's while the worker built", async () => {
		const files = { "Notes/Bo.md": "# Bo\n- 2026-11-01 Met [[Anna Rossi]] with Bo\n", "Notes/Q.md": "- 2026-11-05 Lunch with [[Bo]]\n" };
		const app = vault(files);
		const worker = new InThreadWorker();
		let became = false;
		// (A second spy over `vault`'s would call itself: the bytes are made here, as there.)
		vi.spyOn(app.vault, "readBinary").mockImplementation(async (file) => {
			// Bo becomes a person after the main thread decided who is one, before Bo is read.
			if (file.path === "Notes/Bo.md" && !became) {
				became = true;
				await app.vault.modify(file, `---\ntags: [person]\n---\n${files["Notes/Bo.md"]}`);
			}
			return new TextEncoder().encode(await app.vault.cachedRead(file)).buffer;
		});
		const built = await launch(app, () => worker);
		await settle(5);
		expect(became && built.timings.worker).toBe(true);
		expect(worker.quietNotes.has("Notes/Q.md")).toBe(true);
		expect(built.index.lastInteraction("Notes/Bo.md", TODAY)).toBe(parseIsoDay("2026-11-05"));
	});

	it("keeps notes renamed, deleted and created while the worker builds", async () => {
		const app = vault();
		const built = await buildWhile(app, () => {
			const anna = app.vault.getFileByPath("People/Anna Rossi.md");
			const welcome = app.vault.getFileByPath("Welcome.md");
			if (anna) void app.fileManager.renameFile(anna, "People/Anna Rossi-Bianchi.md");
			if (welcome) void app.fileManager.trashFile(welcome);
			void app.vault.create("Journal/2026-11-18.md", "- Call with [[Marco Bianchi]]\n");
		});
		expect(app.vault.getFileByPath("Welcome.md")).toBeNull();
		expect(built.index.has("Welcome.md")).toBe(false);
		expect(built.index.has("Journal/2026-11-18.md")).toBe(true);
		expect(built.index.person("People/Anna Rossi-Bianchi.md")).not.toBeNull();
		expect(built.index.person("People/Anna Rossi.md")).toBeNull();
	});

	it("leaves out a note deleted while it was read, or renamed to a file that is no note, and keeps one renamed meanwhile under its new name", async () => {
		const app = vault();
		const worker = new InThreadWorker();
		const moved = new Set<string>();
		vi.spyOn(app.vault, "readBinary").mockImplementation(async (file) => {
			const bytes = new TextEncoder().encode(await app.vault.cachedRead(file)).buffer;
			// Gone, or renamed, once its bytes are read (its stamp unchanged: the read stands).
			if (file.path === "People/Anna Rossi.md" && !moved.has("anna")) {
				moved.add("anna");
				await app.fileManager.trashFile(file);
			} else if (file.path === "People/Marco Bianchi.md" && !moved.has("marco")) {
				moved.add("marco");
				await app.fileManager.renameFile(file, "People/Marco B.md");
			} else if (file.path === "People/Sara Neri.md" && !moved.has("sara")) {
				// No longer a note: sent under its new path all the same, then dropped by the catching up.
				moved.add("sara");
				await app.fileManager.renameFile(file, "People/Sara Neri.txt");
			}
			return bytes;
		});
		const built = await launch(app, () => worker);
		await settle(5);
		expect(moved.size === 3 && built.timings.worker).toBe(true);
		expect(built.index.has("People/Sara Neri.md")).toBe(false);
		expect(built.index.has("People/Sara Neri.txt")).toBe(false);
		expect(built.index.has("People/Anna Rossi.md")).toBe(false);
		expect(built.index.has("People/Marco Bianchi.md")).toBe(false);
		expect(built.index.person("People/Marco B.md")?.name).toBe("Marco B");
		expect(view(built)).toEqual(view(await launch(app, null)));
	});

	it("leaves a note linking someone only in its properties to its links, as the main thread does", async () => {
		const files = { ...readFolder(EXAMPLE), "Meetings/Q3.md": "---\nattendees: \"[[Anna Rossi]]\"\ndate: 2026-13-01\n---\n- 2026-02-30 notes on [[Project X]]\n" };
		const expected = view(await launch(makeApp(files).app, null));
		const { app } = makeApp(files);
		vi.spyOn(app.vault, "readBinary").mockImplementation(async (file) => new TextEncoder().encode(await app.vault.cachedRead(file)).buffer);
		// As Obsidian resolves them: property links count.
		const cache = app.metadataCache;
		const resolvedLinks: Record<string, Record<string, number>> = {};
		for (const f of app.vault.getMarkdownFiles()) {
			const dests: Record<string, number> = {};
			const c = cache.getFileCache(f);
			for (const link of [...metadataLinks(c), ...(c?.frontmatterLinks ?? []).map((l) => l.link)]) {
				const dest = cache.getFirstLinkpathDest(link, f.path);
				if (dest) dests[dest.path] = (dests[dest.path] ?? 0) + 1;
			}
			resolvedLinks[f.path] = dests;
		}
		expect(resolvedLinks["Meetings/Q3.md"]?.["People/Anna Rossi.md"]).toBe(1);
		(cache as unknown as { resolvedLinks: object }).resolvedLinks = resolvedLinks;
		const worker = new InThreadWorker();
		const built = await launch(app, () => worker);
		expect(built.timings.worker).toBe(true);
		expect(view(built)).toEqual(expected);
	});

	it("gives up a worker build at once when a newer build starts, without building it here", async () => {
		const app = vault();
		const silent = new InThreadWorker({ silent: true });
		const working = new InThreadWorker();
		const workers = [silent, working];
		const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined);
		const built = begin(app, () => workers.shift() ?? null);
		await waitFor(() => silent.received.length > 0);
		// Past its first yield: waiting for the worker's answer, which never comes.
		await settle();
		expect(silent.terminated).toBe(false);
		const rebuilt = built.rebuild(true);
		await settle();
		expect(silent.terminated).toBe(true);
		await rebuilt;
		await waitFor(() => built.ready);
		expect(built.timings.worker).toBe(true);
		expect(debug).not.toHaveBeenCalled();
		expect(view(built)).toEqual(view(await launch(vault(), null)));
	});

	it("ends a worker gone quiet at once when the plugin unloads", async () => {
		const app = vault();
		const worker = new InThreadWorker({ quietAfter: "settle" });
		const built = begin(app, () => worker);
		await waitFor(() => worker.received.includes("settle"));
		await settle();
		expect(worker.terminated).toBe(false);
		built.unload();
		await settle();
		expect(worker.terminated).toBe(true);
		expect(built.ready).toBe(false);
	});

	it("stops the worker when the plugin unloads meanwhile", async () => {
		const app = vault();
		const worker = new InThreadWorker();
		const built = index(app, () => worker);
		let updates = 0;
		built.onUpdated(() => updates++);
		built.load();
		app.workspace.setLayoutReady__();
		await waitFor(() => worker.received.length > 0);
		built.unload();
		await settle(5);
		expect(worker.terminated).toBe(true);
		expect(built.ready).toBe(false);
		expect(updates).toBe(0);
	});

	it("builds in the worker when the kept index is another version's", async () => {
		const app = vault();
		const cache = new MemoryCache();
		const first = await launch(app, null, cache, "1.0.0");
		await first.save();
		expect(cache.value).toBeDefined();
		first.unload();
		const worker = new InThreadWorker();
		const updated = await launch(app, () => worker, cache, "1.1.0");
		expect(updated.timings).toMatchObject({ worker: true, restored: false });
		expect(view(updated)).toEqual(view(first));
	});

	it("builds in the worker when the kept index is damaged, and on the main thread when the worker's is", async () => {
		const app = vault();
		const cache = new MemoryCache();
		const first = await launch(app, null, cache);
		await first.save();
		first.unload();
		await settle(5);
		const kept = cache.value as IndexSnapshot;
		// Its own version and settings, but its people point past the notes.
		cache.value = { ...kept, personNotes: kept.personNotes.map(() => kept.paths.length + 5) };
		// A note gains a meeting with Anna while the worker builds (the event comes meanwhile).
		const worker = new InThreadWorker({
			onRequest: (kind) => {
				if (kind === "settle") void app.vault.create("Meetings/Offsite.md", "- 2026-11-19 Offsite with [[Anna Rossi]]\n");
			},
		});
		const rebuilt = await launch(app, () => worker, cache);
		await settle(5);
		expect(rebuilt.timings).toMatchObject({ worker: true, restored: false });
		expect(worker.received).toContain("finish");
		expect(rebuilt.index.lastInteraction("People/Anna Rossi.md", TODAY)).toBe(parseIsoDay("2026-11-19"));
		expect(view(rebuilt)).toEqual(view(await launch(app, null)));
		rebuilt.unload();
		// The unload saves what it has, a little later: let it finish first.
		await settle(5);

		// A worker whose index comes whole but is not one: built here, from the notes.
		cache.value = { ...kept, personNotes: kept.personNotes.map(() => kept.paths.length + 5) };
		const broken = new InThreadWorker({
			mangle: (reply) => {
				if (reply.kind !== "built") return reply;
				const fields = reply.plan.fields.map((f) => (f.name === "format" ? { ...f, value: 99 } : f));
				return { ...reply, plan: { ...reply.plan, fields } };
			},
		});
		const here = await launch(app, () => broken, cache);
		expect(broken.received).toContain("finish");
		expect(here.timings).toMatchObject({ worker: false, restored: false, notes: app.vault.getMarkdownFiles().length });
		expect(view(here)).toEqual(view(await launch(app, null)));
	});

	it("starts the bundled worker from a blob whose address goes with it, and none where workers cannot start", () => {
		const g = globalThis as { RETE_WORKER_SOURCE?: string; Worker?: unknown };
		const urls: string[] = [];
		const revoked: string[] = [];
		vi.spyOn(URL, "createObjectURL").mockImplementation(() => {
			urls.push(`blob:rete/${urls.length}`);
			return urls[urls.length - 1] as string;
		});
		vi.spyOn(URL, "revokeObjectURL").mockImplementation((url) => void revoked.push(url));
		const started: string[] = [];
		let fail = false;
		class FakeWorker {
			constructor(url: string) {
				if (fail) throw new Error("blocked by the content security policy");
				started.push(url);
			}
			terminate(): void {}
		}
		const before = { source: g.RETE_WORKER_SOURCE, worker: g.Worker };
		try {
			g.Worker = FakeWorker;
			g.RETE_WORKER_SOURCE = undefined;
			expect(spawnBundledWorker()).toBeNull();
			g.RETE_WORKER_SOURCE = "self.onmessage = () => {};";
			const worker = spawnBundledWorker();
			expect(worker).not.toBeNull();
			expect(started).toEqual(["blob:rete/0"]);
			expect(revoked).toEqual([]);
			worker?.terminate();
			expect(revoked).toEqual(["blob:rete/0"]);
			fail = true;
			expect(spawnBundledWorker()).toBeNull();
			expect(revoked).toEqual(["blob:rete/0", "blob:rete/1"]);
			g.Worker = undefined;
			expect(spawnBundledWorker()).toBeNull();
		} finally {
			g.RETE_WORKER_SOURCE = before.source;
			g.Worker = before.worker;
		}
	});
});
