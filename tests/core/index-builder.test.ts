import { describe, expect, it } from "vitest";
import { type BuildReply, type BuildRequest, IndexBuilder, replyBuffers, requestBuffers } from "../../src/core/index-builder";
import { joinSnapshot } from "../../src/core/snapshot-parts";
import { PeopleIndex } from "../../src/core/network";
import { defaultSettings } from "../../src/core/settings";
import type { NoteRecord } from "../../src/core/types";
import { record, type TextNote, textColumns } from "./helpers";
import { Lcg, observe, options, otherText, personText, FOLDERS, NAMES } from "./random-notes";

const KEY = "k";

interface Note {
	path: string;
	text: string;
	stamp: number;
}

function randomVault(seed: number): Note[] {
	const r = new Lcg(seed);
	const notes = new Map<string, Note>();
	for (let i = 0; i < 70; i++) {
		const kind = r.int(3);
		const path = kind === 0 ? `${r.pick(FOLDERS)}/${r.pick(NAMES)}.md` : kind === 1 ? `Journal/2026-11-${10 + r.int(18)}.md` : `Meetings/${r.pick(["Kickoff", "Fair"])} ${r.int(9)}.md`;
		notes.set(path, { path, text: kind === 0 ? personText(r) : otherText(r), stamp: i });
	}
	return [...notes.values()];
}

function utf8(text: string): ArrayBuffer {
	return new TextEncoder().encode(text).buffer;
}

