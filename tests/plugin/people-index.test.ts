// @vitest-environment happy-dom
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadVault } from "../../src/cli/main";
import { parseIsoDay } from "../../src/core/dates";
import type { PersonCards } from "../../src/core/person-state";
import { builtIndex, dailyFor, makeApp, readFolder, settle, waitFor } from "./app";
import { ReteIndex } from "../../src/plugin/people-index";
import { defaultSettings } from "../../src/core/settings";

const TODAY = parseIsoDay("2026-11-20") ?? 0;
const EXAMPLE = path.resolve(process.cwd(), "examples/vault");

afterEach(() => vi.restoreAllMocks());

describe("the plugin's index", () => {
	it("gives the same people, due items and problems as the CLI on the example vault", async () => {
		const { index } = await builtIndex(readFolder(EXAMPLE));
		const cli = loadVault(EXAMPLE, ".obsidian", "en");
		expect(index.index.due(TODAY, 7)).toEqual(cli.index.due(TODAY, 7));
		expect(index.index.due(TODAY, 60)).toEqual(cli.index.due(TODAY, 60));
		expect(index.index.stats()).toEqual(cli.index.stats());
		expect(index.index.problems()).toEqual(cli.index.problems());
		const names = (xs: { name: string }[]) => xs.map((p) => p.name).sort();
		expect(names(index.index.allPeople())).toEqual(names(cli.index.allPeople()));
	});

	it("built without a worker, comes ready for the first due list: days sorted, every last contact found", async () => {
		const days = Array.from({ length: 90 }, (_, i) => `- 2026-${String(1 + (i % 9)).padStart(2, "0")}-${String(1 + ((i * 7) % 28)).padStart(2, "0")} Call`);
		const { index } = await builtIndex({
			"People/Anna.md": `---\ncadence: 7\n---\n${days.join("\n")}\n`,
			"People/Bruno.md": "---\ncadence: 7\n---\n",
			"Journal/2026-11-18.md": "- Lunch with [[Anna]]\n",
		});
		expect(index.timings.worker).toBe(false);
		const cards = (index.index as unknown as { cards: PersonCards }).cards.list;
		const anna = cards.find((c) => c.name === "Anna");
		expect(anna?.person.sorted).toBe(true);
		expect([anna?.last, anna?.lastTo]).toEqual([parseIsoDay("2026-11-18"), Infinity]);
		expect(cards.find((c) => c.name === "Bruno")?.lastTo).toBe(Infinity);
	});

	it("reads only people's notes and notes that link to people", async () => {
		const files = {
			"People/Anna.md": "---\ncadence: 7\n---\n",
			"Journal/2026-11-18.md": "- [[Anna]]\n",
			"Notes/Recipes.md": "- [[Tiramisu]] and [[Anna's cake]]\n",
			"Notes/Plain.md": "nothing here\n",
		};
		const { app, obsidian } = makeApp(files);
		const read = vi.spyOn(app.vault, "cachedRead");
		const index = new ReteIndex(obsidian, defaultSettings, dailyFor(obsidian));
		index.load();
		app.workspace.setLayoutReady__();
		await waitFor(() => index.ready);
		expect(read.mock.calls.map(([f]) => f.path).sort()).toEqual(["Journal/2026-11-18.md", "People/Anna.md"]);
		expect(index.timings).toMatchObject({ notes: 4, read: 2 });
	});

	it("does nothing before the layout is ready", async () => {
		const { app, obsidian } = makeApp({ "People/Anna.md": "---\ncadence: 7\n---\n" });
		const read = vi.spyOn(app.vault, "cachedRead");
		const index = new ReteIndex(obsidian, defaultSettings, dailyFor(obsidian));
		index.load();
		await app.vault.create("People/Marco.md", "---\ncadence: 7\n---\n");
		await settle();
		expect(index.ready).toBe(false);
		expect(read).not.toHaveBeenCalled();
		app.workspace.setLayoutReady__();
		await waitFor(() => index.ready);
		expect(index.index.allPeople().map((p) => p.name).sort()).toEqual(["Anna", "Marco"]);
	});

	it("follows edits, new mentions, renames and deletions", async () => {
		const { app, index } = await builtIndex({
			"People/Anna.md": "---\ncadence: 7\n---\n",
			"Journal/2026-11-10.md": "- [[Anna]]\n",
			"Notes/Later.md": "- [[Sara]] at the fair\n",
		});
		const updated = vi.fn();
		index.onUpdated(updated);
		const due = () => index.index.due(TODAY, 7).map((i) => `${i.person} ${i.due}`);
		expect(due()).toEqual(["Anna 2026-11-17"]);

		const journal = app.vault.getFileByPath("Journal/2026-11-10.md");
		if (!journal) throw new Error("fixture");
		await app.vault.modify(journal, "- nothing\n");
		expect(due()).toEqual(["Anna 2026-11-20"]);

		await app.vault.create("Journal/2026-11-19.md", "- Coffee with [[Anna]]\n");
		await settle();
		expect(due()).toEqual(["Anna 2026-11-26"]);

		// A new person: the note written before it now counts, read only now.
		await app.vault.create("People/Sara.md", "---\ncadence: 7\n---\n");
		await settle();
		expect(index.index.person("People/Sara.md")?.name).toBe("Sara");
		expect(due()).toEqual(["Sara 2026-11-20", "Anna 2026-11-26"]);

		const anna = app.vault.getFileByPath("People/Anna.md");
		if (!anna) throw new Error("fixture");
		await app.vault.rename(anna, "People/Anna Rossi.md");
		await settle();
		expect(index.index.person("People/Anna.md")).toBeNull();
		expect(index.index.person("People/Anna Rossi.md")?.name).toBe("Anna Rossi");

		const sara = app.vault.getFileByPath("People/Sara.md");
		if (!sara) throw new Error("fixture");
		await app.fileManager.trashFile(sara);
		await settle();
		expect(index.index.person("People/Sara.md")).toBeNull();
		await waitFor(() => updated.mock.calls.length > 0);
	});

	it("keeps events that arrive during a rebuild", async () => {
		const { app, index } = await builtIndex({ "People/Anna.md": "---\ncadence: 7\n---\n" });
		const rebuilding = index.rebuild();
		await app.vault.create("Journal/2026-11-19.md", "- [[Anna]]\n");
		await rebuilding;
		await settle();
		expect(index.index.due(TODAY, 7).map((i) => i.due)).toEqual(["2026-11-26"]);
	});

	it("builds a larger vault in slices and reads none of the notes that mention nobody", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 50; i++) files[`People/P${i}.md`] = "---\ncadence: 30\n---\n";
		for (let i = 0; i < 2000; i++) files[`Notes/N${i}.md`] = `note ${i} about [[Topic ${i % 10}]]\n`;
		for (let d = 1; d <= 28; d++) files[`Journal/2026-10-${String(d).padStart(2, "0")}.md`] = `- [[P${d}]] call\n`;
		const { index } = await builtIndex(files);
		expect(index.timings.notes).toBe(2078);
		expect(index.timings.read).toBe(78);
		expect(index.index.stats().interactions).toBe(28);
	});
	it("takes a sync burst of 1,000 changed notes without writing, and ends where a fresh build ends", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 20; i++) files[`People/P${i}.md`] = `---\ncadence: ${7 + i}\n---\n- 2026-10-0${1 + (i % 9)} Coffee\n`;
		const days: string[] = [];
		for (let d = 0; d < 1000; d++) {
			const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
			days.push(date);
			files[`Journal/${date}.md`] = `- Call with [[P${d % 20}]]\n- [ ] Send [[P${(d * 7) % 20}]] the deck\n`;
		}
		const { app, index } = await builtIndex(files);
		const before = index.index.stats();
		expect(before.followups).toBe(1000);
		const updated = vi.fn();
		index.onUpdated(updated);
		const writes = [vi.spyOn(app.vault, "process"), vi.spyOn(app.fileManager, "processFrontMatter"), vi.spyOn(app.vault, "create")];
		// Another device's edits arrive at once: every journal note changes.
		await Promise.all(
			days.map((date, d) => {
				const file = app.vault.getFileByPath(`Journal/${date}.md`);
				if (!file) throw new Error("fixture");
				return app.vault.modify(file, `- Lunch with [[P${(d + 3) % 20}]] and [[P${d % 20}]]\n- [x] Sent [[P${(d * 7) % 20}]] the deck ✅ ${date}\n`);
			}),
		);
		await settle();
		for (const spy of writes) expect(spy).not.toHaveBeenCalled();
		const now: Record<string, string> = {};
		for (const file of app.vault.getMarkdownFiles()) now[file.path] = await app.vault.read(file);
		const { index: fresh } = await builtIndex(now);
		expect(index.index.due(TODAY, 60)).toEqual(fresh.index.due(TODAY, 60));
		expect(index.index.stats()).toEqual(fresh.index.stats());
		expect(index.index.stats()).toMatchObject({ followups: 0, interactions: 20 + 3000 });
		expect(index.index.due(TODAY, 60).length).toBeGreaterThan(0);
		// The views are told a few times, not once per event (counted once the debounce is over).
		await waitFor(() => updated.mock.calls.length > 0);
		await settle(400);
		expect(updated.mock.calls.length).toBeLessThan(10);
	});
});

