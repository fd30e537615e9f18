/** The benchmark's fixed day and its seeded random numbers (no Node modules: the browser page uses it too). */
import { dayFromYmd } from "../src/core/dates";

/** The day the benchmark computes for. */
export const TODAY_ISO = "2026-11-20";
export const TODAY = dayFromYmd(2026, 11, 20);

/** mulberry32: small, fast, good enough for test data. */
export class Rng {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(n: number): number {
		return Math.floor(this.next() * n);
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(list: readonly T[]): T {
		return list[this.int(list.length)] as T;
	}
}
