/**
 * Template notes: patterns other notes are made from, never people, interactions or follow-ups
 * themselves (a person template carries the person tag, a cadence and `[[{{title}}]]` links).
 * Which they are comes from the settings of Obsidian's Templates plugin, of Templater, of the
 * daily note's template, and from Rete's own template settings.
 */
import { pluginEnabled } from "./daily-config";

export interface TemplateSources {
	/** `templates.json` of the config folder (Obsidian's Templates plugin), parsed. */
	templates?: unknown;
	/** `community-plugins.json`: Templater's folder counts only while Templater is on. */
	communityPlugins?: unknown;
	/** `plugins/templater-obsidian/data.json`, parsed. */
	templater?: unknown;
	/** The daily note's template (as the daily-note settings give it). */
	dailyTemplate?: string;
	/** Rete's own templates: the settings' note paths. */
	personTemplate?: string;
	eventTemplate?: string;
}

/** Template folders and template notes, as vault paths (notes with `.md`), sorted. */
export interface TemplatePaths {
	folders: string[];
	notes: string[];
}

function field(json: unknown, key: string): string {
	if (typeof json !== "object" || json === null || Array.isArray(json)) return "";
	const v = (json as Record<string, unknown>)[key];
	return typeof v === "string" ? v : "";
}

/** A setting's path as a vault path: `\` as `/`, no `./`, no slashes at either end; "" when none. */
function vaultPath(raw: string): string {
	return raw
		.replace(/\\/g, "/")
		.split("/")
		.map((part) => part.trim())
		.filter((part) => part !== "" && part !== ".")
		.join("/");
}

export function templatePaths(s: TemplateSources): TemplatePaths {
	const folders = new Set<string>();
	const notes = new Set<string>();
	const folder = (raw: string): void => {
		const p = vaultPath(raw);
		if (p !== "") folders.add(p);
	};
	const note = (raw: string | undefined): void => {
		const p = vaultPath(raw ?? "");
		if (p !== "") notes.add(/\.md$/i.test(p) ? p : `${p}.md`);
	};
	folder(field(s.templates, "folder"));
	if (pluginEnabled(s.communityPlugins, "templater-obsidian")) folder(field(s.templater, "templates_folder"));
	note(s.dailyTemplate);
	note(s.personTemplate);
	note(s.eventTemplate);
	return { folders: [...folders].sort(), notes: [...notes].sort() };
}

const key = (path: string): string => path.normalize("NFC").toLowerCase();

/** Whether a note is a template (any case, NFC or NFD); `null` when there are none. */
export function templateMatcher(paths: TemplatePaths | undefined): ((path: string) => boolean) | null {
	if (!paths || (paths.folders.length === 0 && paths.notes.length === 0)) return null;
	const notes = new Set(paths.notes.map(key));
	const folders = paths.folders.map((f) => `${key(f)}/`);
	return (path) => {
		const p = key(path);
		return notes.has(p) || folders.some((f) => p.startsWith(f));
	};
}
