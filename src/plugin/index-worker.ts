/**
 * The first build of the index (nothing kept from an earlier start) in a Web Worker: the main
 * thread only lists the notes, reads the ones the worker asks for and hands their text over;
 * scanning and linking happen in the worker (`core/index-builder`), which returns the index as
 * a snapshot for the main thread to restore, as it restores the index kept between starts.
 * Without workers (or when the worker fails) the build runs on the main thread, in slices.
 */
import type { App, CachedMetadata, TFile } from "obsidian";
import { type BuildReply, type BuildRequest, type DailySpec, requestBuffers } from "../core/index-builder";
import type { ReteSettings } from "../core/settings";
import { type TemplatePaths, templateMatcher } from "../core/templates";
import { asProperties, isPerson } from "../core/person";
import type { IndexSnapshot } from "../core/snapshot";
import { joinSnapshot } from "../core/snapshot-parts";
import type { NoteRecord } from "../core/types";
import { type IndexTimings, readInBatches, SLICE_MS, type SliceClock } from "./index-slices";
import type { DailySource } from "./people-index";
import { fileStamp, linksRecord } from "./records";
import { findPeople, frontmatterOf, linksOnlyRecord, QuietColumns, sortNote } from "./worker-notes";

/** The worker's code, bundled by esbuild.config.mjs (absent in tests: they spawn their own). */
declare const RETE_WORKER_SOURCE: string | undefined;

/** What the build needs of a worker (a Web Worker; in tests and the benchmark, stand-ins). */
export interface BuildWorker {
	/** `transfer`: memory handed over to the worker (gone from this side). */
	postMessage(message: BuildRequest, transfer?: Transferable[]): void;
	onmessage: ((event: MessageEvent<BuildReply>) => void) | null;
	onerror: ((event: unknown) => void) | null;
	onmessageerror: ((event: unknown) => void) | null;
	terminate(): void;
}

export type SpawnWorker = () => BuildWorker | null;

/** How long a new worker may take to answer at all before the build runs on the main thread. */
export const WORKER_START_MS = 10_000;
/** How long a worker may then stay silent (linking a large vault on a slow phone takes a while). */
export const WORKER_QUIET_MS = 120_000;
/** Notes looked at between two looks at the clock. */
const CHECK_EVERY = 256;
/** Notes per message. */
const NOTES_BATCH = 2048;
const TEXTS_BATCH = 256;

/** A worker running Rete's bundled builder, or `null` where workers cannot run. */
export function spawnBundledWorker(): BuildWorker | null {
	if (typeof Worker === "undefined" || typeof RETE_WORKER_SOURCE !== "string") return null;
	let url: string;
	try {
		url = URL.createObjectURL(new Blob([RETE_WORKER_SOURCE], { type: "text/javascript" }));
	} catch {
		return null;
	}
	try {
		const worker = new Worker(url);
		const terminate = worker.terminate.bind(worker);
		// The address serves the worker's loading: it goes with the worker.
		worker.terminate = () => {
			terminate();
			URL.revokeObjectURL(url);
		};
		return worker as BuildWorker;
	} catch {
		URL.revokeObjectURL(url);
		return null;
	}
}

/** The build was given up (unloading, or a newer build): not a failure, nothing to fall back to. */
export class GivenUp extends Error {}

/** The worker's replies, in order; a failure of the worker fails every wait, giving up ends it. */
class Replies {
	private readonly queue: BuildReply[] = [];
	private waiter: ((reply: BuildReply) => void) | null = null;

	constructor(
		worker: BuildWorker,
		private readonly signal: AbortSignal,
	) {
		const fail = (message: string): void => this.deliver({ kind: "failed", message });
		worker.onmessage = (event) => this.deliver(event.data);
		worker.onerror = (event) => {
			// Handled here: not also an uncaught error in the console.
			(event as Partial<Event> | null)?.preventDefault?.();
			fail("the worker stopped with an error");
		};
		worker.onmessageerror = () => fail("a message from the worker could not be read");
		signal.addEventListener("abort", () => fail("given up"), { once: true });
	}

	private deliver(reply: BuildReply): void {
		const waiter = this.waiter;
		this.waiter = null;
		if (waiter) waiter(reply);
		else this.queue.push(reply);
	}

