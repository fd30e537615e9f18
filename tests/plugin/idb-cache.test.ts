import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { PeopleIndex } from "../../src/core/network";
import { defaultSettings } from "../../src/core/settings";
import { SnapshotError } from "../../src/core/snapshot";
import { joinSnapshot, planSnapshot, snapshotPieces, WHOLE } from "../../src/core/snapshot-parts";
import { IdbStore, type KeyValueStore, PiecewiseIndexCache } from "../../src/plugin/index-cache";
import { day, record } from "../core/helpers";

const now = (): Promise<void> => Promise.resolve();
const options = { settings: defaultSettings(), daily: null };

function index(people = 2, mentions = 1): PeopleIndex {
	const out = new PeopleIndex(options);
	for (let i = 0; i < people; i++) out.upsert({ ...record(`People/P${i}.md`, "---\ntags: [person]\ncadence: 2w\n---\n- 2026-11-01 Coffee\n- [ ] Send the deck 📅 2026-11-25\n"), stamp: i });
	for (let i = 0; i < mentions; i++) out.upsert({ ...record(`Notes/N${i}.md`, `---\ndate: 2026-11-10\n---\n- Met [[P${i % people}]] and [[P${(i + 1) % people}]]\n`), stamp: 10_000 + i });
	return out;
}

function keys(store: KeyValueStore & { data: Map<string, unknown> }): string[] {
	return [...store.data.keys()].sort();
}

class MapStore implements KeyValueStore {
	data = new Map<string, unknown>();
	failAt = -1;
	puts = 0;
	get(key: string): Promise<unknown> {
		return Promise.resolve(structuredClone(this.data.get(key)));
	}
	put(key: string, value: unknown): Promise<void> {
		if (this.puts++ === this.failAt) return Promise.reject(new Error("quota exceeded"));
		this.data.set(key, structuredClone(value));
		return Promise.resolve();
	}
	deleteRange(from: string, to: string | null): Promise<void> {
		for (const key of [...this.data.keys()]) if (key >= from && (to === null || key < to)) this.data.delete(key);
		return Promise.resolve();
	}
}

describe("snapshots in pieces", () => {
	it("cut lists and typed arrays into runs and put them back exactly", async () => {
		const snap = index(3000, 9000).snapshot("key");
		const plan = planSnapshot(snap);
		const pieces = [...snapshotPieces(snap, plan)];
		expect(pieces.length).toBe(plan.pieces);
		expect(pieces.length).toBeGreaterThan(10);
		expect(await joinSnapshot(structuredClone(plan), structuredClone(pieces))).toEqual(snap);
		expect(await joinSnapshot(plan, pieces.slice(1))).toBeNull();
		expect(await joinSnapshot(plan, [...pieces, []])).toBeNull();
		const swapped = [...pieces];
		swapped[0] = new Float64Array(3);
		expect(await joinSnapshot(plan, swapped)).toBeNull();
		expect(await joinSnapshot({ fields: [{ name: "x", kind: "constructor", length: 1, pieces: 1, size: 1 }] }, [[1]])).toBeNull();
		expect(await joinSnapshot("junk", [])).toBeNull();
	});
});

describe("a worker's snapshot", () => {
	it("sends each typed array whole, taken as it came (no copy), lists still in pieces", async () => {
		const s = index(3000, 9000).snapshot("key") as unknown as Record<string, unknown>;
		const plan = planSnapshot(s, WHOLE);
		const typed = plan.fields.filter((f) => f.kind !== "list" && f.kind !== "json" && f.kind !== "value");
		expect(typed.length).toBeGreaterThan(10);
		for (const f of typed) expect(f.pieces).toBe(f.length === 0 ? 0 : 1);
		expect(plan.fields.find((f) => f.name === "paths")?.pieces).toBeGreaterThan(1);
		const pieces = [...snapshotPieces(s, plan)];
		const back = await joinSnapshot(plan, pieces);
		expect(back).toEqual(s);
		const entries = pieces.find((p) => p instanceof Float64Array && p.length === (s.entries as Float64Array).length);
		expect(back?.entries).toBe(entries);
		// In pieces, a typed array is put together in a fresh one.
		const cut = planSnapshot(s, 1000);
		const joined = await joinSnapshot(cut, [...snapshotPieces(s, cut)]);
		expect(joined?.entries).toEqual(s.entries);
		expect(cut.fields.find((f) => f.name === "entries")?.pieces).toBeGreaterThan(1);
	});
});

