/**
 * The live people index inside Obsidian: built once the layout is ready from the metadata
 * cache, reading the text only of people's notes and of notes that link to people, then kept
 * up to date by `changed`, `rename` and `delete` events. It never writes.
 */
import { type App, type CachedMetadata, Component, debounce, Events, type EventRef, getLinkpath, TFile } from "obsidian";
import type { DailyMatcher } from "../core/daily";
import { PeopleIndex } from "../core/network";
import { recordFromText } from "../core/record";
import type { ReteSettings } from "../core/settings";
import type { NoteRecord } from "../core/types";

/** Work done before yielding to the UI during the initial build, in milliseconds. */
export const SLICE_MS = 8;
const READ_BATCH = 32;
/** Notes linked between two looks at the clock, once all are known. */
const LINK_BATCH = 256;

/** Which notes are daily notes: the user's settings, read again before each build. */
export interface DailySource {
	refresh(): Promise<boolean>;
	matcher(): DailyMatcher | null;
}

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
	if (!link.includes("%") || !/%[0-9a-f]{2}/i.test(link)) return link;
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
	const out: string[] = [];
	for (const l of cache?.links ?? []) {
		const link = l.link.startsWith("<") ? l.link.replace(/^<(.*)>$/, "$1") : l.link;
		const path = getLinkpath(decodeLink(link));
		if (path !== "") out.push(path);
	}
	return out;
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
		/** The user's daily-note settings (they say which notes are daily notes). */
		private readonly daily: DailySource,
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
		const timings: IndexTimings = { work: 0, longestSlice: 0, notes: 0, read: 0 };
		// Main-thread work is timed in segments: waiting for a read is not work, and yielding to
		// the UI ends a slice. A slice is the work between two yields.
		let slice = 0;
		let segment = performance.now();
		const spent = (): number => slice + performance.now() - segment;
		const pause = (): void => {
			slice += performance.now() - segment;
		};
		const resume = (): void => {
			segment = performance.now();
		};
		const closeSlice = (): void => {
			pause();
			timings.work += slice;
			timings.longestSlice = Math.max(timings.longestSlice, slice);
			slice = 0;
		};
		const endSlice = async (): Promise<boolean> => {
			closeSlice();
			await yieldToUi();
			resume();
			return generation === this.generation;
		};
		pause();
		const daily = await this.dailyMatcher();
		resume();
		const index = new PeopleIndex({ settings: this.settings(), daily });
		if (generation !== this.generation) return;
		this.building = index;
		// Every note from the metadata cache first; then each is linked once, against all of them.
		index.defer();
		for (const file of this.app.vault.getMarkdownFiles()) {
			if (index.has(file.path) || !this.app.vault.getFileByPath(file.path)) continue;
			const cache = this.app.metadataCache.getFileCache(file);
			index.upsert({ path: file.path, frontmatter: cache?.frontmatter, body: null, links: metadataLinks(cache) });
			timings.notes++;
			if (spent() > SLICE_MS && !(await endSlice())) return;
		}
		while (!index.settle(LINK_BATCH)) {
			if (spent() > SLICE_MS && !(await endSlice())) return;
		}
		// Events during the build may add notes to read: drain until none are left.
		for (let pending = index.takePending(); pending.length > 0; pending = index.takePending()) {
			for (let i = 0; i < pending.length; i += READ_BATCH) {
				const batch = pending.slice(i, i + READ_BATCH);
				pause();
				const texts = await Promise.all(batch.map((path) => this.read(path)));
				resume();
				batch.forEach((path, k) => {
					const text = texts[k];
					const file = this.app.vault.getFileByPath(path);
					if (text === undefined || !file) return;
					index.upsert(recordOf(file, text, this.app.metadataCache.getFileCache(file)));
					timings.read++;
				});
				if (spent() > SLICE_MS && !(await endSlice())) return;
			}
		}
		closeSlice();
		this.current = index;
		this.building = null;
		this.timings = timings;
		this.ready = true;
		this.events.trigger("updated");
	}

	private async dailyMatcher(): Promise<DailyMatcher | null> {
		await this.daily.refresh();
		return this.daily.matcher();
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
