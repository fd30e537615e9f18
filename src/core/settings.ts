/** Rete's settings: defaults, and a pure, versioned migration of whatever was saved. */
import { readCadence } from "./cadence";

export const SETTINGS_VERSION = 1;

export interface ReteSettings {
	version: number;
	/** Notes under this folder are people ("" turns the rule off). */
	peopleFolder: string;
	/** Notes tagged with one of these (or a nested tag below one) are people. */
	personTags: string[];
	/** Notes whose `type` property is this (any case) are people ("" turns the rule off). */
	personType: string;
	/** Cadence for people without their own (`""`: none). */
	defaultCadence: string;
	/** How many days ahead the due list looks. */
	horizon: number;
	/** Heading under which logged interactions are appended. */
	logHeading: string;
	/** Where post-event notes are created. */
	eventsFolder: string;
	/** The kinds of event the form offers. */
	eventKinds: string[];
	/** Follow up this many days after an event. */
	followUpDays: number;
	/** What the follow-up task asks you to do. */
	followUpAction: string;
	/** Vault path of the event template (`""`: the built-in one). */
	eventTemplate: string;
	/** Vault path of the person template (`""`: the built-in one). */
	personTemplate: string;
	/** Heading of the reach-out list in the daily note (`""`: "## Reach out", localised). */
	reachOutHeading: string;
	/** Add the reach-out list when the user creates today's daily note. */
	reachOutOnCreate: boolean;
	/** Where "Log interaction" writes. */
	logTarget: "person" | "daily";
	/** Heading of the daily note under which interactions are logged. */
	dailyLogHeading: string;
	/** Keep the index in this device's app storage between starts (never in the vault). */
	indexCache: boolean;
}

export const DEFAULT_SETTINGS: Readonly<ReteSettings> = Object.freeze({
	version: SETTINGS_VERSION,
	peopleFolder: "People",
	personTags: ["person", "people"],
	personType: "person",
	defaultCadence: "",
	horizon: 7,
	logHeading: "## Log",
	eventsFolder: "Events",
	eventKinds: ["conference", "trade fair", "webinar", "meetup", "dinner", "other"],
	followUpDays: 2,
	followUpAction: "Follow up: email or LinkedIn invitation",
	eventTemplate: "",
	personTemplate: "",
	reachOutHeading: "",
	reachOutOnCreate: false,
	logTarget: "person",
	dailyLogHeading: "## Log",
	indexCache: true,
});

export function defaultSettings(): ReteSettings {
	return { ...DEFAULT_SETTINGS, personTags: [...DEFAULT_SETTINGS.personTags], eventKinds: [...DEFAULT_SETTINGS.eventKinds] };
}

export interface SettingsLoad {
	settings: ReteSettings;
	/** What was ignored or repaired, for a notice. Empty when all was well. */
	warnings: string[];
}

const MAX_HORIZON = 3660;

/**
 * A copy of the defaults with every valid saved value merged in. Invalid values fall back to
 * their default and are named in `warnings`; a value that is not an object gives the defaults.
 */
