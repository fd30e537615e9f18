/**
 * Finds the frontmatter block the way Obsidian does: the very first line is `---` (after an
 * optional byte-order mark) and a later line is `---`. Anything else is body text.
 */

export type FrontmatterSplit =
	| { kind: "none"; body: string; bodyStartLine: 0 }
	| { kind: "yaml"; yaml: string; body: string; bodyStartLine: number }
	/** `---js`, `---json`, …: another language's block. Obsidian does not read it; nor do we. */
	| { kind: "foreign"; language: string; body: string; bodyStartLine: 0 }
	/** Opened by `---` but never closed: Obsidian reads it as text. */
	| { kind: "unclosed"; body: string; bodyStartLine: 0 };

const OPEN = /^---([^\r\n]*)\r?\n/;
const CLOSE = /^---[ \t]*$/;

export function splitFrontmatter(text: string): FrontmatterSplit {
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const open = OPEN.exec(start === 0 ? text : text.slice(start));
	if (!open) return { kind: "none", body: text, bodyStartLine: 0 };
	const rest = (open[1] ?? "").trim();
	if (rest !== "") {
		return /^[a-z]+$/i.test(rest) ? { kind: "foreign", language: rest, body: text, bodyStartLine: 0 } : { kind: "none", body: text, bodyStartLine: 0 };
	}
	let pos = start + open[0].length;
	const yamlStart = pos;
	let line = 1;
	while (pos <= text.length) {
		let end = text.indexOf("\n", pos);
		if (end < 0) end = text.length;
		const raw = text.slice(pos, end);
		const content = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
		line++;
		if (CLOSE.test(content)) {
			let yaml = text.slice(yamlStart, pos);
			if (yaml.endsWith("\n")) yaml = yaml.slice(0, yaml.endsWith("\r\n") ? -2 : -1);
			return { kind: "yaml", yaml, body: end >= text.length ? "" : text.slice(end + 1), bodyStartLine: line };
		}
		if (end >= text.length) break;
		pos = end + 1;
	}
	return { kind: "unclosed", body: text, bodyStartLine: 0 };
}

const TOP_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"-][^:]*?))[ \t]*:(?:[ \t]|$)/;

/**
 * The file line (1-based) of each top-level property of a YAML block that starts on line 2,
 * keyed by lower-cased name, so that a problem can point at `cadence:` itself.
 */
export function propertyLines(yaml: string): Record<string, number> {
	const out: Record<string, number> = {};
	let line = 2;
	let start = 0;
	while (start <= yaml.length) {
		let end = yaml.indexOf("\n", start);
		if (end < 0) end = yaml.length;
		const m = TOP_KEY.exec(yaml.slice(start, end));
		const key = m ? (m[1] ?? m[2] ?? m[3] ?? "").trim().toLowerCase() : "";
		if (key !== "" && out[key] === undefined) out[key] = line;
		line++;
		start = end + 1;
	}
	return out;
}

/** Why a note's properties may not be written: Obsidian would not read the block as properties. */
export type PropertiesBlock = "ok" | "unclosed" | "foreign" | "invalid" | "not-a-mapping";

/**
 * Whether a note's properties can be written as a set of properties: none yet, or a closed YAML
 * block that `parse` reads as a mapping (or as nothing: empty, or only comments). An unclosed
 * block, another language's block, YAML that does not parse, or a list or a plain value would
 * be rewritten or wrapped by a property write: those are left for the user to fix.
 */
export function propertiesBlock(text: string, parse: (yaml: string) => unknown): PropertiesBlock {
	const split = splitFrontmatter(text);
	if (split.kind === "none") return "ok";
	if (split.kind !== "yaml") return split.kind;
	let value: unknown;
	try {
		value = parse(split.yaml);
	} catch {
		return "invalid";
	}
	if (value === null || value === undefined) return "ok";
	return typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) ? "ok" : "not-a-mapping";
}
