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
import { dueItemsFor, type Followup, NameOrder, redate, sortDue } from "./due";
import { asProperties, isPerson } from "./person";
import { LinkResolver, ShardedMap, targetBase } from "./resolver";
import { DEFAULT_REACH_OUT_HEADINGS } from "./reachout";
import { addDay, addFollowup, lastContactDay, latestOnOrBefore, newPerson, type PersonState, removeDay, removeFollowups, sortedDays } from "./person-state";
import { type MirrorFinder, mirrorFinders } from "./scan";
import { detach, readNote } from "./note-facts";
import { checkSnapshot, type IndexSnapshot, type SnapshotJob } from "./snapshot";
import { exportJob } from "./snapshot-export";
import { type RestoreJob, restoreJob } from "./snapshot-restore";
import { type IndexTables, NO_DESTS, type NoteFacts } from "./index-state";
import { type EntryView, readEntry, TASK_OPEN } from "./entries";
import { addLinker, distinctBases, forEachBase, type Linkers, removeLinker, sameTargets, type Target } from "./linkers";

export { latestOnOrBefore };
const NO_ITEMS: readonly DueItem[] = [];

function isItemList(items: readonly DueItem[] | DueItem): items is readonly DueItem[] {
	return Array.isArray(items);
}
import type { ReteSettings } from "./settings";
import type { DueItem, NoteRecord, PersonInfo, Problem } from "./types";

export interface IndexOptions {
	settings: ReteSettings;
	daily: DailyMatcher | null;
}


export interface IndexStats {
	notes: number;
	people: number;
	interactions: number;
	followups: number;
	problems: number;
}




export class PeopleIndex {
	/** Scratch space of `readEntry`, owned by this index. */
	private readonly entry: EntryView = { line: 0, day: null, count: 0, task: 0 };
	/** Sharded, like the resolver's tables by path: all three grow at every new note. */
	private readonly notes = new ShardedMap<NoteFacts>();
	private readonly people = new Map<string, PersonState>();
	private readonly resolver = new LinkResolver();
	/** Lower-cased target name → notes that link to a target of that name. */
	private readonly linkers = new Map<string, Linkers>();
	/** Unread notes that link to a person: their text is needed. */
	private readonly pending = new Set<string>();
	/** Interned link targets. */
	private readonly targetTable = new Map<string, Target>();
	/**
	 * During a bulk load: notes read but not linked yet (marked `deferred`), in the order to
	 * link them. A queue, not another set: one table fewer growing at each note.
	 */
	private deferring = false;
	private deferredQueue: string[] = [];
	private deferredAt = 0;
	/** People's names in due-list order. */
	private readonly names = new NameOrder();
	/** Changes whenever a note appears or goes, or becomes or stops being a person. */
	private epoch = 0;
	/** Changes at every upsert and removal. */
	private version = 0;
	/** Scratch space: the people one entry counts for. */
	private readonly scratch: PersonState[] = [];

	/** Headings of reach-out lists in daily notes (see scan). */
	private readonly mirror: readonly MirrorFinder[];

	constructor(private readonly options: IndexOptions) {
		this.mirror = mirrorFinders(options.settings.reachOutHeading ? [options.settings.reachOutHeading] : DEFAULT_REACH_OUT_HEADINGS);
	}

	/**
	 * Starts a bulk load: from now on notes are read as they come but linked only by `settle`,
	 * each once, against the final set of notes. Queries settle first, so this only saves time.
	 */
	defer(): void {
		this.deferring = true;
	}

	/**
	 * Links up to `max` of the notes a bulk load deferred. Returns true once none are left; notes
	 * then link as they come again.
	 */
	settle(max = Infinity): boolean {
		if (!this.deferring) return true;
		let done = 0;
		const queue = this.deferredQueue;
		while (this.deferredAt < queue.length) {
			if (done >= max) return false;
			const facts = this.notes.get(queue[this.deferredAt++] ?? "");
			// Removed since, or queued twice: only a note still deferred counts.
			if (!facts?.deferred) continue;
			facts.deferred = false;
			if (!facts.dests) this.link(facts);
			done++;
		}
		this.deferring = false;
		this.deferredQueue = [];
		this.deferredAt = 0;
		// Arrays grow with room to spare: once everything is linked, keep only what is used.
		for (const state of this.people.values()) state.days = state.days.slice();
		return true;
	}

