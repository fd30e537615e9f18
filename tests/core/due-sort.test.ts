import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDue, dueOrder, NameOrder } from "../../src/core/due";
import type { DueItem } from "../../src/core/types";

/** The items in `dueOrder`'s order. */
function sortDue(items: DueItem[], names?: NameOrder, ranks?: readonly number[]): DueItem[] {
	return dueOrder(items, names, ranks).map((i) => items[i] as DueItem);
}

const NAMES = ["Anna Rossi", "anna rossi", "Ánna Rossi", "Marco", "marco", "Zoë", "Zoe", "Łukasz", "", "B"];

const item = fc.record({
	person: fc.constantFrom(...NAMES),
	path: fc.constantFrom("People/a.md", "People/b.md", "x.md"),
	reason: fc.constantFrom("cadence" as const, "followup" as const, "birthday" as const),
	day: fc.option(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -4_000_000, max: 4_000_000 })), { nil: null }),
	source: fc.option(fc.constantFrom("Daily/1.md", "Daily/2.md"), { nil: undefined }),
	line: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});

function toItem(r: { person: string; path: string; reason: DueItem["reason"]; day: number | null; source?: string; line?: number }): DueItem {
	const out: DueItem = { person: r.person, path: r.path, reason: r.reason, due: null, day: r.day };
	if (r.source !== undefined) out.source = r.source;
	if (r.line !== undefined) out.line = r.line;
	return out;
}

describe("sortDue", () => {
	it("gives exactly the order (and stability) of sort(compareDue), with or without ranks", () => {
		fc.assert(
			fc.property(fc.array(item, { maxLength: 60 }), fc.boolean(), (records, withRanks) => {
				const items = records.map(toItem);
				const names = new NameOrder();
				for (const i of items) names.add(i.person);
				const ranks = withRanks ? items.map((i) => names.rank(i.person)) : undefined;
				const expected = items.slice().sort(compareDue);
				const actual = sortDue(items.slice(), names, ranks);
				expect(actual.length).toBe(expected.length);
				actual.forEach((a, k) => expect(a).toBe(expected[k]));
			}),
			{ numRuns: 400 },
		);
	});

	it("falls back to compareDue without a name order", () => {
		const items = [toItem({ person: "B", path: "b", reason: "cadence", day: 2 }), toItem({ person: "A", path: "a", reason: "cadence", day: 2 })];
		expect(sortDue(items).map((i) => i.person)).toEqual(["A", "B"]);
	});
});

describe("the names' order kept with the index", () => {
	const ranksOf = (order: NameOrder, names: readonly string[]): number[] => names.map((n) => order.rank(n));
	const fresh = (names: readonly string[]): NameOrder => {
		const order = new NameOrder();
		for (const n of names) order.add(n);
		return order;
	};
	const pool = fc.constantFrom(...NAMES, "Zoë Ann", "anna", "ANNA", "Mario Rossi", "mario rossi");

	it("is taken back as it was: the same ranks as sorting the names afresh, for the names kept", () => {
		fc.assert(
			fc.property(fc.uniqueArray(pool, { maxLength: 14 }), fc.func(fc.boolean()), (names, keep) => {
				const kept = names.filter((n, i) => i === 0 || keep(n));
				const saved = fresh(names).export(new Set(kept));
				expect([...saved.names].sort()).toEqual([...kept].sort());
				const adopted = new NameOrder();
				expect(adopted.adopt(saved.names, saved.tied)).toBe(true);
				for (const n of kept) adopted.add(n);
				const expected = fresh(kept);
				// Ranks compare the same way (equal where equal, before where before).
				const a = ranksOf(adopted, kept);
				const e = ranksOf(expected, kept);
				for (let i = 0; i < kept.length; i++) for (let j = 0; j < kept.length; j++) expect(Math.sign((a[i] ?? 0) - (a[j] ?? 0))).toBe(Math.sign((e[i] ?? 0) - (e[j] ?? 0)));
			}),
			{ numRuns: 300 },
		);
	});

	it("is sorted afresh when what was kept does not hold (damaged, or another collator)", () => {
		const names = ["Marco", "anna", "Anna", "Zoë", "B"];
		const expected = ranksOf(fresh(names), names);
		for (const [order, tied] of [
			[["Zoë", "anna", "Anna", "B", "Marco"], [0, 0, 1, 0, 0]],
			[["anna", "Anna", "B", "Marco", "Zoë"], [0, 0, 0, 0, 0]],
			[["anna", "Anna", "B", "Marco", "Zoë"], [1, 1, 0, 0, 0]],
			[["anna", "Anna", "B"], [0, 1]],
		] as Array<[string[], number[]]>) {
			const adopted = new NameOrder();
			expect(adopted.adopt(order, tied), JSON.stringify([order, tied])).toBe(false);
			for (const n of names) adopted.add(n);
			expect(ranksOf(adopted, names), JSON.stringify(order)).toEqual(expected);
		}
	});
});
