/**
 * A light in-memory Obsidian app for the benchmark: a vault of files, a populated metadata cache
 * (`frontmatter` and `links`, as Obsidian would have them once the layout is ready), a workspace
 * that reports the layout ready, and the events the index listens to. obsidian-test-mocks is far
 * too slow for 200,000 notes; this holds just what `ReteIndex` touches.
 */
import * as v8 from "node:v8";
import type { App, CachedMetadata } from "obsidian";
import { splitFrontmatter } from "../src/core/frontmatter";
import { parseYaml } from "../src/cli/yaml";
import { LinkResolver } from "../src/core/resolver";
import type { KeyValueStore } from "../src/plugin/index-cache";
import { metadataLinks } from "../src/plugin/records";
import { Events, TFile } from "./obsidian-shim";

const WIKILINK = /(!?)\[\[([^[\]\n]*)\]\]/g;
const MDLINK = /(!?)\[[^[\]\n]*\]\(\s*(<[^<>\n]*>|[^()\s]+)[^)\n]*\)/g;

/**
 * What Obsidian's metadata cache would hold for a note: its properties and the links in its body,
 * as Obsidian hands them over: through a structured clone (its parser runs in a worker, and a
 * start loads the cache from IndexedDB), so every string is a flat string of its own. Taken
 * straight from the regular expressions, they would be slices of the note's text, which V8 reads
 * about half as fast char by char (fifteenth round, docs/benchmarks.md).
 */
export function metadataOf(text: string): CachedMetadata {
	return v8.deserialize(v8.serialize(parsedMetadata(text))) as CachedMetadata;
}

function parsedMetadata(text: string): CachedMetadata {
	const split = splitFrontmatter(text);
	const cache: CachedMetadata = {};
	if (split.kind === "yaml" && split.yaml.trim() !== "") {
		try {
			const data = parseYaml(split.yaml);
			if (data !== null && typeof data === "object" && !Array.isArray(data)) cache.frontmatter = data;
		} catch {
			// Obsidian keeps no frontmatter for a block it cannot read.
		}
	}
	const links: Array<{ link: string; original: string; displayText: string; position: never }> = [];
	for (const m of split.body.matchAll(WIKILINK)) {
		if (m[1] === "!") continue;
		const inner = m[2] ?? "";
		const bar = inner.indexOf("|");
		const link = bar >= 0 ? inner.slice(0, bar) : inner;
		links.push({ link, original: m[0], displayText: bar >= 0 ? inner.slice(bar + 1) : link, position: undefined as never });
	}
	for (const m of split.body.matchAll(MDLINK)) {
		if (m[1] === "!" || /^[a-z][a-z0-9+.-]*:/i.test(m[2] ?? "")) continue;
		links.push({ link: m[2] ?? "", original: m[0], displayText: "", position: undefined as never });
	}
	if (links.length > 0) cache.links = links;
	return cache;
}

class FakeVault extends Events {
	readonly configDir = ".obsidian";
	private readonly files = new Map<string, TFile>();
	/** Note texts as bytes: `cachedRead` decodes a fresh string each time, as a read from disk would. */
	private readonly data = new Map<string, Buffer>();
	readonly adapter: { exists(path: string): Promise<boolean>; read(path: string): Promise<string> };

	constructor(
		config: Record<string, string>,
		private readonly cache: FakeMetadataCache,
	) {
		super();
		this.adapter = {
			exists: (path) => Promise.resolve(Object.prototype.hasOwnProperty.call(config, path)),
			read: (path) => (config[path] !== undefined ? Promise.resolve(config[path]) : Promise.reject(new Error(`ENOENT: ${path}`))),
		};
	}

	/** Modification times: every write is later than the one before. */
	private clock = 1_700_000_000_000;

	add(path: string, text: string, metadata: CachedMetadata = metadataOf(text)): TFile {
		const file = new TFile(path);
		const bytes = Buffer.from(text, "utf8");
		file.stat = { ctime: this.clock, mtime: this.clock++, size: bytes.length };
		this.files.set(path, file);
		this.data.set(path, bytes);
		this.cache.set(path, metadata);
		return file;
	}

	getMarkdownFiles(): TFile[] {
		const out: TFile[] = [];
		for (const f of this.files.values()) if (f.extension === "md") out.push(f);
		return out;
	}

	getFileByPath(path: string): TFile | null {
		return this.files.get(path) ?? null;
	}

	cachedRead(file: TFile): Promise<string> {
		const bytes = this.data.get(file.path);
		return bytes ? Promise.resolve(bytes.toString("utf8")) : Promise.reject(new Error(`ENOENT: ${file.path}`));
	}

