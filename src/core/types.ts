/** Plain records that flow into and out of the core. */
import type { Day } from "./dates";

/** One note as an adapter hands it over: its vault path, parsed properties and the text after them. */
export interface NoteRecord {
	/** Vault-relative path with `/` separators, e.g. `People/Anna Rossi.md`. */
	path: string;
	/** Parsed frontmatter (`null`/`undefined` when the note has none or it could not be read). */
	frontmatter: unknown;
	/**
	 * The note's text after the frontmatter block (the whole text when there is none), or
	 * `null` when the adapter has not read the note: then `links` says what it links to, and
	 * the index asks for the text (`takePending`) only if one of those links is a person.
	 */
	body: string | null;
	/**
	 * The frontmatter's YAML (between its `---` lines, the first on line 1), from which the line of
	 * a property a problem is about is found (`propertyLines`) only when there is such a problem.
	 */
	yaml?: string;
	/** Link targets known without reading the note (from a metadata cache), for `body: null`. */
	links?: string[];
	/** 0-based line of the file where `body` starts (the line after the closing `---`). */
	bodyStartLine?: number;
	/** Set by the adapter when the frontmatter block exists but is not readable YAML. */
	frontmatterError?: { line: number; message: string };
	/**
	 * The version of the file this record was made from (the adapter's choice, e.g. from its
	 * modification time and size), kept with the note and saved in snapshots, so that a later
	 * start can tell which notes changed since. Unset: the note is always read again.
	 */
	stamp?: number;
	/**
	 * With `body: null` and no `links`: a quiet note, one whose links the adapter left out. None
	 * of them could name a person the adapter knew of when it made the record (none has a
	 * person's name). Instead it gives the numbers of its links' names (`hashOfBase`); the index
	 * keeps those, and once a person with one of them appears, asks for the note's text (see
	 * `PeopleIndex.takePending`).
	 */
	quiet?: ArrayLike<number>;
}

/** Something wrong in a note, reported and skipped; it never stops the rest of the vault. */
export interface Problem {
	path: string;
	/** 1-based line in the file, `null` when it concerns the whole note. */
	line: number | null;
	message: string;
}

export type TaskState = "none" | "open" | "done";

/** A list item that matters to Rete: it refers to someone, or stands in a person's note. */
export interface Entry {
	/** 1-based line in the file. */
	line: number;
	task: TaskState;
	/** The item's date (leading date, ✅, 📅 or `[due::]` as the rules say), else the note's date. */
	date: Day | null;
	/** Link targets as written (`Anna Rossi`, `People/Anna Rossi.md`), headings and aliases removed. */
	targets: string[];
	/** Visible text of the item, without list marker, checkbox and leading date (tasks only). */
	text?: string;
}

export interface PersonInfo {
	path: string;
	name: string;
	cadence: import("./cadence").Cadence | null;
	/** The cadence as written, for display. */
	cadenceText: string | null;
	lastContact: Day | null;
	met: Day | null;
	/** Birthday month and day, with the year when known. */
	birthday: { month: number; day: number; year: number | null } | null;
	snoozeUntil: Day | null;
	/** Display properties, as written (strings; lists joined). */
	company?: string;
	role?: string;
	email?: string;
	phone?: string;
	linkedin?: string;
	location?: string;
	tags: string[];
}

export type DueReason = "cadence" | "followup" | "birthday";
export type DueStatus = "overdue" | "today" | "upcoming" | "open";

export interface DueItem {
	person: string;
	path: string;
	reason: DueReason;
	/** `YYYY-MM-DD`, or `null` for an undated follow-up. */
	due: string | null;
	/**
	 * `due` as a day number. An item says nothing relative to a day, so the same item holds from
	 * day to day: its status and the days to it on a given day are `dueStatus` and `dueDays`.
	 */
	day: Day | null;
	company?: string;
	role?: string;
	/** cadence: the last contact (`null` when never contacted) and the cadence as written. */
	lastContact?: string | null;
	cadence?: string;
	snoozedUntil?: string;
	/** followup: the task text and where it stands. */
	text?: string;
	source?: string;
	line?: number;
	/** birthday: the age reached, when the birth year is known. */
	age?: number;
}
