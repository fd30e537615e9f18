// @vitest-environment happy-dom
import type { TFile } from "obsidian";
import { describe, expect, it, vi } from "vitest";
import { PeopleIndex } from "../../src/core/network";
import { defaultSettings } from "../../src/core/settings";
import { catchUp, catchUpTouched, type IndexTimings, readInBatches, readPending, SliceClock } from "../../src/plugin/index-slices";
import { fileStamp, linksRecord } from "../../src/plugin/records";
import { makeApp } from "./app";

function timings(): IndexTimings {
	return { work: 0, longestSlice: 0, notes: 0, read: 0, restored: true, worker: false };
}

describe("catching up after a restore", () => {
	it("drops a note gone while closed, also when an event meanwhile indexed a note it had not reached", async () => {
		const { app, obsidian } = makeApp({ "A.md": "[[Anna]]\n", "B.md": "[[Anna]]\n" });
		const file = (path: string) => {
			const f = obsidian.vault.getFileByPath(path);
			if (!f) throw new Error(path);
			return f;
		};
		// The restored index: A (changed since) and S (deleted while closed); B came while closed.
		const index = new PeopleIndex({ settings: defaultSettings(), daily: null });
		index.upsert({ ...linksRecord(file("A.md"), null), stamp: -1 });
		index.upsert({ path: "S.md", frontmatter: null, body: null, links: [], stamp: 5 });
		let events = 0;
		let fired = false;
		// Right after A is looked at, an event indexes B, before catching up reaches it.
		const spent = (): number => {
			if (!fired && index.has("A.md") && index.stampOf("A.md") === fileStamp(file("A.md"))) {
				fired = true;
				index.upsert(linksRecord(file("B.md"), null));
				events++;
			}
			return 0;
		};
		const done = await catchUp(obsidian, index, null, timings(), spent, () => Promise.resolve(true), () => events);
		expect(done).toBe(true);
		expect(fired).toBe(true);
		expect(index.has("S.md")).toBe(false);
		expect(index.paths().sort()).toEqual(["A.md", "B.md"]);
		expect(app.vault.getMarkdownFiles().map((f) => f.path).sort()).toEqual(["A.md", "B.md"]);
	});

	it("looks no further when every note it knows is still there and nothing happened meanwhile", async () => {
		const { obsidian } = makeApp({ "A.md": "[[Anna]]\n", "B.md": "[[Anna]]\n" });
		const index = new PeopleIndex({ settings: defaultSettings(), daily: null });
		for (const f of obsidian.vault.getMarkdownFiles()) index.upsert(linksRecord(f, null));
		let lookups = 0;
		const original = obsidian.vault.getFileByPath.bind(obsidian.vault);
		obsidian.vault.getFileByPath = (path: string) => {
			lookups++;
			return original(path);
		};
		const t = timings();
		expect(await catchUp(obsidian, index, null, t, () => 0, () => Promise.resolve(true), () => 0)).toBe(true);
		expect(t.notes).toBe(0);
		expect(lookups).toBe(0);
	});
});

