/**
 * A person in the index: their properties, every contact day from the notes (a multiset kept
 * sorted while small), and their card: what the due list reads of them (their follow-ups and
 * properties, flat), and until when their items in the last due list hold.
 */
import type { Day } from "./dates";
import type { DueCard, Followup } from "./due";
import { NO_FOLLOWUPS } from "./person-cards";
import type { PersonInfo } from "./types";

export { newPerson, NO_FOLLOWUPS, PersonCards, retire, setInfo } from "./person-cards";

export interface PersonState {
	info: PersonInfo;
	/**
	 * Contact days from every note (a multiset), sorted when `sorted`. A restored person's are a
	 * view into the snapshot's, and after a bulk load a view into its day log's (`DayLog`): made
	 * an array of their own at the first change (`ownDays`).
	 */
	days: Day[] | Float64Array;
	sorted: boolean;
	/** The number of the person's note in a snapshot being written. */
	slot: number;
	/** The person's row in the day log of a bulk load (`DayLog`), when it is that log's. */
	logRow: number;
	/** False once the note is no longer a person in the index. */
	live: boolean;
	/** What the due list reads (`PersonCards` may move it to fresh memory: read it from here). */
	card: PersonCard;
}

/**
 * The due list's side of a person: a separate object, so that the first list after a start,
 * which computes everyone, reads one small object per person, lying one after the other
 * (`PersonCards.pack`), and never the person's days, properties or notes.
 */
export interface PersonCard extends DueCard {
	/** This person's items for `dueToday` and `dueHorizon` are in the last due list; false once anything changed. */
	due: boolean;
	dueToday: Day;
	dueHorizon: number;
	/** Until this day (exclusive), `due` is still the answer on a later day. */
	dueValidTo: Day;
	/** The number of the due list `due` was computed for (`DueMemo.call`). */
	dueCall: number;
	/**
	 * The latest contact day on or before any `today` in [`lastFrom`, `lastTo`): a due list for
	 * another day reuses it without searching the days again. Reset whenever the days change.
	 */
	last: Day | null;
	lastFrom: Day;
	lastTo: Day;
	/** The name's rank in due-list order, valid for `names.version` `rankVersion`. */
	rank: number;
	rankVersion: number;
	/** False once the person is no longer in the index. */
	live: boolean;
	/** Its place in `PersonCards.list` (−1: none). */
	row: number;
	person: PersonState;
}


export function addFollowup(state: PersonState, followup: Followup): void {
	const card = state.card;
	if (card.followups === NO_FOLLOWUPS) card.followups = [followup];
	else card.followups.push(followup);
	card.due = false;
}

export function removeFollowups(state: PersonState, source: string): void {
	const card = state.card;
	if (card.followups === NO_FOLLOWUPS) return;
	const kept = card.followups.filter((f) => f.source !== source);
	card.followups = kept.length === 0 ? NO_FOLLOWUPS : kept;
	card.due = false;
}

/** The latest contact day on or before `today`, from the card's window when it still holds. */
export function lastContactDay(card: PersonCard, today: Day): Day | null {
	if (today >= card.lastFrom && today < card.lastTo) return card.last;
	const sorted = sortedDays(card.person);
	const lo = countAtMost(sorted, today);
	const last = lo === 0 ? null : (sorted[lo - 1] ?? null);
	card.last = last;
	card.lastFrom = last ?? -Infinity;
	card.lastTo = lo < sorted.length ? (sorted[lo] ?? Infinity) : Infinity;
	return last;
}

/**
 * Sets the last-contact window for every day from the person's latest contact on (the day most
 * lists ask about), so that the first due list after a build or a restore reads no one's days.
 */
export function primeWindow(state: PersonState): void {
	const days = state.days;
	let latest = -Infinity;
	if (state.sorted) latest = days.length > 0 ? (days[days.length - 1] ?? -Infinity) : -Infinity;
	else for (const day of days) if (day > latest) latest = day;
	const card = state.card;
	// No real day (none, or only what a damaged store could hold): never contacted, whenever.
	const known = Number.isFinite(latest);
	card.last = known ? latest : null;
	card.lastFrom = known ? latest : -Infinity;
	card.lastTo = Infinity;
}

/** The days changed: the due list looks at this person again. */
function daysChanged(card: PersonCard): void {
	card.due = false;
	card.lastFrom = 1;
	card.lastTo = 0;
}

/** Days given at once (`DayLog`), sorted: the person's whole days from now on. */
export function setDays(state: PersonState, days: Float64Array): void {
	state.days = days;
	state.sorted = true;
	daysChanged(state.card);
}

/** Sorted days: 64 or fewer are kept sorted as they come; beyond that they are sorted when asked. */
const KEEP_SORTED = 64;

/** The person's days as an array of their own, to change. */
function ownDays(state: PersonState): Day[] {
	const days = state.days;
	if (Array.isArray(days)) return days;
	const own = Array.from(days);
	state.days = own;
	return own;
}

export function addDay(state: PersonState, day: Day): void {
	daysChanged(state.card);
	const days = ownDays(state);
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
	daysChanged(state.card);
	const days = ownDays(state);
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

export function sortedDays(state: PersonState): ArrayLike<Day> {
	if (!state.sorted) {
		// Sorted in place: a restored view becomes the person's own array first.
		const days = ownDays(state);
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
function countAtMost(sorted: ArrayLike<Day>, limit: Day): number {
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
export function latestOnOrBefore(sorted: ArrayLike<Day>, limit: Day): Day | null {
	const lo = countAtMost(sorted, limit);
	return lo === 0 ? null : (sorted[lo - 1] ?? null);
}
