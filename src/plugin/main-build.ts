/**
 * The first build of the index on the main thread (no worker, or the worker failed), as the
 * worker's build (`index-worker`) sorts the notes: who is a person first, from the metadata
 * cache; then the notes that concern someone are read during a bulk load (their days go through
 * its log), those none of whose links has a person's name are held quiet, every other note by
 * its links; then each note is linked once, against all of them, in slices.
 */
import type { App, TFile } from "obsidian";
import type { PeopleIndex } from "../core/network";
import { type IndexTimings, LINK_BATCH, readInBatches, SLICE_MS, type SliceClock } from "./index-slices";
import { fileStamp, linksRecord, recordOf } from "./records";
import { findPeople, QuietColumns, sortNote } from "./worker-notes";

/** Quiet notes gathered before they are added to the index (they are also added before each yield). */
const QUIET_BATCH = 512;

/** Builds `index` from every note of the vault, in slices. False when `endSlice` says the build was given up. */
export async function buildHere(app: App, index: PeopleIndex, timings: IndexTimings, clock: SliceClock, endSlice: () => Promise<boolean>): Promise<boolean> {
	const spent = (): number => clock.spent();
	index.defer();
	const files = app.vault.getMarkdownFiles();
	const found = await findPeople(app, files, (path, frontmatter) => index.isPersonNote(path, frontmatter), spent, SLICE_MS, endSlice);
	if (!found) return false;
	const resolved = app.metadataCache.resolvedLinks as Record<string, Record<string, number> | undefined> | undefined;
	const named = { hash: NaN };
	const toRead: TFile[] = [];
	const quiet = new QuietColumns();
	// Added before each yield: an event meanwhile then finds them indexed.
	const addQuiet = (): void => {
		if (quiet.size > 0) index.addQuiet(quiet.take());
	};
	let i = 0;
	for (const file of files) {
		const cache = found.caches[i++] ?? null;
		// Indexed by an event meanwhile, gone, or renamed to a file that is no note: its event saw to it.
		if (index.has(file.path) || file.extension !== "md" || !app.vault.getFileByPath(file.path)) continue;
		const how = found.people.has(file.path) ? "text" : sortNote(file.path, cache, found, resolved, quiet, named);
		if (how === "text") toRead.push(file);
		else if (how === "quiet") quiet.push(file.path, fileStamp(file));
		else index.upsert(linksRecord(file, cache));
		timings.notes++;
		if (quiet.size >= QUIET_BATCH) addQuiet();
		if (spent() > SLICE_MS) {
			addQuiet();
			if (!(await endSlice())) return false;
		}
	}
	addQuiet();
	const read = await readInBatches(app, toRead, (file) => app.vault.cachedRead(file), clock, endSlice, (file, note) => {
		// Indexed by an event meanwhile (its text, or its links when it changed while being read).
		if (index.has(file.path)) return;
		const cache = app.metadataCache.getFileCache(file);
		if (note === undefined) index.upsert(linksRecord(file, cache));
		else {
			index.upsert(recordOf(file, note.value, cache, note.stamp));
			timings.read++;
		}
	});
	if (!read) return false;
	// Every person read so far was known when the quiet notes were decided: only those who
	// appear later wake them (those whose names' numbers are not among these).
	index.peopleKnown(new Set(found.names.keys()));
	while (!index.settle(LINK_BATCH)) {
		if (spent() > SLICE_MS && !(await endSlice())) return false;
	}
	return true;
}
