import { describe, expect, it } from "vitest";
import { dueList, newDueMemo } from "../../src/core/due-list";
import { NameOrder } from "../../src/core/due";
import { newPerson } from "../../src/core/person-state";
import type { PersonInfo } from "../../src/core/types";
import { day } from "./helpers";

function info(name: string, lastContact: string): PersonInfo {
	return { path: `People/${name}.md`, name, cadence: { count: 1, unit: "week" }, cadenceText: "1w", lastContact: day(lastContact), met: null, birthday: null, snoozeUntil: null, tags: [] };
}

/** A name order whose `rank` throws once, on its first call. */
class FailingOnce extends NameOrder {
	failed = false;
	override rank(name: string): number {
		if (!this.failed) {
			this.failed = true;
			throw new Error("rank failed");
		}
		return super.rank(name);
	}
}

describe("dueList", () => {
	it("after a list that failed half-way, lists everyone again", () => {
		const cards = [info("Anna", "2026-11-01"), info("Bruno", "2026-11-02"), info("Carla", "2026-11-03")].map((i) => newPerson(i).card);
		const names = new FailingOnce();
		for (const c of cards) names.add(c.name);
		const memo = newDueMemo();
		const today = day("2026-11-20");
		expect(() => dueList(cards, names, today, 7, memo)).toThrow("rank failed");
		expect(dueList(cards, names, today, 7, memo).map((i) => i.person)).toEqual(["Anna", "Bruno", "Carla"]);
		// And the list after that starts from this one.
		expect(dueList(cards, names, today + 1, 7, memo).map((i) => i.person)).toEqual(["Anna", "Bruno", "Carla"]);
	});
});
