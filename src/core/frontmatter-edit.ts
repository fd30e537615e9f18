/**
 * Sets top-level properties in a note's text before the note exists (a new note from a
 * template): each key's old lines are replaced, other lines are kept as written.
 */
import { splitFrontmatter } from "./frontmatter";

export type PropertyValue = string | string[];

/** A YAML scalar: ISO dates plain, everything else a double-quoted (JSON) string. */
export function yamlScalar(value: string): string {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : JSON.stringify(value);
}

function render(key: string, value: PropertyValue, eol: string): string {
	if (!Array.isArray(value)) return `${key}: ${yamlScalar(value)}`;
	if (value.length === 0) return `${key}: []`;
	return [`${key}:`, ...value.map((v) => `  - ${yamlScalar(v)}`)].join(eol);
}

const KEY_LINE = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"-][^:]*?))[ \t]*:(?:[ \t]|$)/;

interface Block {
	start: number;
	end: number;
	key: string;
}

/** Top-level keys of a YAML block with the lines each spans (its value's continuation lines). */
function blocks(lines: string[]): Block[] {
	const out: Block[] = [];
	lines.forEach((line, i) => {
		const m = KEY_LINE.exec(line);
		if (m) {
			const last = out[out.length - 1];
			if (last) last.end = i;
			out.push({ start: i, end: lines.length, key: (m[1] ?? m[2] ?? m[3] ?? "").trim().toLowerCase() });
		} else if (line.trim() !== "" && !/^[\s-]/.test(line) && !line.startsWith("#")) {
			const last = out[out.length - 1];
			if (last && last.end === lines.length) last.end = i;
		}
	});
	return out;
}

/** The simple list values of a key's block: `a, b`, `[a, b]` or `- a` lines; quotes removed. */
export function listValues(blockLines: string[]): string[] {
	const first = blockLines[0] ?? "";
	const inline = first.slice(first.indexOf(":") + 1).trim();
	const raw = inline !== "" ? inline.replace(/^\[|\]$/g, "").split(",") : blockLines.slice(1).map((l) => l.replace(/^\s*-\s*/, ""));
	return raw.map((v) => v.trim().replace(/^(["'])(.*)\1$/, "$2")).filter((v) => v !== "");
}

/**
 * Sets each property (matching an existing key in any case, which keeps its spelling). With
 * `merge` for a key, list values are added to the ones already there instead of replacing them.
 */
export function setFrontmatter(text: string, props: Array<[string, PropertyValue]>, merge: string[] = []): string {
	const eol = text.includes("\r\n") ? "\r\n" : "\n";
	const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
	const split = splitFrontmatter(text);
	if (split.kind !== "yaml") {
		const lines = props.map(([k, v]) => render(k, v, eol));
		return `${bom}---${eol}${lines.join(eol)}${eol}---${eol}${bom === "" ? text : text.slice(1)}`;
	}
	let lines = split.yaml === "" ? [] : split.yaml.split(/\r?\n/);
	for (const [key, value] of props) {
		const block = blocks(lines).find((b) => b.key === key.toLowerCase());
		if (!block) {
			lines.push(render(key, value, eol));
			continue;
		}
		const existingKey = (KEY_LINE.exec(lines[block.start] ?? "")?.slice(1, 4).find((k) => k !== undefined) ?? key).trim();
		let next = value;
		if (merge.includes(key) && Array.isArray(value)) {
			const old = listValues(lines.slice(block.start, block.end));
			next = [...old, ...value.filter((v) => !old.some((o) => o.toLowerCase() === v.toLowerCase()))];
		}
		lines = [...lines.slice(0, block.start), ...render(existingKey, next, eol).split(eol), ...lines.slice(block.end)];
	}
	return `${bom}---${eol}${lines.join(eol)}${eol}---${eol}${split.body}`;
}
