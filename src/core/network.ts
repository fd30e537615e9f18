/**
 * The people index: notes go in one at a time (and can be replaced or removed), the due list
 * and problems come out. What each note says is kept in a compact form (its distinct link
 * targets, interned, and one flat array of numbers for its entries), never its text, so a change
 * to one note costs the size of that note, never the size of the vault.
 *
 * A bulk load (`defer`, then `settle`) reads every note first and links each one once, against
 * the final set of notes, instead of linking and re-linking as notes arrive.
 */
import type { DailyMatcher } from "./daily";
import { type Day } from "./dates";
import { BulkLoad } from "./bulk-load";
import { cardsMoved, dueList, newDueMemo, openFollowups, rankCards, Readying } from "./due-list";
import { NameOrder } from "./due";
import { asProperties, isPerson } from "./person";
import { targetBase } from "./link-names";
import { QuietNotes, type QuietTable } from "./quiet-notes";
import { ShardedMap } from "./sharded-map";
import { DEFAULT_REACH_OUT_HEADINGS } from "./reachout";
import { latestOnOrBefore, newPerson, PersonCards, type PersonState, retire, setInfo, sortedDays } from "./person-state";
import { type MirrorFinder, mirrorFinders } from "./reach-out-copies";
import { readNote } from "./note-facts";
import type { IndexSnapshot, SnapshotJob } from "./snapshot";
import { exportJob } from "./snapshot-export";
import { checkedRestore, type RestoreJob, restoreJob } from "./snapshot-restore";
import { allProblems, type IndexStats, indexStats, type IndexTables, type NoteFacts } from "./index-state";
import { NoteLinks } from "./linking";
import type { ReteSettings } from "./settings";
import { type TemplatePaths, templateMatcher } from "./templates";
import type { DueItem, NoteRecord, PersonInfo, Problem } from "./types";

export { latestOnOrBefore };
export type { IndexStats };

/** Days (or people) of a bulk load's log handed over per unit of `settle` (a unit links a note). */
const DAYS_PER_UNIT = 256;

export interface IndexOptions {
	settings: ReteSettings;
	daily: DailyMatcher | null;
	/** Template notes and folders: indexed as empty notes (never people, entries or links). */
	templates?: TemplatePaths;
}

export class PeopleIndex {
	/** Sharded, like the resolver's tables by path: both grow at every new note. */
	private readonly notes = new ShardedMap<NoteFacts>();
	private readonly people = new Map<string, PersonState>();
	/** The people's cards, what the due list reads, in one list. */
	private readonly cards = new PersonCards();
	/** Who links what, and what each linked note gives each person. */
	private readonly links = new NoteLinks(this.people);
	/** During a bulk load: the notes read but not linked yet. */
	private readonly bulk = new BulkLoad();
	/** A bulk load linked everything: the people's arrays are to be trimmed once its days are handed over. */
	private trim = false;
	/** A pass readying the people for the due list, under way (`ready`). */
	private readying: Readying | null = null;
	/** People's names in due-list order. */
	private readonly names = new NameOrder();
	/** The last due list, for the next one to start from. */
	private readonly dueMemo = newDueMemo();
	/** Changes at every upsert and removal. */
	private version = 0;
	/** The quiet notes, and the people who appeared since they were last looked through. */
	private readonly quiet = new QuietNotes();

	/** Headings of reach-out lists in daily notes (see scan). */
	private readonly mirror: readonly MirrorFinder[];
	private isTemplate: ((path: string) => boolean) | null;

	constructor(private readonly options: IndexOptions) {
		this.mirror = mirrorFinders(options.settings.reachOutHeading ? [options.settings.reachOutHeading] : DEFAULT_REACH_OUT_HEADINGS);
		this.isTemplate = templateMatcher(options.templates);
	}

	/**
	 * Starts a bulk load: from now on notes are read as they come but linked only by `settle`,
	 * each once, against the final set of notes. Queries settle first, so this only saves time.
	 */
	defer(): void {
		this.bulk.active = true;
	}