	/**
	 * The next reply of the expected kind; throws on anything else (a failure), after `timeout`,
	 * and (`GivenUp`) once the build is given up.
	 */
	async next<K extends BuildReply["kind"]>(kind: K, timeout: number): Promise<Extract<BuildReply, { kind: K }>> {
		if (this.signal.aborted) throw new GivenUp();
		const queued = this.queue.shift();
		const reply = queued ?? (await new Promise<BuildReply>((resolve) => {
			let timer = 0;
			this.waiter = (r) => {
				window.clearTimeout(timer);
				resolve(r);
			};
			timer = window.setTimeout(() => this.deliver({ kind: "failed", message: "the worker did not answer" }), timeout);
		}));
		if (this.signal.aborted) throw new GivenUp();
		if (reply.kind !== kind) throw new Error(`Rete: index worker: ${reply.kind === "failed" ? reply.message : `unexpected ${reply.kind}`}`);
		return reply as Extract<BuildReply, { kind: K }>;
	}
}

export interface WorkerBuild {
	app: App;
	worker: BuildWorker;
	settings: ReteSettings;
	daily: DailySpec | null;
	key: string;
	/** Template notes and folders (indexed as empty notes). */
	templates?: TemplatePaths;
	timings: IndexTimings;
	clock: SliceClock;
	/** Yields to the UI; false when the build was given up meanwhile. */
	endSlice: () => Promise<boolean>;
	/** Aborted when the build is given up (unloading, a newer build): waits end at once. */
	signal: AbortSignal;
}

/**
 * Builds the index in `worker` and returns it as a snapshot; `null` when given up. Throws when
 * the worker fails (the caller then builds on the main thread). The worker ends either way.
 */
