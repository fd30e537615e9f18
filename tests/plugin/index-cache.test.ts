// @vitest-environment happy-dom
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseIsoDay } from "../../src/core/dates";
import { defaultSettings, type ReteSettings } from "../../src/core/settings";
import type { IndexSnapshot } from "../../src/core/snapshot";
import type { IndexCache } from "../../src/plugin/index-cache";
import { ReteIndex } from "../../src/plugin/people-index";
import { dailyFor, type FakeApp, makeApp, readFolder, settle, waitFor } from "./app";

const TODAY = parseIsoDay("2026-11-20") ?? 0;
const EXAMPLE = path.resolve(process.cwd(), "examples/vault");

afterEach(() => vi.restoreAllMocks());

/** IndexedDB as the index sees it: what is saved comes back as a structured clone. */
class MemoryCache implements IndexCache {
	value: unknown = undefined;
	saves = 0;
	failSave = false;
	load(): Promise<unknown> {
		return Promise.resolve(this.value === undefined ? undefined : structuredClone(this.value));
	}
	save(snapshot: IndexSnapshot): Promise<void> {
		if (this.failSave) return Promise.reject(new Error("quota exceeded"));
		this.value = structuredClone(snapshot);
		this.saves++;
		return Promise.resolve();
	}
	clear(): Promise<void> {
		this.value = undefined;
		return Promise.resolve();
	}
}

type Stat = { stat: { ctime: number; mtime: number; size: number } };

/** Every file gets a stamp of its own (the fake app's files all have mtime 0 and size 0). */
function stampAll(app: FakeApp): void {
	app.vault.getMarkdownFiles().forEach((f, i) => ((f as Stat).stat = { ctime: 0, mtime: 1_000 + i, size: 10 + i }));
}

function setStat(app: FakeApp, path: string, mtime: number, size: number): void {
	const file = app.vault.getFileByPath(path);
	if (!file) throw new Error(`no ${path}`);
	(file as Stat).stat = { ctime: 0, mtime, size };
}

/** A ReteIndex over `app`, loaded as Obsidian would, once its first build or restore is done. */
async function launch(app: FakeApp, cache: IndexCache, settings: ReteSettings, version = "1.0.0"): Promise<ReteIndex> {
	const obsidian = app.asOriginalType__();
	const index = new ReteIndex(obsidian, () => settings, dailyFor(obsidian), cache, version);
	index.load();
	app.workspace.setLayoutReady__();
	await waitFor(() => index.ready);
	return index;
}

/** `cache`, loading with `load` instead. */
function loadingWith(cache: IndexCache, load: () => Promise<unknown>): IndexCache {
	return { load, save: (snapshot) => cache.save(snapshot), clear: () => cache.clear() };
}

/** `launch`, with the notes it reads. */
async function start(app: FakeApp, cache: IndexCache, settings: Partial<ReteSettings> = {}, version = "1.0.0"): Promise<{ index: ReteIndex; reads: string[] }> {
	const reads: string[] = [];
	const original = app.vault.cachedRead.bind(app.vault);
	vi.spyOn(app.vault, "cachedRead").mockImplementation((file) => {
		reads.push(file.path);
		return original(file);
	});
	const index = await launch(app, cache, { ...defaultSettings(), ...settings }, version);
	vi.restoreAllMocks();
	return { index, reads };
}

function view(index: ReteIndex): unknown {
	return { due: index.index.due(TODAY, 30), stats: index.index.stats(), problems: index.index.problems() };
}

