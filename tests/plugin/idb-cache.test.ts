import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { PeopleIndex } from "../../src/core/network";
import { defaultSettings } from "../../src/core/settings";
import { IdbIndexCache } from "../../src/plugin/index-cache";
import { day, record } from "../core/helpers";

function snapshot(): ReturnType<PeopleIndex["snapshot"]> {
	const index = new PeopleIndex({ settings: defaultSettings(), daily: null });
	index.upsert({ ...record("People/Anna Rossi.md", "---\ntags: [person]\ncadence: 2w\n---\n- 2026-11-01 Coffee\n- [ ] Send the deck 📅 2026-11-25\n"), stamp: 42 });
	index.upsert({ ...record("Notes/Fair.md", "---\ndate: 2026-11-10\n---\n- Met [[Anna Rossi]]\n"), stamp: 43 });
	return index.snapshot("key");
}

describe("IdbIndexCache", () => {
	it("keeps a snapshot in IndexedDB, typed arrays included, per database name", async () => {
		const factory = new IDBFactory();
		const cache = new IdbIndexCache("rete-index/vault-a", factory);
		expect(await cache.load()).toBeUndefined();
		const saved = snapshot();
		await cache.save(saved);
		const loaded = await cache.load();
		expect(loaded).toEqual(saved);
		const restored = PeopleIndex.fromSnapshot({ settings: defaultSettings(), daily: null }, loaded, "key");
		expect(restored.lastInteraction("People/Anna Rossi.md", day("2026-11-20"))).toBe(day("2026-11-10"));
		expect(restored.stampOf("Notes/Fair.md")).toBe(43);
		expect(await new IdbIndexCache("rete-index/vault-b", factory).load()).toBeUndefined();
		await cache.clear();
		expect(await cache.load()).toBeUndefined();
	});

	it("rejects (and never throws) where IndexedDB is missing", async () => {
		const cache = new IdbIndexCache("rete-index/x", undefined);
		await expect(cache.load()).rejects.toThrow(/not available/);
		await expect(cache.save(snapshot())).rejects.toThrow(/not available/);
	});
});
