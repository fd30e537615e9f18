/**
 * Who links what: link targets (interned), the notes that link each name, how each target
 * resolves, and what each linked note gives each person (contact days, follow-ups). The people
 * index owns one and tells it about every note that comes, changes or goes.
 */
import type { Day } from "./dates";
import { DayLog } from "./day-log";
import { type EntryView, readEntry, TASK_OPEN } from "./entries";
import type { Followup } from "./due";
import { NO_DESTS, type NoteFacts } from "./index-state";
import { distinctBases, forEachBase, LinkerTable, sameTargets, type Target } from "./linkers";
import { detach } from "./note-facts";
import { addDay, addFollowup, type PersonState, removeDay, removeFollowups } from "./person-state";
import { targetBase } from "./link-names";
import { LinkResolver } from "./resolver";
import type { ShardedMap } from "./sharded-map";

export class NoteLinks {
	readonly resolver = new LinkResolver();
	/** Lower-cased target name → notes that link to a target of that name. */
	readonly linkers = new LinkerTable();
	/** Interned link targets. */
	readonly targetTable = new Map<string, Target>();
	/** Unread notes that link to a person: their text is needed. */
	readonly pending = new Set<string>();
	/** Changes whenever a note appears or goes, or becomes or stops being a person. */
	epoch = 0;
	/** Scratch space of `readEntry`. */
	private readonly entry: EntryView = { line: 0, day: null, count: 0, task: 0 };
	/** Scratch space: the people one entry counts for. */
	private readonly scratch: PersonState[] = [];
	/** During a bulk load's linking (`logDays`): the days given, handed to the people at its end. */
	private dayLog: DayLog | null = null;

	/** `people`: the index's people by note path (read, never changed, here). */
	constructor(private readonly people: ReadonlyMap<string, PersonState>) {}

	target(name: string): Target {
		let t = this.targetTable.get(name);
		if (!t) {
			const own = detach(name);
			t = { name: own, base: detach(targetBase(own)), dest: null, epoch: -1 };
			this.targetTable.set(own, t);
		}
		return t;
	}

	/** From now on the days notes give are logged, and handed to the people by `endDayLog`. */
	logDays(): void {
		this.dayLog ??= new DayLog();
	}

