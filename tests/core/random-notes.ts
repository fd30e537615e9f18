/** Random notes for differential tests of the people index, from a seeded generator. */
import { compileDaily } from "../../src/core/daily";
import type { PeopleIndex } from "../../src/core/network";
import { defaultSettings } from "../../src/core/settings";
import type { NoteRecord } from "../../src/core/types";
import { day, record } from "./helpers";

export function options(): ConstructorParameters<typeof PeopleIndex>[0] {
	const compiled = compileDaily("Journal", "YYYY-MM-DD");
	if ("error" in compiled) throw new Error(compiled.error);
	return { settings: defaultSettings(), daily: compiled.matcher };
}

/**
 * A small deterministic generator (the tests must not depend on chance): the classic LCG modulo
 * 2³¹, computed exactly (`Math.imul`): a product of a 31-bit state and the multiplier in doubles
 * would lose its low bits, and the sequence its spread.
 */
export class Lcg {
	private s: number;
	constructor(seed: number) {
		this.s = seed & 0x7fffffff;
	}
	next(): number {
		this.s = (Math.imul(this.s, 1103515245) + 12345) & 0x7fffffff;
		return this.s / 2147483648;
	}
	int(n: number): number {
		return Math.floor(this.next() * n);
	}
	pick<T>(list: readonly T[]): T {
		return list[this.int(list.length)] as T;
	}
}

export const NAMES = ["Anna Rossi", "Marco Bianchi", "Zoë Müller", "anna rossi", "Sara Neri", "Luca", "José García"];
export const FOLDERS = ["People", "People/Old", "Contacts", "Notes"];

export function personText(r: Lcg): string {
	const lines = ["---", r.next() < 0.8 ? "tags: [person]" : "type: person"];
	if (r.next() < 0.8) lines.push(`cadence: ${r.pick(["2w", "monthly", "7", "3m", "yearly", "nonsense"])}`);
	if (r.next() < 0.3) lines.push(`birthday: 1990-0${1 + r.int(9)}-1${r.int(9)}`);
	if (r.next() < 0.2) lines.push(`last_contact: 2026-1${r.int(2)}-0${1 + r.int(9)}`);
	if (r.next() < 0.1) lines.push("met: not a date");
	if (r.next() < 0.5) lines.push(`company: ${r.pick(["Acme", "Lumen"])}`);
	lines.push("---", "## Log");
	for (let i = r.int(5); i > 0; i--) lines.push(`- 2026-${10 + r.int(2)}-${10 + r.int(18)} Coffee${r.next() < 0.3 ? ` with [[${r.pick(NAMES)}]]` : ""}`);
	if (r.next() < 0.3) lines.push(`- [ ] Send the deck 📅 2026-11-${10 + r.int(18)}`);
	return `${lines.join("\n")}\n`;
}

export function otherText(r: Lcg): string {
	const lines: string[] = [];
	if (r.next() < 0.3) lines.push("---", `date: ${r.pick(["2026-11-02", "2026-13-40", "2026-10-30"])}`, "---");
	for (let i = 1 + r.int(6); i > 0; i--) {
		const link = r.next() < 0.2 ? `[x](People/${encodeURIComponent(r.pick(NAMES))}.md)` : `[[${r.pick(FOLDERS)}/${r.pick(NAMES)}|alias]]`;
		const plain = `[[${r.pick(NAMES)}]]`;
		lines.push(r.pick([`- Call with ${plain}`, `- [ ] Follow up with ${plain} 📅 2026-11-2${r.int(9)}`, `- [x] Sent ${plain} the notes ✅ 2026-11-1${r.int(9)}`, `- 2026-11-0${1 + r.int(9)} Lunch with ${link}`, "Prose without links", "```\n- [[Anna Rossi]] in a fence\n```"]));
	}
	return `${lines.join("\n")}\n`;
}

/** A random note: a person, a daily note, another note; some given unread (links only). */
export function randomRecord(r: Lcg, stamp: number): NoteRecord {
	const kind = r.int(3);
	const path = kind === 0 ? `${r.pick(FOLDERS)}/${r.pick(NAMES)}.md` : kind === 1 ? `Journal/2026-11-${10 + r.int(18)}.md` : `Meetings/${r.pick(["Kickoff", "Fair", "Dinner"])} ${r.int(5)}.md`;
	const rec = record(path, kind === 0 ? personText(r) : otherText(r));
	rec.stamp = stamp;
	if (kind !== 0 && r.next() < 0.25) {
		// Indexed from its links alone, as the plugin does before reading.
		return { path, frontmatter: rec.frontmatter, body: null, links: [...(rec.body ?? "").matchAll(/\[\[([^\]|#]+)/g)].map((m) => m[1] ?? ""), stamp };
	}
	return rec;
}

/** Everything a caller can observe of an index. */
export function observe(index: PeopleIndex): unknown {
	const people = index.allPeople().sort((a, b) => (a.path < b.path ? -1 : 1));
	return {
		due: ["2026-11-01", "2026-11-20", "2026-12-31"].map((d) => index.due(day(d), 14)),
		stats: index.stats(),
		problems: index.problems(),
		people,
		last: people.map((p) => index.lastInteraction(p.path, day("2026-11-20"))),
		linked: NAMES.map((n) => index.isLinked(`People/${n}.md`)),
		stamps: index.paths().sort().map((p) => [p, index.stampOf(p)]),
	};
}
