/**
 * The forms of "after the event": the post-event note, a new person, people added to an
 * event. What the user typed stays in the form until everything was created.
 */
import { type App, Modal, Notice, Setting } from "obsidian";
import { parseIsoDay } from "../core/dates";
import type { EventForm, MetPerson } from "../core/event";
import type { PersonInfo } from "../core/types";
import type { CreateReport, EventActions } from "./event-actions";
import type { Messages } from "./i18n";
import { PersonSuggestModal } from "./modals";
import { errorText, translateCore } from "./core-text";

export interface PeopleFormHost {
	app: App;
	actions: EventActions;
	messages: Messages;
	people: () => PersonInfo[];
}

/** The rows of people met: existing people (picked) or new ones (typed). */
export class PeopleRows {
	readonly rows: MetPerson[] = [];
	private el: HTMLElement | null = null;

	constructor(private readonly host: PeopleFormHost) {}

	mount(parent: HTMLElement): void {
		const { t } = this.host.messages;
		new Setting(parent).setName(t("form.people")).setHeading();
		this.el = parent.createDiv({ cls: "rete-people-rows" });
		new Setting(parent)
			.addButton((b) => b.setButtonText(t("form.addExisting")).onClick(() => this.pickExisting()))
			.addButton((b) => b.setButtonText(t("form.addNew")).onClick(() => this.add({ name: "" })));
		this.render();
	}

	add(row: MetPerson): void {
		this.rows.push(row);
		this.render();
	}

	private pickExisting(): void {
		new PersonSuggestModal(this.host.app, this.host.people(), this.host.messages, (p) => this.add({ existingPath: p.path, name: p.name })).open();
	}

	/** Rows whose person note was created: from now on they are existing people. */
	markCreated(created: Map<number, string>): void {
		for (const [row, path] of created) {
			const r = this.rows[row];
			if (r) r.existingPath = path;
		}
		this.render();
	}

	render(): void {
		const el = this.el;
		if (!el) return;
		const { t } = this.host.messages;
		el.empty();
		this.rows.forEach((row, i) => {
			const box = el.createDiv({ cls: "rete-person-row" });
			const remove = (): void => {
				this.rows.splice(i, 1);
				this.render();
			};
			if (row.existingPath) {
				new Setting(box).setName(row.name).setDesc(row.existingPath).addExtraButton((b) => b.setIcon("x").setTooltip(t("form.remove")).onClick(remove));
			} else {
				const hint = box.createDiv({ cls: "rete-duplicate" });
				const showHint = (): void => {
					hint.empty();
					const same = this.host.actions.findPerson(row.name);
					if (!same) return;
					hint.createSpan({ text: t("form.existing", { name: same.name }) });
					const use = hint.createEl("button", { text: t("form.useExisting", { name: same.name }), attr: { type: "button" } });
					use.addEventListener("click", () => {
						row.existingPath = same.path;
						row.name = same.name;
						this.render();
					});
				};
				const field = (key: "name" | "company" | "role" | "email" | "linkedin", label: string): void => {
					new Setting(box).setName(label).addText((c) =>
						c.setValue(row[key] ?? "").onChange((v) => {
							row[key] = v;
							if (key === "name") showHint();
						}),
					);
				};
				field("name", t("form.person.name"));
				showHint();
				field("company", t("form.person.company"));
				field("role", t("form.person.role"));
				field("email", t("form.person.email"));
				field("linkedin", t("form.person.linkedin"));
				new Setting(box).addExtraButton((b) => b.setIcon("x").setTooltip(t("form.remove")).onClick(remove));
			}
			new Setting(box).setName(t("form.person.talked")).addText((c) => c.setValue(row.talked ?? "").onChange((v) => (row.talked = v)));
		});
	}
}

/** Says what was and was not created; `true` when all of it was. */
export function reportOutcome(report: CreateReport, m: Messages, errorEl: HTMLElement): boolean {
	if (report.error) {
		errorEl.setText(translateCore(report.error, m.t));
		return false;
	}
	if (report.failed.length === 0) return true;
	const created = report.created.length > 0 ? report.created.join(", ") : m.t("form.nothing");
	const failed = report.failed.map((f) => `${f.path} (${translateCore(f.error, m.t)})`).join(", ");
	errorEl.setText(m.t("form.partial", { created, failed }));
	return false;
}

export class EventModal extends Modal {
	private readonly form: Omit<EventForm, "people">;
	private readonly people: PeopleRows;
	private errorEl: HTMLElement | null = null;
	private busy = false;

	constructor(
		private readonly host: PeopleFormHost,
		kinds: string[],
		today: string,
		followUpDays: number,
		action: string,
		private readonly done: (eventPath: string, newPeople: number) => void,
	) {
		super(host.app);
		this.form = { name: "", kind: kinds[0] ?? "", date: today, location: "", followUpDays, action };
		this.people = new PeopleRows(host);
		this.kinds = kinds;
	}

