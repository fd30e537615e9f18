import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { DayLog } from "../../src/core/day-log";
import { PeopleIndex } from "../../src/core/network";
import { addDay, lastContactDay, newPerson, type PersonState, sortedDays } from "../../src/core/person-state";
import type { NoteRecord } from "../../src/core/types";
import { record } from "./helpers";
import { Lcg, observe, options, randomRecord } from "./random-notes";

/** Each person's contact days, by their note's path (from a snapshot: sorted). */
function daysOf(index: PeopleIndex): Record<string, number[]> {
	const snap = index.snapshot("days");
	const out: Record<string, number[]> = {};
	snap.persons.forEach((_, k) => {
		const path = snap.paths[snap.personNotes[k] ?? -1] ?? "";
		out[path] = Array.from(snap.personDays.subarray(snap.personDayStart[k], snap.personDayStart[k + 1]));
	});
	return out;
}

const info = (name: string) => ({ path: `People/${name}.md`, name, cadence: null, cadenceText: null, lastContact: null, met: null, birthday: null, snoozeUntil: null, tags: [] });

describe("the day log of a bulk load", () => {
	it("gives each person the days they had and the days logged, sorted, in one exact view each", () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.integer({ min: -50, max: 400 }), { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
				fc.array(fc.tuple(fc.nat(7), fc.integer({ min: -50, max: 400 })), { maxLength: 3000, size: "max" }),
				// Handed over at once, or in steps of that many elements.
				fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 64 })),
				(had, logged, budget) => {
					const people = had.map((days, k) => {
						const state = newPerson(info(`P${k}`));
						for (const d of days) addDay(state, d);
						return state;
					});
					const plain = had.map((days) => [...days]);
					// Each person's last contact known before: what the flush gives must be looked at again.
					for (const state of people) lastContactDay(state.card, 400);
					const log = new DayLog();
					for (const [k, d] of logged) {
						const at = k % people.length;
						log.add(people[at] as PersonState, d);
						plain[at]?.push(d);
					}
					expect(log.size).toBe(logged.length);
					let steps = 1;
					while (!log.flushStep(budget)) steps++;
					// Each step but the last does at least its share of the work: each person counted
					// four times over the phases, each logged day three times, each earlier day twice.
					const units = 4 * people.length + 3 * logged.length + 2 * had.flat().length;
					expect(steps).toBeLessThanOrEqual(Number.isFinite(budget) ? Math.floor((units - 1) / budget) + 1 : 1);
					expect(log.size).toBe(0);
					people.forEach((state, k) => {
						const expected = [...(plain[k] ?? [])].sort((a, b) => a - b);
						expect(Array.from(sortedDays(state))).toEqual(expected);
						expect(state.days.length).toBe(expected.length);
						expect(state.logRow).toBe(-1);
						// Handed over days count as a change: the last contact is looked for again.
						expect(lastContactDay(state.card, 400)).toBe(expected.at(-1) ?? null);
					});
				},
			),
			{ numRuns: 200 },
		);
	});

	it("hands one person their logged days alone (before one is taken back), the rest at the flush", () => {
		const [a, b] = [newPerson(info("A")), newPerson(info("B"))];
		addDay(a, 50);
		const log = new DayLog();
		for (let d = 0; d < 100; d++) log.add(d % 2 === 0 ? a : b, 1000 - d);
		log.takeOut(a);
		expect(Array.from(sortedDays(a))).toEqual([50, ...Array.from({ length: 50 }, (_, k) => 902 + 2 * k)]);
		expect(b.days.length).toBe(0);
		// Taken out once: nothing more to hand over to them; logged again, only the new day.
		log.takeOut(a);
		expect(a.days.length).toBe(51);
		log.add(a, 7);
		log.flush();
		expect(Array.from(sortedDays(a))).toEqual([7, 50, ...Array.from({ length: 50 }, (_, k) => 902 + 2 * k)]);
		expect(Array.from(sortedDays(b))).toEqual(Array.from({ length: 50 }, (_, k) => 901 + 2 * k));
		expect(log.size).toBe(0);
		// During a flush in steps, taking out finishes the flush.
		for (let d = 0; d < 100; d++) log.add(b, d);
		expect(log.flushStep(5)).toBe(false);
		log.takeOut(a);
		expect(log.size).toBe(0);
		expect(b.days.length).toBe(150);
	});

	it("finishes a flush under way before a day is added, and hands that day over with the next", () => {
		const [a, b] = [newPerson(info("A")), newPerson(info("B"))];
		const log = new DayLog();
		for (let d = 0; d < 1000; d++) log.add(d % 2 === 0 ? a : b, 1000 - d);
		expect(log.flushStep(10)).toBe(false);
		expect(log.flushStep(10)).toBe(false);
		log.add(a, 5000);
		// The first flush is over: the days it handed over are theirs already.
		expect(Array.from(sortedDays(b))).toHaveLength(500);
		expect(log.size).toBe(1);
		while (!log.flushStep(10));
		const days = Array.from(sortedDays(a));
		expect(days).toHaveLength(501);
		expect(days.at(-1)).toBe(5000);
		expect(days.slice(0, -1)).toEqual(Array.from({ length: 500 }, (_, k) => 2 * k + 2));
	});

	it("keeps logging after a flush, and a person logged again gets their earlier view and the new days", () => {
		const a = newPerson(info("A"));
		const log = new DayLog();
		for (let d = 3000; d > 0; d--) log.add(a, d % 500);
		log.flush();
		expect(a.days).toBeInstanceOf(Float64Array);
		log.add(a, -1);
		log.add(a, 1000);
		log.flush();
		const days = Array.from(sortedDays(a));
		expect(days.length).toBe(3002);
		expect(days[0]).toBe(-1);
		expect(days.at(-1)).toBe(1000);
		// Changed afterwards, the view becomes the person's own array.
		addDay(a, 7);
		expect(Array.isArray(a.days)).toBe(true);
		expect(sortedDays(a).length).toBe(3003);
	});
});

