// @vitest-environment happy-dom
import type { Vault } from "obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultSettings } from "../../src/core/settings";
import { DailyNotes } from "../../src/plugin/daily-notes";
import { ReteIndex } from "../../src/plugin/people-index";
import { ReachOut } from "../../src/plugin/reach-out";
import { dailyFor, waitFor } from "./app";
import { caseInsensitiveDisk, messages, type TestVault, testVault } from "./writes-helpers";

const NOW = { year: 2026, month: 11, day: 20, hour: 7, minute: 45 };
const TODAY = 20777; // 2026-11-20

async function daily(files: Record<string, string>, configDir?: string): Promise<TestVault & { daily: DailyNotes; vault: Vault }> {
	const v = testVault(files);
	if (configDir !== undefined) v.app.vault.configDir = configDir;
	const d = new DailyNotes(v.obsidian, () => messages, () => undefined);
	await d.refresh();
	return { ...v, daily: d, vault: v.obsidian.vault };
}

const settings = (json: object): Record<string, string> => ({ ".obsidian/daily-notes.json": JSON.stringify(json) });

afterEach(() => vi.restoreAllMocks());

describe("today's daily note stays inside the vault (case 23)", () => {
	it.each([
		["folder ../outside", { folder: "../outside" }, /climbs out of the vault/],
		["folder Journal/../../x", { folder: "Journal/../../x" }, /climbs out of the vault/],
		["folder .obsidian", { folder: ".obsidian" }, /inside \.obsidian/],
		["folder .Obsidian/plugins", { folder: ".Obsidian/plugins" }, /inside \.obsidian/],
		["folder C:\\x", { folder: "C:\\x" }, /absolute path/],
		["format [../]YYYY-MM-DD", { format: "[../]YYYY-MM-DD" }, /climbs out of the vault/],
		["format [../../]YYYY/MM-DD", { folder: "Journal", format: "[../../]YYYY/MM-DD" }, /climbs out of the vault/],
		["format [.obsidian/]YYYY-MM-DD", { format: "[.obsidian/]YYYY-MM-DD" }, /inside \.obsidian/],
	])("%s is refused before anything is written", async (_, json, reason) => {
		const v = await daily(settings(json));
		const create = vi.spyOn(v.app.vault, "create");
		const createFolder = vi.spyOn(v.app.vault, "createFolder");
		await expect(v.daily.ensure(TODAY, NOW)).rejects.toThrow(reason);
		expect(create).not.toHaveBeenCalled();
		expect(createFolder).not.toHaveBeenCalled();
	});

	it("checks against the vault's own config folder", async () => {
		const v = await daily({ ".config/daily-notes.json": JSON.stringify({ folder: ".config/days" }) }, ".config");
		const create = vi.spyOn(v.app.vault, "create");
		await expect(v.daily.ensure(TODAY, NOW)).rejects.toThrow(/inside \.config/);
		expect(create).not.toHaveBeenCalled();
	});

	it("takes a folder written with a leading / as Obsidian does, inside the vault", async () => {
		const v = await daily(settings({ folder: "/Journal/" }));
		const file = await v.daily.ensure(TODAY, NOW);
		expect(file.path).toBe("Journal/2026-11-20.md");
	});

	it("tells the user why, and writes nothing, from the reach-out command", async () => {
		const v = testVault({ ...settings({ folder: "../outside" }), "People/Anna Rossi.md": "---\ncadence: monthly\n---\n- 2026-10-01 Coffee\n" });
		const d = new DailyNotes(v.obsidian, () => messages, () => undefined);
		const s = defaultSettings();
		const index = new ReteIndex(v.obsidian, () => s, dailyFor(v.obsidian));
		index.load();
		v.app.workspace.setLayoutReady__();
		await waitFor(() => index.ready);
		const create = vi.spyOn(v.app.vault, "create");
		const reach = new ReachOut(v.obsidian, index, d, v.writer, () => messages, () => s, () => NOW, { quietMs: 20, maxWaitMs: 200 });
		await reach.addToToday();
		expect(create).not.toHaveBeenCalled();
		expect(v.notices().some((n) => n.includes('"../outside/2026-11-20.md" climbs out of the vault'))).toBe(true);
	});
});

