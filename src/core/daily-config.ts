/**
 * Which daily-note settings apply: Periodic Notes' daily settings when that plugin is enabled
 * and has daily notes on (both of its settings layouts), else the core Daily Notes plugin's,
 * else Obsidian's defaults. Every value is read defensively: a bad one falls back.
 */
import { checkFolder } from "./names";
import { DEFAULT_DAILY_FORMAT, type DailyNoteConfig, normalizeFolder } from "./settings";

export type DailySource = "periodic-notes" | "daily-notes" | "default";

export interface DailySettingsFiles {
	/** `daily-notes.json` of the config folder (parsed), if any. */
	dailyNotes?: unknown;
	/** `community-plugins.json`: the list of enabled community plugins. */
	communityPlugins?: unknown;
	/** `plugins/periodic-notes/data.json`. */
	periodicNotes?: unknown;
}

export interface ResolvedDaily extends DailyNoteConfig {
	source: DailySource;
}

function obj(v: unknown): Record<string, unknown> | null {
	return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function text(v: unknown): string | undefined {
	return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/** Whether `id` is enabled in a plugin list (`["a", "b"]`) or map (`{ "a": true }`). */
export function pluginEnabled(list: unknown, id: string): boolean {
	if (Array.isArray(list)) return list.includes(id);
	const map = obj(list);
	return map !== null && map[id] === true;
}

function config(folder: unknown, format: unknown, template: unknown, source: DailySource): ResolvedDaily {
	const out: ResolvedDaily = { folder: typeof folder === "string" ? normalizeFolder(folder) : "", format: text(format) ?? DEFAULT_DAILY_FORMAT, source };
	const t = text(template);
	if (t !== undefined) out.template = t;
	return out;
}

/** Periodic Notes' daily settings, from its 0.x layout (`daily`) or 1.x layout (`calendarSets`). */
function periodicDaily(data: unknown): Record<string, unknown> | null {
	const root = obj(data);
	if (!root) return null;
	const sets = Array.isArray(root.calendarSets) ? root.calendarSets.map(obj).filter((s) => s !== null) : [];
	if (sets.length > 0) {
		const active = sets.find((s) => s.id === root.activeCalendarSet) ?? sets[0];
		return obj(active?.day);
	}
	return obj(root.daily);
}

export function resolveDailySettings(files: DailySettingsFiles): ResolvedDaily {
	if (pluginEnabled(files.communityPlugins, "periodic-notes")) {
		const daily = periodicDaily(files.periodicNotes);
		if (daily && daily.enabled === true) return config(daily.folder, daily.format, daily.templatePath ?? daily.template, "periodic-notes");
	}
	// The core plugin's settings apply whenever they exist (Obsidian keeps them when it is off).
	const core = obj(files.dailyNotes);
	if (core) return config(core.folder, core.format, core.template, "daily-notes");
	return config("", "", undefined, "default");
}

/**
 * Whether Rete may create or write the daily note at `path` (the folder and the formatted name,
 * as `normalizePath` gives them): like the events and people folders, it must stay inside the
 * vault and out of the config folder. Checked at the point of writing, since either setting,
 * or a format such as `[../]YYYY-MM-DD`, can lead out.
 */
export function checkDailyPath(path: string, configDir: string): { path: string } | { error: string } {
	const checked = checkFolder(path, configDir);
	if ("error" in checked) return { error: `the daily note's path ${checked.error}; change the daily notes folder or date format in Obsidian's settings` };
	return { path };
}