describe("a bulk load linked in slices", () => {
	/** A bulk load under way, and the notes it was given (each path's last record). */
	function bulkLoad(): { bulk: PeopleIndex; notes: Map<string, NoteRecord>; put: (rec: NoteRecord) => void; drop: (path: string) => void } {
		const notes = new Map<string, NoteRecord>();
		const bulk = new PeopleIndex(options());
		bulk.defer();
		const put = (rec: NoteRecord): void => {
			bulk.upsert(rec);
			notes.set(rec.path, rec);
		};
		const drop = (path: string): void => {
			bulk.remove(path);
			notes.delete(path);
		};
		return { bulk, notes, put, drop };
	}

	/** The bulk load ends where the same notes upserted one by one end. */
	function expectSame(bulk: PeopleIndex, notes: Map<string, NoteRecord>, seed: number): void {
		const one = new PeopleIndex(options());
		for (const rec of notes.values()) one.upsert(rec);
		expect(observe(bulk), `seed ${seed}`).toEqual(observe(one));
		expect(daysOf(bulk), `seed ${seed}`).toEqual(daysOf(one));
	}

	it("ends where notes upserted one by one end, with notes changed, added and removed between its slices", () => {
		for (let seed = 1; seed <= 30; seed++) {
			const r = new Lcg(seed * 13 + 5);
			const { bulk, notes, put, drop } = bulkLoad();
			for (let i = 0; i < 40; i++) put(randomRecord(r, i));
			// Linked a few notes at a time; between slices, what the plugin's events would do.
			let step = 0;
			while (!bulk.settle(1 + r.int(4))) {
				const paths = [...notes.keys()].sort();
				const op = r.int(4);
				const old = notes.get(r.pick(paths));
				if (op === 0 || !old) put(randomRecord(r, 100 + step));
				else if (op === 1) put({ ...old, body: (old.body ?? "").split("\n").slice(1).join("\n"), stamp: 200 + step });
				else if (op === 2) drop(old.path);
				step++;
			}
			expectSame(bulk, notes, seed);
		}
	});

	it("hands its days over in slices too; a change between them finishes the handing over first", () => {
		const flushing = { now: false, seen: 0 };
		// The method itself, called on each log by the spy below.
		// eslint-disable-next-line @typescript-eslint/unbound-method -- called with each log as `this`
		const step = DayLog.prototype.flushStep;
		const spy = vi.spyOn(DayLog.prototype, "flushStep").mockImplementation(function (this: DayLog, budget: number) {
			const done = step.call(this, budget);
			flushing.now = !done;
			return done;
		});
		try {
			for (let seed = 1; seed <= 4; seed++) {
				const r = new Lcg(seed * 7 + 1);
				const { bulk, notes, put, drop } = bulkLoad();
				const people = Array.from({ length: 8 }, (_, k) => `P${k}`);
				for (const name of people) put(record(`People/${name}.md`, "---\ntags: [person]\n---\n"));
				const journal = (i: number, stamp: number): NoteRecord => {
					const lines = Array.from({ length: 12 }, () => `- 2026-${String(1 + r.int(12)).padStart(2, "0")}-${String(1 + r.int(28)).padStart(2, "0")} Met [[${r.pick(people)}]]`);
					return { ...record(`Journal/${i}.md`, `${lines.join("\n")}\n`), stamp };
				};
				for (let i = 0; i < 120; i++) put(journal(i, 1));
				let steps = 0;
				const seenBefore = flushing.seen;
				while (!bulk.settle(1)) {
					if (!flushing.now || steps++ % 2 === 1) continue;
					// Between two steps of the handing over: a note edited, one added, one removed.
					flushing.seen++;
					const op = r.int(3);
					if (op === 0) put(journal(r.int(120), 2 + steps));
					else if (op === 1) put(journal(200 + steps, 2));
					else drop(`Journal/${r.int(120)}.md`);
				}
				// Not a vacuous run: each seed's handing over was interrupted at least once.
				expect(flushing.seen - seenBefore, `seed ${seed}`).toBeGreaterThan(0);
				expectSame(bulk, notes, seed);
			}
		} finally {
			spy.mockRestore();
		}
	});
});
