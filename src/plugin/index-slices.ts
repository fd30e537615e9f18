/** The index's work in slices: yielding to the UI, writing a snapshot, catching up after a restore. */
import type { App, TFile } from "obsidian";
import type { PeopleIndex } from "../core/network";
import type { IndexSnapshot } from "../core/snapshot";
import type { IndexTimings } from "./people-index";
import { fileStamp, linksRecord } from "./records";

/** Work done before yielding to the UI, in milliseconds. */
export const SLICE_MS = 8;
/** Notes written into a snapshot between two looks at the clock. */
const SAVE_BATCH = 512;
/** Unchanged notes passed over between two looks at the clock. */
const CHECK_EVERY = 256;

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
	// Saving starts in a slice of its own (the job lists and counts in steps like the rest).
	if (!now) {
		await yieldToUi();
		if (!alive()) return null;
	}
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
 * Brings a restored index up to date: notes whose stamp changed (or new ones), and notes that
 * events `touched` meanwhile, come again (read again when they were read before, else from the
 * metadata cache); notes gone are dropped.
 */
export async function catchUp(app: App, index: PeopleIndex, touched: ReadonlySet<string> | null, timings: IndexTimings, spent: () => number, endSlice: () => Promise<boolean>): Promise<boolean> {
	const again = (file: TFile): void => {
		// A note read before is read again; one known by its links gets its new links.
		if (!index.requestRead(file.path)) index.upsert(linksRecord(file, app.metadataCache.getFileCache(file)));
		timings.notes++;
	};
	// Most notes are unchanged: the clock is looked at every few hundred of them.
	let seen = 0;
	for (const file of app.vault.getMarkdownFiles()) {
		if (index.stampOf(file.path) !== fileStamp(file) || touched?.has(file.path)) again(file);
		else if (++seen % CHECK_EVERY !== 0) continue;
		if (spent() > SLICE_MS && !(await endSlice())) return false;
	}
	for (const path of index.paths()) {
		if (!app.vault.getFileByPath(path)) {
			index.remove(path);
			timings.notes++;
		} else if (++seen % CHECK_EVERY !== 0) continue;
		if (spent() > SLICE_MS && !(await endSlice())) return false;
	}
	return true;
}