	private readonly kinds: string[];

	override onOpen(): void {
		const { t } = this.host.messages;
		const el = this.contentEl;
		el.addClass("rete-form");
		this.setTitle(t("form.event.title"));
		new Setting(el).setName(t("form.event.name")).addText((c) => c.setPlaceholder(t("form.event.namePlaceholder")).setValue(this.form.name).onChange((v) => (this.form.name = v)));
		new Setting(el).setName(t("form.event.kind")).addDropdown((d) => {
			for (const k of this.kinds) d.addOption(k, k);
			d.setValue(this.form.kind).onChange((v) => (this.form.kind = v));
		});
		new Setting(el).setName(t("form.event.date")).addText((c) => {
			c.inputEl.type = "date";
			c.setValue(this.form.date).onChange((v) => (this.form.date = v));
		});
		new Setting(el).setName(t("form.event.place")).addText((c) => c.setValue(this.form.location).onChange((v) => (this.form.location = v)));
		this.people.mount(el);
		new Setting(el).setName(t("form.followUpDays")).addText((c) => {
			c.inputEl.type = "number";
			c.setValue(String(this.form.followUpDays)).onChange((v) => (this.form.followUpDays = Number(v)));
		});
		new Setting(el).setName(t("form.followUpAction")).addText((c) => c.setValue(this.form.action).onChange((v) => (this.form.action = v)));
		this.errorEl = el.createDiv({ cls: "rete-form-error" });
		new Setting(el)
			.addButton((b) => b.setButtonText(t("modal.cancel")).onClick(() => this.close()))
			.addButton((b) => b.setButtonText(t("form.create")).setCta().onClick(() => void this.submit()));
	}

	private validate(): string | null {
		const { t } = this.host.messages;
		if (this.form.name.trim() === "") return t("form.eventNameMissing");
		if (parseIsoDay(this.form.date.trim()) === null) return t("modal.badDate");
		if (!Number.isInteger(this.form.followUpDays) || this.form.followUpDays < 0 || this.form.followUpDays > 365) return t("form.badDays");
		return null;
	}

	async submit(): Promise<void> {
		if (this.busy || !this.errorEl) return;
		const invalid = this.validate();
		if (invalid) {
			this.errorEl.setText(invalid);
			return;
		}
		this.busy = true;
		try {
			const report = await this.host.actions.createEvent({ ...this.form, date: this.form.date.trim(), people: this.people.rows.map((r) => ({ ...r })) });
			this.people.markCreated(report.createdRows);
			if (reportOutcome(report, this.host.messages, this.errorEl) && report.eventPath) {
				this.close();
				this.done(report.eventPath, report.createdRows.size);
			}
		} finally {
			this.busy = false;
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}

export class NewPersonModal extends Modal {
	private readonly person: MetPerson = { name: "" };
	private errorEl: HTMLElement | null = null;

	constructor(
		private readonly host: PeopleFormHost,
		private readonly done: (path: string) => void,
	) {
		super(host.app);
	}

	override onOpen(): void {
		const { t } = this.host.messages;
		const el = this.contentEl;
		el.addClass("rete-form");
		this.setTitle(t("form.person.title"));
		const hint = el.createDiv({ cls: "rete-duplicate" });
		const field = (key: "name" | "company" | "role" | "email" | "linkedin", label: string): void => {
			new Setting(el).setName(label).addText((c) =>
				c.onChange((v) => {
					this.person[key] = v;
					if (key !== "name") return;
					const same = this.host.actions.findPerson(v);
					hint.setText(same ? t("form.existing", { name: same.name }) : "");
				}),
			);
		};
		field("name", t("form.person.name"));
		field("company", t("form.person.company"));
		field("role", t("form.person.role"));
		field("email", t("form.person.email"));
		field("linkedin", t("form.person.linkedin"));
		this.errorEl = el.createDiv({ cls: "rete-form-error" });
		new Setting(el)
			.addButton((b) => b.setButtonText(t("modal.cancel")).onClick(() => this.close()))
			.addButton((b) => b.setButtonText(t("form.create")).setCta().onClick(() => void this.submit()));
	}

	async submit(): Promise<void> {
		const { t } = this.host.messages;
		if (this.person.name.trim() === "") {
			this.errorEl?.setText(t("form.nameMissing"));
			return;
		}
		try {
			const path = await this.host.actions.createPerson(this.person);
			this.close();
			new Notice(t("notice.personCreated", { path }));
			this.done(path);
		} catch (e) {
			this.errorEl?.setText(errorText(e, t));
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
