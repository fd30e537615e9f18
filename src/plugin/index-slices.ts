/** The index's work in slices: yielding to the UI, writing a snapshot, catching up after a restore. */
import type { App } from "obsidian";
import type { PeopleIndex } from "../core/network";
import type { IndexSnapshot } from "../core/snapshot";
import type { IndexTimings } from "./people-index";
import { fileStamp, linksRecord } from "./records";

/** Work done before yielding to the UI, in milliseconds. */
export const SLICE_MS = 8;
/** Notes written into a snapshot between two looks at the clock. */
const SAVE_BATCH = 512;

export function yieldToUi(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}

/**
 * A snapshot of `index` written in slices between yields (at once with `now`); `null` when
 * `alive` says, after a yield, that it is no longer wanted. Throws `SnapshotStale` when the
 * index changed meanwhile. It ends with a yield, so that storing it is a slice of its own.
 */
export async function sliceSnapshot(index: PeopleIndex, key: string, now: boolean, alive: () => boolean): Promise<IndexSnapshot | null> {
	const job = index.snapshotJob(key);
	for (;;) {
		const start = performance.now();
		let snapshot: IndexSnapshot | null;
		do snapshot = job.step(now ? Infinity : SAVE_BATCH);
		while (snapshot === null && performance.now() - start < SLICE_MS);
		if (!now) await yieldToUi();
		if (!now && !alive()) return null;
		if (snapshot !== null) return snapshot;
	}
}

/**
 * Brings a restored index up to date: notes whose stamp changed (or new ones) come again
 * from the metadata cache, and are read when they concern someone; notes gone are dropped.
 */
export async function catchUp(app: App, index: PeopleIndex, timings: IndexTimings, spent: () => number, endSlice: () => Promise<boolean>): Promise<boolean> {
	const files = app.vault.getMarkdownFiles();
	// How many of the saved notes are still there: when all are, none was deleted.
	let kept = 0;
	const saved = index.stats().notes;
	for (const file of files) {
		const stamp = index.stampOf(file.path);
		if (stamp !== undefined) kept++;
		if (stamp === fileStamp(file)) continue;
		// A note read before is read again; one known by its links gets its new links.
		if (!index.requestRead(file.path)) index.upsert(linksRecord(file, app.metadataCache.getFileCache(file)));
		timings.notes++;
		if (spent() > SLICE_MS && !(await endSlice())) return false;
	}
	if (kept === saved) return true;
	const present = new Set(files.map((f) => f.path));
	for (const path of index.paths()) {
		if (present.has(path) && app.vault.getFileByPath(path)) continue;
		index.remove(path);
		timings.notes++;
		if (spent() > SLICE_MS && !(await endSlice())) return false;
	}
	return true;
}
