/**
 * The peer: the indexer one would write in an afternoon. gray-matter on every note (its default
 * js-yaml engine), then one regex pass over the lines of the body for dated list items that link
 * someone, resolved by file name. It reads the same files and finds roughly the same contacts.
 */
import * as fs from "node:fs";
import matter from "gray-matter";
import type { VaultFile } from "../src/cli/vault";

const ITEM_LINKS = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(?:(\d{4}-\d{2}-\d{2})\b)?.*?\[\[/;
const LINK = /\[\[([^\]|#]+)/g;
const DAILY = /(\d{4}-\d{2}-\d{2})\.md$/;

export interface NaiveResult {
	people: number;
	interactions: number;
}

export function naiveIndex(files: readonly VaultFile[]): NaiveResult {
	const people = new Map<string, string | null>();
	const mentions: Array<[string, string]> = [];
	for (const f of files) {
		const text = fs.readFileSync(f.abs, "utf8");
		// Options, so that gray-matter does not cache every note's text by content.
		const { data, content } = matter(text, {});
		const tags: unknown = (data as Record<string, unknown>).tags;
		const name = (f.path.slice(f.path.lastIndexOf("/") + 1, -3)).toLowerCase();
		if (f.path.startsWith("People/") || (Array.isArray(tags) && tags.includes("person"))) people.set(name, null);
		const noteDate = DAILY.exec(f.path)?.[1] ?? null;
		for (const line of content.split("\n")) {
			const m = ITEM_LINKS.exec(line);
			if (!m) continue;
			const date = m[1] ?? noteDate;
			if (date === null) continue;
			for (const l of line.matchAll(LINK)) mentions.push([(l[1] ?? "").split("/").pop()?.toLowerCase() ?? "", date]);
		}
	}
	let interactions = 0;
	for (const [target, date] of mentions) {
		if (!people.has(target)) continue;
		interactions++;
		const last = people.get(target);
		if (last === null || last === undefined || date > last) people.set(target, date);
	}
	return { people: people.size, interactions };
}
