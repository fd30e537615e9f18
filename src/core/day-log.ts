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
	/** A flush under way (`flushStep`). */
	private job: FlushJob | null = null;

	/** Days logged and not handed over yet. */
	get size(): number {
		return this.n;
	}

	add(person: PersonState, day: Day): void {
		// A flush under way is finished first: the days added come after it.
		if (this.job) this.flush();
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
		while (!this.flushStep(Infinity));
	}

	/**
	 * `flush` in steps of about `budget` elements (days, and people), so that a build can yield
	 * between them: true once done. Nothing may be added, nor any person's days changed, until it
	 * is done (`flush` finishes it at once).
	 */
	flushStep(budget: number): boolean {
		if (this.n === 0) return true;
		const job = (this.job ??= new FlushJob(this.people, this.rows, this.days, this.n));
		if (!job.step(budget > 0 ? budget : 0)) return false;
		this.job = null;
		this.people = [];
		this.n = 0;
		return true;
	}
}

/** One flush of a day log, in phases: count, lay out, place, sort (see `DayLog.flush`). */
class FlushJob {
	private phase = 0;
	private at = 0;
	/** Where each person's run starts: their days so far, then those logged. */
	private readonly start: Int32Array;
	private all = new Float64Array(0);
	/** Where the next day of each person goes. */
	private next = new Int32Array(0);

	constructor(
		private readonly people: readonly PersonState[],
		private readonly rows: Int32Array,
		private readonly days: Float64Array,
		private readonly n: number,
	) {
		this.start = new Int32Array(people.length + 1);
	}

	step(budget: number): boolean {
		const { people, rows, days, n, start } = this;
		const count = people.length;
		let left = budget;
		while (left > 0) {
			if (this.phase === 0) {
				// Their days so far, then the logged ones, counted.
				for (; this.at < count && left > 0; this.at++, left--) start[this.at + 1] = (people[this.at] as PersonState).days.length;
				for (; this.at >= count && this.at < count + n && left > 0; this.at++, left--) {
					const r = (rows[this.at - count] as number) + 1;
					start[r] = (start[r] as number) + 1;
				}
				if (this.at < count + n) continue;
				for (let r = 0; r < count; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
				this.all = new Float64Array(start[count] as number);
				this.next = start.slice(0, count);
				left -= count;
				this.phase = 1;
				this.at = 0;
			} else if (this.phase === 1) {
				// The days each had, at the start of their run.
				for (; this.at < count && left > 0; this.at++) {
					const had = (people[this.at] as PersonState).days;
					this.all.set(had, this.next[this.at]);
					this.next[this.at] = (this.next[this.at] as number) + had.length;
					left -= 1 + had.length;
				}
				if (this.at < count) continue;
				this.phase = 2;
				this.at = 0;
			} else if (this.phase === 2) {
				// The logged days after them.
				const { all, next } = this;
				for (; this.at < n && left > 0; this.at++, left--) {
					const r = rows[this.at] as number;
					const k = next[r] as number;
					all[k] = days[this.at] as number;
					next[r] = k + 1;
				}
				if (this.at < n) continue;
				this.phase = 3;
				this.at = 0;
			} else {
				for (; this.at < count && left > 0; this.at++) {
					const person = people[this.at] as PersonState;
					const from = start[this.at] as number;
					const to = start[this.at + 1] as number;
					// A typed array sorts numerically, in place: each run is its person's alone.
					setDays(person, this.all.subarray(from, to).sort());
					person.logRow = -1;
					left -= 1 + (to - from);
				}
				return this.at >= count;
			}
		}
		return false;
	}
}
