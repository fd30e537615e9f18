/** Opens the "after the event" forms and, when they succeed, the notes they made. */
import { type App, Modal, Notice, Setting, type TFile } from "obsidian";
import { isoFromDay, type Day } from "../core/dates";
import type { ReteSettings } from "../core/settings";
import type { EventActions } from "./event-actions";
import { EventModal, NewPersonModal, PeopleRows, reportOutcome, type PeopleFormHost } from "./event-modal";
import type { Messages } from "./i18n";
import type { ReteIndex } from "./people-index";

export class EventFlows {
	constructor(
		private readonly app: App,
		private readonly actions: EventActions,
		private readonly index: ReteIndex,
		private readonly messages: Messages,
		private readonly settings: () => ReteSettings,
		private readonly today: () => Day,
	) {}

	private host(): PeopleFormHost {
		return { app: this.app, actions: this.actions, messages: this.messages, people: () => this.index.index.allPeople() };
	}

	private async open(path: string): Promise<void> {
		const file = this.app.vault.getFileByPath(path);
		if (file) await this.app.workspace.getLeaf(false).openFile(file);
	}

	newEvent(): void {
		const s = this.settings();
		new EventModal(this.host(), s.eventKinds, isoFromDay(this.today()), s.followUpDays, s.followUpAction, (path, count) => {
			new Notice(this.messages.t("notice.eventCreated", { count }));
			void this.open(path);
		}).open();
	}

	newPerson(): void {
		new NewPersonModal(this.host(), (path) => void this.open(path)).open();
	}

	/** The active note when it is an event note. */
	activeEvent(): TFile | null {
		const file = this.app.workspace.getActiveFile();
		return this.actions.isEvent(file) ? file : null;
	}

	addPeople(event: TFile): void {
		new AddPeopleModal(this.host(), event, this.settings(), (count) => new Notice(this.messages.t("notice.peopleAdded", { count }))).open();
	}
}

class AddPeopleModal extends Modal {
	private readonly rows: PeopleRows;
	private days: number;
	private action: string;
	private errorEl: HTMLElement | null = null;

	constructor(
		private readonly host: PeopleFormHost,
		private readonly event: TFile,
		settings: ReteSettings,
		private readonly done: (count: number) => void,
	) {
		super(host.app);
		this.rows = new PeopleRows(host);
		this.days = settings.followUpDays;
		this.action = settings.followUpAction;
	}

	override onOpen(): void {
		const { t } = this.host.messages;
		const el = this.contentEl;
		el.addClass("rete-form");
		this.setTitle(t("form.addPeople.title", { event: this.event.basename }));
		this.rows.mount(el);
		new Setting(el).setName(t("form.followUpDays")).addText((c) => {
			c.inputEl.type = "number";
			c.setValue(String(this.days)).onChange((v) => (this.days = Number(v)));
		});
		new Setting(el).setName(t("form.followUpAction")).addText((c) => c.setValue(this.action).onChange((v) => (this.action = v)));
		this.errorEl = el.createDiv({ cls: "rete-form-error" });
		new Setting(el)
			.addButton((b) => b.setButtonText(t("modal.cancel")).onClick(() => this.close()))
			.addButton((b) => b.setButtonText(t("form.add")).setCta().onClick(() => void this.submit()));
	}

	async submit(): Promise<void> {
		if (!this.errorEl) return;
		if (!Number.isInteger(this.days) || this.days < 0 || this.days > 365) {
			this.errorEl.setText(this.host.messages.t("form.badDays"));
			return;
		}
		const people = this.rows.rows.map((r) => ({ ...r }));
		const report = await this.host.actions.addPeople(this.event, people, this.days, this.action);
		this.rows.markCreated(report.createdRows);
		if (reportOutcome(report, this.host.messages, this.errorEl)) {
			this.close();
			this.done(people.filter((p) => p.existingPath || p.name.trim() !== "").length);
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
