/**
 * What the core says (problems in notes, errors in forms and settings) in the user's language.
 * The core speaks English, for the CLI and its tests; here each of its sentences is recognised
 * by its shape and said again from the message catalogue. In English the catalogue says what
 * the core says, word for word; a sentence of unknown shape passes as it is.
 */
import type { MessageKey, Translate } from "./i18n";

type Say = (m: RegExpExecArray, t: Translate) => string;

/** A value as `describe` (core/dates) gives it: a list and an object are words; the rest stays. */
function value(s: string, t: Translate): string {
	if (s === "a list") return t("error.aList");
	if (s === "an object") return t("error.anObject");
	return s;
}

const is = (key: MessageKey, ...names: string[]): Say => (m, t) => {
	const vars: Record<string, string> = {};
	names.forEach((name, i) => (vars[name] = m[i + 1] ?? ""));
	return t(key, vars);
};

/** Each shape once, whole (anchored), most specific first. */
const SHAPES: [RegExp, Say][] = [
	// core/cadence
	[/^unknown cadence "(.*)" \(use e\.g\. .*\)$/s, is("error.cadenceUnknown", "value")],
	[/^cadence must be a whole number of days from 1 to (\d+), not "(.*)"$/s, is("error.cadenceRange", "max", "value")],
	[/^cadence must be a number of days or a period, not (.*)$/s, (m, t) => t("error.cadenceType", { value: value(m[1] ?? "", t) })],
	// core/names, core/daily-config
	[/^"(.*)" is an absolute path; use a folder inside the vault$/s, is("error.folderAbsolute", "value")],
	[/^"(.*)" climbs out of the vault \(\.\.\)$/s, is("error.folderUp", "value")],
	[/^"(.*)" is inside (.*), Obsidian's settings folder$/s, is("error.folderConfig", "value", "folder")],
	[/^the daily note's path (.*); change the daily notes folder or date format in Obsidian's settings$/s, (m, t) => t("error.dailyPath", { error: translateCore(m[1] ?? "", t) })],
	// core/dates
	[/^invalid date$/, is("error.dateInvalid")],
	[/^not a date: (.*)$/s, (m, t) => t("error.dateType", { value: value(m[1] ?? "", t) })],
	[/^not a YYYY-MM-DD or MM-DD date: "(.*)"$/s, is("error.birthdayFormat", "value")],
	[/^not a YYYY-MM-DD date: "(.*)"$/s, is("error.dateFormat", "value")],
	[/^impossible date: "(.*)"$/s, is("error.dateImpossible", "value")],
	// core/scan: a list item's date
	[/^impossible date (\S+)$/, is("error.entryDateImpossible", "value")],
	[/^date (\S+) is not written as YYYY-MM-DD$/, is("error.entryDateFormat", "value")],
	[/^nested under line (\d+), whose date (\S+) is impossible or not written as YYYY-MM-DD$/, is("error.parentDate", "line", "value")],
	// core/settings: a saved setting that cannot be used
	[/^the settings file is not an object; using the defaults$/, is("error.settingsNotObject")],
	[/^settings were saved by a newer Rete \(version (.*)\); unknown keys are ignored$/s, is("error.settingsNewer", "version")],
	[/^"(.*)" must be text; using the default$/s, is("error.settingText", "key")],
	[/^"defaultCadence": (.*); using none$/s, (m, t) => t("error.settingCadence", { error: translateCore(m[1] ?? "", t) })],
	[/^"(.*)" must be true or false; using (.*)$/s, is("error.settingBoolean", "key", "value")],
	[/^"logTarget" must be "person" or "daily"; using "person"$/, is("error.settingLogTarget")],
	[/^"(.*)" must be a list of names; using the default$/s, is("error.settingNames", "key")],
	[/^"(.*)" must be a list of tags; using the default$/s, is("error.settingTags", "key")],
	[/^"(.*)" must be a whole number of days from 0 to (\d+); using (.*)$/s, is("error.settingDays", "key", "max", "value")],
	// plugin/event-actions: never overwrite on create
	[/^a note already exists there$/, is("error.noteExists")],
	// core/record, core/note-facts: properties
	[/^unreadable frontmatter: (.*)$/s, (m, t) => t("error.frontmatterUnreadable", { error: translateCore(m[1] ?? "", t) })],
	[/^Obsidian could not read these properties \(invalid YAML\)$/, is("error.yamlInvalid")],
	[/^frontmatter in "(.*)" is not read \(only YAML is; nothing in a note is ever run\)$/s, is("error.frontmatterLanguage", "language")],
	[/^frontmatter is not a set of properties \(key: value\); ignored$/, is("error.frontmatterShape")],
	// core/event
	[/^the event needs a name$/, is("error.eventName")],
	[/^the date "(.*)" is not a real YYYY-MM-DD date$/s, is("error.eventDate", "value")],
	[/^follow up after 0 to 365 days$/, is("error.eventFollowUp")],
];

/** A property's problem (core/person): `key: what is wrong`, the key as the note spells it. */
const PROPERTY = /^([^:\n]+): (.+)$/s;

/** `text` said again when its shape is known; `null` otherwise. */
function known(text: string, t: Translate): string | null {
	for (const [shape, say] of SHAPES) {
		const m = shape.exec(text);
		if (m) return say(m, t);
	}
	return null;
}

/** `text` in the user's language when the core said it; as it is otherwise. */
export function translateCore(text: string, t: Translate): string {
	const said = known(text, t);
	if (said !== null) return said;
	// Only a sentence the core says after the key: any other colon is someone's text.
	const p = PROPERTY.exec(text);
	const inner = p ? known(p[2] ?? "", t) : null;
	return p && inner !== null ? t("error.property", { key: p[1] ?? "", error: inner }) : text;
}

/** An error thrown while writing (a system's message, or the core's), for a notice. */
export function errorText(e: unknown, t: Translate): string {
	return translateCore(e instanceof Error ? e.message : String(e), t);
}
