/**
 * The due list over the people index's people. A person's items are kept until something about
 * them changes, and on a later day reused as they are until the first day they may differ
 * (`dueItemsFor` says which; an item's status and days are relative to a day it does not keep).
 *
 * The order does not depend on the day either (by due day, then name), so a list starts from
 * the last one (`DueMemo`): it keeps, in their order, the items of the people it reuses, sorts
 * only the items it computed again, and merges the two. The list after an edit, or on a new
 * day, costs a walk over the people and the last list, plus the people whose items changed.
 */
import type { Day } from "./dates";
import { compareDue, dueItemsFor, dueOrder, followupItemsFor, type NameOrder } from "./due";
import { lastContactDay, type PersonCard, type PersonState, primeWindow, sortedDays } from "./person-state";
import type { DueItem } from "./types";

/** The last list a `dueList` gave, with each item's person, for the next list to start from. */
export interface DueMemo {
	items: DueItem[];
	/** Each item's person, by their card (`cardsMoved` after the cards moved). */
	cards: PersonCard[];
	/** Numbers the lists: a person's items computed for list `call` are not in the last list. */
	call: number;
	/** The last list that was finished: items computed for a later one (that threw) are in no list. */
	done: number;
}

export function newDueMemo(): DueMemo {
	return { items: [], cards: [], call: 0, done: 0 };
}

/** The people's cards moved (`PersonCards.pack`): the memo follows them. */
export function cardsMoved(memo: DueMemo): void {
	const cards = memo.cards;
	for (let i = 0; i < cards.length; i++) cards[i] = (cards[i] as PersonCard).person.card;
}

/** Who is due on `today`, sorted; the same item objects come back from call to call. */
export function dueList(cards: readonly PersonCard[], names: NameOrder, today: Day, horizon: number, memo: DueMemo): DueItem[] {
	const call = ++memo.call;
	const fresh: DueItem[] = [];
	const freshCards: PersonCard[] = [];
	const ranks: number[] = [];
	const version = names.version;
	let reused = 0;
	for (let i = 0; i < cards.length; i++) {
		const card = cards[i] as PersonCard;
		// The same day, or a later day before anything about this person changes: the same items,
		// in the last list (which every person's items are in: each finished list goes over
		// everyone, and a person new to the index has none yet; items computed for a list that
		// threw half-way are in no list, and are computed again).
		if (card.due && card.dueCall <= memo.done && card.dueHorizon === horizon && (today === card.dueToday || (today > card.dueToday && today < card.dueValidTo && today < card.lastTo))) {
			card.dueToday = today;
			reused++;
			continue;
		}
		const start = fresh.length;
		card.dueValidTo = dueItemsFor(card, lastContactDay(card, today), today, horizon, fresh);
		const n = fresh.length - start;
		card.due = true;
		card.dueToday = today;
		card.dueHorizon = horizon;
		card.dueCall = call;
		if (n === 0) continue;
		const rank = rankOf(card, names, version);
		for (let k = 0; k < n; k++) {
			freshCards.push(card);
			ranks.push(rank);
		}
	}
	const sorted = sortWithCards(fresh, freshCards, names, ranks);
	// Everyone computed again (the first list, or an earlier day): nothing to keep from the last list.
	const out = reused === 0 ? sorted : merge(memo, call, sorted, names, version);
	memo.items = out.items;
	memo.cards = out.cards;
	memo.done = call;
	return out.items.slice();
}

interface Sorted {
	items: DueItem[];
	cards: PersonCard[];
}

/** `items` in due-list order (`dueOrder`), with each item's person following it. */
function sortWithCards(items: DueItem[], cards: PersonCard[], names: NameOrder, ranks: number[]): Sorted {
	if (items.length < 2) return { items, cards };
	const order = dueOrder(items, names, ranks);
	const n = order.length;
	const sortedItems = new Array<DueItem>(n);
	const sortedCards = new Array<PersonCard>(n);
	for (let k = 0; k < n; k++) {
		const i = order[k] ?? 0;
		sortedItems[k] = items[i] as DueItem;
		sortedCards[k] = cards[i] as PersonCard;
	}
	return { items: sortedItems, cards: sortedCards };
}

