/**
 * After the event: create the event note and the new people's notes (never overwriting), or
 * add people to an open event note. Partial failure reports what was and was not created.
 */
import { type App, normalizePath, Notice, TFile } from "obsidian";
import { dayFromYmd, isoFromDay, readDateValue } from "../core/dates";
import { appendUnderHeading } from "../core/edits";
import { addAttendees, DEFAULT_EVENT_TEMPLATE, DEFAULT_PERSON_TEMPLATE, type EventForm, followUpLine, type MetAt, type MetPerson, metLine, type NewNote, personNote, planEvent } from "../core/event";
import { checkFolder, nameKey, pathSet } from "../core/names";
import type { ReteSettings } from "../core/settings";
import type { WallClock } from "../core/template";
import { linkTextFor } from "../core/text";
import type { PersonInfo } from "../core/types";
import { errorText } from "./core-text";
import type { Messages } from "./i18n";
import type { ReteIndex } from "./people-index";
import { ensureFolderIn, locate } from "./vault-paths";
import type { NoteWriter } from "./writes";

export interface CreateReport {
	/** Paths created, the event note last. */
	created: string[];
	failed: Array<{ path: string; error: string }>;
	/** Form rows whose person note now exists: a retry must not create them again. */
	createdRows: Map<number, string>;
	eventPath: string | null;
	/** A problem found before anything was written. */
	error?: string;
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

export class EventActions {
	constructor(
		private readonly app: App,
		private readonly index: ReteIndex,
		private readonly writer: NoteWriter,
		private readonly messages: () => Messages,
		private readonly settings: () => ReteSettings,
		private readonly now: () => WallClock,
	) {}

	/** An existing person whose name is this one, ignoring case, NFC/NFD and extra spaces. */
	findPerson(name: string): PersonInfo | null {
		const key = nameKey(name);
		if (key === "") return null;
		return this.index.index.allPeople().find((p) => nameKey(p.name) === key || nameKey(p.path.slice(p.path.lastIndexOf("/") + 1).replace(/\.md$/i, "")) === key) ?? null;
	}

	/** A template's text: the note at the setting's path, else the built-in one (with a notice). */
	async template(setting: string, fallback: string): Promise<string> {
		const raw = setting.trim();
		if (raw === "") return fallback;
		const path = normalizePath(raw.toLowerCase().endsWith(".md") ? raw : `${raw}.md`);
		const file = this.app.vault.getFileByPath(path);
		const { t } = this.messages();
		if (!file) {
			new Notice(t("notice.templateMissing", { path }));
			return fallback;
		}
		try {
			return await this.app.vault.cachedRead(file);
		} catch (e) {
			new Notice(t("notice.templateUnreadable", { path, error: errorText(e, t) }));
			return fallback;
		}
	}

	/** The link text for a path: the note's name when no other note has it, else its path. */
	private linkText(path: string): string {
		// A note about to be created resolves to nobody yet: its name is then free to use.
		return linkTextFor(path, (name) => this.app.metadataCache.getFirstLinkpathDest(name, "")?.path ?? path);
	}

	/**
	 * Creates a note that must not exist yet, in its folder as the vault spells it (a folder that
	 * differs only in case or NFC/NFD is the same folder, created when missing).
	 */
	private async createNote(note: NewNote): Promise<TFile> {
		const slash = note.path.lastIndexOf("/");
		const folder = await ensureFolderIn(this.app.vault, note.path.slice(0, Math.max(0, slash)));
		const name = note.path.slice(slash + 1);
		const path = folder === "" ? name : `${folder}/${name}`;
		if (locate(this.app.vault, path).found) throw new Error("a note already exists there");
		return this.app.vault.create(path, note.content);
	}

	private folders(): { events: string; people: string } | { error: string } {
		const s = this.settings();
		const configDir = this.app.vault.configDir;
		const events = checkFolder(s.eventsFolder, configDir);
		if ("error" in events) return { error: events.error };
		const people = checkFolder(s.peopleFolder === "" ? "People" : s.peopleFolder, configDir);
		if ("error" in people) return { error: people.error };
		return { events: events.folder, people: people.folder };
	}

