/**
 * How the first build in a worker (`index-worker`) sends each note: as text (it concerns
 * someone), by its links (it might), or as a quiet note, by path and stamp alone (it cannot: none
 * of its links has a person's name). Decided from the metadata cache, on the main thread.
 */
import type { App, CachedMetadata, TFile } from "obsidian";
import { asProperties } from "../core/person";
import { linkNameHash } from "../core/resolver";
import type { NoteRecord } from "../core/types";
import { linksRecord, uncachedFrontmatter } from "./records";

/**
 * A note that is nobody's, sent by its links (the worker asks for its text, with its
 * properties, if it turns out to link someone): one that `quietNames` cannot leave out. Its
 * properties go only when they are not a set of properties (the worker reports that): by them
 * it is no person (`isPerson` said so), nor would it be without them, and nothing else of a note
 * known by its links reads them.
 */
export function linksOnlyRecord(file: TFile, cache: CachedMetadata | null): NoteRecord {
	const record = linksRecord(file, cache);
	if (asProperties(record.frontmatter) !== null) record.frontmatter = undefined;
	return record;
}

/**
 * A note's properties from the metadata cache (`cache`, looked up when not given); from its
 * `bytes` when Obsidian has not read it yet.
 */
export function frontmatterOf(app: App, file: TFile, bytes?: ArrayBuffer, cache = app.metadataCache.getFileCache(file)): unknown {
	return cache === null && bytes ? uncachedFrontmatter(new TextDecoder().decode(bytes)) : cache?.frontmatter;
}

/**
 * Whether a note that concerns no one can go as a quiet note (`NoteRecord.quiet`): by its path,
 * its stamp and the numbers of its links' names, which are then added to `out`. Not when
 * Obsidian has not read it yet, when its properties are not a set of properties (a problem to
 * report), when one of its links is encoded, in `<…>`, has a `\` or is not all printable ASCII
 * (its name has no number), or has the number of a person's name (resolving it may reach them:
 * the worker does that; a name that only shares the number costs a note sent by its links):
 * then `named.hash` is that number (else NaN). `people`: the numbers of people's names (`notesByName`).
 */
export function quietNames(cache: CachedMetadata | null, people: { has(hash: number): boolean }, out: number[], named?: { hash: number }): boolean {
	if (named) named.hash = NaN;
	if (cache === null || (cache.frontmatter !== undefined && asProperties(cache.frontmatter) === null)) return false;
	const from = out.length;
	for (const l of cache.links ?? []) {
		// `\` may stand for `/` when the link is resolved, `%` for anything: no number then.
		const hash = linkNameHash(l.link);
		// As the people's names are numbered (`notesByName`), and as quiet notes keep them.
		const number = hash | 0;
		if (hash < 0 || people.has(number)) {
			out.length = from;
			if (named && hash >= 0) named.hash = number;
			return false;
		}
		out.push(number);
	}
	return true;
}

/**
 * Whether a note links a person's note, by Obsidian's `resolvedLinks` entry. That entry also
 * counts embeds and links in properties, which do not make a note concern someone: a note with
 * any of those is left to its links (the worker asks for it if one of them is a person's).
 * `likely`: people's notes it may link, looked for first (the answer is the same).
 */
export function linksSomeone(cache: CachedMetadata | null, dests: Record<string, number> | undefined, people: ReadonlySet<string>, likely?: readonly string[]): boolean {
	if (dests === undefined || !cache?.links?.length || cache.embeds?.length || cache.frontmatterLinks?.length) return false;
	// The people a link of the note is named after (`quietNames`) first: a look each, where going
	// through the entry takes a look per note it links. Obsidian counts each link it resolved.
	if (likely) for (const path of likely) if (typeof dests[path] === "number") return true;
	for (const dest in dests) if (people.has(dest)) return true;
	return false;
}
