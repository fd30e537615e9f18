/**
 * Today's reach-out list in the daily note: one task per due item, each carrying an Obsidian
 * block id (`^rete-…`) so that running it again adds only what is new and never touches a
 * line the user checked or edited.
 */
import { plainLinks } from "./text";
import { insertInSection, locateSection, parseHeading, sectionLines } from "./sections";
import type { DueItem } from "./types";

export const DEFAULT_REACH_OUT_HEADINGS = ["## Reach out", "## Da contattare"];

/** A short, stable hash (FNV-1a, base 36). */
function hash(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(36).padStart(7, "0").slice(0, 7);
}

function slug(name: string): string {
	const s = name
		.normalize("NFD")
		.replace(/[\u0300-\u036f]/g, "")
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "")
		.slice(0, 24)
		.replace(/-+$/, "");
	return s === "" ? "x" : s;
}

/** The block id of an item: one per person and reason (and per follow-up task, per birthday). */
export function reachOutId(item: DueItem): string {
	const kind = item.reason === "cadence" ? "c" : item.reason === "birthday" ? "b" : "f";
	const key = item.reason === "cadence" ? item.path : item.reason === "birthday" ? `${item.path}|${item.due ?? ""}` : `${item.path}|${item.source ?? ""}|${item.text ?? ""}`;
	return `rete-${kind}-${slug(item.person)}-${hash(key)}`;
}

/**
 * The task line of an item: `- [ ] [[Anna Rossi]] · last contact 42 days ago ^rete-c-…`.
 * Follow-ups carry their own text (links shown as names) and their `📅` date.
 */
export function reachOutLine(item: DueItem, link: string, words: string): string {
	let text = words;
	if (item.reason === "followup") {
		const own = plainLinks(item.text ?? "").replace(/\s+/g, " ").trim();
		text = own === "" ? words : own;
		if (item.due) text += ` 📅 ${item.due}`;
	}
	return `- [ ] ${personLink(link, item.person)} · ${text} ^${reachOutId(item)}`;
}

/**
 * `[[link]]`, or `[[link|name]]` when the person's name is not the link's text (a `name`
 * property, or a link written as a path): the list reads as the due list does.
 */
function personLink(link: string, name: string): string {
	const alias = name.replace(/[[\]|\r\n]+/g, " ").replace(/\s+/g, " ").trim();
	return alias === "" || alias === link ? `[[${link}]]` : `[[${link}|${alias}]]`;
}

const BLOCK_ID = /\^(rete-[a-z0-9-]+)\s*$/;

/**
 * Writes the lines into the section under `heading` (found as appendUnderHeading finds it, never
 * in code, a comment or the frontmatter): lines whose block id is already in the section, outside
 * code and comments, are left exactly as they are (checked, edited or not); the others are added
 * after the section's last non-blank line after which no code block or comment is open. The
 * section is created at the end of the note when missing.
 */
export function upsertReachOut(heading: string, lines: string[]): (text: string) => string {
	return (text) => {
		const spot = locateSection(text, heading);
		const present = new Set<string>();
		for (const line of sectionLines(spot)) {
			const m = BLOCK_ID.exec(line.text);
			if (m?.[1]) present.add(m[1]);
		}
		const fresh = lines.filter((l) => {
			const id = BLOCK_ID.exec(l)?.[1];
			return id === undefined || !present.has(id);
		});
		return insertInSection(text, spot, fresh);
	};
}

/** The section as markdown, for the CLI: the heading and one task per item. */
export function reachOutSection(heading: string, lines: string[]): string {
	const h = parseHeading(heading);
	const title = heading.trim().replace(/^#+[ \t]*/, "");
	return `${"#".repeat(h.level)} ${title}\n${lines.join("\n")}${lines.length > 0 ? "\n" : ""}`;
}
