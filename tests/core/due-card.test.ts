import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCadence, type Cadence, formatCadence } from "../../src/core/cadence";
import { dayFromYmd, isoFromDay, isValidYmd, ymdFromDay } from "../../src/core/dates";
import { cardFrom, dueItemsFor, type Followup } from "../../src/core/due";
import { newPerson, setInfo } from "../../src/core/person-state";
import type { DueItem, PersonInfo } from "../../src/core/types";
import { day } from "./helpers";

/**
 * The due rules as written plainly, from a person's properties (no card, no memo, no calendar
 * table): what the due list's fast path must give, item for item and field for field.
 */
function reference(info: PersonInfo, lastInteraction: number | null, followups: Followup[], today: number, horizon: number): { items: DueItem[]; validTo: number } {
	const items: DueItem[] = [];
	const limit = today + horizon;
	let validTo = Infinity;
	const base = (due: number | null): DueItem => {
		const item: DueItem = { person: info.name, path: info.path, reason: "cadence", due: due === null ? null : isoFromDay(due), day: due };
		if (info.company !== undefined) item.company = info.company;
		if (info.role !== undefined) item.role = info.role;
		return item;
	};
	if (info.cadence) {
		let last = lastInteraction;
		for (const d of [info.lastContact, info.met]) {
			if (d === null) continue;
			if (d > today) validTo = Math.min(validTo, d);
			else if (last === null || d > last) last = d;
		}
		if (last === null) validTo = today + 1;
		let due = last === null ? today : addCadence(last, info.cadence);
		if (info.snoozeUntil !== null && info.snoozeUntil > due) due = info.snoozeUntil;
		if (due <= limit) {
			const item = { ...base(due), lastContact: last === null ? null : isoFromDay(last), cadence: info.cadenceText ?? formatCadence(info.cadence) };
			items.push(info.snoozeUntil === due ? { ...item, snoozedUntil: isoFromDay(due) } : item);
		} else validTo = Math.min(validTo, due - horizon);
	}
	for (const f of followups) {
		if (f.due !== null && f.due > limit) validTo = Math.min(validTo, f.due - horizon);
		else items.push({ ...base(f.due), reason: "followup", text: f.text, source: f.source, line: f.line });
	}
	const b = info.birthday;
	if (b) {
		const y = ymdFromDay(today).y;
		const on = (year: number): number => dayFromYmd(year, b.month, isValidYmd(year, b.month, b.day) ? b.day : b.day - 1);
		const next = on(y) >= today ? on(y) : on(y + 1);
		validTo = Math.min(validTo, next + 1);
		const age = b.year !== null ? ymdFromDay(next).y - b.year : undefined;
		if (age === undefined || age >= 1) {
			if (next <= limit) items.push(age === undefined ? { ...base(next), reason: "birthday" } : { ...base(next), reason: "birthday", age });
			else validTo = Math.min(validTo, next - horizon);
		}
	}
	return { items, validTo };
}

const around = (from: string, span: number) => fc.integer({ min: day(from), max: day(from) + span });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const cadence: fc.Arbitrary<Cadence> = fc.record({ count: fc.integer({ min: 1, max: 24 }), unit: fc.constantFrom("day", "week", "month", "year") });
const monthDay = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).filter(([m, d]) => isValidYmd(2000, m, d));
const info: fc.Arbitrary<PersonInfo> = fc.record(
	{
		path: fc.constantFrom("People/Anna.md", "People/Bruno.md"),
		name: fc.constantFrom("Anna", "Bruno"),
		cadence: maybe(cadence),
		cadenceText: maybe(fc.constantFrom("weekly", "3m", "every so often")),
		lastContact: maybe(around("2023-01-01", 2600)),
		met: maybe(around("2023-01-01", 2600)),
		birthday: maybe(fc.tuple(monthDay, maybe(fc.integer({ min: 1950, max: 2031 }))).map(([[month, d], year]) => ({ month, day: d, year }))),
		snoozeUntil: maybe(around("2023-01-01", 2600)),
		company: fc.constantFrom("Acme", undefined),
		role: fc.constantFrom("CTO", undefined),
		tags: fc.constant(["person"]),
	},
	{ requiredKeys: ["path", "name", "cadence", "cadenceText", "lastContact", "met", "birthday", "snoozeUntil", "tags"] },
);
const followup: fc.Arbitrary<Followup> = fc.record({ source: fc.constantFrom("Daily/a.md", "Notes/b.md"), line: fc.nat(40), text: fc.constantFrom("Send the deck", "Call"), due: maybe(around("2023-01-01", 2600)) });

describe("a person's due card", () => {
	it("gives the items and the days they hold that the rules give, field for field", () => {
		fc.assert(
			fc.property(info, fc.array(followup, { maxLength: 3 }), around("2023-01-01", 2600), fc.integer({ min: 0, max: 60 }), maybe(fc.integer({ min: 0, max: 400 })), (i, fs, today, horizon, ago) => {
				const card = newPerson(i).card;
				card.followups = fs;
				const last = ago === null ? null : today - ago;
				const out: DueItem[] = [];
				const validTo = dueItemsFor(card, last, today, horizon, out);
				const expected = reference(i, last, fs, today, horizon);
				expect(out).toStrictEqual(expected.items);
				expect(validTo).toBe(expected.validTo);
			}),
			{ numRuns: 3000 },
		);
	});

	it("follows new properties", () => {
		const state = newPerson({ path: "People/A.md", name: "A", cadence: null, cadenceText: null, lastContact: null, met: null, birthday: null, snoozeUntil: null, tags: [] });
		const out: DueItem[] = [];
		dueItemsFor(state.card, null, day("2026-11-20"), 7, out);
		expect(out).toEqual([]);
		setInfo(state, { ...state.info, name: "Anna", cadence: { count: 1, unit: "week" }, cadenceText: null, company: "Acme" });
		dueItemsFor(state.card, day("2026-11-01"), day("2026-11-20"), 7, out);
		expect(out).toEqual([{ person: "Anna", path: "People/A.md", reason: "cadence", due: "2026-11-08", day: day("2026-11-08"), company: "Acme", lastContact: "2026-11-01", cadence: "1w" }]);
	});

	it("reads what no note can give (a damaged kept index) as nothing, without throwing", () => {
		const odd = { path: "People/A.md", name: "A", cadence: { count: 0, unit: "fortnight" }, cadenceText: null, lastContact: "2026-01-01", met: Infinity, birthday: { month: 13, day: 40, year: "x" }, snoozeUntil: {}, tags: [] } as unknown as PersonInfo;
		const card = cardFrom(odd);
		expect(card).toMatchObject({ cadenceUnit: 0, birthMonth: 0 });
		expect([card.lastContact, card.met, card.snooze].every(Number.isNaN)).toBe(true);
		const out: DueItem[] = [];
		expect(dueItemsFor(newPerson(odd).card, null, day("2026-11-20"), 7, out)).toBe(Infinity);
		expect(out).toEqual([]);
	});
});