/** What the metadata cache knows of a note without its text (as the plugin's `linksRecord`). */
function linksOnly(note: Note): NoteRecord {
	const rec = record(note.path, note.text);
	const links = [...note.text.matchAll(/\[\[([^\]|#]+)/g)].map((m) => m[1] ?? "");
	return { path: note.path, frontmatter: rec.frontmatter, body: null, links, stamp: note.stamp };
}

/** The main thread's build: every note from its links, then the ones that concern someone read. */
function builtHere(notes: Note[], skip: ReadonlySet<string> = new Set()): PeopleIndex {
	const index = new PeopleIndex(options());
	index.defer();
	for (const n of notes) index.upsert(linksOnly(n));
	for (const path of index.takePending()) {
		const note = notes.find((n) => n.path === path);
		if (!note || skip.has(path)) continue;
		index.upsert({ ...record(path, note.text), stamp: note.stamp });
	}
	return index;
}

/** The snapshot that the replies to "finish" carry, put together again. */
async function snapshotOf(replies: BuildReply[]): Promise<unknown> {
	const [built, ...pieces] = replies;
	if (built?.kind !== "built") throw new Error(`no snapshot: ${JSON.stringify(built)}`);
	expect(pieces.length).toBe(built.plan.pieces);
	return joinSnapshot(built.plan, pieces.map((p) => (p.kind === "piece" ? p.value : null)));
}

/** The same conversation as the plugin's, every message through a structured clone. */
async function builtThere(notes: Note[], skip: ReadonlySet<string> = new Set(), upfront: ReadonlySet<string> = new Set()): Promise<{ index: PeopleIndex; replies: BuildReply[] }> {
	const builder = new IndexBuilder();
	const replies: BuildReply[] = [];
	const send = (request: BuildRequest): BuildReply[] => {
		const answer = builder.handle(structuredClone(request)).map((r) => structuredClone(r));
		replies.push(...answer);
		return answer;
	};
	send({ kind: "start", settings: defaultSettings(), daily: { folder: "Journal", format: "YYYY-MM-DD", locale: "en" }, key: KEY });
	const textOf = (note: Note): TextNote => ({ path: note.path, bytes: utf8(note.text), frontmatter: record(note.path, note.text).frontmatter, stamp: note.stamp });
	// As the plugin does: notes it knows concern someone go as text at once, the rest as links.
	send({ kind: "texts", notes: textColumns(notes.filter((n) => upfront.has(n.path)).map(textOf)) });
	const rest = notes.filter((n) => !upfront.has(n.path));
	for (let i = 0; i < rest.length; i += 16) send({ kind: "notes", notes: rest.slice(i, i + 16).map(linksOnly) });
	const [read] = send({ kind: "settle" });
	if (read?.kind !== "read") throw new Error(`no list of notes to read: ${JSON.stringify(read)}`);
	const texts = read.paths.filter((p) => !skip.has(p)).map((path) => {
		const note = notes.find((n) => n.path === path) as Note;
		return { path, bytes: utf8(note.text), frontmatter: record(path, note.text).frontmatter, stamp: note.stamp };
	});
	send({ kind: "texts", notes: textColumns(texts) });
	const snapshot = await snapshotOf(send({ kind: "finish" }));
	return { index: PeopleIndex.fromSnapshot(options(), snapshot, KEY), replies };
}

describe("building the index elsewhere (a worker)", () => {
	it("gives the index the main thread's build gives, on random vaults", async () => {
		for (let seed = 1; seed <= 15; seed++) {
			const notes = randomVault(seed);
			const there = await builtThere(notes);
			expect(observe(there.index), `seed ${seed}`).toEqual(observe(builtHere(notes)));
			expect(there.index.takePending()).toEqual([]);
			expect(there.replies.map((r) => r.kind).slice(0, 3)).toEqual(["ready", "read", "built"]);
			expect(there.replies.slice(3).every((r) => r.kind === "piece")).toBe(true);
		}
	});

	it("gives the same index when some notes go as text before the rest is linked", async () => {
		for (let seed = 1; seed <= 15; seed++) {
			const notes = randomVault(seed);
			const here = builtHere(notes);
			const r = new Lcg(seed);
			// Some of the notes that concern someone (people's, and those linking one).
			const probe = new PeopleIndex(options());
			probe.defer();
			for (const n of notes) probe.upsert(linksOnly(n));
			const upfront = new Set(probe.takePending().filter(() => r.next() < 0.6));
			expect(upfront.size).toBeGreaterThan(3);
			const there = await builtThere(notes, new Set(), upfront);
			expect(observe(there.index), `seed ${seed}`).toEqual(observe(here));
		}
	});

	it("asks to read exactly the people's notes and the notes that link to them", async () => {
		const notes = [
			{ path: "People/Anna.md", text: "---\ntags: [person]\n---\n- 2026-11-02 Call\n", stamp: 1 },
			{ path: "Journal/2026-11-03.md", text: "- Lunch with [[Anna]]\n", stamp: 2 },
			{ path: "Notes/Elsewhere.md", text: "- See [[Somewhere]]\n", stamp: 3 },
			{ path: "Notes/Plain.md", text: "Nothing here\n", stamp: 4 },
		];
		const read = (await builtThere(notes)).replies.find((r) => r.kind === "read");
		expect(read?.kind === "read" ? [...read.paths].sort() : null).toEqual(["Journal/2026-11-03.md", "People/Anna.md"]);
	});

	it("leaves a note it was not sent (unreadable) to be read after the restore", async () => {
		const notes = [
			{ path: "People/Anna.md", text: "---\ntags: [person]\n---\n", stamp: 1 },
			{ path: "Journal/2026-11-03.md", text: "- Lunch with [[Anna]]\n", stamp: 2 },
		];
		const skip = new Set(["Journal/2026-11-03.md"]);
		const { index } = await builtThere(notes, skip);
		expect(observe(index)).toEqual(observe(builtHere(notes, skip)));
		expect(index.takePending()).toEqual(["Journal/2026-11-03.md"]);
	});

	it("reads the bytes as the text reads: a byte-order mark kept, invalid UTF-8 replaced, accents and emoji intact", async () => {
		const notes = [
			{ path: "People/Zoë Müller.md", text: "\uFEFF---\ntags: [person]\n---\n- 2026-11-02 Caffè ☕ con lei\n", stamp: 1 },
			{ path: "Journal/2026-11-03.md", text: "\uFEFF- Pranzo con [[Zoë Müller]]\n- [ ] Richiamare [[Zoë Müller]] 📅 2026-11-30\n", stamp: 2 },
		];
		const there = await builtThere(notes);
		expect(observe(there.index)).toEqual(observe(builtHere(notes)));
		const builder = new IndexBuilder();
		builder.handle({ kind: "start", settings: defaultSettings(), daily: null, key: KEY });
		const bad = new Uint8Array([0x2d, 0x20, 0xff, 0xfe, 0x0a]).buffer;
		expect(builder.handle({ kind: "texts", notes: textColumns([{ path: "Notes/Bad.md", bytes: bad, frontmatter: undefined, stamp: 1 }]) })).toEqual([]);
	});

	const three = [
		{ path: "People/Anna Rossi.md", text: "---\ntags: [person]\n---\n- 2026-11-02 Caffè ☕\n", stamp: 5 },
		{ path: "Journal/2026-11-03.md", text: "- Pranzo con [[Anna Rossi]]\n", stamp: 6 },
		{ path: "Notes/Altro.md", text: "niente\n", stamp: 7 },
	];

	it("fails the build (the adapter then builds itself) when the notes' columns do not have one entry per note", () => {
		const notes = three;
		const columns = textColumns(notes.slice(0, 2).map((n) => ({ path: n.path, bytes: utf8(n.text), frontmatter: record(n.path, n.text).frontmatter, stamp: n.stamp })));
		for (const broken of [{ ...columns, bytes: columns.bytes.slice(1) }, { ...columns, frontmatter: columns.frontmatter.slice(1) }, { ...columns, stamps: columns.stamps.subarray(1) }]) {
			const builder = new IndexBuilder();
			builder.handle({ kind: "start", settings: defaultSettings(), daily: null, key: KEY });
			expect(builder.handle({ kind: "texts", notes: broken })).toEqual([{ kind: "failed", message: "the columns of the notes read do not have one entry per note" }]);
		}
	});

	it("hands over each note's bytes and the stamps, each once, as postMessage's transfer list needs", () => {
		const notes = three;
		const texts = notes.slice(0, 3).map((n) => ({ path: n.path, bytes: utf8(n.text), frontmatter: record(n.path, n.text).frontmatter, stamp: n.stamp }));
		const request: BuildRequest = { kind: "texts", notes: textColumns(texts) };
		const moved = requestBuffers(request);
		expect(moved).toHaveLength(4);
		expect(new Set(moved).size).toBe(4);
		const copy = structuredClone(request, { transfer: moved });
		// Handed over: gone from this side, whole on the other.
		expect(texts.every((t) => t.bytes.byteLength === 0)).toBe(true);
		if (copy.kind !== "texts") throw new Error("not texts");
		expect(copy.notes.bytes.map((b) => new TextDecoder().decode(b))).toEqual(notes.slice(0, 3).map((n) => n.text));
		expect([...copy.notes.stamps]).toEqual(notes.slice(0, 3).map((n) => n.stamp));
	});

	it("sends the snapshot in pieces, handing over the memory of each typed array piece", async () => {
		const { replies } = await builtThere(randomVault(3));
		const pieces = replies.filter((r) => r.kind === "piece");
		const typed = pieces.filter((r) => ArrayBuffer.isView(r.value));
		expect(typed.length).toBeGreaterThan(5);
		for (const r of typed) expect(replyBuffers(r)).toEqual([(r.value as Float64Array).buffer]);
		expect(pieces.filter((r) => Array.isArray(r.value)).every((r) => replyBuffers(r).length === 0)).toBe(true);
	});

	it("answers out of turn, or after a failure, with a failure instead of throwing", () => {
		const builder = new IndexBuilder();
		expect(builder.handle({ kind: "settle" })).toEqual([{ kind: "failed", message: "no build was started" }]);
		builder.handle({ kind: "start", settings: defaultSettings(), daily: null, key: KEY });
		// Damaged input (a record without a path) fails the build; the builder then wants a new start.
		const failed = builder.handle({ kind: "notes", notes: [null as unknown as NoteRecord] });
		expect(failed.map((r) => r.kind)).toEqual(["failed"]);
		expect(builder.handle({ kind: "finish" }).map((r) => r.kind)).toEqual(["failed"]);
	});

	it("reads daily notes with the format and month names it is given", async () => {
		const notes = [
			{ path: "People/Anna.md", text: "---\ntags: [person]\n---\n", stamp: 1 },
			{ path: "Diario/3 novembre 2026.md", text: "- Pranzo con [[Anna]]\n", stamp: 2 },
		];
		const builder = new IndexBuilder();
		const months = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];
		const names = { months, monthsShort: months.map((m) => m.slice(0, 3)), weekdays: ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"], weekdaysShort: ["dom", "lun", "mar", "mer", "gio", "ven", "sab"], weekdaysMin: ["do", "lu", "ma", "me", "gi", "ve", "sa"] };
		builder.handle({ kind: "start", settings: defaultSettings(), daily: { folder: "Diario", format: "D MMMM YYYY", locale: "it", names }, key: KEY });
		builder.handle({ kind: "notes", notes: notes.map(linksOnly) });
		expect(builder.handle({ kind: "settle" }).map((r) => r.kind)).toEqual(["read"]);
		builder.handle({ kind: "texts", notes: textColumns(notes.map((n) => ({ path: n.path, bytes: utf8(n.text), frontmatter: record(n.path, n.text).frontmatter, stamp: n.stamp }))) });
		const index = PeopleIndex.fromSnapshot(options(), await snapshotOf(builder.handle({ kind: "finish" })), KEY);
		expect(index.stats().interactions).toBe(1);
	});
});
