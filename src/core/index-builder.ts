/**
 * A full build of the people index away from the UI (in a Web Worker): the adapter sends what
 * the metadata cache knows of every note, is told which notes must be read, sends their text,
 * and gets back the index as a snapshot, which it restores as it restores the index kept
 * between starts. The same `PeopleIndex` does the work, so the result is the index a build on
 * the main thread gives.
 *
 * The conversation is plain data (structured clones) and each request gets at most one reply:
 * `handle` is pure apart from the index it keeps between requests.
 */
import { compileDaily, type LocaleNames } from "./daily";
import { PeopleIndex } from "./network";
import { cachedProperties, recordFromText } from "./record";
import type { ReteSettings } from "./settings";
import type { IndexSnapshot } from "./snapshot";
import type { NoteRecord } from "./types";

/** Which notes are daily notes, as data (the matcher itself is compiled where it is used). */
export interface DailySpec {
	folder: string;
	format: string;
	locale: string;
	names?: LocaleNames;
}

/** A note read by the adapter: its text, and its properties as the metadata cache parsed them. */
export interface TextNote {
	path: string;
	text: string;
	frontmatter: unknown;
	stamp: number;
}

export type BuildRequest =
	| { kind: "start"; settings: ReteSettings; daily: DailySpec | null; key: string }
	/** Every note, from the metadata cache (`body: null`, its links), in batches. */
	| { kind: "notes"; notes: NoteRecord[] }
	/** All notes are known: which ones must be read? */
	| { kind: "settle" }
	| { kind: "texts"; notes: TextNote[] }
	/** Everything is sent: the snapshot, please. */
	| { kind: "finish" };

export type BuildReply =
	| { kind: "ready" }
	| { kind: "read"; paths: string[] }
	| { kind: "built"; snapshot: IndexSnapshot }
	| { kind: "failed"; message: string };

/** The typed arrays of a snapshot, whose memory a reply can hand over instead of copying. */
export function snapshotBuffers(s: IndexSnapshot): ArrayBuffer[] {
	const arrays = [s.stamps, s.unread, s.personNotes, s.targetStart, s.noteTargets, s.noteDests, s.entryStart, s.entries, s.textStart, s.personDayStart, s.personDays, s.linkerStart, s.linkerNotes];
	const out: ArrayBuffer[] = [];
	for (const a of arrays) if (a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
	return out;
}

/** The worker's side: answers each request (or none); never throws. */
export class IndexBuilder {
	private index: PeopleIndex | null = null;
	private key = "";

	handle(request: BuildRequest): BuildReply | null {
		try {
			return this.answer(request);
		} catch (e) {
			this.index = null;
			return { kind: "failed", message: e instanceof Error ? e.message : String(e) };
		}
	}

	private answer(request: BuildRequest): BuildReply | null {
		if (request.kind === "start") {
			const spec = request.daily;
			const compiled = spec ? compileDaily(spec.folder, spec.format, spec.locale, spec.names) : null;
			const daily = compiled && "matcher" in compiled ? compiled.matcher : null;
			this.index = new PeopleIndex({ settings: request.settings, daily });
			this.index.defer();
			this.key = request.key;
			return { kind: "ready" };
		}
		const index = this.index;
		if (!index) return { kind: "failed", message: "no build was started" };
		switch (request.kind) {
			case "notes":
				for (const record of request.notes) index.upsert(record);
				return null;
			case "settle":
				// Every note linked against all the others: those that concern someone are to be read.
				return { kind: "read", paths: index.takePending() };
			case "texts":
				for (const note of request.notes) {
					const record = recordFromText(note.path, note.text, cachedProperties(note.frontmatter));
					record.stamp = note.stamp;
					index.upsert(record);
				}
				return null;
			case "finish": {
				this.index = null;
				return { kind: "built", snapshot: index.snapshot(this.key) };
			}
		}
	}
}
