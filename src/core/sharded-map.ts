/** A map of strings split in parts, so that no growth step of a vault-sized table stalls for long. */

const SHARDS = 16;

/** A cheap spread of strings (paths, names) over the shards. */
function shardOf(key: string): number {
	const n = key.length;
	return (n + key.charCodeAt(n >> 1) + 3 * key.charCodeAt(n >> 2) + 7 * key.charCodeAt(n - 5)) & (SHARDS - 1);
}

/**
 * A map of strings split in sixteen. A JavaScript map doubles its table all at once as it grows,
 * which for a vault's worth of notes stalls for milliseconds (tens, when several grow together):
 * in sixteen parts each step is a sixteenth. Iteration order is by part, not by insertion.
 */
export class ShardedMap<V> {
	private readonly shards: Array<Map<string, V>> = [];
	private count = 0;

	constructor() {
		for (let i = 0; i < SHARDS; i++) this.shards.push(new Map());
	}

	get size(): number {
		return this.count;
	}

	private shard(key: string): Map<string, V> {
		return this.shards[shardOf(key)] as Map<string, V>;
	}

	get(key: string): V | undefined {
		return this.shard(key).get(key);
	}

	has(key: string): boolean {
		return this.shard(key).has(key);
	}

	set(key: string, value: V): this {
		const m = this.shard(key);
		const before = m.size;
		m.set(key, value);
		this.count += m.size - before;
		return this;
	}

	delete(key: string): boolean {
		if (!this.shard(key).delete(key)) return false;
		this.count--;
		return true;
	}

	clear(): void {
		for (const m of this.shards) m.clear();
		this.count = 0;
	}

	*keys(): IterableIterator<string> {
		for (const m of this.shards) yield* m.keys();
	}

	*values(): IterableIterator<V> {
		for (const m of this.shards) yield* m.values();
	}
}
