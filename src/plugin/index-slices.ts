/** The index's work in slices: yielding to the UI, writing a snapshot, catching up after a restore. */
import type { App, TFile } from "obsidian";
import { type IndexOptions, PeopleIndex } from "../core/network";
import type { IndexSnapshot } from "../core/snapshot";
import { fileStamp, linksRecord, readFileStamped, recordOf } from "./records";

/** Work done before yielding to the UI, in milliseconds. */
export const SLICE_MS = 8;
/** Notes written into a snapshot between two looks at the clock. */
const SAVE_BATCH = 512;
/** Unchanged notes passed over between two looks at the clock. */
const CHECK_EVERY = 256;
/** Notes linked between two looks at the clock, once all are known. */
export const LINK_BATCH = 256;
/** Notes read at once. */
const READ_BATCH = 32;
/** Notes restored from a snapshot between two looks at the clock. */
const RESTORE_BATCH = 256;

export interface IndexTimings {
	/** Total main-thread work of the last build, ms. */
	work: number;
	/** Longest single slice of that work, ms. */
	longestSlice: number;
	notes: number;
	read: number;
	/** Whether the build started from the saved index (then `notes` counts notes changed since). */
	restored: boolean;
	/** Whether the notes were scanned and linked in a worker (the main thread restored its result). */
	worker: boolean;
}

/**
 * Main-thread work, timed in segments (waiting for a read is not work) and slices (yielding to
 * the UI ends one): what `IndexTimings` reports.
 */
export class SliceClock {
	private slice = 0;
	private segment = performance.now();

	constructor(private readonly timings: IndexTimings) {}

	/** Work in the current slice so far. */
	spent(): number {
		return this.slice + performance.now() - this.segment;
	}

	/** Waiting starts: not work. */
	pause(): void {
		this.slice += performance.now() - this.segment;
	}

	resume(): void {
		this.segment = performance.now();
	}

	/** The slice ends (a yield follows): counted into the timings. */
	close(): void {
		this.pause();
		this.timings.work += this.slice;
		this.timings.longestSlice = Math.max(this.timings.longestSlice, this.slice);
		this.slice = 0;
	}
}

/**
 * A build's timings, its clock, and `endSlice`: the slice ends, the UI gets a turn, and the
 * answer is whether the build is still `alive` (not given up meanwhile).
 */
export function slicedWork(alive: () => boolean): { timings: IndexTimings; clock: SliceClock; spent: () => number; endSlice: () => Promise<boolean> } {
	const timings: IndexTimings = { work: 0, longestSlice: 0, notes: 0, read: 0, restored: false, worker: false };
	const clock = new SliceClock(timings);
	const endSlice = async (): Promise<boolean> => {
		clock.close();
		await yieldToUi();
		clock.resume();
		return alive();
	};
	return { timings, clock, spent: () => clock.spent(), endSlice };
}

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
export async function catchUp(app: App, index: PeopleIndex, touched: ReadonlySet<string> | null, timings: IndexTimings, spent: () => number, endSlice: () => Promise<boolean>, events: () => number): Promise<boolean> {
	const again = (file: TFile): void => {
		// A note read before is read again; one known by its links gets its new links.
		if (!index.requestRead(file.path)) index.upsert(linksRecord(file, app.metadataCache.getFileCache(file)));
		timings.notes++;
	};
	const indexed = index.noteCount();
	const eventsBefore = events();
	// Notes of the vault that the restored index knows: when that is all it knows, none went.
	let known = 0;
	// Most notes are unchanged: the clock is looked at every few hundred of them.
	let seen = 0;
	for (const file of app.vault.getMarkdownFiles()) {
		const stamp = index.stampOf(file.path);
		if (stamp !== undefined) known++;
		if (stamp !== fileStamp(file) || touched?.has(file.path)) again(file);
		else if (++seen % CHECK_EVERY !== 0) continue;
		if (spent() > SLICE_MS && !(await endSlice())) return false;
	}
	// Events meanwhile may have added what was counted as known: then every note is looked at.
	if (known === indexed && events() === eventsBefore) return true;
	for (const path of index.paths()) {
		if (!app.vault.getFileByPath(path)) {
			index.remove(path);
			timings.notes++;
		} else if (++seen % CHECK_EVERY !== 0) continue;
		if (spent() > SLICE_MS && !(await endSlice())) return false;
	}
	return true;
}

/**
 * Brings an index the worker built from this session's vault up to date: only the notes that
 * events `touched` since the build began can differ from what it was sent (the events were
 * listened to before it listed the notes), so only they come again, or go when gone.
 */
