/**
 * A snapshot (`core/snapshot`) cut into pieces small enough to store, and to read back, one at a
 * time: storing a value serializes it in one go, and a whole index of 50,000 notes takes tens of
 * milliseconds to serialize. Lists and typed arrays are cut into runs; `joinSnapshot` puts them
 * back. What comes out is checked by `checkSnapshot` as usual.
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
	/** `list` (an array), a typed array's name, or `value` (kept in the plan itself). */
	kind: "list" | TypedName | "value";
	length: number;
	pieces: number;
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

/** The plan (small) and the pieces, in order. */
export function splitSnapshot(snapshot: object): { plan: SnapshotPlan; pieces: unknown[] } {
	const pieces: unknown[] = [];
	const fields: FieldPlan[] = [];
	for (const [name, value] of Object.entries(snapshot)) {
		const typed = typedName(value);
		if (typed !== null) {
			const array = value as Typed;
			const before = pieces.length;
			for (let at = 0; at < array.length; at += NUMBERS_PER_PIECE) pieces.push(array.slice(at, at + NUMBERS_PER_PIECE));
			fields.push({ name, kind: typed, length: array.length, pieces: pieces.length - before });
		} else if (Array.isArray(value)) {
			const size = value.every((v) => typeof v === "string") ? STRINGS_PER_PIECE : OBJECTS_PER_PIECE;
			const before = pieces.length;
			for (let at = 0; at < value.length; at += size) pieces.push(value.slice(at, at + size));
			fields.push({ name, kind: "list", length: value.length, pieces: pieces.length - before });
		} else fields.push({ name, kind: "value", length: 0, pieces: 0, value });
	}
	return { plan: { pieces: pieces.length, fields }, pieces };
}

/** Puts the pieces back together; `null` when they do not fit the plan (damaged storage). */
export function joinSnapshot(plan: unknown, pieces: readonly unknown[]): Record<string, unknown> | null {
	if (typeof plan !== "object" || plan === null || !Array.isArray((plan as SnapshotPlan).fields)) return null;
	const out: Record<string, unknown> = {};
	let next = 0;
	for (const field of (plan as SnapshotPlan).fields) {
		const { name, kind, length, pieces: count } = field;
		if (typeof name !== "string" || !Number.isInteger(count) || count < 0 || !Number.isInteger(length) || length < 0) return null;
		if (kind === "value") {
			out[name] = field.value;
			continue;
		}
		const mine = pieces.slice(next, next + count);
		next += count;
		if (mine.length !== count) return null;
		if (kind === "list") {
			if (!mine.every((p) => Array.isArray(p))) return null;
			const list = ([] as unknown[]).concat(...(mine as unknown[][]));
			if (list.length !== length) return null;
			out[name] = list;
			continue;
		}
		if (!Object.prototype.hasOwnProperty.call(TYPED, kind)) return null;
		const Make = TYPED[kind];
		if (!mine.every((p) => p instanceof Make)) return null;
		const array = new Make(length);
		let at = 0;
		for (const p of mine as Typed[]) {
			if (at + p.length > length) return null;
			array.set(p, at);
			at += p.length;
		}
		if (at !== length) return null;
		out[name] = array;
	}
	return next === pieces.length ? out : null;
}