	/** The bytes, as a fresh buffer of their own (a read from disk fills one). */
	readBinary(file: TFile): Promise<ArrayBuffer> {
		const bytes = this.data.get(file.path);
		if (!bytes) return Promise.reject(new Error(`ENOENT: ${file.path}`));
		const out = new ArrayBuffer(bytes.length);
		new Uint8Array(out).set(bytes);
		return Promise.resolve(out);
	}

	text(path: string): string | undefined {
		return this.data.get(path)?.toString("utf8");
	}

	/** Writes a note and fires the metadata cache's `changed` event, as Obsidian does once it has parsed it. */
	modify(file: TFile, text: string): void {
		const bytes = Buffer.from(text, "utf8");
		file.stat = { ctime: file.stat.ctime, mtime: this.clock++, size: bytes.length };
		this.data.set(file.path, bytes);
		const metadata = metadataOf(text);
		this.cache.set(file.path, metadata);
		this.cache.trigger("changed", file, text, metadata);
	}

	rename(file: TFile, newPath: string): void {
		const oldPath = file.path;
		const bytes = this.data.get(oldPath);
		const metadata = this.cache.get(oldPath);
		this.files.delete(oldPath);
		this.data.delete(oldPath);
		this.cache.delete(oldPath);
		file.move(newPath);
		this.files.set(newPath, file);
		if (bytes) this.data.set(newPath, bytes);
		if (metadata) this.cache.set(newPath, metadata);
		this.trigger("rename", file, oldPath);
	}

	delete(file: TFile): void {
		this.files.delete(file.path);
		this.data.delete(file.path);
		this.cache.delete(file.path);
		this.trigger("delete", file);
	}
}

class FakeMetadataCache extends Events {
	private readonly caches = new Map<string, CachedMetadata>();
	/** Made when first asked for after a change (Obsidian keeps it up to date as notes change). */
	private resolved: Record<string, Record<string, number>> | null = null;
	set(path: string, cache: CachedMetadata): void {
		this.caches.set(path, cache);
		this.resolved = null;
	}
	get(path: string): CachedMetadata | undefined {
		return this.caches.get(path);
	}
	delete(path: string): void {
		this.caches.delete(path);
		this.resolved = null;
	}

	/** Forgets `resolvedLinks` (only the first start asks for it): the later figures' heap stays as it was. */
	forgetResolvedLinks(): void {
		this.resolved = null;
	}

	/** Where each note's links lead, by note: resolved as Rete resolves them (close to Obsidian). */
	get resolvedLinks(): Record<string, Record<string, number>> {
		if (this.resolved) return this.resolved;
		const resolver = new LinkResolver();
		for (const path of this.caches.keys()) resolver.add(path);
		const out: Record<string, Record<string, number>> = {};
		for (const [path, cache] of this.caches) {
			const dests: Record<string, number> = {};
			for (const link of metadataLinks(cache)) {
				const dest = resolver.resolve(link, path);
				if (dest !== null) dests[dest] = (dests[dest] ?? 0) + 1;
			}
			out[path] = dests;
		}
		this.resolved = out;
		return out;
	}
	getFileCache(file: TFile): CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}
}

class FakeWorkspace {
	private ready = false;
	private waiting: Array<() => unknown> = [];
	onLayoutReady(callback: () => unknown): void {
		if (this.ready) callback();
		else this.waiting.push(callback);
	}
	setLayoutReady(): void {
		this.ready = true;
		for (const cb of this.waiting.splice(0)) cb();
	}
}

/**
 * IndexedDB's storage as the index's cache sees it: `put` serializes the value on the main
 * thread (V8's value serializer, as Chromium's IndexedDB uses), and `get` deserializes it
 * there; both count as main-thread work. The disk in between is not modelled (it is waiting,
 * not work). The cache on top (`PiecewiseIndexCache`) stores a snapshot in pieces.
 */
export class MemoryStore implements KeyValueStore {
	/** The stored bytes by key (tests of several starts put back the same saved index). */
	data = new Map<string, Buffer>();
	get(key: string): Promise<unknown> {
		const bytes = this.data.get(key);
		return Promise.resolve(bytes === undefined ? undefined : v8.deserialize(bytes));
	}
	put(key: string, value: unknown): Promise<void> {
		this.data.set(key, v8.serialize(value));
		return Promise.resolve();
	}
	deleteRange(from: string, to: string | null): Promise<void> {
		for (const key of [...this.data.keys()]) if (key >= from && (to === null || key < to)) this.data.delete(key);
		return Promise.resolve();
	}
}

export class FakeApp {
	readonly metadataCache = new FakeMetadataCache();
	readonly vault: FakeVault;
	readonly workspace = new FakeWorkspace();

	constructor(config: Record<string, string> = {}) {
		this.vault = new FakeVault(config, this.metadataCache);
	}

	/** The same object, typed as the Obsidian app the index takes. */
	asApp(): App {
		return this as unknown as App;
	}
}
