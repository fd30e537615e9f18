import { describe, expect, it } from "vitest";
import { PeopleIndex } from "../../src/core/network";
import type { NoteRecord } from "../../src/core/types";
import { FOLDERS, Lcg, NAMES, observe, options, randomRecord } from "./random-notes";

function fresh(notes: Iterable<NoteRecord>): PeopleIndex {
	const index = new PeopleIndex(options());
	index.defer();
	for (const rec of notes) index.upsert(rec);
	index.settle();
	return index;
}

describe("an index kept up to date note by note", () => {
	it("ends where a fresh build of the same notes ends: new notes, edits, the same text again, removals, renames", () => {
		for (let seed = 1; seed <= 20; seed++) {
			const r = new Lcg(seed * 7 + 3);
			const live = new PeopleIndex(options());
			const notes = new Map<string, NoteRecord>();
			const put = (rec: NoteRecord): void => {
				live.upsert(rec);
				notes.set(rec.path, rec);
			};
			for (let i = 0; i < 30; i++) put(randomRecord(r, i));
			for (let step = 0; step < 120; step++) {
				const op = r.int(10);
				const paths = [...notes.keys()].sort();
				const old = paths.length > 0 ? notes.get(r.pick(paths)) : undefined;
				if (op < 3 || !old) put(randomRecord(r, 100 + step));
				else if (op < 6) {
					// Read again: the same text (only its stamp moved), a line more, or a line less.
					const body = old.body;
					const lines = (body ?? "").split("\n");
					const next =
						body === null ? null
						: op === 3 ? body
						: op === 4 ? `${body}- 2026-11-1${r.int(9)} Call with [[${r.pick(NAMES)}]]\n`
						: lines.filter((_, k) => k !== r.int(lines.length)).join("\n");
					put({ ...old, body: next, stamp: 500 + step });
				} else if (op < 8) {
					live.remove(old.path);
					notes.delete(old.path);
				} else {
					const to = `${r.pick(FOLDERS)}/${r.pick(NAMES)}.md`;
					live.remove(old.path);
					notes.delete(old.path);
					if (!notes.has(to)) put({ ...old, path: to });
				}
				if (step % 6 === 5) expect(observe(live), `seed ${seed}, step ${step}`).toEqual(observe(fresh(notes.values())));
			}
		}
	});
});
