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
import type { TemplatePaths } from "./templates";
import { planSnapshot, type SnapshotPlan, snapshotPieces, WHOLE } from "./snapshot-parts";
import type { NoteRecord } from "./types";

/** Which notes are daily notes, as data (the matcher itself is compiled where it is used). */
export interface DailySpec {
	folder: string;
	format: string;
	locale: string;
	names?: LocaleNames;
}

/**
 * Notes read by the adapter, in columns: note `i` is `paths[i]`, its bytes (UTF-8, handed over
 * rather than copied; decoded here), its properties as the metadata cache parsed them, and its
 * stamp. A structured clone writes each record's keys again; columns cost about a third less
 * to send on M (fifteenth round, docs/benchmarks.md). Columns of different lengths fail the build.
 */
export interface TextNotes {
	paths: string[];
	bytes: ArrayBuffer[];
	frontmatter: unknown[];
	stamps: Float64Array;
}

export type BuildRequest =
	| { kind: "start"; settings: ReteSettings; daily: DailySpec | null; key: string; templates?: TemplatePaths }
	/**
	 * Every note, from the metadata cache (`body: null`, its links), in batches; `quiet`: notes
	 * given by path, stamp and the numbers of their links' names (`NoteRecord.quiet`), decided
	 * knowing the people whose names `settle` gives.
	 */
	| { kind: "notes"; notes: NoteRecord[]; quiet?: QuietBatch }
	/**
	 * All notes are known: which ones must be read? `people`: the numbers (`hashOfBase`, as 32-bit
	 * integers) of the names of the people the adapter knew when it decided which notes are quiet.
	 */
	| { kind: "settle"; people?: Int32Array }
	| { kind: "texts"; notes: TextNotes }
	/** Everything is sent: the snapshot, please. */
	| { kind: "finish" };

/** Quiet notes in columns (far cheaper to copy than a record each): note `i`'s names are `names[start[i]..start[i + 1]]`. */
export interface QuietBatch {
	paths: string[];
	stamps: Float64Array;
	start: Int32Array;
	names: Int32Array;
}

export type BuildReply =
	| { kind: "ready" }
	| { kind: "read"; paths: string[] }
	/** The snapshot comes in `plan.pieces` pieces that follow (see `core/snapshot-parts`). */
	| { kind: "built"; plan: SnapshotPlan }
	| { kind: "piece"; value: unknown }
	| { kind: "failed"; message: string };

/** The memory of a request's note bytes, which the adapter hands over instead of copying. */
export function requestBuffers(request: BuildRequest): ArrayBuffer[] {
	if (request.kind === "notes") return request.quiet ? [request.quiet.stamps, request.quiet.start, request.quiet.names].map((a) => a.buffer as ArrayBuffer) : [];
	return request.kind === "texts" ? [...request.notes.bytes, request.notes.stamps.buffer as ArrayBuffer] : [];
}

/** The memory of a reply's typed arrays (a piece of one), which can be handed over instead of copied. */
export function replyBuffers(reply: BuildReply): ArrayBuffer[] {
	const value = reply.kind === "piece" ? reply.value : null;
	return ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer ? [value.buffer] : [];
}

/**
 * The worker's side: answers each request with its replies (often none); never throws. The
 * snapshot goes in pieces, so that no single message takes long to copy on arrival.
 */
export class IndexBuilder {
	private index: PeopleIndex | null = null;
	private key = "";
	/** Keeps a byte-order mark, as reading the text does (the frontmatter reader skips it). */
	private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });

	handle(request: BuildRequest): BuildReply[] {
		try {
			return this.answer(request);
		} catch (e) {
			this.index = null;
			return [{ kind: "failed", message: e instanceof Error ? e.message : String(e) }];
		}
	}

	private answer(request: BuildRequest): BuildReply[] {
		if (request.kind === "start") {
			const spec = request.daily;
			const compiled = spec ? compileDaily(spec.folder, spec.format, spec.locale, spec.names) : null;
			const daily = compiled && "matcher" in compiled ? compiled.matcher : null;
			this.index = new PeopleIndex({ settings: request.settings, daily, templates: request.templates });
			this.index.defer();
			this.key = request.key;
			return [{ kind: "ready" }];
		}
		const index = this.index;
		if (!index) return [{ kind: "failed", message: "no build was started" }];
		switch (request.kind) {
			case "notes": {
				for (const record of request.notes) index.upsert(record);
				const quiet = request.quiet;
				if (quiet) {
					if (quiet.stamps.length !== quiet.paths.length || quiet.start.length !== quiet.paths.length + 1) throw new Error("the columns of the quiet notes do not have one entry per note");
					index.addQuiet(quiet);
				}
				return [];
			}
			case "settle":
				// Every note linked against all the others: those that concern someone are to be read.
				// The adapter decided which notes are quiet knowing these people (sent before this): a
				// note that became a person's since (its text came after) is looked for among them.
				index.peopleKnown(request.people ? new Set(request.people) : undefined);
				return [{ kind: "read", paths: index.takePending() }];
			case "texts": {
				const { paths, bytes, frontmatter, stamps } = request.notes;
				const n = paths.length;
				if (bytes.length !== n || frontmatter.length !== n || stamps.length !== n) throw new Error("the columns of the notes read do not have one entry per note");
				paths.forEach((path, i) => {
					const record = recordFromText(path, this.decoder.decode(bytes[i]), cachedProperties(frontmatter[i]));
					record.stamp = stamps[i] ?? NaN;
					index.upsert(record);
				});
				return [];
			}
			case "finish": {
				this.index = null;
				const snapshot = index.snapshot(this.key);
				// Typed arrays go whole (handed over, not copied); lists of strings and objects in pieces.
				const plan = planSnapshot(snapshot, WHOLE);
				const replies: BuildReply[] = [{ kind: "built", plan }];
				for (const value of snapshotPieces(snapshot, plan)) replies.push({ kind: "piece", value });
				return replies;
			}
		}
	}
}
