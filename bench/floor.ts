/**
 * Floors under the CLI's budget (1.3 × the raw read): the least a cold index that knows whom
 * each note links must do beyond reading the files' bytes. Each reads every file, finds every
 * `[[…]]` in the bytes with Node's native search and takes its name (up to a `#` or `|`);
 * nothing else is read: no properties, dates, tasks or Markdown links. Embeds and links in code
 * count too (telling them apart is more work).
 */
import * as fs from "node:fs";
import type { VaultFile } from "../src/cli/vault";
import { LinkResolver } from "../src/core/resolver";

const OPEN = Buffer.from("[[");
const CLOSE = Buffer.from("]]");
const HASH = 35;
const BAR = 124;
const SLASH = 47;
const FNV_START = 0x811c9dc5;

/** The links' numbers end here, so that no compiler drops the numbering as unused. */
const sink = { numbers: 0 };

/** Calls `each(bytes, from, to)` with the name of every `[[…]]` in `bytes` (up to a `#` or `|`). */
function forEachLinkName(bytes: Buffer, each: (bytes: Buffer, from: number, to: number) => void): void {
	for (let i = bytes.indexOf(OPEN); i >= 0; i = bytes.indexOf(OPEN, i)) {
		const end = bytes.indexOf(CLOSE, i + 2);
		if (end < 0) return;
		let to = i + 2;
		while (to < end && bytes[to] !== HASH && bytes[to] !== BAR) to++;
		each(bytes, i + 2, to);
		i = end + 2;
	}
}

/**
 * Numbers each link's name in the bytes, as `linkNameHash` does (lower-cased, after its last
 * `/`), without decoding it; returns how many links there are.
 */
export function readAndNumberLinks(files: readonly VaultFile[]): number {
	let links = 0;
	let all = 0;
	// One loop, as `forEachLinkName`'s with the numbering inside: the cheapest way found.
	for (const f of files) {
		const b = fs.readFileSync(f.abs);
		for (let i = b.indexOf(OPEN); i >= 0; i = b.indexOf(OPEN, i)) {
			const end = b.indexOf(CLOSE, i + 2);
			if (end < 0) break;
			let h = FNV_START;
			for (let k = i + 2; k < end; k++) {
				const c = b[k] ?? 0;
				if (c === HASH || c === BAR) break;
				h = c === SLASH ? FNV_START : Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 16777619);
			}
			all ^= h;
			links++;
			i = end + 2;
		}
	}
	sink.numbers = (sink.numbers + all) | 0;
	return links;
}

/**
 * Resolves each link's name (decoded) to a note with Rete's resolver, made from the listing as
 * any index must; returns how many links lead to a note.
 */
export function readAndResolveLinks(files: readonly VaultFile[]): number {
	const resolver = new LinkResolver();
	for (const f of files) resolver.add(f.path);
	let found = 0;
	for (const f of files) {
		forEachLinkName(fs.readFileSync(f.abs), (b, from, to) => {
			if (resolver.resolve(b.toString("utf8", from, to), f.path) !== null) found++;
		});
	}
	return found;
}