describe("an existing daily note in another case or normalisation is the same note (case 20)", () => {
	it.each([
		["folder case", { folder: "Journal" }, "journal/2026-11-20.md"],
		["folder and name case", { folder: "Journal", format: "D MMMM YYYY" }, "JOURNAL/20 november 2026.md"],
		["NFD on disk, NFC in the setting", { folder: "Diário" }, "Dia\u0301rio/2026-11-20.md"],
		["NFC on disk, NFD in the setting", { folder: "Dia\u0301rio" }, "Diário/2026-11-20.md"],
		["nested folders", { folder: "Notes/Daily", format: "YYYY/MM/YYYY-MM-DD" }, "notes/DAILY/2026/11/2026-11-20.md"],
	])("%s: used, never created again", async (_, json, existing) => {
		const v = await daily({ ...settings(json), [existing]: "# mine\n" });
		const create = vi.spyOn(v.app.vault, "create");
		const createFolder = vi.spyOn(v.app.vault, "createFolder");
		expect(v.daily.noteOf(TODAY)?.path).toBe(existing);
		const file = await v.daily.ensure(TODAY, NOW);
		expect(file.path).toBe(existing);
		expect(create).not.toHaveBeenCalled();
		expect(createFolder).not.toHaveBeenCalled();
		expect(await v.read(existing)).toBe("# mine\n");
	});

	it("prefers the exact spelling when both exist", async () => {
		const v = await daily({ ...settings({ folder: "Journal" }), "journal/2026-11-20.md": "a", "Journal/2026-11-20.md": "b" });
		expect((await v.daily.ensure(TODAY, NOW)).path).toBe("Journal/2026-11-20.md");
	});

	it("finds it without going through every file of the vault", async () => {
		const v = await daily({ ...settings({ folder: "Journal" }), "journal/2026-11-20.md": "x" });
		const everything = [vi.spyOn(v.app.vault, "getFiles"), vi.spyOn(v.app.vault, "getMarkdownFiles"), vi.spyOn(v.app.vault, "getAllLoadedFiles")];
		expect(v.daily.noteOf(TODAY)?.path).toBe("journal/2026-11-20.md");
		for (const spy of everything) expect(spy).not.toHaveBeenCalled();
	});

	it("a folder named like the note is not the note", async () => {
		const v = await daily({ "2026-11-20.md/x.md": "x" });
		expect(v.daily.noteOf(TODAY)).toBeNull();
	});
});

describe("folders for a new daily note (case 22)", () => {
	it("creates the note in the existing folder spelt in another case, not a second folder", async () => {
		const v = await daily({ ...settings({ folder: "Journal/Daily" }), "journal/old.md": "" });
		caseInsensitiveDisk(v);
		const file = await v.daily.ensure(TODAY, NOW);
		expect(file.path).toBe("journal/Daily/2026-11-20.md");
		expect(v.app.vault.getFolderByPath("Journal")).toBeNull();
	});

	it("tolerates 'already exists' when a sync created the folder meanwhile", async () => {
		const v = await daily(settings({ folder: "Journal" }));
		const createFolder = v.app.vault.createFolder.bind(v.app.vault);
		vi.spyOn(v.app.vault, "createFolder").mockImplementation(async (path) => {
			await createFolder(path);
			throw new Error("Folder already exists.");
		});
		expect((await v.daily.ensure(TODAY, NOW)).path).toBe("Journal/2026-11-20.md");
	});

	it("uses the folder a sync created meanwhile in another case", async () => {
		const v = await daily(settings({ folder: "Journal" }));
		const createFolder = v.app.vault.createFolder.bind(v.app.vault);
		vi.spyOn(v.app.vault, "createFolder").mockImplementation(async () => {
			await createFolder("JOURNAL");
			throw new Error("Folder already exists.");
		});
		expect((await v.daily.ensure(TODAY, NOW)).path).toBe("JOURNAL/2026-11-20.md");
	});

	it("reports a folder that could not be created", async () => {
		const v = await daily(settings({ folder: "Journal" }));
		vi.spyOn(v.app.vault, "createFolder").mockRejectedValue(new Error("read-only"));
		await expect(v.daily.ensure(TODAY, NOW)).rejects.toThrow("read-only");
	});

	it("never overwrites a note created while the template was read", async () => {
		const v = await daily({ ...settings({ folder: "Journal", format: "D MMMM YYYY", template: "T/Day" }), "T/Day.md": "# day\n", "Journal/x.md": "" });
		const read = v.app.vault.cachedRead.bind(v.app.vault);
		vi.spyOn(v.app.vault, "cachedRead").mockImplementation(async (file) => {
			await v.app.vault.create("Journal/20 november 2026.md", "synced\n");
			return read(file);
		});
		const file = await v.daily.ensure(TODAY, NOW);
		expect(file.path).toBe("Journal/20 november 2026.md");
		expect(await v.read("Journal/20 november 2026.md")).toBe("synced\n");
		expect(await v.exists("Journal/20 November 2026.md")).toBe(false);
	});

	it("returns the note when the disk says it already exists", async () => {
		const v = await daily(settings({ folder: "Journal" }));
		const create = v.app.vault.create.bind(v.app.vault);
		vi.spyOn(v.app.vault, "create").mockImplementation(async (path) => {
			await create(path, "synced\n");
			throw new Error("File already exists.");
		});
		expect((await v.daily.ensure(TODAY, NOW)).path).toBe("Journal/2026-11-20.md");
		expect(await v.read("Journal/2026-11-20.md")).toBe("synced\n");
	});
});
