/**
 * The live people index inside Obsidian: built once the layout is ready from the metadata
 * cache, reading the text only of people's notes and of notes that link to people, then kept
 * up to date by `changed`, `rename` and `delete` events. It never writes.
 */
import { type App, type CachedMetadata, Component, debounce, Events, type EventRef, getLinkpath, normalizePath, TFile } from "obsidian";
import { compileDaily, type DailyMatcher } from "../core/daily";
import { PeopleIndex } from "../core/network";
import { recordFromText } from "../core/record";
import { readDailyNoteConfig, type ReteSettings } from "../core/settings";
import type { NoteRecord } from "../core/types";

/** Work done before yielding to the UI during the initial build, in milliseconds. */
export const SLICE_MS = 8;
const READ_BATCH = 32;

export interface IndexTimings {
	/** Total main-thread work of the last build, ms. */
	work: number;
	/** Longest single slice of that work, ms. */
	longestSlice: number;
	notes: number;
	read: number;
}

function yieldToUi(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}

function decodeLink(link: string): string {
	if (!/%[0-9a-f]{2}/i.test(link)) return link;
	try {
		return decodeURIComponent(link);
	} catch {
		return link;
	}
}

/**
 * Link targets of a note from the metadata cache: links only, never embeds or properties.
 * Markdown links may come URL-encoded (`People/Anna%20Rossi.md`).
 */
export function metadataLinks(cache: CachedMetadata | null): string[] {
	return (cache?.links ?? []).map((l) => getLinkpath(decodeLink(l.link.replace(/^<(.*)>$/, "$1")))).filter((l) => l !== "");
}

export function recordOf(file: TFile, text: string, cache: CachedMetadata | null): NoteRecord {
	return recordFromText(file.path, text, () =>
		cache?.frontmatter !== undefined ? { data: cache.frontmatter } : { error: "Obsidian could not read these properties (invalid YAML)", line: null },
	);
}

export class ReteIndex extends Component {
	private current: PeopleIndex;
	/** The index being built, which events also update so that nothing is lost meanwhile. */
	private building: PeopleIndex | null = null;
	private readonly events = new Events();
	private generation = 0;
	ready = false;
	timings: IndexTimings = { work: 0, longestSlice: 0, notes: 0, read: 0 };
	private readonly notify = debounce(() => this.events.trigger("updated"), 300, true);

	constructor(
		private readonly app: App,
		private readonly settings: () => ReteSettings,
		private readonly locale: () => string,
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
		this.notify.cancel();
	}

	/** Tells the views to draw again (after a refused write, say). */
	touch(): void {
		this.events.trigger("updated");
	}

	onUpdated(callback: () => void): EventRef {
		return this.events.on("updated", callback);
	}

	/** Reads the whole vault again (settings changed, or the user asked). */
	async rebuild(): Promise<void> {
		const generation = ++this.generation;
		const index = new PeopleIndex({ settings: this.settings(), daily: await this.dailyMatcher() });
		if (generation !== this.generation) return;
		this.building = index;
		const timings: IndexTimings = { work: 0, longestSlice: 0, notes: 0, read: 0 };
		let sliceStart = performance.now();
		const endSlice = async (): Promise<boolean> => {
			const spent = performance.now() - sliceStart;
			timings.work += spent;
			timings.longestSlice = Math.max(timings.longestSlice, spent);
			await yieldToUi();
			sliceStart = performance.now();
			return generation === this.generation;
		};
		for (const file of this.app.vault.getMarkdownFiles()) {
			if (index.has(file.path) || !this.app.vault.getFileByPath(file.path)) continue;
			const cache = this.app.metadataCache.getFileCache(file);
			index.upsert({ path: file.path, frontmatter: cache?.frontmatter, body: null, links: metadataLinks(cache) });
			timings.notes++;
			if (performance.now() - sliceStart > SLICE_MS && !(await endSlice())) return;
		}
		// Events during the build may add notes to read: drain until none are left.
		for (let pending = index.takePending(); pending.length > 0; pending = index.takePending()) {
			for (let i = 0; i < pending.length; i += READ_BATCH) {
			const batch = pending.slice(i, i + READ_BATCH);
			const texts = await Promise.all(batch.map((path) => this.read(path)));
			sliceStart = performance.now();
			batch.forEach((path, k) => {
				const text = texts[k];
				const file = this.app.vault.getFileByPath(path);
				if (text === undefined || !file) return;
				index.upsert(recordOf(file, text, this.app.metadataCache.getFileCache(file)));
				timings.read++;
			});
			if (!(await endSlice())) return;
			}
		}
		timings.work += performance.now() - sliceStart;
		this.current = index;
		this.building = null;
		this.timings = timings;
		this.ready = true;
		this.events.trigger("updated");
	}

	private async dailyMatcher(): Promise<DailyMatcher | null> {
		const path = normalizePath(`${this.app.vault.configDir}/daily-notes.json`);
		let raw: unknown;
		try {
			if (await this.app.vault.adapter.exists(path)) raw = JSON.parse(await this.app.vault.adapter.read(path)) as unknown;
		} catch {
			raw = undefined;
		}
		const config = readDailyNoteConfig(raw);
		const compiled = compileDaily(config.folder, config.format, this.locale());
		return "matcher" in compiled ? compiled.matcher : null;
	}

	private async read(path: string): Promise<string | undefined> {
		const file = this.app.vault.getFileByPath(path);
		if (!file) return undefined;
		try {
			return await this.app.vault.cachedRead(file);
		} catch {
			return undefined;
		}
	}

	/** The indexes that events must update: the live one and, during a rebuild, the new one. */
	private live(): PeopleIndex[] {
		return this.building ? [this.current, this.building] : [this.current];
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		if (file.extension !== "md") return;
		const record = recordOf(file, data, cache);
		for (const index of this.live()) index.upsert(record);
		void this.readPending();
	}

	private onRename(file: unknown, oldPath: string): void {
		for (const index of this.live()) {
			index.remove(oldPath);
			if (file instanceof TFile && file.extension === "md") {
				const cache = this.app.metadataCache.getFileCache(file);
				index.upsert({ path: file.path, frontmatter: cache?.frontmatter, body: null, links: metadataLinks(cache) });
			}
		}
		void this.readPending();
	}

	private onDelete(path: string): void {
		for (const index of this.live()) index.remove(path);
		this.notify();
	}

	/** Reads the notes that turned out to link to a person, then tells the views. */
	private async readPending(): Promise<void> {
		for (const index of this.live()) {
			// A rebuild in progress reads its own pending notes.
			if (index === this.building) continue;
			for (const path of index.takePending()) {
				const file = this.app.vault.getFileByPath(path);
				const text = await this.read(path);
				if (!file || text === undefined || !this.live().includes(index)) continue;
				index.upsert(recordOf(file, text, this.app.metadataCache.getFileCache(file)));
			}
		}
		this.notify();
	}
}