describe("the index kept between starts", () => {
	it("restores the saved index and reads nothing when no note changed", async () => {
		const { app } = makeApp(readFolder(EXAMPLE));
		stampAll(app);
		const cache = new MemoryCache();
		const first = await start(app, cache);
		expect(first.index.timings.restored).toBe(false);
		expect(first.reads.length).toBeGreaterThan(10);
		await first.index.save();
		expect(cache.saves).toBe(1);
		const expected = view(first.index);
		first.index.unload();

		const second = await start(app, cache);
		expect(second.index.timings).toMatchObject({ restored: true, notes: 0, read: 0 });
		expect(second.reads).toEqual([]);
		expect(view(second.index)).toEqual(expected);
		// Nothing changed: nothing to save again.
		await second.index.save();
		expect(cache.saves).toBe(1);
		second.index.unload();
	});

	it("saves what changed when unloading, and idle() resolves only once that save is stored", async () => {
		const { app } = makeApp({ "People/Anna.md": "---\ncadence: 7\n---\n", "Journal/2026-11-10.md": "- Coffee with [[Anna]]\n" });
		stampAll(app);
		const cache = new MemoryCache();
		let release = (): void => undefined;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const store = cache.save.bind(cache);
		cache.save = async (snapshot) => {
			await gate;
			return store(snapshot);
		};
		const first = await start(app, cache);
		await first.index.idle();
		first.index.unload();
		let idle = false;
		const waiting = first.index.idle().then(() => (idle = true));
		await settle();
		expect(idle).toBe(false);
		expect(cache.saves).toBe(0);
		release();
		await waiting;
		expect(cache.saves).toBe(1);
		const second = await start(app, cache);
		expect(second.index.timings.restored).toBe(true);
		second.index.unload();
	});

	it("still saves when unloaded while a save in slices is under way (that one gives up, the unload's follows)", async () => {
		const { app } = makeApp({ "People/Anna.md": "---\ncadence: 7\n---\n", "Journal/2026-11-10.md": "- Coffee with [[Anna]]\n" });
		stampAll(app);
		const cache = new MemoryCache();
		// Storing takes a moment, as IndexedDB does.
		const store = cache.save.bind(cache);
		cache.save = async (snapshot) => {
			await settle();
			return store(snapshot);
		};
		const first = await start(app, cache);
		const expected = view(first.index);
		const running = first.index.save();
		// Asked before the unload, idle() still waits for the save the unload chains on.
		const waiting = first.index.idle();
		first.index.unload();
		await waiting;
		expect(cache.saves).toBe(1);
		await running;
		const second = await start(app, cache);
		expect(second.index.timings.restored).toBe(true);
		expect(view(second.index)).toEqual(expected);
		second.index.unload();
	});

	it("re-reads only the notes changed, created or deleted while it was closed", async () => {
		const { app } = makeApp({
			"People/Anna.md": "---\ncadence: 7\n---\n",
			"People/Marco.md": "---\ncadence: 7\n---\n",
			"Journal/2026-11-10.md": "- Coffee with [[Anna]]\n",
			"Journal/2026-11-12.md": "- Call with [[Marco]]\n",
			"Notes/Plain.md": "nothing\n",
		});
		stampAll(app);
		const cache = new MemoryCache();
		const first = await start(app, cache);
		await first.index.save();
		first.index.unload();

		// While Obsidian was closed: one note edited, one created, one deleted.
		await app.vault.modify(app.vault.getFileByPath("Journal/2026-11-10.md")!, "- Lunch with [[Anna]] and [[Marco]]\n");
		setStat(app, "Journal/2026-11-10.md", 9_999, 35);
		await app.vault.create("Journal/2026-11-18.md", "- Dinner with [[Anna]]\n");
		setStat(app, "Journal/2026-11-18.md", 10_000, 23);
		await app.fileManager.trashFile(app.vault.getFileByPath("Journal/2026-11-12.md")!);
		await settle();

		const second = await start(app, cache);
		expect(second.index.timings.restored).toBe(true);
		expect(second.reads.sort()).toEqual(["Journal/2026-11-10.md", "Journal/2026-11-18.md"]);
		const fresh = await start(app, new MemoryCache());
		expect(fresh.index.timings.restored).toBe(false);
		expect(view(second.index)).toEqual(view(fresh.index));
		expect(second.index.index.lastInteraction("People/Anna.md", TODAY)).toBe(parseIsoDay("2026-11-18"));
		expect(second.index.index.lastInteraction("People/Marco.md", TODAY)).toBe(parseIsoDay("2026-11-10"));
		second.index.unload();
		fresh.index.unload();
	});

	it("builds from the notes when the saved index is damaged, of other settings or another version, or unreadable", async () => {
		const files = { "People/Anna.md": "---\ncadence: 7\n---\n", "Journal/2026-11-10.md": "- Coffee with [[Anna]]\n" };
		const { app } = makeApp(files);
		stampAll(app);
		const cache = new MemoryCache();
		const first = await start(app, cache);
		await first.index.save();
		const expected = view(first.index);
		first.index.unload();

		const other = await start(app, cache, { peopleFolder: "Contacts" });
		expect(other.index.timings.restored).toBe(false);
		other.index.unload();
		const updated = await start(app, cache, {}, "1.1.0");
		expect(updated.index.timings.restored).toBe(false);
		updated.index.unload();

		for (const damage of [{ format: 1, paths: "not a list" }, "text", 42]) {
			// The unload before saved what it had, a little later: let it finish first.
			await settle();
			cache.value = damage;
			const again = await start(app, cache);
			expect(again.index.timings.restored).toBe(false);
			expect(view(again.index)).toEqual(expected);
			again.index.unload();
		}
		const failing: IndexCache = { load: () => Promise.reject(new Error("blocked")), save: () => Promise.resolve(), clear: () => Promise.resolve() };
		const third = await start(app, failing);
		expect(view(third.index)).toEqual(expected);
		third.index.unload();
	});

	it("reads every note when the user asks for a rebuild, and keeps going when a save fails", async () => {
		const { app } = makeApp({ "People/Anna.md": "---\ncadence: 7\n---\n", "Journal/2026-11-10.md": "- Coffee with [[Anna]]\n" });
		stampAll(app);
		const cache = new MemoryCache();
		const first = await start(app, cache);
		await first.index.save();
		const read = vi.spyOn(app.vault, "cachedRead");
		await first.index.rebuild(true);
		expect(first.index.timings.restored).toBe(false);
		expect(read).toHaveBeenCalledTimes(2);
		cache.failSave = true;
		const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined);
		await expect(first.index.save()).resolves.toBeUndefined();
		expect(debug).toHaveBeenCalled();
		first.index.unload();
	});

	it("neither reads nor keeps a saved index when the setting is off, and forgets the one it had", async () => {
		const { app } = makeApp({ "People/Anna.md": "---\ncadence: 7\n---\n" });
		stampAll(app);
		const cache = new MemoryCache();
		const first = await start(app, cache);
		await first.index.save();
		expect(cache.value).toBeDefined();
		first.index.unload();
		const load = vi.spyOn(cache, "load");
		const off = await start(app, cache, { indexCache: false });
		expect(off.index.timings.restored).toBe(false);
		expect(load).not.toHaveBeenCalled();
		await settle();
		expect(cache.value).toBeUndefined();
		await off.index.save();
		expect(cache.value).toBeUndefined();
		off.index.unload();
	});

	it("saves after changes once things are quiet, not on every event", async () => {
		const { app } = makeApp({ "People/Anna.md": "---\ncadence: 7\n---\n" });
		stampAll(app);
		const cache = new MemoryCache();
		const { index } = await start(app, cache);
		const save = vi.spyOn(index, "save");
		await app.vault.create("Journal/2026-11-19.md", "- Coffee with [[Anna]]\n");
		await app.vault.create("Journal/2026-11-20.md", "- Call with [[Anna]]\n");
		await settle();
		expect(save).not.toHaveBeenCalled();
		index.unload();
		// Unloading saves what changed since (the debounced save is cancelled).
		expect(save).toHaveBeenCalledTimes(1);
	});
});

