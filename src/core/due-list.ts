/**
 * The due list over the people index's people. A person's items are kept until something about
 * them changes, and on a later day reused, moved on, until the first day they may differ
 * (`dueItemsFor` says which): so the list after an edit costs the people that edit touched.
 */
import type { Day } from "./dates";
import { dueItemsFor, type NameOrder, redate, sortDue } from "./due";
import { lastContactDay, type PersonState } from "./person-state";
import type { DueItem } from "./types";

const NO_ITEMS: readonly DueItem[] = [];

function isItemList(items: readonly DueItem[] | DueItem): items is readonly DueItem[] {
	return Array.isArray(items);
}

/** Who is due on `today`, sorted; the same item objects come back from call to call. */
export function dueList(people: Iterable<PersonState>, names: NameOrder, today: Day, horizon: number): DueItem[] {
	const out: DueItem[] = [];
	const ranks: number[] = [];
	const version = names.version;
	for (const state of people) {
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
			const rank = rankOf(state, names, version);
			for (let k = 0; k < n; k++) ranks.push(rank);
			continue;
		}
		if (cached === NO_ITEMS) continue;
		const rank = rankOf(state, names, version);
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
function rankOf(state: PersonState, names: NameOrder, version: number): number {
	if (state.rankVersion !== version) {
		state.rank = names.rank(state.info.name);
		state.rankVersion = version;
	}
	return state.rank;
}