describe("properties Obsidian could not read (fault case 3)", () => {
	it("are reported by path, the note left as it is, and every other note indexed", async () => {
		const bad = "People/Bad.md";
		// (YAML the stand-in app can hold: which block Obsidian fails on is Obsidian's business.)
		const text = "---\nname: Bad\ncadence: 30\n---\n- 2026-11-01 Call\n";
		const { app } = makeApp({ [bad]: text, "People/Anna.md": "---\ncadence: 30\n---\n", "Journal/2026-11-10.md": "- Coffee with [[Anna]]\n" });
		// Obsidian's cache holds no properties for a block it cannot parse.
		const getFileCache = app.metadataCache.getFileCache.bind(app.metadataCache);
		vi.spyOn(app.metadataCache, "getFileCache").mockImplementation((file) => (file.path === bad ? { sections: [] } : getFileCache(file)));
		const process = vi.spyOn(app.vault, "process");
		const obsidian = app.asOriginalType__();
		const index = new ReteIndex(obsidian, defaultSettings, dailyFor(obsidian));
		index.load();
		app.workspace.setLayoutReady__();
		await waitFor(() => index.ready);
		expect(index.index.problems()).toEqual([{ path: bad, line: 1, message: "unreadable frontmatter: Obsidian could not read these properties (invalid YAML)" }]);
		expect(index.index.person("People/Anna.md")?.cadence).toEqual({ count: 30, unit: "day" });
		expect(index.index.lastInteraction("People/Anna.md", parseIsoDay("2026-11-20") ?? 0)).toBe(parseIsoDay("2026-11-10"));
		expect(await app.vault.adapter.read(bad)).toBe(text);
		expect(process).not.toHaveBeenCalled();
	});
});
