/** Notes as records for the index: from their text, or from the metadata cache alone. */
import { type App, type CachedMetadata, getLinkpath, parseYaml, type TFile } from "obsidian";
import { cachedProperties, recordFromText, type YamlParse } from "../core/record";
import type { NoteRecord } from "../core/types";

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

/**
 * The version of a file, from its modification time and size: a saved index trusts a note only
 * while its stamp is unchanged. (Below 2^53 for any time before the year 2248.)
 */
export function fileStamp(file: TFile): number {
	const stat = file.stat as TFile["stat"] | undefined;
	return stat ? Math.round(stat.mtime) * 1024 + (stat.size % 1024) : NaN;
}

/** Obsidian's own YAML reader, for a note its metadata cache has not read yet. */
const obsidianYaml: YamlParse = (yaml) => ({ data: parseYaml(yaml) as unknown });

/**
 * A note's properties as Obsidian reads them: from the metadata cache, or, for a note it has
 * not read yet (`null`: right after start-up, before the cache is complete), from the text
 * with Obsidian's YAML reader, so that such a note is not taken for one with broken properties.
 */
function properties(cache: CachedMetadata | null): YamlParse {
	return cache === null ? obsidianYaml : cachedProperties(cache.frontmatter);
}

/** The properties of a note's text (as `properties` reads them) when its cache is `null`. */
export function uncachedFrontmatter(text: string): unknown {
	return recordFromText("", text, obsidianYaml).frontmatter ?? undefined;
}

/** A note from its text; `stamp`: the file's stamp when that text was read (default: now). */
export function recordOf(file: TFile, text: string, cache: CachedMetadata | null, stamp = fileStamp(file)): NoteRecord {
	const record = recordFromText(file.path, text, properties(cache));
	record.stamp = stamp;
	return record;
}

/** Bytes of a text in UTF-8. */
export function utf8Length(text: string): number {
	let n = text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) continue;
		if (c < 0x800) n += 1;
		else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
			// A surrogate pair: 4 bytes for two code units.
			n += 2;
			i++;
		} else n += 2;
	}
	return n;
}

/**
 * The stamp for a text that came with a change event: the file's, unless the file no longer
 * has that text's size (it changed again since): then none, so a later start reads it again.
 */
export function eventStamp(file: TFile, text: string): number {
	const stat = file.stat as TFile["stat"] | undefined;
	return stat && utf8Length(text) === stat.size ? fileStamp(file) : NaN;
}

/** A note as the metadata cache knows it, without its text. */
export function linksRecord(file: TFile, cache: CachedMetadata | null): NoteRecord {
	return { path: file.path, frontmatter: cache?.frontmatter, body: null, links: metadataLinks(cache), stamp: fileStamp(file) };
}

/**
 * What `read` gives for a note, with the file's stamp from before the read; `undefined` when it
 * cannot be read or changed while being read (its change event brings the new text).
 */
export async function readFileStamped<T>(file: TFile, read: (file: TFile) => Promise<T>): Promise<{ value: T; stamp: number } | undefined> {
	const stamp = fileStamp(file);
	try {
		const value = await read(file);
		return fileStamp(file) === stamp ? { value, stamp } : undefined;
	} catch {
		return undefined;
	}
}

/** A note's text, stamped (see `readFileStamped`); `undefined` when it is gone too. */
export async function readText(app: App, path: string): Promise<{ text: string; stamp: number } | undefined> {
	const file = app.vault.getFileByPath(path);
	const read = file ? await readFileStamped(file, (f) => app.vault.cachedRead(f)) : undefined;
	return read && { text: read.value, stamp: read.stamp };
}