	/** Adds a note, or replaces what an earlier version of it said. Never throws on note content. */
	upsert(record: NoteRecord): void {
		this.version++;
		const path = record.path;
		const old = this.notes.get(path);
		const facts = readNote(record, old, { settings: this.options.settings, daily: this.options.daily, mirror: this.mirror, target: (name) => this.target(name) });
		// Linked again at once, the note keeps its place among the linkers of the names it still links.
		const kept = old ? this.unlink(old, !this.deferring) : false;
		if (!old) {
			this.resolver.add(path);
			this.epoch++;
		}
		this.notes.set(path, facts);
		const wasPerson = old?.person != null;
		if (facts.person) {
			this.names.add(facts.person.name);
			const state = this.people.get(path);
			if (state) {
				state.info = facts.person;
				state.due = null;
				state.rankVersion = -1;
			}
			else {
				this.people.set(path, newPerson(facts.person));
				this.epoch++;
			}
		} else if (wasPerson) this.dropPerson(path);
		if (this.deferring) {
			this.deferLink(facts);
			this.pending.delete(path);
		} else this.link(facts, kept ? old : undefined);
		if (!old || wasPerson !== (facts.person !== null)) this.relinkLinkers(path);
	}

	/** Forgets a note (deleted, or renamed away: upsert it again under its new path). */
	remove(path: string): void {
		const old = this.notes.get(path);
		if (!old) return;
		this.version++;
		this.unlink(old);
		this.notes.delete(path);
		this.pending.delete(path);
		this.resolver.remove(path);
		this.epoch++;
		this.dropPerson(path);
		this.relinkLinkers(path);
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
		const out = [...this.pending];
		this.pending.clear();
		return out;
	}

	/**
	 * Asks for the text of a note that was read before (it changed since): it keeps what it said
	 * until it is upserted with its new text. Returns false when the note is not indexed, or was
	 * indexed from its links alone (upsert it with its new links instead).
	 */
	requestRead(path: string): boolean {
		const facts = this.notes.get(path);
		if (!facts || facts.unread) return false;
		this.pending.add(path);
		return true;
	}

	/** Whether a note would be a person, from its path and properties alone. */
	isPersonNote(path: string, frontmatter: unknown): boolean {
		return isPerson(path, asProperties(frontmatter), this.options.settings);
	}

	/** Whether any indexed note links to a target named like `path`. */
	isLinked(path: string): boolean {
		this.settle();
		const set = this.linkers.get(targetBase(path));
		return set !== undefined && (Array.isArray(set) ? set.length : set.size) > 0;
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
		const out: DueItem[] = [];
		const ranks: number[] = [];
		const names = this.names;
		const version = names.version;
		for (const state of this.people.values()) {
			let cached = state.due;
			// A later day before anything about this person changes: the same items, moved on.
			if (cached !== null && state.dueHorizon === horizon && today > state.dueToday && today < state.dueValidTo && today < state.lastTo) {
				const from = state.dueToday;
				cached = cached === NO_ITEMS ? NO_ITEMS : isItemList(cached) ? cached.map((item) => redate(item, from, today)) : redate(cached, from, today);
				state.due = cached;
				state.dueToday = today;
			}
			if (cached === null || state.dueToday !== today || state.dueHorizon !== horizon) {
				// Built straight into the list. Most people have one item, kept as is; several are
				// kept in an array of their exact size.
				const start = out.length;
				state.dueValidTo = dueItemsFor(state.info, lastContactDay(state, today), state.followups, today, horizon, out);
				const n = out.length - start;
				state.due = n === 0 ? NO_ITEMS : n === 1 ? (out[start] as DueItem) : out.slice(start);
				state.dueToday = today;
				state.dueHorizon = horizon;
				if (n === 0) continue;
				const rank = this.rankOf(state, version);
				for (let k = 0; k < n; k++) ranks.push(rank);
				continue;
			}
			if (cached === NO_ITEMS) continue;
			const rank = this.rankOf(state, version);
			if (isItemList(cached)) {
				for (let k = 0; k < cached.length; k++) {
					out.push(cached[k] as DueItem);
					ranks.push(rank);
				}
			} else {
				out.push(cached);
				ranks.push(rank);
			}
		}
		return sortDue(out, names, ranks);
	}

	/** A person's rank in due-list order, read again when the order changed. */
	private rankOf(state: PersonState, version: number): number {
		if (state.rankVersion !== version) {
			state.rank = this.names.rank(state.info.name);
			state.rankVersion = version;
		}
		return state.rank;
	}