describe("catching up after the worker's build", () => {
	it("takes again exactly the notes events touched: read ones asked for, others by their links, gone ones dropped", async () => {
		const { app, obsidian } = makeApp({ "People/Anna.md": "---\ntags: person\n---\n", "Read.md": "- 2026-11-01 [[Anna]]\n", "Quiet.md": "See [[Anna]]\n", "Untouched.md": "[[Other]]\n", "Gone.md": "x\n", "Pictures/photo.png": "png" });
		const file = (path: string) => {
			const f = obsidian.vault.getFileByPath(path);
			if (!f) throw new Error(path);
			return f;
		};
		const index = new PeopleIndex({ settings: defaultSettings(), daily: null });
		index.upsert({ path: "People/Anna.md", frontmatter: { tags: "person" }, body: "", stamp: fileStamp(file("People/Anna.md")) });
		index.upsert({ path: "Read.md", frontmatter: null, body: "- 2026-11-01 [[Anna]]\n", stamp: fileStamp(file("Read.md")) });
		// As the worker was sent them; since then Quiet gained a link to Anna, Gone went.
		index.upsert({ ...linksRecord(file("Quiet.md"), null), links: ["Other"] });
		index.upsert({ ...linksRecord(file("Untouched.md"), null), links: ["Other"], stamp: -1 });
		index.upsert({ path: "Gone.md", frontmatter: null, body: null, links: [], stamp: 1 });
		index.takePending();
		await app.fileManager.trashFile(app.vault.getFileByPath("Gone.md")!);
		const t = timings();
		const touched = new Set(["Read.md", "Quiet.md", "Gone.md", "Pictures/photo.png"]);
		expect(await catchUpTouched(obsidian, index, touched, t, () => 0, () => Promise.resolve(true))).toBe(true);
		expect(index.has("Gone.md")).toBe(false);
		// A picture is no note, touched or not.
		expect(obsidian.vault.getFileByPath("Pictures/photo.png")).not.toBeNull();
		expect(index.has("Pictures/photo.png")).toBe(false);
		expect(index.takePending().sort()).toEqual(["Quiet.md", "Read.md"]);
		// Not touched: left as the worker had it, whatever its stamp says.
		expect(index.stampOf("Untouched.md")).toBe(-1);
		expect(t.notes).toBe(4);
	});
});

