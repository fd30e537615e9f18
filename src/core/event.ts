/**
 * After an event: the notes to create for it, as plain text, decided before anything is
 * written. The adapter creates them (never overwriting) and reports what landed.
 */
import { type Day, isoFromDay, parseIsoDay } from "./dates";
import { setFrontmatter } from "./frontmatter-edit";
import { freePath, safeFileName } from "./names";
import { renderTemplate, type WallClock } from "./template";

export interface MetPerson {
	/** Set when the person already has a note: nothing is created for them. */
	existingPath?: string;
	name: string;
	company?: string;
	role?: string;
	email?: string;
	linkedin?: string;
	/** What you talked about. */
	talked?: string;
}

export interface EventForm {
	name: string;
	kind: string;
	/** `YYYY-MM-DD`. */
	date: string;
	location: string;
	people: MetPerson[];
	followUpDays: number;
	action: string;
}

export interface NewNote {
	path: string;
	content: string;
	/** For a person: the index of the form row it comes from. */
	row?: number;
}

export interface PersonNoteOptions {
	peopleFolder: string;
	/** The person tag to give new people (the first of the settings' tags). */
	personTag: string;
	personTemplate: string;
	/** Whether a path is taken (ignoring case and NFC/NFD). */
	taken: (path: string) => boolean;
	now: WallClock;
	locale: string;
}

/** Where they were met, for a person met at an event. */
export interface MetAt {
	date: string;
	eventLink: string;
	event: string;
	kind: string;
	location: string;
}

/** The note for a new person, from the person template, with Rete's properties set. */
export function personNote(p: MetPerson, o: PersonNoteOptions, at: MetAt | null): NewNote {
	const personName = clean(p.name);
	const path = freePath(o.peopleFolder, safeFileName(personName), o.taken);
	const title = withoutMd(path.slice(path.lastIndexOf("/") + 1));
	const values = { title, name: personName, event: at?.event ?? "", kind: at?.kind ?? "", location: at?.location ?? "", company: clean(p.company), role: clean(p.role), email: clean(p.email), linkedin: clean(p.linkedin) };
	const content = renderTemplate(o.personTemplate, { values, now: o.now, locale: o.locale });
	const props: Array<[string, string | string[]]> = [["tags", [o.personTag]]];
	if (title !== personName) props.push(["name", personName]);
	if (at) props.push(["met", at.date], ["met_at", `[[${at.eventLink}]]`]);
	for (const key of ["company", "role", "email", "linkedin"] as const) if (values[key] !== "") props.push([key, values[key]]);
	return { path, content: setFrontmatter(content, props, ["tags"]) };
}

export interface EventPlanOptions {
	eventsFolder: string;
	peopleFolder: string;
	/** The person tag to give new people (the first of the settings' tags). */
	personTag: string;
	eventTemplate: string;
	personTemplate: string;
	/** Whether a path is taken (ignoring case and NFC/NFD). */
	taken: (path: string) => boolean;
	/** The link text for a note path: its name when unique in the vault, else its path. */
	linkText: (path: string) => string;
	now: WallClock;
	locale: string;
}

export const DEFAULT_EVENT_TEMPLATE = "# {{event}}\n\n## People met\n{{people}}\n\n## Follow-ups\n{{followups}}\n";
export const DEFAULT_PERSON_TEMPLATE = "# {{title}}\n\n## Notes\n\n## Log\n";

export type PlanResult = { event: NewNote; people: NewNote[]; followUp: string } | { error: string };

