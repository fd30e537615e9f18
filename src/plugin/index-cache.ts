/**
 * Where the people index is kept between starts: this device's app storage (IndexedDB), never
 * the vault, so nothing is synced and no note is touched. It is only a cache: any failure to
 * read or write it means a full build, never an error for the user.
 *
 * The snapshot is stored in pieces (`core/snapshot-parts`), one at a time with a pause between
 * them, because storing or reading a value (de)serializes it in one go on the main thread. A
 * plan written last says which generation of pieces is whole.
 */
import type { App } from "obsidian";
import type { IndexSnapshot } from "../core/snapshot";
import { joinSnapshot, planSnapshot, type SnapshotPlan, snapshotPieces } from "../core/snapshot-parts";

export interface IndexCache {
	/** The stored snapshot, unchecked (anything, or `undefined` when none). */
	load(): Promise<unknown>;
	save(snapshot: IndexSnapshot): Promise<void>;
	clear(): Promise<void>;
}

/** The storage under a piecewise cache: values by key. */
export interface KeyValueStore {
	get(key: string): Promise<unknown>;
	put(key: string, value: unknown): Promise<void>;
	/** Deletes every key from `from` (included) to `to` (excluded; `null`: no end). `("", null)`: everything. */
	deleteRange(from: string, to: string | null): Promise<void>;
}

interface Head {
	generation: number;
	plan: SnapshotPlan;
}

function isHead(value: unknown): value is Head {
	const head = value as Head | null;
	return typeof head === "object" && head !== null && Number.isInteger(head.generation) && typeof head.plan === "object" && head.plan !== null && Number.isInteger(head.plan.pieces);
}

const PLAN = "plan";
const piece = (generation: number, i: number): string => `piece/${generation}/${i}`;

export class PiecewiseIndexCache implements IndexCache {
	constructor(
		private readonly store: KeyValueStore,
		/** Lets the app breathe between two pieces. */
		private readonly pause: () => Promise<void> = () => new Promise((resolve) => window.setTimeout(resolve, 0)),
	) {}

	async load(): Promise<unknown> {
		const head = await this.store.get(PLAN);
		if (!isHead(head)) return undefined;
		const pieces: unknown[] = [];
		for (let i = 0; i < head.plan.pieces; i++) {
			await this.pause();
			pieces.push(await this.store.get(piece(head.generation, i)));
		}
		// Pieces that do not fit the plan: damaged storage, which the index's check refuses.
		return (await joinSnapshot(head.plan, pieces, this.pause)) ?? { damaged: true };
	}

	async save(snapshot: IndexSnapshot): Promise<void> {
		const before = await this.store.get(PLAN);
		const generation = (isHead(before) ? before.generation : 0) + 1;
		const plan = planSnapshot(snapshot);
		// Leftovers of an attempt that failed halfway.
		await this.store.deleteRange(`piece/${generation}/`, `piece/${generation}/\uffff`);
		let i = 0;
		for (const value of snapshotPieces(snapshot, plan)) {
			await this.pause();
			await this.store.put(piece(generation, i++), value);
		}
		await this.pause();
		// Written last: until then, the previous generation is the one read.
		await this.store.put(PLAN, { generation, plan } satisfies Head);
		// Every other generation goes: the one before, and any a failed deletion left behind.
		await this.store.deleteRange("piece/", `piece/${generation}/`);
		await this.store.deleteRange(`piece/${generation}/\uffff`, "piece/\uffff");
	}

	async clear(): Promise<void> {
		await this.store.deleteRange("", null);
	}
}

/**
 * The database name for a vault: by Obsidian's id of the vault (`app.appId`, not in the public
 * API, but stable and unique per vault), else by the vault's name.
 */
export function cacheName(app: App): string {
	const read = (get: () => unknown): string | null => {
		try {
			const v = get();
			return typeof v === "string" && v !== "" ? v : null;
		} catch {
			return null;
		}
	};
	return `rete-index/${read(() => (app as { appId?: unknown }).appId) ?? read(() => app.vault.getName()) ?? "vault"}`;
}

const STORE = "snapshots";

function done<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
	});
}

/** One IndexedDB database per vault, one object store of values by key. */
export class IdbStore implements KeyValueStore {
	constructor(
		/** The database's name: one per vault. */
		private readonly name: string,
		private readonly factory: IDBFactory | undefined = typeof indexedDB === "undefined" ? undefined : indexedDB,
		private readonly keyRange: typeof IDBKeyRange | undefined = typeof IDBKeyRange === "undefined" ? undefined : IDBKeyRange,
	) {}

	get(key: string): Promise<unknown> {
		return this.withStore("readonly", (store) => done(store.get(key)));
	}

	async put(key: string, value: unknown): Promise<void> {
		await this.withStore("readwrite", (store) => done(store.put(value, key)));
	}

	async deleteRange(from: string, to: string | null): Promise<void> {
		const all = from === "" && to === null;
		const keys = this.keyRange;
		if (!all && !keys) throw new Error("IndexedDB is not available");
		const range = all || !keys ? null : to === null ? keys.lowerBound(from) : keys.bound(from, to, false, true);
		await this.withStore("readwrite", (store) => done(range === null ? store.clear() : store.delete(range)));
	}

	private async withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => Promise<T>): Promise<T> {
		const db = await this.open();
		try {
			const tx = db.transaction(STORE, mode);
			const finished = new Promise<void>((resolve, reject) => {
				tx.oncomplete = () => resolve();
				tx.onabort = tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
			});
			// A failed request fails the transaction too: that rejection is the one reported.
			finished.catch(() => undefined);
			const result = await use(tx.objectStore(STORE));
			await finished;
			return result;
		} finally {
			db.close();
		}
	}

	private open(): Promise<IDBDatabase> {
		const factory = this.factory;
		if (!factory) return Promise.reject(new Error("IndexedDB is not available"));
		return new Promise((resolve, reject) => {
			const request = factory.open(this.name, 1);
			request.onupgradeneeded = () => {
				if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
			};
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error ?? new Error("IndexedDB could not be opened"));
			request.onblocked = () => reject(new Error("IndexedDB is blocked by another window"));
		});
	}
}