export function migrateSettings(saved: unknown): SettingsLoad {
	const settings = defaultSettings();
	const warnings: string[] = [];
	if (saved === null || saved === undefined) return { settings, warnings };
	if (typeof saved !== "object" || Array.isArray(saved)) {
		warnings.push("the settings file is not an object; using the defaults");
		return { settings, warnings };
	}
	const raw = saved as Record<string, unknown>;
	const version = typeof raw.version === "number" ? raw.version : 0;
	if (version > SETTINGS_VERSION) warnings.push(`settings were saved by a newer Rete (version ${version}); unknown keys are ignored`);
	// Version 1 is the first saved format: a file without `version` is read as version 1.
	// A later format adds its upgrade step here, from the oldest version up.

	const str = (key: keyof ReteSettings): string | undefined => {
		const v = raw[key];
		if (v === undefined) return undefined;
		if (typeof v === "string") return v;
		warnings.push(`"${key}" must be text; using the default`);
		return undefined;
	};
	const folder = str("peopleFolder");
	if (folder !== undefined) settings.peopleFolder = normalizeFolder(folder);
	const type = str("personType");
	if (type !== undefined) settings.personType = type.trim();
	const cadence = str("defaultCadence");
	if (cadence !== undefined) {
		const read = readCadence(cadence);
		if (read && "error" in read) warnings.push(`"defaultCadence": ${read.error}; using none`);
		else settings.defaultCadence = cadence.trim();
	}
	const heading = str("logHeading");
	if (heading !== undefined && heading.trim() !== "") settings.logHeading = heading.trim();

	const events = str("eventsFolder");
	if (events !== undefined) settings.eventsFolder = normalizeFolder(events);
	const action = str("followUpAction");
	if (action !== undefined) settings.followUpAction = action.trim();
	for (const key of ["eventTemplate", "personTemplate"] as const) {
		const v = str(key);
		if (v !== undefined) settings[key] = v.trim();
	}
	const reachOut = str("reachOutHeading");
	if (reachOut !== undefined) settings.reachOutHeading = reachOut.trim();
	const dailyLog = str("dailyLogHeading");
	if (dailyLog !== undefined && dailyLog.trim() !== "") settings.dailyLogHeading = dailyLog.trim();
	if (raw.reachOutOnCreate !== undefined) {
		if (typeof raw.reachOutOnCreate === "boolean") settings.reachOutOnCreate = raw.reachOutOnCreate;
		else warnings.push(`"reachOutOnCreate" must be true or false; using false`);
	}
	if (raw.indexCache !== undefined) {
		if (typeof raw.indexCache === "boolean") settings.indexCache = raw.indexCache;
		else warnings.push(`"indexCache" must be true or false; using true`);
	}
	if (raw.logTarget !== undefined) {
		if (raw.logTarget === "person" || raw.logTarget === "daily") settings.logTarget = raw.logTarget;
		else warnings.push(`"logTarget" must be "person" or "daily"; using "person"`);
	}
	const kinds = raw.eventKinds;
	if (kinds !== undefined) {
		const list = typeof kinds === "string" ? kinds.split(",") : Array.isArray(kinds) ? kinds : null;
		const clean = list?.filter((k): k is string => typeof k === "string").map((k) => k.trim()).filter((k) => k !== "");
		if (clean && clean.length > 0 && clean.length === list?.length) settings.eventKinds = [...new Set(clean)];
		else warnings.push(`"eventKinds" must be a list of names; using the default`);
	}
	const days = raw.followUpDays;
	if (days !== undefined) {
		const n = typeof days === "string" ? Number(days) : days;
		if (typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= 365) settings.followUpDays = n;
		else warnings.push(`"followUpDays" must be a whole number of days from 0 to 365; using ${settings.followUpDays}`);
	}
	const tags = raw.personTags;
	if (tags !== undefined) {
		const list = typeof tags === "string" ? tags.split(/[,\s]+/) : Array.isArray(tags) ? tags : null;
		if (list && list.every((t) => typeof t === "string")) settings.personTags = normalizeTags(list);
		else warnings.push(`"personTags" must be a list of tags; using the default`);
	}
	const horizon = raw.horizon;
	if (horizon !== undefined) {
		const n = typeof horizon === "string" ? Number(horizon) : horizon;
		if (typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= MAX_HORIZON) settings.horizon = n;
		else warnings.push(`"horizon" must be a whole number of days from 0 to ${MAX_HORIZON}; using ${settings.horizon}`);
	}
	return { settings, warnings };
}

/** `"/People/ "` and `"People\\"` both become `"People"`; `""` and `"/"` mean the vault root. */
export function normalizeFolder(folder: string): string {
	return folder
		.normalize("NFC")
		.replace(/\\/g, "/")
		.split("/")
		.map((part) => part.trim())
		.filter((part) => part !== "" && part !== ".")
		.join("/");
}

export function normalizeTags(tags: string[]): string[] {
	const out: string[] = [];
	for (const t of tags) {
		const tag = t.trim().replace(/^#+/, "").toLowerCase();
		if (tag !== "" && !out.includes(tag)) out.push(tag);
	}
	return out;
}

/** Where daily notes live and how they are named (a moment format string). */
export interface DailyNoteConfig {
	folder: string;
	format: string;
	template?: string;
}

export const DEFAULT_DAILY_FORMAT = "YYYY-MM-DD";

export function readDailyNoteConfig(raw: unknown): DailyNoteConfig {
	const obj = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
	const folder = typeof obj.folder === "string" ? normalizeFolder(obj.folder) : "";
	const format = typeof obj.format === "string" && obj.format.trim() !== "" ? obj.format.trim() : DEFAULT_DAILY_FORMAT;
	const template = typeof obj.template === "string" && obj.template.trim() !== "" ? obj.template.trim() : undefined;
	return template === undefined ? { folder, format } : { folder, format, template };
}
