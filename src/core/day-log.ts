/**
 * The contact days a bulk load gives (`PeopleIndex.settle`), kept in one log of (person, day)
 * and handed over in steps at its end (`flushStep`): each person then holds one exact-size view
 * of a shared buffer, sorted once, instead of an array grown a day at a time. On L (10,000
 * people, two million days) growing 10,000 arrays at random cost several times more per day than
 * on M, memory and garbage both (docs/benchmarks.md, sixteenth round). A person one of whose days
 * is to be taken back meanwhile is handed theirs alone first (`takeOut`).
 */
import type { Day } from "./dates";
import { type PersonState, setDays } from "./person-state";

export class DayLog {
	/** The people logged since the last flush; each knows its row (`PersonState.logRow`). */
	private people: PersonState[] = [];
	/** Each logged day's row (−1 once taken out) and its day. */
	private rows = new Int32Array(1024);
	private days = new Float64Array(1024);
	/** How many days each row has logged and not taken out. */
	private counts: number[] = [];
	private n = 0;
	/** A flush under way (`flushStep`). */
	private job: FlushJob | null = null;

	/** Days logged and not handed over yet (those taken out counted until the flush). */
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
			this.counts.push(0);
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
		this.counts[row] = (this.counts[row] ?? 0) + 1;
		this.rows[this.n] = row;
		this.days[this.n++] = day;
	}

	/**
	 * Hands `person` their logged days now, the others staying logged: before their days change
	 * other than by `add` (a note changed or removed while the log is open). Costs a look through
	 * the log (only for someone with days in it); during a flush, the rest of the flush.
	 */
	takeOut(person: PersonState): void {
		// A flush under way: finished, which hands everyone theirs (and lets their days change).
		if (this.job) return this.flush();
		const row = person.logRow;
		const count = row >= 0 && this.people[row] === person ? (this.counts[row] ?? 0) : 0;
		if (count === 0) return;
		const { rows, days } = this;
		const had = person.days;
		const all = new Float64Array(had.length + count);
		all.set(had);
		let at = had.length;
		// Looked for through the log (no list per person: a list's memory would cost every start).
		for (let k = 0; k < this.n && at < all.length; k++) {
			if (rows[k] !== row) continue;
			all[at++] = days[k] ?? 0;
			rows[k] = -1;
		}
		this.counts[row] = 0;
		setDays(person, all.sort());
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
	 * between them: true once done. Until then no person's days may change but through `add` and
	 * `takeOut`, which finish it first (`flush`).
	 */
	flushStep(budget: number): boolean {
		if (this.n === 0) return true;
		const job = (this.job ??= new FlushJob(this.people, this.rows, this.days, this.n));
		// At least one element per step (a budget of 0, or not a number, would never end).
		if (!job.step(budget >= 1 ? budget : 1)) return false;
		this.job = null;
		this.people = [];
		this.counts = [];
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
					// Taken out already (−1): not counted.
					const r = (rows[this.at - count] as number) + 1;
					if (r > 0) start[r] = (start[r] as number) + 1;
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
					if (r < 0) continue;
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