	/**
	 * Links up to `max` of the notes a bulk load deferred, then hands their contact days to the
	 * people, `max × DAYS_PER_UNIT` days or people a step. Returns true once all is done; notes
	 * then link as they come again.
	 */
	settle(max = Infinity): boolean {
		if (this.bulk.active) {
			const link = (facts: NoteFacts): void => {
				if (!facts.dests) this.links.link(facts);
			};
			// The days go to a log, handed to the people once everything is linked (`DayLog`).
			this.links.logDays();
			if (!this.bulk.settle(this.notes, link, max)) return false;
			this.trim = true;
		}
		// Handed over in steps too (a unit: `DAYS_PER_UNIT` days or people).
		if (!this.links.endDayLog(max * DAYS_PER_UNIT)) return false;
		if (this.trim) {
			this.trim = false;
			// Arrays grow with room to spare: once everything is linked, keep only what is used (the
			// log's are exact views already).
			for (const state of this.people.values()) if (Array.isArray(state.days)) state.days = state.days.slice();
		}
		return true;
	}

	/**
	 * Readies every person for the first due list, `max` units at a time (a unit per person and
	 * per 64 of their days): their days sorted, their last contact found, then (in the last step)
	 * their cards packed and names ranked. For a build that linked notes itself (the plugin's
	 * without a worker: its bulk load, then the notes it read after); a restore comes ready.
	 * True once done.
	 */
	ready(max = Infinity): boolean {
		if (!this.settle(max)) return false;
		this.readying ??= new Readying(this.people.values());
		if (!this.readying.step(max)) return false;
		this.readying = null;
		// Made among everything else the build made: moved to lie one after the other (a
		// restore makes them so), the due list's memo following.
		this.cards.pack();
		cardsMoved(this.dueMemo);
		rankCards(this.cards.list, this.names);
		return true;
	}

	/** Adds a note, or replaces what an earlier version of it said. Never throws on note content. */
	upsert(given: NoteRecord): void {
		this.version++;
		const path = given.path;
		// A template is a pattern, not a note about anyone: known (links resolve to it), empty.
		const record = this.isTemplate?.(path) ? { path, frontmatter: null, body: "", stamp: given.stamp } : given;
		const old = this.notes.get(path);
		const facts = readNote(record, old, { settings: this.options.settings, daily: this.options.daily, mirror: this.mirror, target: (name) => this.links.target(name) });
		// A read note read again, still the same kind: only what changed changes (see `replace`).
		const inPlace = old !== undefined && !this.bulk.active && old.dests !== null && !old.unread && !facts.unread && (old.person === null) === (facts.person === null);
		// Linked again at once, the note keeps its place among the linkers of the names it still links.
		const kept = old && !inPlace ? this.links.unlink(old, !this.bulk.active) : false;
		if (!old) {
			this.links.resolver.add(path);
			this.links.epoch++;
		}
		this.notes.set(path, facts);
		const wasPerson = old?.person != null;
		this.quiet.came(facts, wasPerson);
		if (facts.person) {
			this.names.add(facts.person.name);
			const state = this.people.get(path);
			if (state) setInfo(state, facts.person);
			else {
				const person = newPerson(facts.person);
				this.people.set(path, person);
				this.cards.add(person);
				this.links.epoch++;
			}
		} else if (wasPerson) this.dropPerson(path);
		if (this.bulk.active) {
			this.bulk.add(facts);
			this.links.pending.delete(path);
		} else if (inPlace) this.links.replace(old, facts);
		else this.links.link(facts, kept ? old : undefined);
		if (!old || wasPerson !== (facts.person !== null)) this.relinkLinkers(path);
	}

