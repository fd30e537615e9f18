import { describe, expect, it } from "vitest";
import { isoFromDay } from "../../src/core/dates";
import { PeopleIndex } from "../../src/core/network";
import { defaultSettings } from "../../src/core/settings";
import { day, record } from "./helpers";

/** A small deterministic generator. */
function lcg(seed: number): () => number {
	let s = seed;
	return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
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