/**
 * The last list's items of the people reused (in their order, which holds: the day does not
 * change it, and a name added never reorders the names before it) merged with `fresh`, sorted.
 */
function merge(memo: DueMemo, call: number, fresh: Sorted, names: NameOrder, version: number): Sorted {
	const last = memo.items;
	const lastCards = memo.cards;
	const items: DueItem[] = [];
	const cards: PersonCard[] = [];
	let j = 0;
	const nf = fresh.items.length;
	for (let i = 0; i < last.length; i++) {
		const card = lastCards[i] as PersonCard;
		// Gone from the index, or computed again for this list (its new items are in `fresh`).
		if (!card.live || card.dueCall === call) continue;
		const item = last[i] as DueItem;
		while (j < nf && before(fresh.items[j] as DueItem, fresh.cards[j] as PersonCard, item, card, names, version)) {
			items.push(fresh.items[j] as DueItem);
			cards.push(fresh.cards[j] as PersonCard);
			j++;
		}
		items.push(item);
		cards.push(card);
	}
	for (; j < nf; j++) {
		items.push(fresh.items[j] as DueItem);
		cards.push(fresh.cards[j] as PersonCard);
	}
	return { items, cards };
}

/** Whether `a` (of the person of card `sa`) comes before `b` in due-list order: by day, name rank, then `compareDue`. */
function before(a: DueItem, sa: PersonCard, b: DueItem, sb: PersonCard, names: NameOrder, version: number): boolean {
	if (a.day !== b.day) {
		if (a.day === null) return false;
		if (b.day === null) return true;
		return a.day < b.day;
	}
	const ra = rankOf(sa, names, version);
	const rb = rankOf(sb, names, version);
	if (ra !== rb) return ra < rb;
	return compareDue(a, b) < 0;
}

/**
 * Readies people for the due list a few at a time, after a build (a unit per person and per 64
 * of their days): what the first list would otherwise do at once (sort everyone's days, find
 * their last contact) is done in the build's own slices.
 */
export class Readying {
	private readonly people: PersonState[];
	private at = 0;

	constructor(people: Iterable<PersonState>) {
		this.people = [...people];
	}

	/** Up to `max` units more; true once everyone is ready. */
	step(max: number): boolean {
		let done = 0;
		while (this.at < this.people.length) {
			if (done >= max) return false;
			const state = this.people[this.at++] as PersonState;
			if (!state.live) continue;
			// Arrays grow with room to spare: keep only what is used (a view of the day log's is exact).
			if (Array.isArray(state.days)) state.days = state.days.slice();
			sortedDays(state);
			primeWindow(state);
			done += 1 + (state.days.length >> 6);
		}
		return true;
	}
}

/** Ranks every card's name now (after a build or a restore), not in the first due list. */
export function rankCards(cards: readonly PersonCard[], names: NameOrder): void {
	const version = names.version;
	for (const card of cards) rankOf(card, names, version);
}

/** A person's rank in due-list order, read again when the order changed. */
function rankOf(card: PersonCard, names: NameOrder, version: number): number {
	if (card.rankVersion !== version) {
		card.rank = names.rank(card.name);
		card.rankVersion = version;
	}
	return card.rank;
}

/** Every open follow-up of the people of `cards`, dated or not and however far ahead, in due-list order. */
export function openFollowups(cards: readonly PersonCard[], names: NameOrder): DueItem[] {
	const items: DueItem[] = [];
	for (const card of cards) if (card.followups.length > 0) followupItemsFor(card, items);
	return dueOrder(items, names).map((i) => items[i] as DueItem);
}
