/** A note's text as a record for the index, with the YAML parser of the adapter's choice. */
import { splitFrontmatter } from "./frontmatter";
import type { NoteRecord } from "./types";

export type YamlParse = (yaml: string) => { data: unknown } | { error: string; line: number | null };

/**
 * Splits the frontmatter the way Obsidian does and parses it with `parse`. Never throws on
 * note content: an unreadable block becomes `frontmatterError`, reported by the index.
 */
export function recordFromText(path: string, text: string, parse: YamlParse): NoteRecord {
	const split = splitFrontmatter(text);
	if (split.kind === "foreign") {
		return { path, frontmatter: null, body: text, frontmatterError: { line: 1, message: `frontmatter in "${split.language}" is not read (only YAML is; nothing in a note is ever run)` } };
	}
	if (split.kind !== "yaml") return { path, frontmatter: null, body: split.body, bodyStartLine: 0 };
	const record: NoteRecord = { path, frontmatter: null, body: split.body, bodyStartLine: split.bodyStartLine, yaml: split.yaml };
	if (split.yaml.trim() === "") return record;
	let parsed: ReturnType<YamlParse>;
	try {
		parsed = parse(split.yaml);
	} catch (e) {
		parsed = { error: e instanceof Error ? e.message : String(e), line: null };
	}
	if ("data" in parsed) record.frontmatter = parsed.data;
	else record.frontmatterError = { line: parsed.line ?? 1, message: parsed.error };
	return record;
}

/** Properties already parsed elsewhere (Obsidian's metadata cache): `undefined` when it could not. */
export function cachedProperties(frontmatter: unknown): YamlParse {
	return () => (frontmatter !== undefined ? { data: frontmatter } : { error: "Obsidian could not read these properties (invalid YAML)", line: null });
}
