/**
 * Reads a vault folder from disk into note records: every `.md` file outside hidden folders,
 * never following a link out of the vault. gray-matter parses the frontmatter, with its
 * JavaScript engines refused and a YAML engine that keeps dates as text, like Obsidian.
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import matter from "gray-matter";
import { recordFromText } from "../core/record";
import type { NoteRecord } from "../core/types";
import { parseYaml, YamlError } from "./yaml";

function refuse(language: string): () => never {
	return () => {
		throw new YamlError(`frontmatter in ${language} is never run; write it as YAML`, null);
	};
}

const MATTER_OPTIONS = {
	language: "yaml",
	engines: { yaml: parseYaml, js: refuse("JavaScript"), javascript: refuse("JavaScript"), coffee: refuse("CoffeeScript") },
};

/** A note's text as a record for the core, never throwing on its content. */
export function toRecord(path: string, text: string): NoteRecord {
	return recordFromText(path, text, (yaml) => {
		try {
			// gray-matter sees only the block Obsidian would read, with the safe engines above.
			const block: string = `---\n${yaml}\n---\n`;
			return { data: matter(block, MATTER_OPTIONS as Parameters<typeof matter>[1]).data };
		} catch (e) {
			// gray-matter hands the YAML over with the newline after `---`: its line 1 is file line 2.
			const line = e instanceof YamlError && e.line !== null ? e.line + 1 : null;
			return { error: e instanceof Error ? e.message : String(e), line };
		}
	});
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