	/**
	 * Adds quiet notes given in columns (`NoteRecord.quiet`; `stamps[i]` is note `i`'s stamp),
	 * decided knowing the people that `peopleKnown` then names. Each is upserted; when someone
	 * appears, `takePending` looks through these columns for them, not through every note.
	 */
	addQuiet(table: QuietTable & { stamps: ArrayLike<number> }): void {
		const { paths, stamps, start, names } = table;
		if (paths.length === 0) return;
		this.quiet.addTable({ paths, start, names }, () => {
			for (let i = 0; i < paths.length; i++) {
				this.upsert({ path: paths[i] ?? "", frontmatter: undefined, body: null, quiet: names.subarray(start[i], start[i + 1]), stamp: stamps[i] ?? NaN });
			}
		});
	}

	/** Forgets a note (deleted, or renamed away: upsert it again under its new path). */
	remove(path: string): void {
		const old = this.notes.get(path);
		if (!old) return;
		this.version++;
		this.links.unlink(old);
		this.notes.delete(path);
		this.links.pending.delete(path);
		this.links.resolver.remove(path);
		this.links.epoch++;
		this.dropPerson(path);
		this.relinkLinkers(path);
	}

	/** How many notes are indexed. */
	noteCount(): number {
		return this.notes.size;
	}

	has(path: string): boolean {
		return this.notes.has(path);
	}

	/**
	 * Notes given without text (`body: null`) that turned out to link to a person: read them
	 * and upsert them with their text. Each is returned once.
	 */
	takePending(): string[] {
		this.settle();
		this.wakeQuiet();
		const out = [...this.links.pending];
		this.links.pending.clear();
		return out;
	}

	/**
	 * Quiet notes that link someone who appeared since: held as notes known by their links to
	 * those people from now on, which asks for their text (and asks again after a restore, should
	 * the index be saved before they are read).
	 */
	private wakeQuiet(): void {
		for (const [path, people] of this.quiet.wake(this.notes)) {
			this.upsert({ path, frontmatter: undefined, body: null, links: people, stamp: this.notes.get(path)?.stamp ?? NaN });
		}
	}

	/**
	 * The people indexed so far were known to the adapter when it gave its quiet notes (a build
	 * that decided who is a person first): they do not count as appearing for those notes. With
	 * `names`, only those whose names have these numbers (`hashOfBase`, as 32-bit integers) were.
	 */
	peopleKnown(names?: ReadonlySet<number>): void {
		this.quiet.known(names);
	}

	/**
	 * Asks for the text of a note that was read before (it changed since): it keeps what it said
	 * until it is upserted with its new text. Returns false when the note is not indexed, or was
	 * indexed from its links alone (upsert it with its new links instead).
	 */
	requestRead(path: string): boolean {
		const facts = this.notes.get(path);
		if (!facts || facts.unread) return false;
		this.links.pending.add(path);
		return true;
	}

	/** Which notes are templates changed: returns the notes that became or stopped being ones (upsert them again). */
	setTemplates(templates: TemplatePaths | undefined): string[] {
		const [was, is] = [this.isTemplate, templateMatcher(templates)];
		this.isTemplate = is;
		return this.paths().filter((path) => (was?.(path) ?? false) !== (is?.(path) ?? false));
	}

	/** Whether a note would be a person, from its path and properties alone. */
	isPersonNote(path: string, frontmatter: unknown): boolean {
		return !this.isTemplate?.(path) && isPerson(path, asProperties(frontmatter), this.options.settings);
	}

	/** Whether any indexed note links to a target named like `path`. */
	isLinked(path: string): boolean {
		this.settle();
		return this.links.linkers.has(targetBase(path));
	}

	person(path: string): PersonInfo | null {
		return this.people.get(path)?.info ?? null;
	}

	allPeople(): PersonInfo[] {
		return [...this.people.values()].map((s) => s.info);
	}

	/** The latest contact from the notes on or before `today` (not counting `last_contact`/`met`). */
	lastInteraction(path: string, today: Day): Day | null {
		this.settle();
		const state = this.people.get(path);
		return state ? latestOnOrBefore(sortedDays(state), today) : null;
	}

