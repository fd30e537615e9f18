/**
 * A person in the index: their properties, every contact day from the notes (a multiset kept
 * sorted while small), their follow-ups, and until when their items in the last due list hold.
 */
import type { Day } from "./dates";
import { cardFrom, type DueCard, type Followup } from "./due";
import type { PersonInfo } from "./types";

/** A person, with the card the due list reads (`DueCard`: kept in step with `info` by `setInfo`). */
export interface PersonState extends DueCard {
	info: PersonInfo;
	/** Contact days from every note (a multiset), sorted when `sorted`. */
	days: Day[];
	sorted: boolean;
	/** Follow-ups linking this person; `NO_FOLLOWUPS` (shared, never modified) when none. */
	followups: Followup[];
	/**
	 * The latest contact day on or before any `today` in [`lastFrom`, `lastTo`): a due list for
	 * another day reuses it without searching the days again. Reset whenever the days change.
	 */
	last: Day | null;
	lastFrom: Day;
	lastTo: Day;
	/** The number of the person's note in a snapshot being written. */
	slot: number;
	/** False once the note is no longer a person in the index. */
	live: boolean;
	/** This person's items for `dueToday` and `dueHorizon` are in the last due list; false once anything changed. */
	due: boolean;
	dueToday: Day;
	dueHorizon: number;
	/** Until this day (exclusive), `due` is still the answer on a later day. */
	dueValidTo: Day;
	/** The number of the due list `due` was computed for (`DueMemo.call`). */
	dueCall: number;
	/** The name's rank in due-list order, valid for `names.version` `rankVersion`. */
	rank: number;
	rankVersion: number;
}

export const NO_FOLLOWUPS: Followup[] = [];

export function newPerson(info: PersonInfo): PersonState {
	// One literal, every field written out (a spread would leave some outside the object): all
	// people share one shape, and what the due list reads of a person lies together.
	const c = cardFrom(info);
	return {
		due: false,
		dueToday: 0,
		dueHorizon: 0,
		dueValidTo: 0,
		dueCall: 0,
		last: null,
		lastFrom: 1,
		lastTo: 0,
		rank: 0,
		rankVersion: -1,
		live: true,
		followups: NO_FOLLOWUPS,
		name: c.name,
		path: c.path,
		company: c.company,
		role: c.role,
		cadenceLabel: c.cadenceLabel,
		cadenceUnit: c.cadenceUnit,
		cadenceCount: c.cadenceCount,
		lastContact: c.lastContact,
		met: c.met,
		snooze: c.snooze,
		birthMonth: c.birthMonth,
		birthDay: c.birthDay,
		birthYear: c.birthYear,
		info,
		days: [],
		sorted: true,
		slot: -1,
	};
}

/** New properties for a person: the card follows, and the due list computes them again. */
export function setInfo(state: PersonState, info: PersonInfo): void {
	state.info = info;
	Object.assign(state, cardFrom(info));
	state.due = false;
	state.rankVersion = -1;
}

export function addFollowup(state: PersonState, followup: Followup): void {
	if (state.followups === NO_FOLLOWUPS) state.followups = [followup];
	else state.followups.push(followup);
	state.due = false;
}

export function removeFollowups(state: PersonState, source: string): void {
	if (state.followups === NO_FOLLOWUPS) return;
	const kept = state.followups.filter((f) => f.source !== source);
	state.followups = kept.length === 0 ? NO_FOLLOWUPS : kept;
	state.due = false;
}

/** The latest contact day on or before `today`, from the window when it still holds. */
export function lastContactDay(state: PersonState, today: Day): Day | null {
	if (today >= state.lastFrom && today < state.lastTo) return state.last;
	const sorted = sortedDays(state);
	const lo = countAtMost(sorted, today);
	const last = lo === 0 ? null : (sorted[lo - 1] ?? null);
	state.last = last;
	state.lastFrom = last ?? -Infinity;
	state.lastTo = lo < sorted.length ? (sorted[lo] ?? Infinity) : Infinity;
	return last;
}

/** Sorted days: 64 or fewer are kept sorted as they come; beyond that they are sorted when asked. */
const KEEP_SORTED = 64;

export function addDay(state: PersonState, day: Day): void {
	state.due = false;
	state.lastFrom = 1;
	state.lastTo = 0;
	const days = state.days;
	const n = days.length;
	if (!state.sorted || n === 0 || day >= (days[n - 1] ?? 0)) {
		days.push(day);
		return;
	}
	if (n >= KEEP_SORTED) {
		days.push(day);
		state.sorted = false;
		return;
	}
	let i = n - 1;
	while (i > 0 && (days[i - 1] ?? 0) > day) i--;
	days.splice(i, 0, day);
}

export function removeDay(state: PersonState, day: Day): void {
	state.due = false;
	state.lastFrom = 1;
	state.lastTo = 0;
	const days = state.days;
	if (state.sorted) {
		let lo = 0;
		let hi = days.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((days[mid] ?? 0) < day) lo = mid + 1;
			else hi = mid;
		}
		if (days[lo] !== day) return;
		if (days.length <= KEEP_SORTED) {
			days.splice(lo, 1);
			return;
		}
		// A long list: the last day takes its place, and the days are sorted again when asked.
		days[lo] = days[days.length - 1] ?? day;
		days.pop();
		state.sorted = lo === days.length;
		return;
	}
	const at = days.lastIndexOf(day);
	if (at < 0) return;
	days[at] = days[days.length - 1] ?? day;
	days.pop();
}

export function sortedDays(state: PersonState): Day[] {
	if (!state.sorted) {
		const days = state.days;
		if (days.length > 256) {
			// A numeric sort of a typed copy is several times faster than a comparator.
			const sorted = Float64Array.from(days).sort();
			for (let i = 0; i < sorted.length; i++) days[i] = sorted[i] ?? 0;
		} else days.sort((a, b) => a - b);
		state.sorted = true;
	}
	return state.days;
}

/** How many values of an ascending array are ≤ `limit`, by binary search. */
function countAtMost(sorted: readonly Day[], limit: Day): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((sorted[mid] ?? 0) <= limit) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The largest value ≤ `limit` in an ascending array. */
export function latestOnOrBefore(sorted: readonly Day[], limit: Day): Day | null {
	const lo = countAtMost(sorted, limit);
	return lo === 0 ? null : (sorted[lo - 1] ?? null);
}
