// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { PeopleIndex } from "../../src/core/network";
import { defaultSettings } from "../../src/core/settings";
import { catchUp, catchUpTouched, type IndexTimings } from "../../src/plugin/index-slices";
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