	/**
	 * Who is due on `today`, sorted. A person's items are kept until something about them
	 * changes, so the list after an edit costs the people that edit touched: the same item
	 * objects come back from call to call, and callers must not modify them.
	 */
	due(today: Day, horizon = this.options.settings.horizon): DueItem[] {
		this.settle();
		return dueList(this.cards.list, this.names, today, horizon, this.dueMemo);
	}

	/** Every open follow-up, however far ahead, in due order; the due list's memo is left alone. */
	openFollowups(): DueItem[] {
		this.settle();
		return openFollowups(this.cards.list, this.names);
	}

	problems(): Problem[] {
		return allProblems(this.notes);
	}

	stats(): IndexStats {
		this.settle();
		return indexStats(this.notes, this.people);
	}

	/** The stamp a note was indexed with (`NoteRecord.stamp`; NaN when none), `undefined` when not indexed. */
	stampOf(path: string): number | undefined {
		return this.notes.get(path)?.stamp;
	}

	/** Every indexed note's path. */
	paths(): string[] {
		const out: string[] = [];
		for (const facts of this.notes.values()) out.push(facts.path);
		return out;
	}

	/**
	 * Everything the index knows, as plain data (see `core/snapshot`), for `fromSnapshot` on a
	 * later start. `key` says what the notes were read with; a snapshot restores only for it.
	 */
	snapshot(key: string): IndexSnapshot {
		return this.snapshotJob(key).step(Infinity) as IndexSnapshot;
	}

	/** `snapshot`, written a few notes at a time; any change to the index meanwhile stops it. */
	snapshotJob(key: string): SnapshotJob {
		this.settle();
		// A quiet note that links someone who appeared is saved as known by those links.
		this.wakeQuiet();
		return exportJob(this.tables(), key);
	}

	/**
	 * An index as `snapshot` left it, without reading or resolving anything: it holds exactly
	 * what the snapshotted index held. Throws `SnapshotError` when the snapshot is damaged or
	 * was made for another `key`. The caller then applies what changed since (`upsert`,
	 * `remove`), as for any edit.
	 */
	static fromSnapshot(options: IndexOptions, value: unknown, key: string): PeopleIndex {
		const { index, job } = PeopleIndex.restoring(options, value, key);
		while (!job.step(Infinity));
		return index;
	}

	/**
	 * `fromSnapshot` a few units at a time: the index must not be used (nor changed) until
	 * `job.step` has said it is done.
	 */
	static restoring(options: IndexOptions, value: unknown, key: string): { index: PeopleIndex; job: RestoreJob } {
		const index = new PeopleIndex(options);
		const job = checkedRestore(value, key, (snap) => {
			index.quiet.restored(snap.paths, snap.quietStart, snap.quietNames);
			return restoreJob(index.tables(), snap);
		});
		return { index, job };
	}

	private tables(): IndexTables {
		return {
			notes: this.notes,
			people: this.people,
			cards: this.cards,
			linkers: this.links.linkers,
			targetTable: this.links.targetTable,
			names: this.names,
			resolver: this.links.resolver,
			version: () => this.version,
			creditFollowups: (facts, anyone) => this.links.credit(facts, anyone, false),
			newEpoch: () => void this.links.epoch++,
			rankCards: () => rankCards(this.cards.list, this.names),
		};
	}

	/** Notes whose links name `path` may now resolve differently: check them, and link again those that do. */
	private relinkLinkers(path: string): void {
		this.links.relinkLinkers(path, this.notes, this.bulk.active ? (facts: NoteFacts) => this.bulk.add(facts) : null);
	}

	private dropPerson(path: string): void {
		const state = this.people.get(path);
		if (!state) return;
		retire(state);
		this.cards.remove(state);
		this.people.delete(path);
		this.links.epoch++;
	}
}