const clean = (s: string | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();

function withoutMd(path: string): string {
	return path.replace(/\.md$/i, "");
}

/** `- [[Anna Rossi]] (Acme, CTO): talked about the API` */
export function metLine(link: string, p: MetPerson): string {
	const who = [clean(p.company), clean(p.role)].filter((s) => s !== "").join(", ");
	const talked = clean(p.talked);
	return `- [[${link}]]${who ? ` (${who})` : ""}${talked ? `: ${talked}` : ""}`;
}

/** `- [ ] Follow up with [[Anna Rossi]]: email or LinkedIn invitation 📅 2026-11-22` */
export function followUpLine(link: string, action: string, due: string): string {
	const what = clean(action).replace(/^follow[ -]?up\s*:\s*/i, "");
	return `- [ ] Follow up with [[${link}]]${what ? `: ${what}` : ""} 📅 ${due}`;
}

/** Appends a section holding `lines` when the template had no placeholder for them. */
function ensureSection(content: string, marker: string, heading: string, lines: string): string {
	if (lines === "" || content.includes(marker)) return content;
	const sep = content.endsWith("\n\n") ? "" : content.endsWith("\n") ? "\n" : "\n\n";
	return `${content}${sep}${heading}\n${lines}\n`;
}

export function planEvent(form: EventForm, o: EventPlanOptions): PlanResult {
	const name = clean(form.name);
	if (name === "") return { error: "the event needs a name" };
	const day: Day | null = parseIsoDay(form.date.trim());
	if (day === null) return { error: `the date "${form.date}" is not a real YYYY-MM-DD date` };
	if (!Number.isInteger(form.followUpDays) || form.followUpDays < 0 || form.followUpDays > 365) return { error: "follow up after 0 to 365 days" };
	const date = isoFromDay(day);
	const followUp = isoFromDay(day + form.followUpDays);
	const claimed: string[] = [];
	const taken = (p: string): boolean => o.taken(p) || claimed.some((c) => c.toLowerCase() === p.normalize("NFC").toLowerCase());
	const eventPath = freePath(o.eventsFolder, safeFileName(`${date} ${name}`), taken);
	claimed.push(eventPath);
	const eventLink = withoutMd(eventPath.slice(eventPath.lastIndexOf("/") + 1));

	const people: NewNote[] = [];
	const links: string[] = [];
	const met: MetPerson[] = [];
	form.people.forEach((p, row) => {
		if (!p.existingPath && clean(p.name) === "") return; // an empty row of the form
		met.push(p);
		if (p.existingPath) {
			links.push(o.linkText(p.existingPath));
			return;
		}
		const note = personNote(p, { ...o, taken }, { date, eventLink, event: name, kind: clean(form.kind), location: clean(form.location) });
		claimed.push(note.path);
		people.push({ ...note, row });
		links.push(o.linkText(note.path));
	});

	const peopleLines = met.map((p, i) => metLine(links[i] ?? p.name, p)).join("\n");
	const followLines = links.map((l) => followUpLine(l, form.action, followUp)).join("\n");
	const values = { title: withoutMd(eventPath.slice(eventPath.lastIndexOf("/") + 1)), event: name, kind: clean(form.kind), location: clean(form.location), people: peopleLines, followups: followLines };
	let content = renderTemplate(o.eventTemplate, { values, now: o.now, locale: o.locale });
	content = ensureSection(content, peopleLines, "## People met", peopleLines);
	content = ensureSection(content, followLines, "## Follow-ups", followLines);
	content = setFrontmatter(content, [
		["date", date],
		["type", "event"],
		["kind", clean(form.kind)],
		["location", clean(form.location)],
		["attendees", links.map((l) => `[[${l}]]`)],
	]);
	return { event: { path: eventPath, content }, people, followUp };
}


/**
 * A property value's link target (`Anna Rossi` for `"[[Anna Rossi|Anna]]"`), or its text. YAML
 * reads an unquoted `[[Anna Rossi]]` as a list holding a list: that shape is a link too.
 */
function attendeeTarget(value: unknown): string | null {
	let v = value;
	let nested = false;
	while (Array.isArray(v) && v.length === 1) {
		v = v[0];
		nested = true;
	}
	if (typeof v !== "string") return null;
	const m = /^\[\[([^\]|#]*)/.exec(v);
	const target = m ? (m[1] ?? "") : nested ? (v.split(/[|#]/)[0] ?? "") : v;
	return target.normalize("NFC").trim().toLowerCase();
}

/** An unquoted `[[…]]` as YAML read it (a list holding a list), written back as the link it was. */
function asLinkText(value: unknown): unknown {
	if (!Array.isArray(value)) return value;
	let v: unknown = value;
	while (Array.isArray(v) && v.length === 1) v = v[0];
	return typeof v === "string" && !v.includes("[") && !v.includes("]") ? `[[${v}]]` : value;
}

/**
 * Adds `links` (link texts) to an event's `attendees` property (any case of the key) as
 * `"[[link]]"`, each once. Every value already there stays, in its order: a single value becomes
 * the list's first, and a link YAML read as nested lists is written back as the link.
 */
export function addAttendees(links: readonly string[]): (frontmatter: Record<string, unknown>) => void {
	return (fm) => {
		const key = Object.keys(fm).find((k) => k.toLowerCase() === "attendees") ?? "attendees";
		const old: unknown = fm[key];
		const list: unknown[] = Array.isArray(old) ? old.map(asLinkText) : old === undefined || old === null || old === "" ? [] : [asLinkText(old)];
		const have = new Set(list.map(attendeeTarget).filter((t): t is string => t !== null));
		for (const link of links) {
			const target = attendeeTarget(`[[${link}]]`);
			if (target === null || have.has(target)) continue;
			have.add(target);
			list.push(`[[${link}]]`);
		}
		fm[key] = list;
	};
}
