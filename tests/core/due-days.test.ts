import { describe, expect, it } from "vitest";
import { isoFromDay } from "../../src/core/dates";
import { PeopleIndex } from "../../src/core/network";
import type { PersonCards } from "../../src/core/person-state";
import { defaultSettings } from "../../src/core/settings";
import { day, record } from "./helpers";
import { Lcg } from "./random-notes";

/** A small deterministic generator. */
function lcg(seed: number): () => number {
	const rng = new Lcg(seed);
	return () => rng.next();
}

const START = day("2026-11-01");

function notes(seed: number): Array<[string, string]> {
	const r = lcg(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
	const date = (from: number, span: number): string => isoFromDay(START + from + Math.floor(r() * span));
	const out: Array<[string, string]> = [];
	for (let i = 0; i < 40; i++) {
		const props = ["tags: [person]"];
		if (r() < 0.8) props.push(`cadence: ${pick(["1d", "3d", "1w", "2w", "monthly", "yearly"])}`);
		if (r() < 0.3) props.push(`last_contact: ${date(-40, 80)}`);
		if (r() < 0.3) props.push(`met: ${date(-40, 80)}`);
		if (r() < 0.2) props.push(`snooze_until: ${date(0, 60)}`);
		if (r() < 0.4) props.push(`birthday: 19${70 + Math.floor(r() * 30)}-${date(-10, 90).slice(5)}`);
		const body: string[] = [];
		for (let k = Math.floor(r() * 4); k > 0; k--) body.push(`- ${date(-60, 120)} Coffee`);
		if (r() < 0.4) body.push(`- [ ] Send the deck${r() < 0.7 ? ` 📅 ${date(-10, 60)}` : ""}`);
		out.push([`People/P${i}.md`, `---\n${props.join("\n")}\n---\n${body.join("\n")}\n`]);
	}
	for (let d = 0; d < 30; d++) out.push([`Journal/${date(-20, 80)}.md`, `- Call with [[P${Math.floor(r() * 40)}]]\n`]);
	return out;
}

function build(seed: number): PeopleIndex {
	const index = new PeopleIndex({ settings: defaultSettings(), daily: null });
	for (const [path, text] of notes(seed)) index.upsert(record(path, text));
	return index;
}

describe("the due list from one day to the next", () => {
	it("is what a fresh index gives on each day, however the days follow", () => {
		for (let seed = 1; seed <= 25; seed++) {
			const r = lcg(seed * 7);
			const index = build(seed);
			let today = START;
			for (let step = 0; step < 40; step++) {
				today += r() < 0.1 ? -Math.floor(r() * 5) : Math.floor(r() * 4);
				const horizon = r() < 0.15 ? 0 : 7;
				expect(index.due(today, horizon), `seed ${seed}, day ${isoFromDay(today)}`).toEqual(build(seed).due(today, horizon));
			}
		}
	});
});

describe("the due list between edits", () => {
	/**
	 * Every kind of change a vault sees, picked at random: edit, deletion, rename, a new person
	 * (with a new name, or a name equal but for case to someone's: the same place in the order).
	 */
	function change(r: () => number, files: Map<string, string>, index: PeopleIndex, step: number): void {
		const paths = [...files.keys()];
		const path = paths[Math.floor(r() * paths.length)] ?? "People/P0.md";
		const k = r();
		if (k < 0.3) {
			const text = `${files.get(path) ?? ""}- [ ] Call [[P${Math.floor(r() * 40)}]] 📅 ${isoFromDay(START + Math.floor(r() * 40))}\n- ${isoFromDay(START + Math.floor(r() * 40))} Lunch with [[P${Math.floor(r() * 40)}]]\n`;
			files.set(path, text);
			index.upsert(record(path, text));
		} else if (k < 0.45) {
			files.delete(path);
			index.remove(path);
		} else if (k < 0.6) {
			// Renamed: a new name, between the others or equal to one of them but for case.
			const to = r() < 0.5 ? `People/${path.slice(7, -3)}x${step}.md` : `Other/${path.slice(7, -3).toLowerCase()}.md`;
			const text = files.get(path) ?? "";
			files.delete(path);
			index.remove(path);
			if (!files.has(to)) {
				files.set(to, text);
				index.upsert(record(to, text));
			}
		} else if (k < 0.75) {
			const to = `${r() < 0.5 ? "Also" : "Zeta"}/${path.slice(path.indexOf("/") + 1, -3).toLowerCase()}.md`;
			const text = `---\ntags: [person]\ncadence: 1w\n---\n- [ ] Call about ${step} 📅 ${isoFromDay(START + Math.floor(r() * 20))}\n`;
			files.set(to, text);
			index.upsert(record(to, text));
		} else {
			const to = `People/N${step}.md`;
			const text = `---\ntags: [person]\ncadence: ${["1d", "1w", "monthly"][Math.floor(r() * 3)]}\nlast_contact: ${isoFromDay(START - Math.floor(r() * 30))}\n---\n`;
			files.set(to, text);
			index.upsert(record(to, text));
		}
	}

	it("is what a fresh index gives, whatever changed and whichever day and horizon it is asked for", () => {
		for (let seed = 1; seed <= 20; seed++) {
			const r = lcg(seed * 13);
			const files = new Map(notes(seed));
			const index = build(seed);
			let today = START;
			for (let step = 0; step < 40; step++) {
				for (let c = Math.floor(r() * 3); c > 0; c--) change(r, files, index, step);
				today += r() < 0.1 ? -Math.floor(r() * 5) : Math.floor(r() * 3);
				const horizon = r() < 0.1 ? 0 : 7;
				const fresh = new PeopleIndex({ settings: defaultSettings(), daily: null });
				for (const [path, text] of files) fresh.upsert(record(path, text));
				expect(index.due(today, horizon), `seed ${seed}, step ${step}`).toEqual(fresh.due(today, horizon));
			}
		}
	});

	it("gives the same items on a later day while nothing about them changes, and a list of its own each time", () => {
		const index = build(3);
		const first = index.due(START, 7);
		const next = index.due(START + 1, 7);
		const kept = next.filter((item) => first.includes(item));
		expect(kept.length).toBeGreaterThan(next.length / 2);
		expect(next).not.toBe(index.due(START + 1, 7));
		next.length = 0;
		expect(index.due(START + 1, 7).length).toBeGreaterThan(0);
	});
});

describe("the due list across a bulk load", () => {
	it("stays what a fresh index gives after the cards moved (readying packs them), and keeps the items of people nothing changed", () => {
		for (let seed = 1; seed <= 10; seed++) {
			const files = new Map(notes(seed));
			const index = build(seed);
			const before = index.due(START, 7);
			index.defer();
			const extra: Array<[string, string]> = [
				["People/P1.md", "---\ntags: [person]\ncadence: 1w\nlast_contact: 2026-10-01\n---\n"],
				["Journal/late.md", "- 2026-10-30 Lunch with [[P2]]\n"],
				["People/New.md", "---\ntags: [person]\ncadence: 1d\n---\n"],
			];
			for (const [path, text] of extra) {
				files.set(path, text);
				index.upsert(record(path, text));
			}
			index.remove("People/P3.md");
			files.delete("People/P3.md");
			// Readied as a build is: the cards move after a list was given.
			expect(index.ready()).toBe(true);
			const after = index.due(START, 7);
			const fresh = new PeopleIndex({ settings: defaultSettings(), daily: null });
			for (const [path, text] of files) fresh.upsert(record(path, text));
			expect(after, `seed ${seed}`).toEqual(fresh.due(START, 7));
			const untouched = before.filter((i) => !["People/P1.md", "People/P2.md", "People/P3.md"].includes(i.path));
			expect(untouched.length).toBeGreaterThan(0);
			for (const item of untouched) expect(after).toContain(item);
			expect(after.filter((i) => i.path === "People/P3.md")).toEqual([]);
		}
	});
});

describe("readying the people after a build", () => {
	it("sorts their days and finds their last contact in small steps, and the due list is a fresh index's", () => {
		for (let seed = 1; seed <= 6; seed++) {
			const files = notes(seed);
			// As the plugin builds without a worker: every note by its links, linked at once, then
			// the notes' text one by one.
			const index = new PeopleIndex({ settings: defaultSettings(), daily: null });
			index.defer();
			for (const [path, text] of files) index.upsert({ ...record(path, text), body: null, links: [] });
			expect(index.settle()).toBe(true);
			for (const [path, text] of files) index.upsert(record(path, text));
			let steps = 0;
			while (!index.ready(3)) steps++;
			expect(steps).toBeGreaterThan(3);
			const cards = (index as unknown as { cards: PersonCards }).cards.list;
			for (const card of cards) {
				expect(card.person.sorted).toBe(true);
				expect(card.lastTo).toBe(Infinity);
				expect(card.last).toBe(card.person.days.length === 0 ? null : card.person.days[card.person.days.length - 1]);
			}
			expect(index.due(START + 30, 7), `seed ${seed}`).toEqual(build(seed).due(START + 30, 7));
			expect(index.due(START - 30, 7), `seed ${seed}`).toEqual(build(seed).due(START - 30, 7));
		}
	});
});

describe("a person renamed", () => {
	it("to a name the index has seen before takes that name's place in the order", () => {
		const index = new PeopleIndex({ settings: defaultSettings(), daily: null });
		const person = (name: string) => `---\ntags: [person]\ncadence: 1w\nname: ${name}\n---\n`;
		index.upsert(record("People/a.md", person("Zeno")));
		index.upsert(record("People/b.md", person("Bruno")));
		index.upsert(record("People/c.md", person("Anna")));
		expect(index.due(START, 7).map((i) => i.person)).toEqual(["Anna", "Bruno", "Zeno"]);
		// "Anna" goes, and Zeno becomes "Anna": ranked as Anna, not where Zeno was.
		index.remove("People/c.md");
		index.upsert(record("People/a.md", person("Anna")));
		expect(index.due(START, 7).map((i) => i.person)).toEqual(["Anna", "Bruno"]);
	});
});

describe("open follow-ups", () => {
	it("are every open follow-up, dated or not and however far ahead, in due-list order", () => {
		for (let seed = 1; seed <= 10; seed++) {
			const index = build(seed);
			const followups = index.openFollowups();
			// The due list over a century ahead has every follow-up, in the same order.
			const all = index.due(START, 366 * 100).filter((i) => i.reason === "followup");
			expect(followups, `seed ${seed}`).toEqual(all);
			expect(followups.length).toBe(index.stats().followups);
		}
		const far = new PeopleIndex({ settings: defaultSettings(), daily: null });
		far.upsert(record("People/Ada.md", "---\ntags: [person]\n---\n- [ ] Write 📅 2399-01-01\n- [ ] Call\n- [x] Done 📅 2026-01-01\n"));
		expect(far.openFollowups().map((i) => [i.text, i.due])).toEqual([["Write", "2399-01-01"], ["Call", null]]);
	});

	it("leave the due list as it was: the next list reuses its items", () => {
		const index = build(4);
		const first = index.due(START, 7);
		expect(first.length).toBeGreaterThan(5);
		index.openFollowups();
		const next = index.due(START, 7);
		expect(next).toEqual(first);
		for (let i = 0; i < first.length; i++) expect(next[i]).toBe(first[i]);
	});
});
