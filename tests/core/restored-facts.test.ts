import { describe, expect, it } from "vitest";
import { NO_DESTS } from "../../src/core/index-state";
import type { Target } from "../../src/core/linkers";
import { PeopleIndex } from "../../src/core/network";
import { newPerson, type PersonState } from "../../src/core/person-state";
import { forEachTarget, RestoredFacts, type TargetColumns, targetCount } from "../../src/core/restored-facts";
import { Lcg, observe, options, randomRecord } from "./random-notes";

const KEY = "k";

function target(name: string): Target {
	return { name, base: name.toLowerCase(), dest: null, epoch: -1 };
}

function listed(facts: RestoredFacts): Array<[string, string | null]> {
	const out: Array<[string, string | null]> = [];
	forEachTarget(facts, (t, dest) => out.push([t.name, dest?.info.name ?? null]));
	return out;
}

describe("restored notes", () => {
	// Note 0 links anna (a person: note 2) and bob (nobody); note 1 links bob only; note 2 nothing.
	const anna: PersonState = newPerson({ name: "Anna", path: "Anna.md", tags: [], cadenceDays: null, cadenceText: null, birthday: null, lastContact: null, met: null, snoozeUntil: null } as never);
	const cols: TargetColumns = {
		targets: [target("Anna"), target("Bob")],
		people: [null, null, anna],
		start: Int32Array.from([0, 2, 3, 3]),
		noteTargets: Int32Array.from([0, 1, 1]),
		noteDests: Int32Array.from([2, -1, -1]),
	};
	const fields = { person: null, entries: [], texts: [], problems: [], unread: false, stamp: 1 };

	it("read their targets and people from the columns, and make their own arrays once", () => {
		const facts = new RestoredFacts("a.md", cols, 0, true, fields);
		expect(targetCount(facts)).toBe(2);
		expect(listed(facts)).toEqual([["Anna", "Anna"], ["Bob", null]]);
		const targets = facts.targets;
		expect(targets.map((t) => t.name)).toEqual(["Anna", "Bob"]);
		expect(facts.targets).toBe(targets);
		expect(facts.dests).toEqual([anna, null]);
		expect(facts.dests).toBe(facts.dests);
	});

	it("share the empty array of people when they link nobody, and list their targets without making them", () => {
		const facts = new RestoredFacts("b.md", cols, 1, false, fields);
		expect(facts.dests).toBe(NO_DESTS);
		expect(listed(facts)).toEqual([["Bob", null]]);
		expect(targetCount(facts)).toBe(1);
		// Unlinked, then its people read: none, whatever the columns say.
		const linked = new RestoredFacts("a.md", cols, 0, true, fields);
		linked.dests = null;
		expect(listed(linked)).toEqual([["Anna", null], ["Bob", null]]);
	});

	it("take what is set over what the columns say", () => {
		const facts = new RestoredFacts("a.md", cols, 0, true, fields);
		facts.targets = [target("Carla")];
		facts.dests = [anna];
		expect(targetCount(facts)).toBe(1);
		expect(listed(facts)).toEqual([["Carla", "Anna"]]);
		expect(targetCount(new RestoredFacts("c.md", cols, 2, false, fields))).toBe(0);
	});

	it("read their entries from the columns when first asked for, as a view, unless given or set", () => {
		const values = Float64Array.from([1, 2, 3, 4, 5]);
		const withEntries: TargetColumns = { ...cols, entries: { start: Float64Array.from([0, 3, 3, 5]), values } };
		const { entries: _given, ...lazy } = fields;
		const first = new RestoredFacts("a.md", withEntries, 0, true, lazy);
		expect(Array.from(first.entries)).toEqual([1, 2, 3]);
		expect(first.entries).toBe(first.entries);
		expect((first.entries as Float64Array).buffer).toBe(values.buffer);
		expect(new RestoredFacts("b.md", withEntries, 1, false, lazy).entries).toHaveLength(0);
		expect(Array.from(new RestoredFacts("c.md", withEntries, 2, false, lazy).entries)).toEqual([4, 5]);
		// Without the columns, none; given, or set, the note's own.
		expect(new RestoredFacts("a.md", cols, 0, true, lazy).entries).toHaveLength(0);
		expect(new RestoredFacts("a.md", withEntries, 0, true, { ...lazy, entries: [9] }).entries).toEqual([9]);
		first.entries = [7];
		expect(first.entries).toEqual([7]);
	});

	it("are written into a snapshot as they were read from one, untouched or edited", () => {
		for (let seed = 1; seed <= 8; seed++) {
			const r = new Lcg(seed);
			const built = new PeopleIndex(options());
			for (let i = 0; i < 60; i++) built.upsert(randomRecord(r, i));
			const first = built.snapshot(KEY);
			const restored = PeopleIndex.fromSnapshot(options(), structuredClone(first), KEY);
			// Untouched: the same snapshot again, though no note made its arrays.
			expect(restored.snapshot(KEY)).toEqual(first);
			// Some notes edited (their arrays made), the rest not: the same as the built index.
			for (let i = 0; i < 10; i++) {
				const rec = randomRecord(r, r.int(60));
				built.upsert(rec);
				restored.upsert(rec);
			}
			expect(observe(PeopleIndex.fromSnapshot(options(), structuredClone(restored.snapshot(KEY)), KEY))).toEqual(observe(built));
		}
	});
});