	/**
	 * Hands the logged days to their people, about `budget` elements at a time (`DayLog.flushStep`),
	 * and stops logging once all are handed over: true then (at once when nothing is logged).
	 */
	endDayLog(budget = Infinity): boolean {
		if (this.dayLog && !this.dayLog.flushStep(budget)) return false;
		this.dayLog = null;
		return true;
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
	link(facts: NoteFacts, kept?: NoteFacts, days = true, keptDests: ReadonlyArray<PersonState | null> | null = null): void {
		const { path, targets } = facts;
		const dests: Array<PersonState | null> = targets.length === 0 ? NO_DESTS : new Array<PersonState | null>(targets.length);
		let anyone = false;
		for (let i = 0; i < targets.length; i++) {
			const t = targets[i] as Target;
			// The same target where the earlier version had it resolves as it did: its dests are
			// kept current as notes come and go (see `recheck`).
			const dest = keptDests !== null && kept?.targets[i] === t ? (keptDests[i] ?? null) : this.destOf(t, path);
			dests[i] = dest;
			if (dest !== null) anyone = true;
		}
		if (!kept) {
			forEachBase(targets, (base) => this.linkers.add(base, path));
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
			for (const base of now) if (!hadBase(base)) this.linkers.add(base, path);
			for (const base of before) if (!hasNow(base)) this.linkers.remove(base, path);
		}
		// Most notes link nobody: they share one empty array ("all null") rather than keep their own.
		facts.dests = anyone ? dests : NO_DESTS;
		this.credit(facts, anyone, days);
	}

	/**
	 * Links `facts` in place of `old`, the earlier version of the same note, read and still
	 * linked (it keeps its place among the linkers of the names it still links). Follow-ups are
	 * taken back and given again; contact days change only where the two differ, so an edit
	 * costs what it changed, not every day the note gives (popular people have thousands).
	 */
	replace(old: NoteFacts, facts: NoteFacts): void {
		const before = this.contactDays(old);
		const dests = old.dests;
		this.unlink(old, true, false);
		this.link(facts, old, false, dests);
		const after = this.contactDays(facts);
		// Days still in the log are the people's too: handed over before theirs change here.
		if (this.dayLog) for (const person of [...before.keys(), ...after.keys()]) this.dayLog.takeOut(person);
		for (const [person, days] of before) {
			changeDays(person, days, after.get(person) ?? []);
			after.delete(person);
		}
		for (const [person, days] of after) for (const day of days) addDay(person, day);
	}

	/** The contact days a linked, read note gives each live person. */
	private contactDays(facts: NoteFacts): Map<PersonState, Day[]> {
		const out = new Map<PersonState, Day[]>();
		if (facts.unread || !facts.dests) return out;
		const e = facts.entries;
		for (let i = 0; i < e.length; ) {
			const from = readEntry(e, i, this.entry);
			const { day, count, task } = this.entry;
			if (task !== TASK_OPEN && day !== null) {
				const n = this.entryPeople(facts, from, count);
				for (let k = 0; k < n; k++) {
					const person = this.scratch[k] as PersonState;
					if (!person.live) continue;
					const list = out.get(person);
					if (list) list.push(day);
					else out.set(person, [day]);
				}
			}
			i = from + count;
		}
		return out;
	}

	/**
	 * Gives each person what a linked note says about them (an unread one: asks for its text).
	 * Without `days`, only its follow-ups (a restored index has the days already).
	 */
	credit(facts: NoteFacts, anyone: boolean, days = true): void {
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
		// Only follow-ups to give (a restore): a note with no open task (each has a text) has none.
		if (!days && facts.texts.length === 0) return;
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
				const log = this.dayLog;
				if (log) for (let k = 0; k < n; k++) log.add(people[k] as PersonState, day);
				else for (let k = 0; k < n; k++) addDay(people[k] as PersonState, day);
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
	 * Takes back what a linked note gave each person (without `days`, only its follow-ups) and,
	 * unless `keepLinkers`, its place among the linkers. Returns whether it was linked.
	 */
	unlink(facts: NoteFacts, keepLinkers = false, days = true): boolean {
		if (!facts.dests) return false;
		const { path, targets } = facts;
		if (!keepLinkers) forEachBase(targets, (base) => this.linkers.remove(base, path));
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
						else if (days && day !== null) {
							// Days still in the log are the person's too: handed over before one is taken back.
							this.dayLog?.takeOut(p);
							removeDay(p, day);
						}
					}
				}
				i = from + count;
			}
		}
		facts.dests = null;
		facts.own = null;
		return true;
	}

	/**
	 * Notes whose links name `path` may now resolve differently: check them, and link again
	 * those that do. During a bulk load (`defer` given) they are unlinked and deferred instead.
	 */
	relinkLinkers(path: string, notes: ShardedMap<NoteFacts>, defer: ((facts: NoteFacts) => void) | null): void {
		if (this.linkers.size === 0) return;
		const base = targetBase(path);
		const set = this.linkers.get(base);
		if (!set) return;
		for (const linker of [...set]) {
			const facts = notes.get(linker);
			if (!facts || linker === path || !facts.dests) continue;
			if (defer) {
				this.unlink(facts);
				defer(facts);
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

/** Takes `before` (days once given) from a person's days and gives `after`, only where they differ. */
function changeDays(person: PersonState, before: Day[], after: Day[]): void {
	before.sort((a, b) => a - b);
	after.sort((a, b) => a - b);
	let i = 0;
	let j = 0;
	while (i < before.length || j < after.length) {
		const a = before[i];
		const b = after[j];
		if (a !== undefined && a === b) {
			i++;
			j++;
		} else if (b === undefined || (a !== undefined && a < b)) {
			removeDay(person, a as Day);
			i++;
		} else {
			addDay(person, b);
			j++;
		}
	}
}
