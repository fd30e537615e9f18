/**
 * Quiet notes (`NoteRecord.quiet`): notes held by their path, their stamp and the numbers of
 * their links' names (`hashOfBase`), which link no one who was a person when they came. When a
 * person appears, the quiet notes with a link of that person's name are to be read: the index
 * (`network.ts`) then holds each as a note known by its links, those to that person's note,
 * which it asks to read as any such note (also after a restore, should the read not happen
 * before the index is saved). Internal to the core.
 */
import type { NoteFacts } from "./index-state";
import { notesByName, noteNameHash } from "./link-names";
import type { ShardedMap } from "./sharded-map";

/** Quiet notes in columns: note `i` is `paths[i]`, the numbers of its links' names `names[start[i]..start[i + 1]]`. */
export interface QuietTable {
	paths: readonly string[];
	start: Int32Array;
	names: Int32Array;
}

/** People appearing at once that `wake` looks for one by one. */
const FEW = 16;

export class QuietNotes {
	/** The people (their notes' paths) who appeared since `wake` last looked. */
	private readonly appeared = new Set<string>();
	/**
	 * The quiet notes in columns (a restored snapshot's, or given so by a build, `addTable`): what
	 * `wake` looks through. Note `i` of a table is `paths[i]`, its names `names[start[i]..start[i + 1]]`.
	 */
	private tables: QuietTable[] = [];
	/** Whether a quiet note came by upsert alone (not in a table): then `wake` looks through every note. */
	private upserted = false;
	/** While `addTable` upserts its notes. */
	private adding = false;

	/** The quiet notes of a restored snapshot. */
	restored(paths: readonly string[], start: Int32Array, names: Int32Array): void {
		this.tables = [{ paths, start, names }];
	}

	/** Quiet notes given in columns: `upsertAll` upserts each; `wake` then looks through the columns. */
	addTable(table: QuietTable, upsertAll: () => void): void {
		// Listed first: should the upserts stop halfway, those made are still found (and the rest
		// passed over, as any note no longer quiet).
		this.tables.push(table);
		this.adding = true;
		try {
			upsertAll();
		} finally {
			this.adding = false;
		}
	}

	/** A note came (`wasPerson`: whether its earlier version was a person's). */
	came(facts: NoteFacts, wasPerson: boolean): void {
		if (facts.quiet && !this.adding) this.upserted = true;
		if (facts.person && !wasPerson) this.appeared.add(facts.path);
	}

	/**
	 * The people so far were known when the quiet notes were decided (those whose names have
	 * the numbers in `names`, when given): they do not count as appearing.
	 */
	known(names?: ReadonlySet<number>): void {
		if (!names) return this.appeared.clear();
		for (const path of this.appeared) if (names.has(noteNameHash(path) | 0)) this.appeared.delete(path);
	}

	/**
	 * The quiet notes with a link of the name of a person who appeared (by its number: a note
	 * whose number only matches is found too, and read in vain), each with those people's notes.
	 * A name outside printable ASCII has no number, and no quiet note's link can have it.
	 */
	wake(notes: ShardedMap<NoteFacts>): Map<string, string[]> {
		const found = new Map<string, string[]>();
		if (this.appeared.size === 0) return found;
		const wanted = notesByName(this.appeared);
		this.appeared.clear();
		if (wanted.size === 0) return found;
		const take = (path: string, name: number): void => {
			if (!notes.get(path)?.quiet) return;
			const people = found.get(path) ?? [];
			for (const person of wanted.get(name) ?? []) if (!people.includes(person)) people.push(person);
			found.set(path, people);
		};
		if (!this.upserted) {
			// A native search through the names for each (most often one person: such an event is
			// rare, and its code not compiled yet), else one run; a note found only on a match.
			// No table at all (an index built note by note, as the CLI's): nothing to look through.
			for (const { paths, start, names } of this.tables) {
				if (wanted.size <= FEW) {
					for (const name of wanted.keys()) for (let k = names.indexOf(name); k >= 0; k = names.indexOf(name, k + 1)) take(paths[noteOf(start, k)] ?? "", name);
				} else for (let k = 0; k < names.length; k++) if (wanted.has(names[k] ?? 0)) take(paths[noteOf(start, k)] ?? "", names[k] ?? 0);
			}
			return found;
		}
		for (const facts of notes.values()) {
			const names = facts.quiet;
			for (let k = 0; names && k < names.length; k++) if (wanted.has((names[k] ?? 0) | 0)) take(facts.path, (names[k] ?? 0) | 0);
		}
		return found;
	}
}

/** The note whose run of `start` holds position `k`: the last `i` with `start[i] <= k`. */
function noteOf(start: Int32Array, k: number): number {
	let lo = 0;
	let hi = start.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((start[mid] ?? 0) <= k) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}
