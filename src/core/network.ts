/**
 * The people index: notes go in one at a time (and can be replaced or removed), the due list
 * and problems come out. Each note's contribution to each person is kept apart, so a change to
 * one note costs the size of that note, never the size of the vault.
 */
import type { DailyMatcher } from "./daily";
import { type Day } from "./dates";
import { computeDue, type Followup, type PersonDueInput } from "./due";
import { asProperties, isPerson, noteDateOf, readPerson } from "./person";
import { LinkResolver, targetBase } from "./resolver";
import { scanBody } from "./scan";
import type { ReteSettings } from "./settings";
import type { DueItem, Entry, NoteRecord, PersonInfo, Problem } from "./types";

export interface IndexOptions {
	settings: ReteSettings;
	daily: DailyMatcher | null;
}

interface NoteFacts {
	path: string;
	person: PersonInfo | null;
	entries: Entry[];
	problems: Problem[];
	/** People this note contributes to, as linked at the last (re)link. */
	refs: string[];
	/** Lower-cased names of every link target, for re-linking when notes appear or vanish. */
	bases: string[];
	/** For a note not read yet: its link targets from metadata. */
	unread: string[] | null;
}

interface Contribution {
	days: Day[];
	followups: Followup[];
}

interface PersonState {
	info: PersonInfo;
	sources: Map<string, Contribution>;
	/** Sorted contact days from every source, rebuilt lazily after a change. */
	sorted: Day[] | null;
}

export interface IndexStats {
	notes: number;
	people: number;
	interactions: number;
	followups: number;
	problems: number;
}

export class PeopleIndex {
	private readonly notes = new Map<string, NoteFacts>();
	private readonly people = new Map<string, PersonState>();
	private readonly resolver = new LinkResolver();
	/** Lower-cased target name → notes that link to a target of that name. */
	private readonly linkers = new Map<string, Set<string>>();
	/** Unread notes that link to a person: their text is needed. */
	private readonly pending = new Set<string>();

	constructor(private readonly options: IndexOptions) {}

	/** Adds a note, or replaces what an earlier version of it said. Never throws on note content. */
	upsert(record: NoteRecord): void {
		const old = this.notes.get(record.path);
		const facts = this.read(record);
		if (old) this.unlink(old);
		else this.resolver.add(record.path);
		this.notes.set(record.path, facts);
		const wasPerson = old?.person != null;
		if (facts.person) {
			const state = this.people.get(record.path);
			if (state) state.info = facts.person;
			else this.people.set(record.path, { info: facts.person, sources: new Map(), sorted: null });
		} else if (wasPerson) this.people.delete(record.path);
		this.link(facts);
		if (!old || wasPerson !== (facts.person !== null)) this.relinkLinkers(record.path);
	}

	/** Forgets a note (deleted, or renamed away: upsert it again under its new path). */
	remove(path: string): void {
		const old = this.notes.get(path);
		if (!old) return;
		this.unlink(old);
		this.notes.delete(path);
		this.pending.delete(path);
		this.resolver.remove(path);
		this.people.delete(path);
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
		const out = [...this.pending];
		this.pending.clear();
		return out;
	}

	/** Whether a note would be a person, from its path and properties alone. */
	isPersonNote(path: string, frontmatter: unknown): boolean {
		return isPerson(path, asProperties(frontmatter), this.options.settings);
	}

	/** Whether any indexed note links to a target named like `path`. */
	isLinked(path: string): boolean {
		return (this.linkers.get(targetBase(path))?.size ?? 0) > 0;
	}

	person(path: string): PersonInfo | null {
		return this.people.get(path)?.info ?? null;
	}

	allPeople(): PersonInfo[] {
		return [...this.people.values()].map((s) => s.info);
	}

	/** The latest contact from the notes on or before `today` (not counting `last_contact`/`met`). */
	lastInteraction(path: string, today: Day): Day | null {
		const state = this.people.get(path);
		return state ? latestOnOrBefore(this.sortedDays(state), today) : null;
	}

	due(today: Day, horizon = this.options.settings.horizon): DueItem[] {
		const inputs: PersonDueInput[] = [];
		for (const state of this.people.values()) {
			const followups: Followup[] = [];
			for (const c of state.sources.values()) for (const f of c.followups) followups.push(f);
			inputs.push({ info: state.info, lastInteraction: latestOnOrBefore(this.sortedDays(state), today), followups });
		}
		return computeDue(inputs, today, horizon);
	}

	problems(): Problem[] {
		const out: Problem[] = [];
		for (const facts of this.notes.values()) out.push(...facts.problems);
		return out.sort((a, b) => (a.path !== b.path ? (a.path < b.path ? -1 : 1) : (a.line ?? 0) - (b.line ?? 0)));
	}

