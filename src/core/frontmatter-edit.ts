/**
 * Sets top-level properties in a note's text before the note exists (a new note from a
 * template): each key's old lines are replaced, other lines are kept as written.
 */
import { splitFrontmatter } from "./frontmatter";
import { readYamlList } from "./template";

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

/**
 * Sets each property (matching an existing key in any case, which keeps its spelling). With
 * `merge` for a key, list values are added to the ones already there instead of replacing them:
 * a list read exactly (readYamlList: plain or quoted values, `[a, "b, c"]`, `- a` lines, a text
 * split at commas; comments dropped) is written anew; any other value is kept as written, the
 * new values appended where the YAML stays valid, or not at all when there is no such place (a
 * multi-line text, a block scalar, a broken quote).
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
		const keyMatch = KEY_LINE.exec(lines[block.start] ?? "");
		const existingKey = (keyMatch?.slice(1, 4).find((k) => k !== undefined) ?? key).trim();
		let next = value;
		if (merge.includes(key) && Array.isArray(value)) {
			const old = readYamlList(lines.slice(block.start, block.end), keyMatch?.[0].length ?? 0);
			const added = value.filter((v) => !old.values.some((o) => o.toLowerCase() === v.toLowerCase()));
			if (!old.exact) {
				// Not read exactly: kept as written, the new values added after it (or not at all).
				const kept = old.extend(added.map(yamlScalar));
				if (kept) lines = [...lines.slice(0, block.start), ...kept, ...lines.slice(block.end)];
				continue;
			}
			next = [...old.values, ...added];
		}
		lines = [...lines.slice(0, block.start), ...render(existingKey, next, eol).split(eol), ...lines.slice(block.end)];
	}
	return `${bom}---${eol}${lines.join(eol)}${eol}---${eol}${split.body}`;
}
