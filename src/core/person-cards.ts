/** People and their cards (`PersonCard`): made, copied, and kept in the index's one list of them. */
import { cardFrom, type Followup } from "./due";
import type { PersonCard, PersonState } from "./person-state";
import type { PersonInfo } from "./types";

/** Shared by every card without follow-ups, never modified. */
export const NO_FOLLOWUPS: Followup[] = [];

/** A new card: every field in one literal (all cards share one shape). */
function makeCard(info: PersonInfo, person: PersonState): PersonCard {
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
		row: -1,
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
		person,
	};
}

/** A card's copy in fresh memory, field for field, in the same literal shape as `makeCard`. */
function copyCard(w: PersonCard): PersonCard {
	return {
		due: w.due,
		dueToday: w.dueToday,
		dueHorizon: w.dueHorizon,
		dueValidTo: w.dueValidTo,
		dueCall: w.dueCall,
		last: w.last,
		lastFrom: w.lastFrom,
		lastTo: w.lastTo,
		rank: w.rank,
		rankVersion: w.rankVersion,
		live: w.live,
		row: w.row,
		followups: w.followups,
		name: w.name,
		path: w.path,
		company: w.company,
		role: w.role,
		cadenceLabel: w.cadenceLabel,
		cadenceUnit: w.cadenceUnit,
		cadenceCount: w.cadenceCount,
		lastContact: w.lastContact,
		met: w.met,
		snooze: w.snooze,
		birthMonth: w.birthMonth,
		birthDay: w.birthDay,
		birthYear: w.birthYear,
		person: w.person,
	};
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
	 * Copies every card into fresh memory, one after the other, after a build (which made them
	 * among everything else): the first due list, which reads them all, then
	 * reads them in order. Each person points at the copy; whoever else kept a card must follow
	 * (`cardsMoved` for the due list's memo).
	 */
	pack(): void {
		const list = this.list;
		for (let i = 0; i < list.length; i++) {
			const was = list[i] as PersonCard;
			const copy = copyCard(was);
			was.person.card = copy;
			list[i] = copy;
		}
	}
}

export function newPerson(info: PersonInfo): PersonState {
	const state = { info, days: [], sorted: true, slot: -1, logRow: -1, live: true, card: null } as unknown as PersonState;
	state.card = makeCard(info, state);
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