	stats(): IndexStats {
		let interactions = 0;
		let followups = 0;
		let problems = 0;
		for (const state of this.people.values()) {
			for (const c of state.sources.values()) {
				interactions += c.days.length;
				followups += c.followups.length;
			}
		}
		for (const facts of this.notes.values()) problems += facts.problems.length;
		return { notes: this.notes.size, people: this.people.size, interactions, followups, problems };
	}

	private read(record: NoteRecord): NoteFacts {
		const { settings, daily } = this.options;
		const problems: Problem[] = [];
		const report = (line: number | null) => (message: string, key?: string) =>
			problems.push({ path: record.path, line: (key !== undefined ? record.propertyLines?.[key] : undefined) ?? line, message });
		if (record.frontmatterError) report(record.frontmatterError.line)(`unreadable frontmatter: ${record.frontmatterError.message}`);
		const fm = asProperties(record.frontmatter);
		if (fm === null && record.frontmatter !== null && record.frontmatter !== undefined) {
			report(1)("frontmatter is not a set of properties (key: value); ignored");
		}
		const person = isPerson(record.path, fm, settings) ? readPerson(record.path, fm, settings, report(1)) : null;
		if (record.body === null) {
			const unread = record.links ?? [];
			return { path: record.path, person, entries: [], problems, refs: [], bases: [...new Set(unread.map(targetBase))], unread };
		}
		// A bad `date` only matters in notes that may refer to someone.
		const mayRefer = person !== null || record.body.includes("[[") || record.body.includes("](");
		const noteDate = noteDateOf(record.path, fm, daily, mayRefer ? report(1) : () => undefined);
		const scan = scanBody(record.body, { path: record.path, noteDate, ownNote: person !== null, firstLine: record.bodyStartLine ?? 0 });
		problems.push(...scan.problems);
		const bases = new Set<string>();
		for (const e of scan.entries) for (const t of e.targets) bases.add(targetBase(t));
		return { path: record.path, person, entries: scan.entries, problems, refs: [], bases: [...bases], unread: null };
	}

	private link(facts: NoteFacts): void {
		for (const base of facts.bases) {
			let set = this.linkers.get(base);
			if (!set) this.linkers.set(base, (set = new Set()));
			set.add(facts.path);
		}
		if (facts.unread) {
			const wanted = facts.person !== null || facts.unread.some((t) => this.people.has(this.resolver.resolve(t, facts.path) ?? ""));
			if (wanted) this.pending.add(facts.path);
			else this.pending.delete(facts.path);
			return;
		}
		this.pending.delete(facts.path);
		const own = facts.person ? facts.path : null;
		const refs = new Set<string>();
		const resolved = new Map<string, string | null>();
		for (const entry of facts.entries) {
			const people = new Set<string>();
			if (own) people.add(own);
			for (const target of entry.targets) {
				let dest = resolved.get(target);
				if (dest === undefined) {
					dest = this.resolver.resolve(target, facts.path);
					resolved.set(target, dest);
				}
				if (dest !== null && this.people.has(dest)) people.add(dest);
			}
			for (const p of people) {
				const c = this.contribution(p, facts.path);
				if (entry.task === "open") c.followups.push({ source: facts.path, line: entry.line, text: entry.text ?? "", due: entry.date });
				else if (entry.date !== null) c.days.push(entry.date);
				refs.add(p);
			}
		}
		facts.refs = [...refs];
	}

	private unlink(facts: NoteFacts): void {
		for (const base of facts.bases) {
			const set = this.linkers.get(base);
			set?.delete(facts.path);
			if (set?.size === 0) this.linkers.delete(base);
		}
		for (const p of facts.refs) {
			const state = this.people.get(p);
			if (!state) continue;
			state.sources.delete(facts.path);
			state.sorted = null;
		}
		facts.refs = [];
	}

	private contribution(person: string, source: string): Contribution {
		const state = this.people.get(person);
		if (!state) throw new Error(`not a person: ${person}`);
		state.sorted = null;
		let c = state.sources.get(source);
		if (!c) state.sources.set(source, (c = { days: [], followups: [] }));
		return c;
	}

	/** Notes whose links name `path` may now resolve differently: link them again. */
	private relinkLinkers(path: string): void {
		const set = this.linkers.get(targetBase(path));
		if (!set) return;
		for (const linker of [...set]) {
			const facts = this.notes.get(linker);
			if (!facts || linker === path) continue;
			this.unlink(facts);
			this.link(facts);
		}
	}

	private sortedDays(state: PersonState): Day[] {
		if (state.sorted) return state.sorted;
		const all: Day[] = [];
		for (const c of state.sources.values()) for (const d of c.days) all.push(d);
		all.sort((a, b) => a - b);
		state.sorted = all;
		return all;
	}
}

/** The largest value ≤ `limit` in an ascending array, by binary search. */
export function latestOnOrBefore(sorted: readonly Day[], limit: Day): Day | null {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((sorted[mid] ?? 0) <= limit) lo = mid + 1;
		else hi = mid;
	}
	return lo === 0 ? null : sorted[lo - 1] ?? null;
}
