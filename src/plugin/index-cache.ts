/**
 * Where the people index is kept between starts: this device's app storage (IndexedDB), never
 * the vault, so nothing is synced and no note is touched. It is only a cache: any failure to
 * read or write it means a full build, never an error for the user.
 */
import type { App } from "obsidian";
import type { IndexSnapshot } from "../core/snapshot";

export interface IndexCache {
	/** The stored snapshot, unchecked (anything, or `undefined` when none). */
	load(): Promise<unknown>;
	save(snapshot: IndexSnapshot): Promise<void>;
	clear(): Promise<void>;
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
const KEY = "index";

function done<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
	});
}

/** One IndexedDB database per vault, holding one snapshot. */
export class IdbIndexCache implements IndexCache {
	constructor(
		/** The database's name: one per vault. */
		private readonly name: string,
		private readonly factory: IDBFactory | undefined = typeof indexedDB === "undefined" ? undefined : indexedDB,
	) {}

	async load(): Promise<unknown> {
		return this.withStore("readonly", (store) => done(store.get(KEY)));
	}

	async save(snapshot: IndexSnapshot): Promise<void> {
		await this.withStore("readwrite", (store) => done(store.put(snapshot, KEY)));
	}

	async clear(): Promise<void> {
		await this.withStore("readwrite", (store) => done(store.delete(KEY)));
	}

	private async withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => Promise<T>): Promise<T> {
		const db = await this.open();
		try {
			const tx = db.transaction(STORE, mode);
			const finished = new Promise<void>((resolve, reject) => {
				tx.oncomplete = () => resolve();
				tx.onabort = tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
			});
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
