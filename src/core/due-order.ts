/** The due list's order: by due date, then name; people's names ranked once, items sorted by numbers. */
import type { DueItem, DueReason } from "./types";

/** The same order as `a.localeCompare(b, "en", { sensitivity: "base" })`, without building a collator per call. */
const NAMES = new Intl.Collator("en", { sensitivity: "base" });

const REASON_ORDER: Record<DueReason, number> = { cadence: 0, followup: 1, birthday: 2 };

/** By due date, then name, undated last; ties by path, reason, source and line, so output is stable. */
export function compareDue(a: DueItem, b: DueItem): number {
	if (a.day !== b.day) {
		if (a.day === null) return 1;
		if (b.day === null) return -1;
		return a.day - b.day;
	}
	const byName = NAMES.compare(a.person, b.person);
	if (byName !== 0) return byName;
	if (a.path !== b.path) return a.path < b.path ? -1 : 1;
	if (a.reason !== b.reason) return REASON_ORDER[a.reason] - REASON_ORDER[b.reason];
	if ((a.source ?? "") !== (b.source ?? "")) return (a.source ?? "") < (b.source ?? "") ? -1 : 1;
	return (a.line ?? 0) - (b.line ?? 0);
}

/**
 * People's names in the order of `compareDue`, as numbers: equal numbers for names it finds
 * equal. Kept by the index across due lists, so that sorting one compares numbers, not strings.
 */
export class NameOrder {
	/** Every name seen, in order; `tied[i]`: name i equals name i − 1. */
	private sorted: string[] = [];
	private tied: boolean[] = [];
	private ranks = new Map<string, number>();
	private fresh = new Set<string>();
	private ranked = 0;

	/** Changes whenever ranks may have changed; ranks read at one version hold until the next. */
	get version(): number {
		this.update();
		return this.ranked;
	}

	get size(): number {
		return this.sorted.length + this.fresh.size;
	}

	add(name: string): void {
		if (!this.ranks.has(name)) this.fresh.add(name);
	}

	/**
	 * The order of `keep` (names given to `add`; others are left out), for `adopt` on a later
	 * start: sorting 10,000 names with the collator takes ~17 ms, the first due list's largest cost.
	 */
	export(keep: ReadonlySet<string>): { names: string[]; tied: Uint8Array } {
		this.update();
		const names = this.sorted.filter((name) => keep.has(name));
		const tied = new Uint8Array(names.length);
		for (let i = 1; i < names.length; i++) tied[i] = NAMES.compare(names[i - 1] ?? "", names[i] ?? "") === 0 ? 1 : 0;
		return { names, tied };
	}

	/**
	 * Takes an order `export` gave, when it still holds (each name after the one before, tied
	 * exactly where the collator says so: the same check as a sort's, in one pass); else (another
	 * collator, damaged storage) the names are sorted afresh when first ranked. Before any `add`.
	 * Returns whether the order was taken.
	 */
	adopt(names: readonly string[], tied: ArrayLike<number>): boolean {
		if (!this.holds(names, tied)) {
			for (const name of names) this.add(name);
			return false;
		}
		this.sorted = names.slice();
		this.tied = Array.from(tied, (t) => t === 1);
		this.rankAll();
		return true;
	}

	private holds(names: readonly string[], tied: ArrayLike<number>): boolean {
		if (this.sorted.length > 0 || this.fresh.size > 0 || names.length !== tied.length) return false;
		if (names.length > 0 && tied[0] !== 0) return false;
		for (let i = 1; i < names.length; i++) {
			const c = NAMES.compare(names[i - 1] ?? "", names[i] ?? "");
			if (c > 0 || (c === 0) !== (tied[i] === 1)) return false;
		}
		return true;
	}

	/** The rank of a name given to `add`. */
	rank(name: string): number {
		this.update();
		const r = this.ranks.get(name);
		if (r === undefined) throw new Error(`name not ranked: ${name}`);
		return r;
	}

