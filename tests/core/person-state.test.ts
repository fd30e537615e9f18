import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDay, lastContactDay, newPerson, removeDay, sortedDays } from "../../src/core/person-state";

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
					expect(lastContactDay(state, today)).toBe(last);
				},
			),
			{ numRuns: 300 },
		);
	});
});
