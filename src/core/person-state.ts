/**
 * A person in the index: their properties, every contact day from the notes (a multiset kept
 * sorted while small), and their card: what the due list reads of them (their follow-ups and
 * properties, flat), and until when their items in the last due list hold.
 */
import type { Day } from "./dates";
import { cardFrom, type DueCard, type Followup } from "./due";
import type { PersonInfo } from "./types";

export interface PersonState {
	info: PersonInfo;
	/** Contact days from every note (a multiset), sorted when `sorted`. */
	days: Day[];
	sorted: boolean;
	/** The number of the person's note in a snapshot being written. */
	slot: number;
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

export const NO_FOLLOWUPS: Followup[] = [];

/** A card: every field in one literal (all cards share one shape); from `was` when copying one. */
function makeCard(c: Omit<DueCard, "followups">, person: PersonState, was: PersonCard | null): PersonCard {
	return {
		due: was?.due ?? false,
		dueToday: was?.dueToday ?? 0,
		dueHorizon: was?.dueHorizon ?? 0,
		dueValidTo: was?.dueValidTo ?? 0,
		dueCall: was?.dueCall ?? 0,
		last: was ? was.last : null,
		lastFrom: was?.lastFrom ?? 1,
		lastTo: was?.lastTo ?? 0,
		rank: was?.rank ?? 0,
		rankVersion: was?.rankVersion ?? -1,
		live: was?.live ?? true,
		row: was?.row ?? -1,
		followups: was?.followups ?? NO_FOLLOWUPS,
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
		person,
	};
}

export function newPerson(info: PersonInfo): PersonState {
	const state = { info, days: [], sorted: true, slot: -1, live: true, card: null } as unknown as PersonState;
	state.card = makeCard(cardFrom(info), state, null);
	return state;
}

/** New properties for a person: the card follows, and the due list computes them again. */
export function setInfo(state: PersonState, info: PersonInfo): void {
	state.info = info;
	Object.assign(state.card, cardFrom(info));
	state.card.due = false;
	state.card.rankVersion = -1;
}

/** The person is no longer in the index. */
export function retire(state: PersonState): void {
	state.live = false;
	state.card.live = false;
}

/**
 * The cards of the index's people, in one list (the due list's order of work), with room made
 * by moving the last card into a freed place.
 */
export class PersonCards {
	readonly list: PersonCard[] = [];

	add(state: PersonState): void {
		state.card.row = this.list.length;
		this.list.push(state.card);
	}

	remove(state: PersonState): void {
		const card = state.card;
		const at = card.row;
		if (at < 0 || this.list[at] !== card) return;
		const last = this.list.pop() as PersonCard;
		if (last !== card) {
			this.list[at] = last;
			last.row = at;
		}
		card.row = -1;
	}

	/**
	 * Copies every card into fresh memory, one after the other, after a build or a restore
	 * (which made them among everything else): the first due list, which reads them all, then
	 * reads them in order. Returns the copy of each card for whoever kept one (`card.person.card`).
	 */
	pack(): void {
		const list = this.list;
		for (let i = 0; i < list.length; i++) {
			const was = list[i] as PersonCard;
			const copy = makeCard(was, was.person, was);
			was.person.card = copy;
			list[i] = copy;
		}
	}
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
	card.last = days.length > 0 ? latest : null;
	card.lastFrom = latest;
	card.lastTo = Infinity;
}

/** The days changed: the due list looks at this person again. */
function daysChanged(card: PersonCard): void {
	card.due = false;
	card.lastFrom = 1;
	card.lastTo = 0;
}

/** Sorted days: 64 or fewer are kept sorted as they come; beyond that they are sorted when asked. */
const KEEP_SORTED = 64;

export function addDay(state: PersonState, day: Day): void {
	daysChanged(state.card);
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
	daysChanged(state.card);
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
