/**
 * A snapshot (`core/snapshot`) cut into pieces small enough to store, and to read back, one at a
 * time: storing a value serializes it in one go, and a whole index of 50,000 notes takes tens of
 * milliseconds to serialize. Lists and typed arrays are cut into runs, made only as they are
 * stored; `joinSnapshot` puts them back, a field at a time. What comes out is checked by
 * `checkJob` as usual.
 *
 * A list of objects (the people, the problems) goes as JSON text, one piece a string: a
 * structured clone (a worker's message, IndexedDB) reads a string whole, but builds objects one
 * property at a time, and on a main thread busy with a start that took ~15 ms per 1,024 people
 * on M where `JSON.parse` takes ~2 ms (docs/benchmarks.md, thirteenth round).
 */

/** Elements per piece: small enough to serialize in a few milliseconds. */
const STRINGS_PER_PIECE = 8192;
const OBJECTS_PER_PIECE = 1024;
const NUMBERS_PER_PIECE = 262_144;

type Typed = Float64Array | Int32Array | Uint8Array;
const TYPED = { Float64Array, Int32Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED;

interface FieldPlan {
	name: string;
	/**
	 * `list` (an array of strings, cut into arrays), `json` (an array of plain objects, cut into
	 * arrays written as JSON), a typed array's name, or `value` (kept in the plan itself).
	 */
	kind: "list" | "json" | TypedName | "value";
	length: number;
	pieces: number;
	/** Elements per piece. */
	size: number;
	value?: unknown;
}

export interface SnapshotPlan {
	/** Pieces in storage order, counted over all fields. */
	pieces: number;
	fields: FieldPlan[];
}

function typedName(value: unknown): TypedName | null {
	if (value instanceof Float64Array) return "Float64Array";
	if (value instanceof Int32Array) return "Int32Array";
	if (value instanceof Uint8Array) return "Uint8Array";
	return null;
}

/** `numbersPerPiece` for typed arrays sent whole, each a single piece. */
export const WHOLE = Number.MAX_SAFE_INTEGER;

/**
 * How a snapshot is cut (small: kept with the pieces' key). `numbersPerPiece`: a worker hands
 * its typed arrays over without a copy, and sends each whole (`WHOLE`).
 */
export function planSnapshot(snapshot: object, numbersPerPiece = NUMBERS_PER_PIECE): SnapshotPlan {
	const fields: FieldPlan[] = [];
	let pieces = 0;
	for (const [name, value] of Object.entries(snapshot)) {
		const typed = typedName(value);
		let field: FieldPlan;
		if (typed !== null) field = { name, kind: typed, length: (value as Typed).length, pieces: 0, size: numbersPerPiece };
		else if (Array.isArray(value)) {
			const strings = value.every((v) => typeof v === "string");
			field = { name, kind: strings ? "list" : "json", length: value.length, pieces: 0, size: strings ? STRINGS_PER_PIECE : OBJECTS_PER_PIECE };
		} else field = { name, kind: "value", length: 0, pieces: 0, size: 0, value };
		field.pieces = field.size === 0 ? 0 : Math.ceil(field.length / field.size);
		pieces += field.pieces;
		fields.push(field);
	}
	return { pieces, fields };
}

/** The pieces of `snapshot` as `plan` cuts it, in order, each made when asked for. */
export function* snapshotPieces(snapshot: object, plan: SnapshotPlan): Generator<unknown> {
	const values = snapshot as Record<string, unknown>;
	for (const field of plan.fields) {
		const value = values[field.name] as Typed | unknown[];
		for (let k = 0; k < field.pieces; k++) {
			const run = value.slice(k * field.size, (k + 1) * field.size);
			yield field.kind === "json" ? JSON.stringify(run) : run;
		}
	}
}

/** A piece written as JSON, read back (`null` when it is not JSON: damaged storage). */
function parseRun(piece: unknown): unknown {
	if (typeof piece !== "string") return null;
	try {
		return JSON.parse(piece) as unknown;
	} catch {
		return null;
	}
}

function joinField(field: FieldPlan, mine: readonly unknown[]): { ok: true; value: unknown } | { ok: false } {
	const { kind, length } = field;
	if (kind === "value") return { ok: true, value: field.value };
	if (kind === "list" || kind === "json") {
		if (!mine.every((p) => Array.isArray(p))) return { ok: false };
		const list = ([] as unknown[]).concat(...(mine as unknown[][]));
		return list.length === length ? { ok: true, value: list } : { ok: false };
	}
	if (!Object.prototype.hasOwnProperty.call(TYPED, kind)) return { ok: false };
	const Make = TYPED[kind];
	if (!mine.every((p) => p instanceof Make)) return { ok: false };
	// Sent whole: taken as it came.
	if (mine.length === 1 && (mine[0] as Typed).length === length) return { ok: true, value: mine[0] };
	const array = new Make(length);
	let at = 0;
	for (const p of mine as Typed[]) {
		if (at + p.length > length) return { ok: false };
		array.set(p, at);
		at += p.length;
	}
	return at === length ? { ok: true, value: array } : { ok: false };
}

/**
 * Puts the pieces back together, one field at a time with `between` awaited in between;
 * `null` when they do not fit the plan (damaged storage).
 */
export async function joinSnapshot(plan: unknown, pieces: readonly unknown[], between: () => Promise<void> = () => Promise.resolve()): Promise<Record<string, unknown> | null> {
	if (typeof plan !== "object" || plan === null || !Array.isArray((plan as SnapshotPlan).fields)) return null;
	const out: Record<string, unknown> = {};
	let next = 0;
	for (const field of (plan as SnapshotPlan).fields) {
		const { name, length, pieces: count } = field;
		if (typeof name !== "string" || !Number.isInteger(count) || count < 0 || !Number.isInteger(length) || length < 0) return null;
		let mine = pieces.slice(next, next + count);
		next += count;
		if (mine.length !== count) return null;
		// Read one piece at a time, with `between` after each (a piece is a thousand people).
		if (field.kind === "json") {
			const runs: unknown[] = [];
			for (const piece of mine) {
				if (runs.length > 0) await between();
				runs.push(parseRun(piece));
			}
			mine = runs;
		}
		const joined = joinField(field, mine);
		if (!joined.ok) return null;
		out[name] = joined.value;
		if (count > 0) await between();
	}
	return next === pieces.length ? out : null;
}