	problems(): Problem[] {
		const out: Problem[] = [];
		for (const facts of this.notes.values()) for (const p of facts.problems) out.push(p);
		return out.sort((a, b) => (a.path !== b.path ? (a.path < b.path ? -1 : 1) : (a.line ?? 0) - (b.line ?? 0)));
	}

	stats(): IndexStats {
		this.settle();
		let interactions = 0;
		let followups = 0;
		let problems = 0;
		for (const state of this.people.values()) {
			interactions += state.days.length;
			followups += state.followups.length;
		}
		for (const facts of this.notes.values()) problems += facts.problems.length;
		return { notes: this.notes.size, people: this.people.size, interactions, followups, problems };
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
		job.step(Infinity);
		return index;
	}

	/**
	 * `fromSnapshot` a few units at a time: the index must not be used (nor changed) until
	 * `job.step` has said it is done.
	 */
	static restoring(options: IndexOptions, value: unknown, key: string): { index: PeopleIndex; job: RestoreJob } {
		const snap = checkSnapshot(value, key);
		const index = new PeopleIndex(options);
		return { index, job: restoreJob(index.tables(), snap) };
	}

	private tables(): IndexTables {
		return {
			notes: this.notes,
			people: this.people,
			linkers: this.linkers,
			targetTable: this.targetTable,
			names: this.names,
			resolver: this.resolver,
			version: () => this.version,
			creditFollowups: (facts, anyone) => this.credit(facts, anyone, false),
			newEpoch: () => void this.epoch++,
		};
	}

	private deferLink(facts: NoteFacts): void {
		if (facts.deferred) return;
		facts.deferred = true;
		this.deferredQueue.push(facts.path);
	}

	private dropPerson(path: string): void {
		const state = this.people.get(path);
		if (!state) return;
		state.live = false;
		this.people.delete(path);
		this.epoch++;
	}

	private target(name: string): Target {
		let t = this.targetTable.get(name);
		if (!t) {
			const own = detach(name);
			t = { name: own, base: detach(targetBase(own)), dest: null, epoch: -1 };
			this.targetTable.set(own, t);
		}
		return t;
	}

	private personAt(dest: string | null): PersonState | null {
		return dest === null ? null : (this.people.get(dest) ?? null);
	}

	/** The person a target of the note at `path` resolves to. */
	private destOf(t: Target, path: string): PersonState | null {
		if (t.epoch === this.epoch) return t.dest;
		const dest = this.personAt(this.resolver.resolve(t.name, path));
		if (this.resolver.resolvesAnywhere(t.name)) {
			t.dest = dest;
			t.epoch = this.epoch;
		}
		return dest;
	}

	/**
	 * Links a note: registers it among the linkers of the names it links (or, when `kept`, the
	 * earlier version of the note still registered, only the difference), resolves its targets
	 * and adds what it says to each person.
	 */
	private link(facts: NoteFacts, kept?: NoteFacts): void {
		const { path, targets } = facts;
		const dests: Array<PersonState | null> = targets.length === 0 ? NO_DESTS : new Array<PersonState | null>(targets.length);
		let anyone = false;
		for (let i = 0; i < targets.length; i++) {
			const dest = this.destOf(targets[i] as Target, path);
			dests[i] = dest;
			if (dest !== null) anyone = true;
		}
		if (!kept) {
			forEachBase(targets, (base) => addLinker(this.linkers, base, path));
		} else if (!sameTargets(kept.targets, targets)) {
			const now = distinctBases(targets);
			const before = distinctBases(kept.targets);
			const has = (list: string[]): ((base: string) => boolean) => {
				if (list.length <= 16) return (base) => list.includes(base);
				const set = new Set(list);
				return (base) => set.has(base);
			};
			const hadBase = has(before);
			const hasNow = has(now);
			for (const base of now) if (!hadBase(base)) addLinker(this.linkers, base, path);
			for (const base of before) if (!hasNow(base)) removeLinker(this.linkers, base, path);
		}
		// Most notes link nobody: they share one empty array ("all null") rather than keep their own.
		facts.dests = anyone ? dests : NO_DESTS;
		this.credit(facts, anyone);
	}

