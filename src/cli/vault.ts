/**
 * Reads a vault folder from disk into note records: every `.md` file outside hidden folders,
 * never following a link out of the vault. The frontmatter is parsed by a YAML reader that
 * keeps dates as text, like Obsidian, and runs nothing.
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { recordFromText, type YamlParse } from "../core/record";
import type { NoteRecord } from "../core/types";
import { parseYaml, YamlError } from "./yaml";

const COMMENT_LINES = /^\s*#[^\n]+/gm;

/**
 * The properties of a frontmatter block (the text between the `---` lines, not blank), exactly
 * as gray-matter 4 returned them for `---\n${yaml}\n---\n` with this YAML reader, which the CLI
 * used to call: what follows a line starting with `---` is cut off, a block of comments is an
 * empty set of properties, and so is a document with no value (`null`).
 */
export function frontmatterData(yaml: string): unknown {
	// gray-matter handed over the block with the newline after `---`: YAML line 1 is file line 2.
	const text = `\n${yaml}`;
	const close = text.indexOf("\n---");
	const block = close < 0 ? text : text.slice(0, close);
	if (block.replace(COMMENT_LINES, "").trim() === "") return {};
	const data = parseYaml(block);
	if (data === null || data === undefined) return {};
	// gray-matter then looked for `excerpt_separator` in the note (empty here): a value that has
	// no text form threw, and the frontmatter was unreadable.
	const sep = (data as { excerpt_separator?: unknown }).excerpt_separator;
	if (sep) "".indexOf(sep as string);
	return data;
}

const parseFrontmatter: YamlParse = (yaml) => {
	try {
		return { data: frontmatterData(yaml) };
	} catch (e) {
		const line = e instanceof YamlError && e.line !== null ? e.line + 1 : null;
		return { error: e instanceof Error ? e.message : String(e), line };
	}
};

/** A note's text as a record for the core, never throwing on its content. */
export function toRecord(path: string, text: string): NoteRecord {
	return recordFromText(path, text, parseFrontmatter);
}

/**
 * Reads notes as UTF-8 text, like `fs.readFileSync(path, "utf8")` (the same text, the same
 * errors), into one buffer reused from note to note instead of a new one for each.
 */
export class NoteReader {
	private readonly buffer = Buffer.allocUnsafe(1 << 16);

	read(abs: string): string {
		const buffer = this.buffer;
		let size = 0;
		const fd = fs.openSync(abs, "r");
		try {
			for (;;) {
				const n = fs.readSync(fd, buffer, size, buffer.length - size, null);
				if (n === 0) break;
				size += n;
				// A note larger than the buffer is read again, whole.
				if (size === buffer.length) return fs.readFileSync(abs, "utf8");
			}
		} finally {
			fs.closeSync(fd);
		}
		return buffer.toString("utf8", 0, size);
	}
}

export interface VaultFile {
	/** Vault-relative path with `/` separators. */
	path: string;
	abs: string;
}

/** Every markdown file of the vault, sorted by path. Hidden files and folders are skipped. */
export function listNotes(root: string): VaultFile[] {
	const out: VaultFile[] = [];
	const walk = (dir: string, rel: string): void => {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(dir, { withFileTypes: true });
		} catch {
			return;
		}
		// `dir` is absolute and normalised, and a name holds no separator: joining is concatenating.
		const prefix = dir.endsWith(nodePath.sep) ? dir : dir + nodePath.sep;
		const relPrefix = rel === "" ? "" : `${rel}/`;
		for (const entry of entries) {
			const name = entry.name;
			if (name.startsWith(".")) continue;
			// Symbolic links are never followed: out of the vault they would leak, inside it
			// they would count the same notes twice.
			if (entry.isDirectory()) walk(prefix + name, relPrefix + name);
			else if (entry.isFile() && (name.endsWith(".md") || name.toLowerCase().endsWith(".md"))) out.push({ path: relPrefix + name, abs: prefix + name });
		}
	};
	walk(fs.realpathSync(root), "");
	return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Reads a JSON file of the vault's config folder; `undefined` when absent, an error when unreadable. */
export function readConfigJson(root: string, configDir: string, file: string): { value?: unknown; error?: string } {
	const abs = nodePath.join(root, configDir, file);
	let text: string;
	try {
		text = fs.readFileSync(abs, "utf8");
	} catch {
		return {};
	}
	try {
		return { value: JSON.parse(text.replace(/^\uFEFF/, "")) as unknown };
	} catch (e) {
		return { error: `${configDir}/${file} is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
	}
}