describe("catching up after a restore", () => {
	async function restored(files: Record<string, string>): Promise<{ app: FakeApp; cache: MemoryCache }> {
		const { app } = makeApp(files);
		stampAll(app);
		const cache = new MemoryCache();
		const first = await start(app, cache);
		await first.index.save();
		first.index.unload();
		await settle();
		return { app, cache };
	}

	it("drops a note gone while closed even when as many new notes came meanwhile", async () => {
		const { app, cache } = await restored({ "People/Anna.md": "---\ncadence: 7\n---\n", "Journal/2026-11-10.md": "- Coffee with [[Anna]]\n" });
		// Renamed elsewhere while Obsidian was closed: one note gone, one new, the same count.
		await app.fileManager.renameFile(app.vault.getFileByPath("People/Anna.md")!, "People/Anna Rossi.md");
		setStat(app, "People/Anna Rossi.md", 5_000, 20);
		const { index } = await start(app, cache);
		expect(index.timings.restored).toBe(true);
		expect(index.index.allPeople().map((p) => p.path)).toEqual(["People/Anna Rossi.md"]);
		index.unload();
	});

	it("reads again a note an event touched while the saved index was loading, whatever its stamp", async () => {
		const { app, cache } = await restored({ "People/Anna.md": "---\ncadence: 7\n---\n", "Journal/2026-11-10.md": "- Coffee with [[Anna]]\n" });
		// Loading is slow: the note changes meanwhile, keeping its stamp (as a change event can).
		const slow = loadingWith(cache, async () => {
			const value = await cache.load();
			await app.vault.modify(app.vault.getFileByPath("Journal/2026-11-10.md")!, "- Lunch with [[Anna]]\n- 2026-11-12 Call with [[Anna]]\n");
			setStat(app, "Journal/2026-11-10.md", 1_001, 11);
			await settle();
			return value;
		});
		const index = await launch(app, slow, defaultSettings());
		expect(index.timings.restored).toBe(true);
		expect(index.index.lastInteraction("People/Anna.md", TODAY)).toBe(parseIsoDay("2026-11-12"));
		index.unload();
	});

	it("rebuilds when settings change while a rebuild is still loading, and saves nothing under the old key", async () => {
		const { app, cache } = await restored({ "People/Anna.md": "---\ncadence: 7\n---\n", "Contacts/Marco.md": "---\ncadence: 7\n---\n" });
		const s = defaultSettings();
		let release: () => void = () => undefined;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let loads = 0;
		const gated = loadingWith(cache, async () => {
			// The second load (the rebuild's) waits until the settings have changed.
			if (loads++ > 0) await gate;
			return cache.load();
		});
		const index = await launch(app, gated, s);
		const rebuilding = index.rebuild();
		s.peopleFolder = "Contacts";
		const changed = index.settingsChanged();
		release();
		await rebuilding;
		await changed;
		expect(index.index.allPeople().map((p) => p.name)).toEqual(["Marco"]);
		// What is kept now is for the new settings: a start with them restores it as it is.
		await index.save();
		index.unload();
		await settle();
		const again = await start(app, cache, { peopleFolder: "Contacts" });
		expect(again.index.timings.restored).toBe(true);
		expect(again.index.index.allPeople().map((p) => p.name)).toEqual(["Marco"]);
		again.index.unload();
	});
});
