import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDay, lastContactDay, newPerson, PersonCards, type PersonState, removeDay, retire, sortedDays } from "../../src/core/person-state";

const info = { path: "People/A.md", name: "A", cadence: null, cadenceText: null, lastContact: null, met: null, birthday: null, snoozeUntil: null, tags: [] };

describe("a person's contact days", () => {
	it("stay the same multiset as a plain list through any adds and removals, short or long", () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 400 }), fc.boolean()), { minLength: 1, maxLength: 900 }),
				fc.integer({ min: -10, max: 410 }),
				(ops, today) => {
					const state = newPerson(info);
					const plain: number[] = [];
					for (const [add, day, look] of ops) {
						if (add || plain.length === 0) {
							addDay(state, day);
							plain.push(day);
						} else {
							const gone = plain[day % plain.length] ?? 0;
							removeDay(state, gone);
							plain.splice(plain.indexOf(gone), 1);
						}
						if (look) sortedDays(state);
					}
					const expected = [...plain].sort((a, b) => a - b);
					expect(sortedDays(state)).toEqual(expected);
					const last = expected.filter((d) => d <= today).pop() ?? null;
					expect(lastContactDay(state.card, today)).toBe(last);
				},
			),
			{ numRuns: 300 },
		);
	});
});

describe("the index's list of cards", () => {
	it("holds exactly the people added and not removed, each at its row, through any adds, removals and packs", () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.constantFrom("add", "remove", "pack"), fc.nat(30)), { maxLength: 200 }), (ops) => {
				const cards = new PersonCards();
				const live = new Map<number, PersonState>();
				for (const [op, k] of ops) {
					if (op === "add" && !live.has(k)) {
						const state = newPerson({ ...info, name: `P${k}` });
						live.set(k, state);
						cards.add(state);
					} else if (op === "remove" && live.has(k)) {
						const state = live.get(k) as PersonState;
						retire(state);
						cards.remove(state);
						live.delete(k);
						expect(state.card.row).toBe(-1);
						expect(state.card.live).toBe(false);
					} else if (op === "pack") {
						const before = [...live.values()].map((s) => s.card);
						cards.pack();
						// Fresh copies, found from each person; the same content.
						for (const [i, s] of [...live.values()].entries()) {
							expect(s.card).not.toBe(before[i]);
							expect({ ...s.card }).toEqual({ ...before[i] });
						}
					}
				}
				expect(cards.list.length).toBe(live.size);
				cards.list.forEach((card, row) => {
					expect(card.row).toBe(row);
					expect(card.person.card).toBe(card);
				});
				expect(new Set(cards.list.map((c) => c.name))).toEqual(new Set([...live.keys()].map((k) => `P${k}`)));
			}),
			{ numRuns: 300 },
		);
	});
});
