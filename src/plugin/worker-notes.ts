/**
 * How the first build in a worker (`index-worker`) sends each note: as text (it concerns
 * someone), by its links (it might), or as a quiet note, by path and stamp alone (it cannot: none
 * of its links has a person's name). Decided from the metadata cache, on the main thread.
 */
import type { App, CachedMetadata, TFile } from "obsidian";
import { asProperties } from "../core/person";
import { baseHash, hashOfBase, targetBase } from "../core/resolver";
import type { NoteRecord } from "../core/types";
import { linksRecord, linkTarget, uncachedFrontmatter } from "./records";

/**
 * A note that is nobody's, sent by its links (the worker asks for its text, with its
 * properties, if it turns out to link someone): one that `isQuiet` cannot leave out. Its
 * properties go only when they are not a set of properties (the worker reports that): by them
 * it is no person (`isPerson` said so), nor would it be without them, and nothing else of a note
 * known by its links reads them.
 */
export function linksOnlyRecord(file: TFile, cache: CachedMetadata | null): NoteRecord {
	const record = linksRecord(file, cache);
	if (asProperties(record.frontmatter) !== null) record.frontmatter = undefined;
	return record;
}

/** A note's properties from the metadata cache; from its `bytes` when Obsidian has not read it yet. */
export function frontmatterOf(app: App, file: TFile, bytes?: ArrayBuffer): unknown {
	const cache = app.metadataCache.getFileCache(file);
	return cache === null && bytes ? uncachedFrontmatter(new TextDecoder().decode(bytes)) : cache?.frontmatter;
}

/** The names of the people's notes (`targetBase`), and their numbers (`hashOfBase`) where they have one. */
export interface PeopleNames {
	bases: Set<string>;
	hashes: Set<number>;
}

/** A link can reach a person only by one of these names. */
export function peopleNames(people: ReadonlySet<string>): PeopleNames {
	const names: PeopleNames = { bases: new Set(), hashes: new Set() };
	for (const path of people) {
		const base = targetBase(path);
		names.bases.add(base);
		const hash = hashOfBase(base);
		if (hash >= 0) names.hashes.add(hash);
	}
	return names;
}

/**
 * Whether a link as written may name a person. A link in printable ASCII, neither encoded nor
 * in `<…>`, is first told by its name's number, without making strings: most links are these.
 */
function mayNamePerson(link: string, names: PeopleNames): boolean {
	if (link.charCodeAt(0) !== 60 && !link.includes("%")) {
		const heading = link.indexOf("#");
		const hash = baseHash(link, heading < 0 ? link.length : heading);
		if (hash >= 0 && !names.hashes.has(hash)) return false;
	}
	const target = linkTarget(link);
	return target !== "" && names.bases.has(targetBase(target));
}

/**
 * Whether a note that concerns no one can go as a quiet note (`NoteRecord.quiet`): its path and
 * stamp only. Not when Obsidian has not read it yet, when its properties are not a set of
 * properties (a problem to report), or when one of its links has a person's name (resolving it
 * may reach them: the worker does that).
 */
export function isQuiet(cache: CachedMetadata | null, names: PeopleNames): boolean {
	if (cache === null || (cache.frontmatter !== undefined && asProperties(cache.frontmatter) === null)) return false;
	for (const l of cache.links ?? []) if (mayNamePerson(l.link, names)) return false;
	return true;
}

/**
 * Whether a note links a person's note, by Obsidian's `resolvedLinks` entry. That entry also
 * counts embeds and links in properties, which do not make a note concern someone: a note with
 * any of those is left to its links (the worker asks for it if one of them is a person's).
 */
export function linksSomeone(cache: CachedMetadata | null, dests: Record<string, number> | undefined, people: ReadonlySet<string>): boolean {
	if (dests === undefined || !cache?.links?.length || cache.embeds?.length || cache.frontmatterLinks?.length) return false;
	for (const dest in dests) if (people.has(dest)) return true;
	return false;
}
