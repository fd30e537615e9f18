/**
 * What the people index keeps, shared by the index (`network.ts`) and its snapshots
 * (`snapshot-export.ts`, `snapshot-restore.ts`), and the tallies over them. Internal to the core.
 */
import type { NameOrder } from "./due";
import type { LinkerTable, Target } from "./linkers";
import type { PersonCards, PersonState } from "./person-state";
import type { LinkResolver } from "./resolver";
import type { ShardedMap } from "./sharded-map";
import type { PersonInfo, Problem } from "./types";

export const NO_PROBLEMS: Problem[] = [];
export const NO_TEXTS: string[] = [];
export const NO_NUMBERS: ArrayLike<number> = [];
export const NO_TARGETS: Target[] = [];
/** `dests` of a linked note whose targets all resolve to nobody (read as `null` at any index). */
export const NO_DESTS: Array<PersonState | null> = [];

export interface NoteFacts {
	path: string;
	person: PersonInfo | null;
	/** Distinct link targets: of the note's entries, or (unread) its links from metadata. */
	targets: Target[];
	/** Packed entries (`core/entries`): an array, or a view into a restored snapshot's. */
	entries: ArrayLike<number>;
	/** The text of each open task, in entry order. */
	texts: string[];
	problems: Problem[];
	/** Not read yet: only its links are known, and its text is needed if one is a person. */
	unread: boolean;
	/** Unread, and held without its links: the numbers of their names (`NoteRecord.quiet`); `null` for other notes. */
	quiet: ArrayLike<number> | null;
	/** While linked: the person each target resolved to (`null`: none). `null` while not linked. */
	dests: Array<PersonState | null> | null;
	/** While linked: the note's own person, when it is one. */
	own: PersonState | null;
	/** Waiting in a bulk load's queue to be linked. */
	deferred: boolean;
	/** `NoteRecord.stamp`: the version of the file this was read from (NaN: unknown). */
	stamp: number;
}

/** The index's own tables, as its snapshots read and fill them. */
export interface IndexTables {
	notes: ShardedMap<NoteFacts>;
	people: Map<string, PersonState>;
	/** The people's cards (a restored person is added to both). */
	cards: PersonCards;
	/** Lower-cased target name → notes that link to a target of that name. */
	linkers: LinkerTable;
	targetTable: Map<string, Target>;
	names: NameOrder;
	resolver: LinkResolver;
	/** Changes at every upsert and removal. */
	version(): number;
	/** Gives each person the follow-ups of a linked note (the days come with the snapshot). */
	creditFollowups(facts: NoteFacts, anyone: boolean): void;
	/** Notes appeared: cached resolutions no longer hold. */
	newEpoch(): void;
	/** Every person is in: their names are ranked for the first due list. */
	rankCards(): void;
}

export interface IndexStats {
	notes: number;
	people: number;
	interactions: number;
	followups: number;
	problems: number;
}

/** What the index holds, counted. */
export function indexStats(notes: ShardedMap<NoteFacts>, people: Map<string, PersonState>): IndexStats {
	let interactions = 0;
	let followups = 0;
	let problems = 0;
	for (const state of people.values()) {
		interactions += state.days.length;
		followups += state.card.followups.length;
	}
	for (const facts of notes.values()) problems += facts.problems.length;
	return { notes: notes.size, people: people.size, interactions, followups, problems };
}

/** Every note's problems, by path and line. */
export function allProblems(notes: ShardedMap<NoteFacts>): Problem[] {
	const out: Problem[] = [];
	for (const facts of notes.values()) for (const p of facts.problems) out.push(p);
	return out.sort((a, b) => (a.path !== b.path ? (a.path < b.path ? -1 : 1) : (a.line ?? 0) - (b.line ?? 0)));
}