	private update(): void {
		if (this.fresh.size === 0) return;
		const fresh = [...this.fresh].filter((n) => !this.ranks.has(n));
		this.fresh.clear();
		if (fresh.length > 64 || fresh.length * 8 > this.sorted.length) {
			const all = this.sorted.concat(fresh).sort(NAMES.compare);
			this.tied = all.map((n, i) => i > 0 && NAMES.compare(all[i - 1] ?? "", n) === 0);
			this.sorted = all;
		} else {
			for (const name of fresh) {
				let lo = 0;
				let hi = this.sorted.length;
				while (lo < hi) {
					const mid = (lo + hi) >> 1;
					if (NAMES.compare(this.sorted[mid] ?? "", name) <= 0) lo = mid + 1;
					else hi = mid;
				}
				this.sorted.splice(lo, 0, name);
				this.tied.splice(lo, 0, lo > 0 && NAMES.compare(this.sorted[lo - 1] ?? "", name) === 0);
				if (lo + 1 < this.sorted.length) this.tied[lo + 1] = NAMES.compare(name, this.sorted[lo + 1] ?? "") === 0;
			}
		}
		this.rankAll();
	}

	private rankAll(): void {
		this.ranked++;
		this.ranks.clear();
		let rank = 0;
		for (let i = 0; i < this.sorted.length; i++) {
			if (!this.tied[i]) rank = i;
			this.ranks.set(this.sorted[i] ?? "", rank);
		}
	}
}

const SHIFT = 2 ** 24;

/** The places of `items` in the order of a stable `sort(compareDue)`. */
function compareOrder(items: readonly DueItem[], order: number[]): number[] {
	return order.sort((a, b) => compareDue(items[a] as DueItem, items[b] as DueItem) || a - b);
}

/**
 * The places of `items` in the order of a stable `sort(compareDue)`, faster with the ranks of a
 * `NameOrder` that knows every name (or `ranks`, each item's person's rank, read from it at its
 * current version). Each item gets one number, (due day, name rank, place in the input), exact in
 * a double; one numeric sort orders them, and `compareDue` orders only the items that share a day
 * and a rank.
 */
export function dueOrder(items: readonly DueItem[], names?: NameOrder, ranks?: readonly number[]): number[] {
	const n = items.length;
	const order: number[] = [];
	if (!names || n < 2 || n >= SHIFT || names.size >= SHIFT) {
		for (let i = 0; i < n; i++) order.push(i);
		return compareOrder(items, order);
	}
	// Each item's day read once (items come in several shapes: reading a field costs).
	const days = new Float64Array(n);
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < n; i++) {
		const day = (items[i] as DueItem).day;
		if (day === null) {
			days[i] = NaN;
			continue;
		}
		days[i] = day;
		if (day < min) min = day;
		if (day > max) max = day;
	}
	// Day slots from the earliest to the latest due day, then one for undated items.
	const slots = (max >= min ? max - min + 1 : 0) + 1;
	const width = names.size + 1;
	// Each key is (slot, rank, place), the place in the low bits: a power of two, so that taking
	// it apart is exact arithmetic without a division.
	let low = 1;
	while (low < n) low *= 2;
	if (slots * width * low >= Number.MAX_SAFE_INTEGER) {
		for (let i = 0; i < n; i++) order.push(i);
		return compareOrder(items, order);
	}
	const keys = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const day = days[i] ?? NaN;
		const slot = Number.isNaN(day) ? slots - 1 : day - min;
		const rank = ranks ? (ranks[i] ?? 0) : names.rank((items[i] as DueItem).person);
		keys[i] = (slot * width + rank) * low + i;
	}
	keys.sort();
	const inv = 1 / low;
	for (let k = 0; k < n; ) {
		const key = keys[k] ?? 0;
		const group = Math.floor(key * inv);
		let j = k + 1;
		while (j < n && Math.floor((keys[j] ?? 0) * inv) === group) j++;
		if (j - k === 1) order.push(key - group * low);
		else {
			const run: number[] = [];
			for (let m = k; m < j; m++) run.push((keys[m] ?? 0) - group * low);
			for (const r of compareOrder(items, run)) order.push(r);
		}
		k = j;
	}
	return order;
}
