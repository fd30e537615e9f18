/**
 * The live people index inside Obsidian: built once the layout is ready from the metadata
 * cache, reading the text only of people's notes and of notes that link to people, then kept
 * up to date by `changed`, `rename` and `delete` events. It never writes.
 */
import { type App, type CachedMetadata, Component, debounce, Events, type EventRef, TFile } from "obsidian";
import { PeopleIndex } from "../core/network";
import type { ReteSettings } from "../core/settings";
import { SnapshotStale } from "../core/snapshot";
import type { TemplatePaths } from "../core/templates";
import type { DailySource } from "./daily-notes";
import type { IndexCache } from "./index-cache";
import { readingKey, readingOf, snapshotKey, templatesOf } from "./index-key";
import { catchUp, catchUpTouched, type IndexTimings, readPending, readyInSlices, restoreInSlices, SLICE_MS, slicedWork, sliceSnapshot } from "./index-slices";
import { buildElsewhere, type SpawnWorker } from "./index-worker";
import { buildHere } from "./main-build";
import { eventStamp, linksRecord, readText, recordOf } from "./records";

export { type IndexTimings, SLICE_MS };
export type { DailySource };

export { fileStamp, linksRecord, metadataLinks, recordOf } from "./records";

/** Quiet time after the last change before the index is saved for the next start. */
export const SAVE_DELAY_MS = 30_000;

export class ReteIndex extends Component {
	private current: PeopleIndex;
	/** The index being built, which events also update so that nothing is lost meanwhile. */
	private building: PeopleIndex | null = null;
	private readonly events = new Events();
	private generation = 0;
	/** Aborted when the build under way is given up (unloading, or a newer build). */
	private giveUp: AbortController | null = null;
	ready = false;
	timings: IndexTimings = { work: 0, longestSlice: 0, notes: 0, read: 0, restored: false, worker: false };
	private readonly notify = debounce(() => this.events.trigger("updated"), 300, true);
	/** The key the current index was built for, and whether it changed since it was saved. */
	private key = "";
	private dirty = false;
	/** The save in flight, if any (`idle` waits for it). */
	private saving: Promise<void> | null = null;
	/** A rebuild is under way (from its start: settings read, then loading, restoring, reading). */
	private rebuilding = false;
	/** Notes that events touched while a saved index was loading or restoring (none applied to it). */
	private touched: Set<string> | null = null;
	/** Vault events received so far (catching up looks at whether any came meanwhile). */
	private eventCount = 0;
	private readonly saveLater = debounce(() => void this.save(), SAVE_DELAY_MS, true);

	constructor(
		private readonly app: App,
		private readonly settings: () => ReteSettings,
		/** The user's daily-note settings (they say which notes are daily notes). */
		private readonly daily: DailySource,
		/** Where the index is kept between starts (used while the `indexCache` setting is on). */
		private readonly store: IndexCache | null = null,
		/** Rete's version: a saved index is used only by the version that saved it. */
		private readonly version = "",
		/** A worker for the first build (none: it runs on the main thread). */
		private readonly spawn: SpawnWorker | null = null,
	) {
		super();
		this.current = new PeopleIndex({ settings: settings(), daily: null });
	}

	get index(): PeopleIndex {
		return this.current;
	}

	override onload(): void {
		this.app.workspace.onLayoutReady(() => {
			void this.rebuild();
			const { vault, metadataCache } = this.app;
			this.registerEvent(metadataCache.on("changed", (file, data, cache) => this.onChanged(file, data, cache)));
			this.registerEvent(vault.on("rename", (file, oldPath) => this.onRename(file, oldPath)));
			this.registerEvent(vault.on("delete", (file) => this.onDelete(file.path)));
		});
	}

	override onunload(): void {
		this.generation++;
		this.giveUp?.abort();
		this.notify.cancel();
		this.saveLater.cancel();
		void this.save(true);
	}

	/** What the notes are read with: a saved index is used only when this is unchanged. */
	private snapshotKey(templates = this.templates()): string {
		return snapshotKey(readingKey(this.settings(), this.version, this.daily), templates);
	}

	private templates(): TemplatePaths {
		return templatesOf(this.settings(), this.daily);
	}

	private cache(): IndexCache | null {
		return this.store && this.settings().indexCache ? this.store : null;
	}

