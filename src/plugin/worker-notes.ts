/**
 * How a full build (in a worker, `index-worker`, or on the main thread, `main-build`) takes each
 * note: as text (it concerns someone), by its links (it might), or as a quiet note, by path and
 * stamp alone (it cannot: none of its links has a person's name). Decided from the metadata
 * cache, on the main thread.
 */
import type { App, CachedMetadata, TFile } from "obsidian";
import { asProperties } from "../core/person";
import { linkNameHash, notesByName } from "../core/link-names";
import type { NoteRecord } from "../core/types";
import { linksRecord, uncachedFrontmatter } from "./records";

/** Notes looked at between two looks at the clock. */
const CHECK_EVERY = 256;

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

/** Who is a person, found first: each note's metadata (looked up once), the people's paths, and their names' numbers. */
export interface PeopleFound {
	caches: Array<CachedMetadata | null>;
	people: Set<string>;
	names: Map<number, string[]>;
}

/**
 * Looks up every one of `files` in the metadata cache and finds the people among them
 * (`isPerson`, by path and properties), yielding with `endSlice` once `spent` is over `sliceMs`;
 * `null` when given up.
 */
export async function findPeople(app: App, files: readonly TFile[], isPerson: (path: string, frontmatter: unknown) => boolean, spent: () => number, sliceMs: number, endSlice: () => Promise<boolean>): Promise<PeopleFound | null> {
	const caches = new Array<CachedMetadata | null>(files.length);
	const people = new Set<string>();
	let i = 0;
	for (const file of files) {
		const cache = (caches[i++] = app.metadataCache.getFileCache(file));
		if (isPerson(file.path, cache?.frontmatter)) people.add(file.path);
		if (i % CHECK_EVERY === 0 && spent() > sliceMs && !(await endSlice())) return null;
	}
	return { caches, people, names: notesByName(people) };
}

/** Quiet notes gathered in columns (`NoteRecord.quiet`), taken a batch at a time. */
export class QuietColumns {
	private paths: string[] = [];
	private stamps: number[] = [];
	private start = [0];
	/** The numbers of the links' names of the notes so far (`quietNames` adds to it). */
	names: number[] = [];

	get size(): number {
		return this.paths.length;
	}

	/** A note whose names `quietNames` has just added. */
	push(path: string, stamp: number): void {
		this.paths.push(path);
		this.stamps.push(stamp);
		this.start.push(this.names.length);
	}

	/** The notes so far, as typed columns; the columns start again empty. */
	take(): { paths: string[]; stamps: Float64Array; start: Int32Array; names: Int32Array } {
		const out = { paths: this.paths, stamps: Float64Array.from(this.stamps), start: Int32Array.from(this.start), names: Int32Array.from(this.names) };
		this.paths = [];
		this.stamps = [];
		this.start = [0];
		this.names = [];
		return out;
	}
}

/**
 * How a full build takes a note that is not a person's (`findPeople`): `"quiet"` (its names
 * then added to `quiet`, the caller pushes it), `"text"` when Obsidian resolved one of its links
 * to a person's note, else `"links"`. `resolved`: Obsidian's `resolvedLinks`.
 */
export function sortNote(path: string, cache: CachedMetadata | null, found: PeopleFound, resolved: Record<string, Record<string, number> | undefined> | undefined, quiet: QuietColumns, named: { hash: number }): "quiet" | "text" | "links" {
	// Quiet first: a note none of whose links has a person's name links no one (Obsidian's
	// entry, which also counts embeds and properties, is not looked through for it).
	if (quietNames(cache, found.names, quiet.names, named)) return "quiet";
	return linksSomeone(cache, resolved?.[path], found.people, found.names.get(named.hash)) ? "text" : "links";
}
