/** What the user can do to a person: log, snooze, set a cadence, finish a follow-up. */
import { type App, Menu, Notice } from "obsidian";
import { addMonths, type Day, isoFromDay, parseIsoDay } from "../core/dates";
import { appendUnderHeading, completeTask, setProperty } from "../core/edits";
import type { ReteSettings } from "../core/settings";
import type { DueItem, PersonInfo } from "../core/types";
import type { Messages } from "./i18n";
import { CadenceModal, DateModal, FollowupSuggestModal, LogModal, PersonSuggestModal } from "./modals";
import type { ReteIndex } from "./people-index";
import { type EditOutcome, editBodyOnce, type NoteWriter } from "./writes";
import { errorText } from "./core-text";

export class ReteActions {
	constructor(
		private readonly app: App,
		private readonly index: ReteIndex,
		private readonly writer: NoteWriter,
		private readonly messages: () => Messages,
		private readonly settings: () => ReteSettings,
		private readonly today: () => Day,
		/** Logs into today's daily note (the "Log interactions in" setting). */
		private readonly logToDaily: (path: string, date: string, text: string) => Promise<EditOutcome>,
	) {}

	private person(path: string): PersonInfo | null {
		return this.index.index.person(path);
	}

	/** Lets the user pick a person, then does `then` with them. */
	pickPerson(then: (person: PersonInfo) => void): void {
		const people = this.index.index.allPeople();
		if (people.length === 0) {
			new Notice(this.messages().t("notice.noPeople"));
			return;
		}
		new PersonSuggestModal(this.app, people, this.messages(), then).open();
	}

	/** The active note, when it is a person. */
	activePerson(): PersonInfo | null {
		const file = this.app.workspace.getActiveFile();
		return file ? this.person(file.path) : null;
	}

	log(path: string): void {
		const person = this.person(path);
		if (!person) return;
		const m = this.messages();
		new LogModal(this.app, person.name, isoFromDay(this.today()), m, (date, text) => {
			const write = this.settings().logTarget === "daily" ? this.logToDaily(path, date, text) : editBodyOnce(this.writer, path, appendUnderHeading(this.settings().logHeading, `${date} ${text}`));
			void write.then(
				(outcome) => {
					if (outcome === "changed") new Notice(m.t("notice.logged", { name: person.name }));
					else if (outcome === "unchanged") new Notice(m.t("notice.alreadyLogged", { name: person.name, date }));
				},
				(e: unknown) => new Notice(m.t("notice.writeFailed", { path, error: errorText(e, m.t) })),
			);
		}).open();
	}

	async snooze(path: string, until: Day): Promise<void> {
		const person = this.person(path);
		const date = isoFromDay(until);
		if (await this.writer.editProperties(path, setProperty("snooze_until", date))) {
			new Notice(this.messages().t("notice.snoozed", { name: person?.name ?? path, date }));
		}
	}

	/** Asks for a date, then snoozes. */
	snoozeUntilChosen(path: string): void {
		const person = this.person(path);
		const m = this.messages();
		const initial = isoFromDay(this.today() + 7);
		new DateModal(this.app, m.t("modal.snooze.title", { name: person?.name ?? path }), initial, m.t("modal.snooze.save"), m, (date) => {
			const day = parseIsoDay(date);
			if (day !== null) void this.snooze(path, day);
		}).open();
	}

	snoozeMenu(path: string, evt: MouseEvent): void {
		const { t } = this.messages();
		const today = this.today();
		const menu = new Menu();
		menu.addItem((i) => i.setTitle(t("snooze.week")).setIcon("calendar-plus").onClick(() => void this.snooze(path, today + 7)));
		menu.addItem((i) => i.setTitle(t("snooze.month")).setIcon("calendar-range").onClick(() => void this.snooze(path, addMonths(today, 1))));
		menu.addItem((i) => i.setTitle(t("snooze.date")).setIcon("calendar-days").onClick(() => this.snoozeUntilChosen(path)));
		menu.showAtMouseEvent(evt);
	}

	setCadence(path: string): void {
		const person = this.person(path);
		if (!person) return;
		const m = this.messages();
		new CadenceModal(this.app, person.name, person.cadenceText ?? "", m, (cadence) => {
			void this.writer.editProperties(path, setProperty("cadence", cadence)).then((ok) => {
				if (!ok) return;
				new Notice(cadence === null ? m.t("notice.cadenceRemoved", { name: person.name }) : m.t("notice.cadenceSet", { name: person.name, cadence }));
			});
		}).open();
	}

	async done(item: DueItem): Promise<void> {
		if (item.reason !== "followup" || !item.source || item.line === undefined) return;
		const edit = completeTask(item.line, item.text ?? "", isoFromDay(this.today()));
		if (await this.writer.editBody(item.source, edit)) new Notice(this.messages().t("notice.done"));
	}

	/** Every open follow-up, dated or not, for the "mark follow-up done" command. */
	openFollowups(): DueItem[] {
		return this.index.index.openFollowups();
	}

	pickFollowupDone(): void {
		const followups = this.openFollowups();
		if (followups.length === 0) {
			new Notice(this.messages().t("notice.noFollowups"));
			return;
		}
		new FollowupSuggestModal(this.app, followups, this.messages(), (item) => void this.done(item)).open();
	}
}
