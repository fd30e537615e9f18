/**
 * The contact days a bulk load gives (`PeopleIndex.settle`), kept in one log of (person, day)
 * and handed over at once (`flush`): each person then holds one exact-size view of a shared
 * buffer, sorted once, instead of an array grown a day at a time. On L (10,000 people, two
 * million days) growing 10,000 arrays at random cost several times more per day than on M,
 * memory and garbage both (docs/benchmarks.md, sixteenth round).
 */
import type { Day } from "./dates";
import { type PersonState, setDays } from "./person-state";

export class DayLog {
	/** The people logged since the last flush; each knows its row (`PersonState.logRow`). */
	private people: PersonState[] = [];
	private rows = new Int32Array(1024);
	private days = new Float64Array(1024);
	private n = 0;

	/** Days logged and not handed over yet. */
	get size(): number {
		return this.n;
	}

	add(person: PersonState, day: Day): void {
		let row = person.logRow;
		if (row < 0 || this.people[row] !== person) {
			row = this.people.length;
			this.people.push(person);
			person.logRow = row;
		}
		if (this.n === this.rows.length) {
			const rows = new Int32Array(this.n * 2);
			rows.set(this.rows);
			this.rows = rows;
			const days = new Float64Array(this.n * 2);
			days.set(this.days);
			this.days = days;
		}
		this.rows[this.n] = row;
		this.days[this.n++] = day;
	}

	/**
	 * Gives each logged person their days: those they had, then the logged ones, in one buffer,
	 * each person's run sorted. The log is empty afterwards.
	 */
	flush(): void {
		const { people, rows, days, n } = this;
		if (n === 0) return;
		const count = people.length;
		// Where each person's run starts: their days so far, then those logged.
		const start = new Int32Array(count + 1);
		for (let r = 0; r < count; r++) start[r + 1] = (people[r] as PersonState).days.length;
		for (let i = 0; i < n; i++) {
			const r = (rows[i] as number) + 1;
			start[r] = (start[r] as number) + 1;
		}
		for (let r = 0; r < count; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
		const all = new Float64Array(start[count] as number);
		const at = start.slice(0, count);
		for (let r = 0; r < count; r++) {
			const had = (people[r] as PersonState).days;
			all.set(had, at[r]);
			at[r] = (at[r] as number) + had.length;
		}
		for (let i = 0; i < n; i++) {
			const r = rows[i] as number;
			const k = at[r] as number;
			all[k] = days[i] as number;
			at[r] = k + 1;
		}
		for (let r = 0; r < count; r++) {
			const person = people[r] as PersonState;
			// A typed array sorts numerically, in place: each run is its person's alone.
			setDays(person, all.subarray(start[r], start[r + 1]).sort());
			person.logRow = -1;
		}
		this.people = [];
		this.n = 0;
	}
}