describe("people and problems in pieces, as JSON text", () => {
	const odd = ["Zoë \"Zed\" O'Brien", "Ŝtefan\\Back", "Line\nbreak", "Lone \ud800 surrogate", "Emoji 😀 Ωmega", "İstanbul ΣΑΣ"];
	const snap = (): Record<string, unknown> => {
		const out = new PeopleIndex(options);
		odd.forEach((name, i) => out.upsert(record(`People/${name}.md`, `---\ntags: [person]\ncompany: "${i % 2 ? "Acme \\u00e8" : ""}"\nbirthday: ${i % 2 ? "1990-02-28" : "--03-01"}\ncadence: ${i % 3 ? "monthly" : "nonsense"}\nlast_contact: 2026-13-45\n---\n- 2026-11-01 Coffee\n`)));
		return out.snapshot("key") as unknown as Record<string, unknown>;
	};

	it("come back exactly, odd names and absent fields included", async () => {
		const s = snap();
		expect((s.persons as unknown[]).length).toBe(odd.length);
		expect((s.problems as unknown[]).length).toBeGreaterThan(0);
		const plan = planSnapshot(s);
		const pieces = [...snapshotPieces(s, plan)];
		const json = plan.fields.filter((f) => f.kind === "json").map((f) => f.name);
		expect(json.sort()).toEqual(["persons", "problems"]);
		expect(pieces.filter((p) => typeof p === "string")).toHaveLength(2);
		const back = await joinSnapshot(structuredClone(plan), structuredClone(pieces));
		// Strictly: a key present with no value would count as absent for \`toEqual\`.
		expect(back).toStrictEqual(s);
		expect(PeopleIndex.fromSnapshot(options, back, "key").allPeople().map((p) => p.name).sort()).toEqual([...odd].sort());
	});

	it("are read one piece at a time, with a pause after each", async () => {
		const s = index(2500, 10).snapshot("key");
		const plan = planSnapshot(s);
		const pieces = [...snapshotPieces(s, plan)];
		const persons = plan.fields.find((f) => f.name === "persons");
		expect(persons?.pieces).toBe(3);
		const between: number[] = [];
		let parsed = 0;
		const parse = JSON.parse;
		JSON.parse = ((text: string) => {
			parsed++;
			return parse(text) as unknown;
		}) as typeof JSON.parse;
		try {
			await joinSnapshot(plan, pieces, () => {
				between.push(parsed);
				return Promise.resolve();
			});
		} finally {
			JSON.parse = parse;
		}
		// A pause after each of the three pieces of people: never two read in one go.
		expect(between.filter((n, i) => n !== between[i - 1] && n > 0).slice(0, 3)).toEqual([1, 2, 3]);
	});

	it("refuse a piece that is not JSON, or not a list", async () => {
		const s = snap();
		const plan = planSnapshot(s);
		const pieces = [...snapshotPieces(s, plan)];
		const at = pieces.findIndex((p) => typeof p === "string");
		for (const bad of [(pieces[at] as string).slice(0, -2), "{}", "[1, 2", 42, null, [{ name: "x" }]]) {
			const damaged = [...pieces];
			damaged[at] = bad;
			expect(await joinSnapshot(plan, damaged)).toBeNull();
		}
	});
});