describe("reading notes in batches", () => {
	function notes(count: number) {
		const files: Record<string, string> = {};
		for (let i = 0; i < count; i++) files[`N${i}.md`] = `note ${i}\n`;
		return makeApp(files).obsidian;
	}

	interface FakeTime {
		/** Moves the fake time on. */
		tick: (ms: number) => void;
		t: IndexTimings;
		clock: SliceClock;
		/** Ends the slice at once; `slices` counts them. */
		endSlice: () => Promise<boolean>;
		slices: () => number;
	}

	/** Runs `run` with a slice clock on a fake time that only `tick` moves. */
	async function onFakeTime(run: (time: FakeTime) => Promise<void>): Promise<void> {
		let now = 0;
		let slices = 0;
		const clockSpy = vi.spyOn(performance, "now").mockImplementation(() => now);
		try {
			const t = timings();
			const clock = new SliceClock(t);
			const endSlice = (): Promise<boolean> => {
				slices++;
				clock.close();
				clock.resume();
				return Promise.resolve(true);
			};
			await run({ tick: (ms) => void (now += ms), t, clock, endSlice, slices: () => slices });
		} finally {
			clockSpy.mockRestore();
		}
	}

	/** Each look-up of a note by its path takes 1 ms of `time`. */
	function slowLookUps(obsidian: ReturnType<typeof notes>, time: FakeTime): void {
		const lookUp = obsidian.vault.getFileByPath.bind(obsidian.vault);
		obsidian.vault.getFileByPath = (path: string) => {
			time.tick(1);
			return lookUp(path);
		};
	}

	it("counts asking for a read as work and waiting for it not, ending a slice when asking took long", async () => {
		const obsidian = notes(64);
		await onFakeTime(async (time) => {
			// Each read does 1 ms of work at once, then waits 50 ms for its bytes.
			const read = (): Promise<string> => {
				time.tick(1);
				return new Promise((resolve) => setTimeout(() => {
					time.tick(50);
					resolve("text");
				}, 0));
			};
			const taken: string[] = [];
			const files = obsidian.vault.getMarkdownFiles();
			expect(await readInBatches(obsidian, files, read, time.clock, time.endSlice, (file, got) => got && taken.push(file.path))).toBe(true);
			expect(taken).toEqual(files.map((f) => f.path));
			// Two batches of 32: each asked for 32 ms of work (over a slice), none of the waiting.
			expect(time.slices()).toBe(2);
			expect(time.t.work).toBe(64);
			expect(time.t.longestSlice).toBe(32);
		});
	});

	it("hands over a note renamed while it was read only when told not to look again", async () => {
		for (const recheck of [true, false]) {
			const obsidian = notes(3);
			const files = obsidian.vault.getMarkdownFiles();
			const moving = files[1];
			if (!moving) throw new Error("no note");
			const read = async (file: TFile): Promise<string> => {
				const text = await obsidian.vault.cachedRead(file);
				if (file === moving) await obsidian.fileManager.renameFile(moving, "Moved.md");
				return text;
			};
			const taken: Array<[string, number]> = [];
			const clock = new SliceClock(timings());
			await readInBatches(obsidian, files, read, clock, () => Promise.resolve(true), (file, got, at) => got && taken.push([file.path, at]), undefined, recheck);
			// Renamed while read: its stamp may hold, its path does not (the catching up sees to it).
			if (recheck) expect(taken).toEqual([["N0.md", 0], ["N2.md", 2]]);
			else expect(taken).toEqual([["N0.md", 0], ["Moved.md", 1], ["N2.md", 2]]);
		}
	});

	it("hands over no note deleted and made anew while it was read, when told to look again", async () => {
		const obsidian = notes(2);
		const [first, second] = obsidian.vault.getMarkdownFiles();
		if (!first || !second) throw new Error("no notes");
		const read = async (file: TFile): Promise<string> => {
			const text = await obsidian.vault.cachedRead(file);
			if (file === second) {
				await obsidian.fileManager.trashFile(second);
				await obsidian.vault.create("N1.md", "a new note, by the same name\n");
			}
			return text;
		};
		const taken: string[] = [];
		await readInBatches(obsidian, ["N0.md", "N1.md"], read, new SliceClock(timings()), () => Promise.resolve(true), (file, got) => got && taken.push(`${file.path}: ${got.value.trim()}`));
		// The old text is not the new note's: its own event brings that.
		expect(taken).toEqual(["N0.md: note 0"]);
		expect(obsidian.vault.getFileByPath("N1.md")).not.toBe(second);
	});

	it("reads what the index asks for a batch at a time, looking each note up in its batch", async () => {
		const files: Record<string, string> = { "People/Anna.md": "---\ntags: [person]\n---\n" };
		for (let i = 0; i < 100; i++) files[`Notes/N${i}.md`] = `- 2026-11-20 Coffee with [[Anna]]\n`;
		const { obsidian } = makeApp(files);
		const index = new PeopleIndex({ settings: defaultSettings(), daily: null });
		for (const f of obsidian.vault.getMarkdownFiles()) index.upsert(linksRecord(f, obsidian.metadataCache.getFileCache(f)));
		await onFakeTime(async (time) => {
			slowLookUps(obsidian, time);
			expect(await readPending(obsidian, index, time.t, time.clock, time.endSlice)).toBe(true);
			// The person's note and the hundred notes that link her.
			expect(time.t.read).toBe(101);
			expect(index.stats().interactions).toBe(100);
			// Looked up before and after each read: two per note, never more than a batch's in a slice.
			expect(time.t.work).toBe(202);
			expect(time.t.longestSlice).toBe(64);
		});
	});

	it("looks paths up a batch at a time, leaving out those not in the vault", async () => {
		const obsidian = notes(200);
		await onFakeTime(async (time) => {
			// All 201 look-ups at once would be a slice of 201 ms.
			slowLookUps(obsidian, time);
			const paths = [...obsidian.vault.getMarkdownFiles().map((f) => f.path), "Gone.md"];
			const taken: number[] = [];
			await readInBatches(obsidian, paths, (file) => obsidian.vault.cachedRead(file), time.clock, time.endSlice, (_file, got, at) => got && taken.push(at), undefined, false);
			expect(taken).toEqual(paths.slice(0, 200).map((_p, at) => at));
			expect(time.t.work).toBe(201);
			expect(time.t.longestSlice).toBe(32);
		});
	});
});
