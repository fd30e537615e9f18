/**
 * What a kept index was read with: it is used at a later start only when this is unchanged.
 * In two parts, so that a change of which notes are templates alone can be applied to the notes
 * it concerns instead of reading the whole vault again.
 */
import { SNAPSHOT_FORMAT } from "../core/snapshot";
import type { ReteSettings } from "../core/settings";
import { type TemplatePaths, templatePaths } from "../core/templates";
import type { DailySource } from "./daily-notes";

/** Everything but the templates: the format, Rete's version, the person rules, the daily notes. */
export function readingKey(s: ReteSettings, version: string, daily: DailySource): string {
	return JSON.stringify([SNAPSHOT_FORMAT, version, s.peopleFolder, s.personTags, s.personType, s.defaultCadence, s.reachOutHeading, daily.key?.() ?? ""]);
}

/** Template notes and folders (indexed as empty notes): Obsidian's settings and Rete's own. */
export function templatesOf(s: ReteSettings, daily: DailySource): TemplatePaths {
	return templatePaths({ ...daily.templateSources?.(), personTemplate: s.personTemplate, eventTemplate: s.eventTemplate });
}

export function snapshotKey(reading: string, templates: TemplatePaths): string {
	return JSON.stringify([reading, templates]);
}

/** The reading part of a key (`null` for anything else). */
export function readingOf(key: string): string | null {
	try {
		const parts: unknown = JSON.parse(key);
		return Array.isArray(parts) && typeof parts[0] === "string" ? parts[0] : null;
	} catch {
		return null;
	}
}