describe("PiecewiseIndexCache", () => {
	it("keeps a snapshot in IndexedDB in pieces, per database name, and restores it", async () => {
		const factory = new IDBFactory();
		const cache = new PiecewiseIndexCache(new IdbStore("rete-index/vault-a", factory, IDBKeyRange), now);
		expect(await cache.load()).toBeUndefined();
		const saved = index().snapshot("key");
		await cache.save(saved);
		const loaded = await cache.load();
		expect(loaded).toEqual(saved);
		const restored = PeopleIndex.fromSnapshot(options, loaded, "key");
		expect(restored.lastInteraction("People/P0.md", day("2026-11-20"))).toBe(day("2026-11-10"));
		expect(restored.stampOf("Notes/N0.md")).toBe(10_000);
		expect(await new PiecewiseIndexCache(new IdbStore("rete-index/vault-b", factory, IDBKeyRange), now).load()).toBeUndefined();
		await cache.clear();
		expect(await cache.load()).toBeUndefined();
	});

	it("replaces the previous generation only once the new one is whole", async () => {
		const store = new MapStore();
		const cache = new PiecewiseIndexCache(store, now);
		const first = index(2, 1).snapshot("key");
		await cache.save(first);
		const firstKeys = keys(store);
		expect(firstKeys.every((k) => k === "plan" || k.startsWith("piece/1/"))).toBe(true);
		// A save that fails halfway leaves the first one readable.
		store.puts = 0;
		store.failAt = 3;
		await expect(cache.save(index(3, 2).snapshot("key"))).rejects.toThrow("quota");
		expect(await cache.load()).toEqual(first);
		store.failAt = -1;
		const second = index(3, 2).snapshot("key");
		await cache.save(second);
		expect(await cache.load()).toEqual(second);
		expect(keys(store).every((k) => k === "plan" || k.startsWith("piece/2/"))).toBe(true);
	});

	it("clears at the next save any generation a failed deletion left behind, past generation 9 too", async () => {
		const factory = new IDBFactory();
		const idb = new IdbStore("rete-index/leftovers", factory, IDBKeyRange);
		let failDeletes = false;
		const store: KeyValueStore = {
			get: (key) => idb.get(key),
			put: (key, value) => idb.put(key, value),
			// While failing: any deletion that would take generation 8.
			deleteRange: (from, to) => (failDeletes && "piece/8/0" >= from && (to === null || "piece/8/0" < to) ? Promise.reject(new Error("busy")) : idb.deleteRange(from, to)),
		};
		const cache = new PiecewiseIndexCache(store, now);
		const pieceKeys = async (): Promise<string[]> => {
			const out: string[] = [];
			for (let g = 0; g <= 12; g++) for (let i = 0; i < 3; i++) if ((await idb.get(`piece/${g}/${i}`)) !== undefined) out.push(`${g}`);
			return [...new Set(out)];
		};
		for (let g = 1; g <= 8; g++) await cache.save(index(2, g).snapshot("key"));
		// Deleting generation 8 fails once the plan of 9 is written: 9 is read, 8 is left behind.
		failDeletes = true;
		await expect(cache.save(index(2, 9).snapshot("key"))).rejects.toThrow("busy");
		expect(await cache.load()).toEqual(index(2, 9).snapshot("key"));
		expect(await pieceKeys()).toEqual(["8", "9"]);
		failDeletes = false;
		await cache.save(index(2, 10).snapshot("key"));
		expect(await pieceKeys()).toEqual(["10"]);
		await cache.save(index(2, 11).snapshot("key"));
		expect(await pieceKeys()).toEqual(["11"]);
		expect(await cache.load()).toEqual(index(2, 11).snapshot("key"));
	});

	it("gives a snapshot the index refuses when a piece is missing or damaged", async () => {
		const store = new MapStore();
		const cache = new PiecewiseIndexCache(store, now);
		await cache.save(index().snapshot("key"));
		store.data.delete("piece/1/0");
		const loaded = await cache.load();
		expect(() => PeopleIndex.fromSnapshot(options, loaded, "key")).toThrow(SnapshotError);
		store.data.set("plan", { generation: "x" });
		expect(await cache.load()).toBeUndefined();
	});

	it("rejects (and never throws) where IndexedDB is missing", async () => {
		const cache = new PiecewiseIndexCache(new IdbStore("rete-index/x", undefined), now);
		await expect(cache.load()).rejects.toThrow(/not available/);
		await expect(cache.save(index().snapshot("key"))).rejects.toThrow(/not available/);
	});
});