	async createEvent(form: EventForm): Promise<CreateReport> {
		const report: CreateReport = { created: [], failed: [], createdRows: new Map(), eventPath: null };
		const s = this.settings();
		const folders = this.folders();
		if ("error" in folders) return { ...report, error: folders.error };
		const plan = planEvent(form, {
			eventsFolder: folders.events,
			peopleFolder: folders.people,
			personTag: s.personTags[0] ?? "person",
			eventTemplate: await this.template(s.eventTemplate, DEFAULT_EVENT_TEMPLATE),
			personTemplate: await this.template(s.personTemplate, DEFAULT_PERSON_TEMPLATE),
			taken: pathSet(this.app.vault.getFiles().map((f) => f.path)),
			linkText: (p) => this.linkText(p),
			now: this.now(),
			locale: this.messages().locale,
		});
		if ("error" in plan) return { ...report, error: plan.error };
		for (const person of plan.people) {
			try {
				const file = await this.createNote(person);
				report.created.push(file.path);
				if (person.row !== undefined) report.createdRows.set(person.row, file.path);
			} catch (e) {
				report.failed.push({ path: person.path, error: message(e) });
			}
		}
		try {
			const file = await this.createNote(plan.event);
			report.created.push(file.path);
			report.eventPath = file.path;
		} catch (e) {
			report.failed.push({ path: plan.event.path, error: message(e) });
		}
		return report;
	}

	/** Creates one person's note from the person template; returns its path, or throws. */
	async createPerson(person: MetPerson, at: MetAt | null = null): Promise<string> {
		const s = this.settings();
		const folders = this.folders();
		if ("error" in folders) throw new Error(folders.error);
		if (person.name.trim() === "") throw new Error(this.messages().t("form.nameMissing"));
		const note = personNote(person, {
			peopleFolder: folders.people,
			personTag: s.personTags[0] ?? "person",
			personTemplate: await this.template(s.personTemplate, DEFAULT_PERSON_TEMPLATE),
			taken: pathSet(this.app.vault.getFiles().map((f) => f.path)),
			now: this.now(),
			locale: this.messages().locale,
		}, at);
		return (await this.createNote(note)).path;
	}

	/** Whether a note is an event note (`type: event`). */
	isEvent(file: TFile | null): file is TFile {
		if (!file) return false;
		const type: unknown = this.app.metadataCache.getFileCache(file)?.frontmatter?.type;
		return typeof type === "string" && type.trim().toLowerCase() === "event";
	}

	/** Adds people met to an existing event note: new notes, bullets, follow-ups and attendees. */
	async addPeople(event: TFile, people: MetPerson[], followUpDays: number, action: string): Promise<CreateReport> {
		const report: CreateReport = { created: [], failed: [], createdRows: new Map(), eventPath: event.path };
		const cache = this.app.metadataCache.getFileCache(event);
		const date = readDateValue(cache?.frontmatter?.date);
		const now = this.now();
		const day = date && "day" in date ? date.day : dayFromYmd(now.year, now.month, now.day);
		const at: MetAt = { date: isoFromDay(day), eventLink: this.linkText(event.path), event: event.basename, kind: String(cache?.frontmatter?.kind ?? ""), location: String(cache?.frontmatter?.location ?? "") };
		const links: Array<{ link: string; person: MetPerson }> = [];
		for (const [row, person] of people.entries()) {
			if (!person.existingPath && person.name.trim() === "") continue;
			let path = person.existingPath;
			if (!path) {
				try {
					path = await this.createPerson(person, at);
					report.created.push(path);
					report.createdRows.set(row, path);
				} catch (e) {
					report.failed.push({ path: person.name, error: message(e) });
					continue;
				}
			}
			links.push({ link: this.linkText(path), person });
		}
		if (links.length === 0) return report;
		const due = isoFromDay(day + followUpDays);
		const edits = links.flatMap(({ link, person }) => [
			appendUnderHeading("## People met", metLine(link, person).slice(2)),
			appendUnderHeading("## Follow-ups", followUpLine(link, action, due).slice(2)),
		]);
		const ok = await this.writer.editBody(event.path, (text) => edits.reduce((acc, edit) => edit(acc), text));
		if (!ok) report.failed.push({ path: event.path, error: "not written" });
		// A failure here has its notice already (the bullets above may have landed).
		await this.writer.editProperties(event.path, addAttendees(links.map(({ link }) => link)));
		return report;
	}
}