	/**
	 * Saves the index for the next start, when it changed since: written in slices between
	 * yields (or at once, `now`, when unloading); a change meanwhile leaves it for the next save.
	 * A failure only costs that.
	 */
	save(now = false): Promise<void> {
		// One at a time: a save asked for meanwhile waits for it (and, when unloading, follows it).
		if (this.saving) return now ? this.saving.then(() => this.save(true)) : this.saving;
		const cache = this.cache();
		// Never while a rebuild runs, nor under a key the settings no longer give.
		if (!cache || !this.dirty || !this.ready || this.rebuilding || this.snapshotKey() !== this.key) return Promise.resolve();
		const generation = this.generation;
		const saving = this.write(cache, now).finally(() => {
			this.saving = null;
			// Changes made while this save ran are saved next.
			if (this.dirty && !now && generation === this.generation) this.saveLater();
		});
		this.saving = saving;
		return saving;
	}

	/** Resolves once no save is in flight (one started by unloading, say, or one following another). */
	async idle(): Promise<void> {
		while (this.saving) {
			await this.saving;
			// A save chained on that one (`save(true)` while it ran) starts in the same turn.
			await Promise.resolve();
		}
	}

	private async write(cache: IndexCache, now: boolean): Promise<void> {
		this.dirty = false;
		const index = this.current;
		const generation = this.generation;
		try {
			const snapshot = await sliceSnapshot(index, this.key, now, () => generation === this.generation && index === this.current);
			// Given up (unloading, or another index since): still to be saved.
			if (snapshot) await cache.save(snapshot);
			else this.dirty = true;
			// Turned off while it was being written: it must not stay.
			if (!this.cache()) await this.store?.clear();
		} catch (e) {
			// The index changed meanwhile: that change asked for a save of its own.
			if (!(e instanceof SnapshotStale)) console.debug("Rete: could not save the index for the next start", e);
		}
	}

	/** Something changed since the index was saved: save it once things are quiet. */
	private changed(): void {
		this.dirty = true;
		if (this.cache()) this.saveLater();
	}

	/**
	 * Settings changed (Rete's or the daily notes'): the notes are read again only when what
	 * they are read with changed; otherwise the views just draw again.
	 */
	async settingsChanged(): Promise<void> {
		await this.daily.refresh();
		const templates = this.templates();
		const key = this.snapshotKey(templates);
		// Only which notes are templates changed: those notes come again, not the whole vault.
		if (this.ready && !this.rebuilding && key !== this.key && readingOf(key) === readingOf(this.key)) this.retemplate(templates, key);
		if (this.ready && !this.rebuilding && key === this.key) {
			// The kept copy follows the setting: saved soon when just turned on, deleted when off.
			if (this.cache()) this.changed();
			else void this.store?.clear().catch(() => undefined);
			this.touch();
			return;
		}
		// A rebuild deletes the kept copy itself when the setting is off.
		await this.rebuild();
	}

	/** Notes that became templates, or stopped being ones, are indexed again (read when needed). */
	private retemplate(templates: TemplatePaths, key: string): void {
		for (const path of this.current.setTemplates(templates)) {
			const file = this.app.vault.getFileByPath(path);
			if (file) this.current.upsert(linksRecord(file, this.app.metadataCache.getFileCache(file)));
		}
		this.key = key;
		void this.readPending();
	}

	/** Tells the views to draw again (after a refused write, say). */
	touch(): void {
		this.events.trigger("updated");
	}

	onUpdated(callback: () => void): EventRef {
		return this.events.on("updated", callback);
	}

