/** Who is a person, and what their note's properties say. */
import { type Cadence, readCadence } from "./cadence";
import type { DailyMatcher } from "./daily";
import { type Day, isValidYmd, readDateValue, unquotedLink, ymdFromDay } from "./dates";
import type { ReteSettings } from "./settings";
import type { PersonInfo } from "./types";

export type Properties = Record<string, unknown>;

/** Frontmatter as an object of properties, or `null` when it is missing or not a mapping. */
export function asProperties(frontmatter: unknown): Properties | null {
	if (frontmatter === null || typeof frontmatter !== "object" || Array.isArray(frontmatter) || frontmatter instanceof Date) return null;
	return frontmatter as Properties;
}

/** A property by name: the exact key first, else the first key equal to it ignoring case. */
export function prop(fm: Properties | null, key: string): unknown {
	if (!fm) return undefined;
	if (Object.prototype.hasOwnProperty.call(fm, key)) return fm[key];
	const lower = key.toLowerCase();
	// Lower-casing changes a key's length only for `İ` (into `i̇`): a key of another length is
	// not the one, and is passed over without making its lower-cased copy.
	// Gone through in place (no array of the keys made, for each note and property looked up);
	// a key found is checked to be the note's own.
	for (const k in fm) if ((k.length === lower.length || k.includes("\u0130")) && k.toLowerCase() === lower && Object.prototype.hasOwnProperty.call(fm, k)) return fm[k];
	return undefined;
}

/** The note's tags from `tags` (or `tag`): a list, or one string of tags separated by commas or spaces. */
export function tagsOf(fm: Properties | null): string[] {
	const raw = prop(fm, "tags") ?? prop(fm, "tag");
	const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[,\s]+/) : [];
	const out: string[] = [];
	for (const t of list) {
		if (typeof t !== "string") continue;
		const tag = t.trim().replace(/^#+/, "").toLowerCase();
		if (tag !== "") out.push(tag);
	}
	return out;
}

export function basename(path: string): string {
	const file = path.slice(path.lastIndexOf("/") + 1);
	return file.toLowerCase().endsWith(".md") ? file.slice(0, -3) : file;
}

function hasTypePerson(fm: Properties | null, personType: string): boolean {
	if (personType === "") return false;
	const raw = prop(fm, "type");
	if (raw === undefined) return false;
	const want = personType.toLowerCase();
	const link = unquotedLink(raw);
	const values = link !== null ? [link] : Array.isArray(raw) ? raw : [raw];
	return values.some((v) => typeof v === "string" && v.replace(/^\[\[|\]\]$/g, "").trim().toLowerCase() === want);
}

export function inFolder(path: string, folder: string): boolean {
	if (folder === "") return false;
	// Both in ASCII up to the folder's end (most paths): compared in place, as normalising and
	// lower-casing would leave them, without making either string.
	const n = folder.length;
	if (asciiUpTo(folder, n) && asciiUpTo(path, Math.min(n + 1, path.length))) {
		if (path.length <= n || path.charCodeAt(n) !== 47) return false;
		for (let i = 0; i < n; i++) if (lowerAscii(path.charCodeAt(i)) !== lowerAscii(folder.charCodeAt(i))) return false;
		return true;
	}
	return path.normalize("NFC").toLowerCase().startsWith(`${folder.normalize("NFC").toLowerCase()}/`);
}

function asciiUpTo(s: string, n: number): boolean {
	for (let i = 0; i < n; i++) if (s.charCodeAt(i) > 127) return false;
	return true;
}

function lowerAscii(c: number): number {
	return c >= 65 && c <= 90 ? c + 32 : c;
}