	/**
	 * Gives each person what a linked note says about them (an unread one: asks for its text).
	 * Without `days`, only its follow-ups (a restored index has the days already).
	 */
	private credit(facts: NoteFacts, anyone: boolean, days = true): void {
		const path = facts.path;
		if (facts.unread) {
			if (facts.person !== null || anyone) this.pending.add(path);
			else this.pending.delete(path);
			return;
		}
		this.pending.delete(path);
		const own = facts.person ? (this.people.get(path) ?? null) : null;
		facts.own = own;
		if (!anyone && own === null) return;
		const e = facts.entries;
		const people = this.scratch;
		let text = 0;
		for (let i = 0; i < e.length; ) {
			const from = readEntry(e, i, this.entry);
			const { day, count } = this.entry;
			if (this.entry.task === TASK_OPEN) {
				const followup: Followup = { source: path, line: this.entry.line, text: facts.texts[text++] ?? "", due: day };
				const n = this.entryPeople(facts, from, count);
				for (let k = 0; k < n; k++) addFollowup(people[k] as PersonState, followup);
			} else if (days && day !== null) {
				const n = this.entryPeople(facts, from, count);
				for (let k = 0; k < n; k++) addDay(people[k] as PersonState, day);
			}
			i = from + count;
		}
	}

	/**
	 * Puts the distinct people an entry counts for (the note's own person, then those it links)
	 * at the start of `scratch`; returns how many.
	 */
	private entryPeople(facts: NoteFacts, from: number, count: number): number {
		const out = this.scratch;
		let n = 0;
		if (facts.own) out[n++] = facts.own;
		const dests = facts.dests ?? NO_DESTS;
		const e = facts.entries;
		for (let k = 0; k < count; k++) {
			const p = dests[e[from + k] ?? 0] ?? null;
			if (p === null) continue;
			let seen = false;
			for (let j = 0; j < n && !seen; j++) seen = out[j] === p;
			if (!seen) out[n++] = p;
		}
		return n;
	}

	/**
	 * Takes back what a linked note gave each person and, unless `keepLinkers`, its place among
	 * the linkers. Returns whether it was linked.
	 */
	private unlink(facts: NoteFacts, keepLinkers = false): boolean {
		if (!facts.dests) return false;
		const { path, targets } = facts;
		if (!keepLinkers) forEachBase(targets, (base) => removeLinker(this.linkers, base, path));
		if (!facts.unread) {
			const e = facts.entries;
			for (let i = 0; i < e.length; ) {
				const from = readEntry(e, i, this.entry);
				const { day, count, task } = this.entry;
				if (task === TASK_OPEN || day !== null) {
					const people = this.scratch;
					const n = this.entryPeople(facts, from, count);
					for (let k = 0; k < n; k++) {
						const p = people[k] as PersonState;
						if (!p.live) continue;
						if (task === TASK_OPEN) removeFollowups(p, path);
						else if (day !== null) removeDay(p, day);
					}
				}
				i = from + count;
			}
		}
		facts.dests = null;
		facts.own = null;
		return true;
	}

	/** Notes whose links name `path` may now resolve differently: check them, and link again those that do. */
	private relinkLinkers(path: string): void {
		if (this.linkers.size === 0) return;
		const base = targetBase(path);
		const set = this.linkers.get(base);
		if (!set) return;
		for (const linker of [...set]) {
			const facts = this.notes.get(linker);
			if (!facts || linker === path || !facts.dests) continue;
			if (this.deferring) {
				this.unlink(facts);
				this.deferLink(facts);
			} else this.recheck(facts, base);
		}
	}

	/**
	 * Resolves again the targets of `facts` named `base`. Nothing to do when none changes; when
	 * the only change is a person who left the index, forgetting them is enough (what they were
	 * owed left with them); anything else links the note again.
	 */
	private recheck(facts: NoteFacts, base: string): void {
		const dests = facts.dests;
		if (!dests) return;
		let changed = false;
		let relink = false;
		for (let i = 0; i < facts.targets.length; i++) {
			const t = facts.targets[i] as Target;
			if (t.base !== base) continue;
			const now = this.personAt(this.resolver.resolve(t.name, facts.path));
			const before = dests[i] ?? null;
			if (now === before) continue;
			changed = true;
			if (now !== null || before === null || before.live) relink = true;
		}
		if (!changed) return;
		if (relink || facts.unread) {
			this.unlink(facts, true);
			this.link(facts, facts);
			return;
		}
		for (let i = 0; i < dests.length; i++) if (dests[i] && !dests[i]?.live) dests[i] = null;
	}
}