export async function buildInWorker(b: WorkerBuild): Promise<IndexSnapshot | null> {
	const { app, worker, clock, endSlice, timings } = b;
	const replies = new Replies(worker, b.signal);
	// Waiting for the worker is not work: each wait follows a yield, which ends the slice.
	const wait = async <K extends BuildReply["kind"]>(kind: K, timeout = WORKER_QUIET_MS): Promise<Extract<BuildReply, { kind: K }>> => {
		clock.pause();
		try {
			return await replies.next(kind, timeout);
		} finally {
			clock.resume();
		}
	};
	// The notes' bytes are handed over, not copied.
	const post = (request: BuildRequest): void => worker.postMessage(request, requestBuffers(request));
	try {
		worker.postMessage({ kind: "start", settings: b.settings, daily: b.daily, key: b.key, templates: b.templates });
		if (!(await endSlice())) return null;
		await wait("ready", WORKER_START_MS);
		// Notes that concern someone (people's, and those whose links Obsidian resolved to a person)
		// go as text; notes none of whose links has a person's name as quiet notes; every other
		// note as its links (`sortNote`). The worker then links everything once.
		const files = app.vault.getMarkdownFiles();
		// Template notes are nobody (the worker reads them as empty): not sent as text for being people.
		const isTemplate = templateMatcher(b.templates);
		const found = await findPeople(app, files, (path, fm) => !isTemplate?.(path) && isPerson(path, asProperties(fm), b.settings), () => clock.spent(), SLICE_MS, endSlice);
		if (!found) return null;
		const resolved = app.metadataCache.resolvedLinks as Record<string, Record<string, number> | undefined> | undefined;
		// The number of the person's name a note that is not quiet links, if any (`quietNames`).
		const named = { hash: NaN };
		const toRead: TFile[] = [];
		const toReadCaches: Array<CachedMetadata | null> = [];
		let notes: NoteRecord[] = [];
		const quiet = new QuietColumns();
		const sendNotes = async (): Promise<boolean> => {
			post({ kind: "notes", notes, quiet: quiet.take() });
			notes = [];
			return clock.spent() <= SLICE_MS || (await endSlice());
		};
		let i = 0;
		for (const file of files) {
			const cache = found.caches[i++] ?? null;
			timings.notes++;
			const how = found.people.has(file.path) ? "text" : sortNote(file.path, cache, found, resolved, quiet, named);
			if (how === "text") {
				toRead.push(file);
				toReadCaches.push(cache);
			} else if (how === "quiet") quiet.push(file.path, fileStamp(file));
			else notes.push(linksOnlyRecord(file, cache));
			// Awaited only when sending: an await per note is a turn of the microtask queue each.
			const batch = notes.length + quiet.size;
			if ((batch >= NOTES_BATCH || (timings.notes % CHECK_EVERY === 0 && clock.spent() > SLICE_MS)) && !(await sendNotes())) return null;
		}
		// Read and sent, as bytes (decoded in the worker); a note that cannot be read goes by its
		// links (asked for again if needed).
		// `caches`: the notes' metadata as the decision read it (else looked up). A note deleted or
		// renamed since it was listed is sent all the same (by its links when it cannot be read, else
		// under its path now): the catching up after the build sees to it.
		const readAll = async (which: ReadonlyArray<TFile | string>, caches?: ReadonlyArray<CachedMetadata | null>): Promise<boolean> => {
			// The notes read so far, in the columns the worker takes (`TextNotes`), stamps as numbers until sent.
			const noTexts = () => ({ paths: [] as string[], bytes: [] as ArrayBuffer[], frontmatter: [] as unknown[], stamps: [] as number[] });
			let texts = noTexts();
			const sendTexts = (): void => {
				const { paths, bytes, frontmatter, stamps } = texts;
				post({ kind: "texts", notes: { paths, bytes, frontmatter, stamps: Float64Array.from(stamps) } });
				texts = noTexts();
			};
			const done = await readInBatches(app, which, (file) => app.vault.readBinary(file), clock, endSlice, (file, note, at) => {
				if (note === undefined) notes.push(linksRecord(file, app.metadataCache.getFileCache(file)));
				else {
					texts.paths.push(file.path);
					texts.bytes.push(note.value);
					texts.frontmatter.push(frontmatterOf(app, file, note.value, caches?.[at]));
					texts.stamps.push(note.stamp);
					timings.read++;
				}
			}, () => {
				if (texts.paths.length >= TEXTS_BATCH || clock.spent() > SLICE_MS) sendTexts();
			}, false);
			if (!done || b.signal.aborted) return false;
			sendTexts();
			return sendNotes();
		};
		if (!(await readAll(toRead, toReadCaches))) return null;
		worker.postMessage({ kind: "settle", people: Int32Array.from(found.names.keys()) });
		if (!(await endSlice())) return null;
		// Notes that link someone as Rete resolves links, though not as Obsidian did: read too.
		if (!(await readAll((await wait("read")).paths))) return null;
		worker.postMessage({ kind: "finish" });
		if (!(await endSlice())) return null;
		// The snapshot comes in pieces, each a message (copied on arrival: a slice of its own).
		const { plan } = await wait("built");
		const pieces: unknown[] = [];
		while (pieces.length < plan.pieces) pieces.push((await wait("piece")).value);
		if (!(await endSlice())) return null;
		const snapshot = await joinSnapshot(plan, pieces, async () => {
			if (clock.spent() > SLICE_MS) await endSlice();
		});
		if (!(await endSlice())) return null;
		if (snapshot === null) throw new Error("Rete: index worker: the pieces of the index do not fit together");
		return snapshot as unknown as IndexSnapshot;
	} finally {
		worker.terminate();
	}
}

/**
 * The index built in a worker from `spawn`, as a snapshot: `undefined` without a worker (or
 * when it failed: the caller then builds on the main thread), `null` when given up.
 */
export async function buildElsewhere(b: Omit<WorkerBuild, "worker" | "daily"> & { spawn: SpawnWorker | null; daily: DailySource }): Promise<IndexSnapshot | null | undefined> {
	const { daily, timings } = b;
	if (!daily.spec || !b.spawn) return undefined;
	let worker: BuildWorker | null = null;
	try {
		const spec = daily.spec();
		worker = b.spawn();
		if (!worker) return undefined;
		const snapshot = await buildInWorker({ ...b, worker, daily: spec });
		timings.worker = snapshot !== null;
		return snapshot;
	} catch (e) {
		// Ended by `buildInWorker` already, unless it never began.
		worker?.terminate();
		if (e instanceof GivenUp || b.signal.aborted) return null;
		console.debug("Rete: the index could not be built in a worker; building it here", e);
		timings.notes = 0;
		timings.read = 0;
		return undefined;
	}
}