/** A note is a person by tag (nested tags included), by `type`, or by lying under the people folder. */
export function isPerson(path: string, fm: Properties | null, settings: ReteSettings): boolean {
	if (inFolder(path, settings.peopleFolder)) return true;
	// No properties (most notes of a vault): neither a type nor a tag, and nothing to make.
	if (fm === null) return false;
	if (hasTypePerson(fm, settings.personType)) return true;
	const wanted = settings.personTags;
	if (wanted.length === 0) return false;
	// A tag or one nested under it (`person/colleague`), compared in place.
	for (const tag of tagsOf(fm)) for (const want of wanted) if (tag === want || (tag.charCodeAt(want.length) === 47 && tag.startsWith(want))) return true;
	return false;
}

function text(value: unknown): string | undefined {
	if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	if (Array.isArray(value)) {
		const parts = value.map(text).filter((v): v is string => v !== undefined);
		return parts.length > 0 ? parts.join(", ") : undefined;
	}
	return undefined;
}

/** Reports a problem, naming the property it concerns when there is one. */
export type Report = (message: string, key?: string) => void;

function day(fm: Properties | null, key: string, report: Report): Day | null {
	const r = readDateValue(prop(fm, key));
	if (r && "error" in r) {
		report(`${key}: ${r.error}`, key);
		return null;
	}
	return r ? r.day : null;
}

const MONTH_DAY = /^-{0,2}(\d{1,2})-(\d{1,2})$/;

function birthday(fm: Properties | null, report: Report): PersonInfo["birthday"] {
	const raw = prop(fm, "birthday");
	if (raw === null || raw === undefined || raw === "") return null;
	if (typeof raw === "string") {
		const md = MONTH_DAY.exec(raw.trim());
		if (md) {
			const month = Number(md[1]);
			const dayOfMonth = Number(md[2]);
			// 2000 is a leap year, so 02-29 is accepted here.
			if (isValidYmd(2000, month, dayOfMonth)) return { month, day: dayOfMonth, year: null };
			report(`birthday: impossible date: "${raw.trim()}"`, "birthday");
			return null;
		}
	}
	const r = readDateValue(raw);
	if (r && "error" in r) {
		report(`birthday: ${r.error.replace("YYYY-MM-DD", "YYYY-MM-DD or MM-DD")}`, "birthday");
		return null;
	}
	if (!r) return null;
	const { y, m, d } = ymdFromDay(r.day);
	return { year: y, month: m, day: d };
}

function cadenceOf(fm: Properties | null, settings: ReteSettings, report: Report): { cadence: Cadence | null; text: string | null } {
	const raw = prop(fm, "cadence");
	const own = readCadence(raw);
	if (own && "cadence" in own) return { cadence: own.cadence, text: text(raw) ?? null };
	if (own && "error" in own) {
		report(`cadence: ${own.error}`, "cadence");
		return { cadence: null, text: null };
	}
	const fallback = readCadence(settings.defaultCadence);
	return fallback && "cadence" in fallback ? { cadence: fallback.cadence, text: settings.defaultCadence } : { cadence: null, text: null };
}

export function readPerson(path: string, fm: Properties | null, settings: ReteSettings, report: Report): PersonInfo {
	const name = text(prop(fm, "name")) ?? basename(path);
	const { cadence, text: cadenceText } = cadenceOf(fm, settings, report);
	const info: PersonInfo = {
		path,
		name,
		cadence,
		cadenceText,
		lastContact: day(fm, "last_contact", report),
		met: day(fm, "met", report),
		birthday: birthday(fm, report),
		snoozeUntil: day(fm, "snooze_until", report),
		tags: tagsOf(fm),
	};
	for (const key of ["company", "role", "email", "phone", "linkedin", "location"] as const) {
		const v = text(prop(fm, key));
		if (v !== undefined) info[key] = v;
	}
	return info;
}

/** A daily note is dated by its name; any other note by its `date` property, if any. */
export function noteDateOf(path: string, fm: Properties | null, daily: DailyMatcher | null, report: Report): Day | null {
	const fromName = daily?.dateOf(path) ?? null;
	if (fromName !== null) return fromName;
	return day(fm, "date", report);
}