	/**
	 * Builds the index again (settings changed, or the user asked): from the index saved at the
	 * last run when there is one for the same settings, re-reading only the notes changed since;
	 * else (or with `fresh`) from every note. False when given up (for a newer build, say).
	 */
	async rebuild(fresh = false): Promise<boolean> {
		const generation = ++this.generation;
		this.giveUp?.abort();
		const giveUp = new AbortController();
		this.giveUp = giveUp;
		this.rebuilding = true;
		this.touched = new Set();
		const { timings, clock, spent, endSlice } = slicedWork(() => generation === this.generation);
		clock.pause();
		await this.daily.refresh();
		const daily = this.daily.matcher();
		const templates = this.templates();
		const key = this.snapshotKey(templates);
		const cache = this.cache();
		// Not wanted, or about to be replaced by a full read: the kept copy goes.
		if (!cache || fresh) await this.store?.clear().catch(() => undefined);
		let stored = cache && !fresh ? await cache.load().catch(() => undefined) : undefined;
		clock.resume();
		if (generation !== this.generation) return false;
		// Kept by another version or for other settings: as good as nothing kept.
		if ((stored as { key?: unknown } | null | undefined)?.key !== key) stored = undefined;
		const options = { settings: this.settings(), daily, templates };
		const restore = (value: unknown): Promise<PeopleIndex | null | undefined> => restoreInSlices(options, value, key, spent, endSlice);
		let index = stored === undefined ? undefined : await restore(stored);
		if (index === null) return false;
		timings.restored = index !== undefined;
		// Restored, or damaged: not held any longer (while the worker builds, say).
		stored = undefined;
		if (index === undefined) {
			// Nothing kept, or damaged: built in a worker where there is one, then restored as if kept.
			const built = await buildElsewhere({ app: this.app, spawn: this.spawn, daily: this.daily, settings: this.settings(), key, templates, timings, clock, endSlice, signal: giveUp.signal });
			// Given up, or failed after a newer build began: that one carries on alone.
			if (built === null || generation !== this.generation) return false;
			if (built !== undefined) {
				index = await restore(built);
				if (index === null) return false;
				// Damaged on its way from the worker: built here, from the notes (counted afresh).
				if (index === undefined) Object.assign(timings, { worker: false, notes: 0, read: 0 });
			}
		}
		if (index) {
			// Events during the restore were not applied to it: catching up covers them, by
			// stamps and by the notes they touched.
			this.building = index;
			const touched = this.touched;
			this.touched = null;
			// Kept from an earlier start, notes may have changed while Obsidian was closed: every
			// stamp is compared. Built by the worker from this session's vault: events tell.
			const caughtUp = timings.restored || touched === null
				? await catchUp(this.app, index, touched, timings, spent, endSlice, () => this.eventCount)
				: await catchUpTouched(this.app, index, touched, timings, spent, endSlice);
			if (!caughtUp) return false;
		} else {
			index = new PeopleIndex(options);
			this.building = index;
			this.touched = null;
			if (!(await buildHere(this.app, index, timings, clock, endSlice))) return false;
		}
		// Events during the build may add notes to read: drain until none are left.
		if (!(await readPending(this.app, index, timings, clock, endSlice))) return false;
		// Built here: readied for the first due list in slices (a restored index, the worker's
		// too, comes ready).
		if (!timings.restored && !timings.worker && !(await readyInSlices(index, spent, endSlice))) return false;
		clock.close();
		this.current = index;
		this.building = null;
		this.timings = timings;
		this.ready = true;
		this.rebuilding = false;
		this.key = key;
		if (!timings.restored || timings.notes > 0 || timings.read > 0) this.changed();
		this.events.trigger("updated");
		return true;
	}

	/** The indexes that events must update: the live one and, during a rebuild, the new one. */
	private live(): PeopleIndex[] {
		return this.building ? [this.current, this.building] : [this.current];
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		if (file.extension !== "md") return;
		this.eventCount++;
		const record = recordOf(file, data, cache, eventStamp(file, data));
		this.touched?.add(file.path);
		for (const index of this.live()) index.upsert(record);
		this.changed();
		void this.readPending();
	}

	private onRename(file: unknown, oldPath: string): void {
		this.eventCount++;
		this.touched?.add(oldPath);
		if (file instanceof TFile) this.touched?.add(file.path);
		for (const index of this.live()) {
			index.remove(oldPath);
			if (file instanceof TFile && file.extension === "md") {
				index.upsert(linksRecord(file, this.app.metadataCache.getFileCache(file)));
			}
		}
		this.changed();
		void this.readPending();
	}

	private onDelete(path: string): void {
		this.eventCount++;
		this.touched?.add(path);
		for (const index of this.live()) index.remove(path);
		this.changed();
		this.notify();
	}

	/** Reads the notes that turned out to link to a person, then tells the views. */
	private async readPending(): Promise<void> {
		for (const index of this.live()) {
			// A rebuild in progress reads its own pending notes.
			if (index === this.building) continue;
			for (const path of index.takePending()) {
				const file = this.app.vault.getFileByPath(path);
				const read = await readText(this.app, path);
				if (!file || read === undefined || !this.live().includes(index)) continue;
				index.upsert(recordOf(file, read.text, this.app.metadataCache.getFileCache(file), read.stamp));
			}
		}
		this.notify();
	}
}
