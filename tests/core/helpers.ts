import { compileDaily } from "../../src/core/daily";
import { parseIsoDay } from "../../src/core/dates";
import { dueStatus } from "../../src/core/due";
import { splitFrontmatter } from "../../src/core/frontmatter";
import type { TextNotes } from "../../src/core/index-builder";
import { PeopleIndex } from "../../src/core/network";
import { defaultSettings, type ReteSettings } from "../../src/core/settings";
import type { NoteRecord } from "../../src/core/types";

export function day(iso: string): number {
	const d = parseIsoDay(iso);
	if (d === null) throw new Error(`bad fixture date ${iso}`);
	return d;
}

/**
 * A record from note text, with a tiny `key: value` frontmatter reader: enough for core tests,
 * which must not depend on the CLI's YAML parser. Lists are written `[a, b]`.
 */
export function record(path: string, text: string): NoteRecord {
	const split = splitFrontmatter(text);
	if (split.kind !== "yaml") return { path, frontmatter: null, body: split.body, bodyStartLine: 0 };
	const fm: Record<string, unknown> = {};
	for (const line of split.yaml.split(/\r?\n/)) {
		const m = /^([\w-]+):\s*(.*)$/.exec(line);
		if (!m?.[1]) continue;
		const raw = (m[2] ?? "").trim();
		fm[m[1]] = raw.startsWith("[") && !raw.startsWith("[[") ? raw.slice(1, -1).split(",").map((s) => s.trim()) : /^\d+$/.test(raw) ? Number(raw) : /^".*"$/.test(raw) ? (JSON.parse(raw) as string) : raw;
	}
	return { path, frontmatter: fm, body: split.body, bodyStartLine: split.bodyStartLine, yaml: split.yaml };
}

export function makeIndex(notes: Record<string, string>, settings: Partial<ReteSettings> = {}): PeopleIndex {
	const compiled = compileDaily("Journal", "YYYY-MM-DD");
	if ("error" in compiled) throw new Error(compiled.error);
	const index = new PeopleIndex({ settings: { ...defaultSettings(), ...settings }, daily: compiled.matcher });
	for (const [path, text] of Object.entries(notes)) index.upsert(record(path, text));
	return index;
}

/** Due items as compact strings: `status due person reason[: text]`. */
export function dueLines(index: PeopleIndex, today: string, horizon = 7): string[] {
	const on = day(today);
	return index.due(on, horizon).map((i) => `${dueStatus(i, on)} ${i.due ?? "-"} ${i.person} ${i.reason}${i.text ? `: ${i.text}` : ""}`);
}

/** A note as the plugin reads it for the worker (one row of `TextNotes`). */
export interface TextNote {
	path: string;
	bytes: ArrayBuffer;
	frontmatter: unknown;
	stamp: number;
}

/** `notes` in the columns the worker's build takes (`TextNotes`). */
export function textColumns(notes: readonly TextNote[]): TextNotes {
	return { paths: notes.map((n) => n.path), bytes: notes.map((n) => n.bytes), frontmatter: notes.map((n) => n.frontmatter), stamps: Float64Array.from(notes, (n) => n.stamp) };
}