export async function catchUpTouched(app: App, index: PeopleIndex, touched: ReadonlySet<string>, timings: IndexTimings, spent: () => number, endSlice: () => Promise<boolean>): Promise<boolean> {
	for (const path of touched) {
		const file = app.vault.getFileByPath(path);
		// Gone, or no longer a note (renamed to another extension while it was being sent).
		if (file === null || file.extension !== "md") {
			if (index.has(path)) index.remove(path);
		} else if (!index.requestRead(path)) index.upsert(linksRecord(file, app.metadataCache.getFileCache(file)));
		timings.notes++;
		if (spent() > SLICE_MS && !(await endSlice())) return false;
	}
	return true;
}

/**
 * Reads `notes` (files, or paths looked up a batch at a time: a list of every note to read would
 * make a slice of its own) in batches with `read` (stamped: see `readFileStamped`; waiting is not
 * work) and hands each to `take` (`undefined`: it could not be read), with its place in `notes`,
 * then calls `afterBatch`. False when `endSlice` says the build was given up. A note is handed
 * over only when it is still the file at the path it had (deleted, renamed or replaced while it
 * was read: its event brings it), unless `recheck` is false: then each note is handed over
 * under its file's path now, for a caller that catches up on such changes itself.
 */
export async function readInBatches<T>(
	app: App,
	notes: ReadonlyArray<TFile | string>,
	read: (file: TFile) => Promise<T>,
	clock: SliceClock,
	endSlice: () => Promise<boolean>,
	take: (file: TFile, read: { value: T; stamp: number } | undefined, at: number) => void,
	afterBatch: () => void = () => undefined,
	recheck = true,
): Promise<boolean> {
	for (let i = 0; i < notes.length; i += READ_BATCH) {
		const files = notes.slice(i, i + READ_BATCH).map((note) => (typeof note === "string" ? app.vault.getFileByPath(note) : note));
		// Where each note was: a note renamed meanwhile is no longer there (its file says its new path).
		const paths = recheck ? files.map((file) => file?.path ?? "") : null;
		// Asking is work (a read may do some at once); waiting is not.
		const asked = files.map((file) => (file ? readFileStamped(file, read) : Promise.resolve(undefined)));
		clock.pause();
		const reads = await Promise.all(asked);
		clock.resume();
		files.forEach((found, k) => {
			const file = found && paths && app.vault.getFileByPath(paths[k] ?? "") !== found ? null : found;
			if (file) take(file, reads[k], i + k);
		});
		afterBatch();
		if (clock.spent() > SLICE_MS && !(await endSlice())) return false;
	}
	return true;
}

/**
 * Readies every person of a freshly built `index` for the due list (`PeopleIndex.ready`), in
 * slices. False when `endSlice` says the build was given up.
 */
export async function readyInSlices(index: PeopleIndex, spent: () => number, endSlice: () => Promise<boolean>): Promise<boolean> {
	while (!index.ready(LINK_BATCH)) {
		if (spent() > SLICE_MS && !(await endSlice())) return false;
	}
	return true;
}

/**
 * Reads the notes `index` asks for (those that turned out to concern someone, or changed), a
 * batch at a time, until none are left. False when `endSlice` says the build was given up.
 */
export async function readPending(app: App, index: PeopleIndex, timings: IndexTimings, clock: SliceClock, endSlice: () => Promise<boolean>): Promise<boolean> {
	for (let pending = index.takePending(); pending.length > 0; pending = index.takePending()) {
		const done = await readInBatches(app, pending, (file) => app.vault.cachedRead(file), clock, endSlice, (file, read) => {
			if (read === undefined) return;
			index.upsert(recordOf(file, read.value, app.metadataCache.getFileCache(file), read.stamp));
			timings.read++;
		});
		if (!done) return false;
	}
	return true;
}

/**
 * A snapshot (kept from an earlier start, or the worker's) restored, in slices: `undefined`
 * when it is damaged, `null` when `endSlice` says the build was given up.
 */
export async function restoreInSlices(options: IndexOptions, value: unknown, key: string, spent: () => number, endSlice: () => Promise<boolean>): Promise<PeopleIndex | null | undefined> {
	// Reading it (from storage, or from the worker) was one piece of work; restoring comes in slices.
	if (!(await endSlice())) return null;
	try {
		const restoring = PeopleIndex.restoring(options, value, key);
		while (!restoring.job.step(RESTORE_BATCH)) {
			if (spent() > SLICE_MS && !(await endSlice())) return null;
		}
		return restoring.index;
	} catch {
		return undefined;
	}
}
