/** Small dialogs: pick a person or a follow-up, log an interaction, pick a date, set a cadence. */
import { type App, FuzzySuggestModal, Modal, Setting } from "obsidian";
import { readCadence } from "../core/cadence";
import { parseIsoDay } from "../core/dates";
import type { DueItem, PersonInfo } from "../core/types";
import { plainText } from "./describe";
import type { Messages } from "./i18n";
import { translateCore } from "./core-text";

export class PersonSuggestModal extends FuzzySuggestModal<PersonInfo> {
	constructor(
		app: App,
		private readonly people: PersonInfo[],
		messages: Messages,
		private readonly choose: (person: PersonInfo) => void,
	) {
		super(app);
		this.setPlaceholder(messages.t("modal.pickPerson"));
	}

	getItems(): PersonInfo[] {
		return [...this.people].sort((a, b) => a.name.localeCompare(b.name));
	}

	getItemText(person: PersonInfo): string {
		const extra = [person.company, person.location].filter(Boolean).join(", ");
		return extra ? `${person.name} (${extra})` : person.name;
	}

	onChooseItem(person: PersonInfo): void {
		this.choose(person);
	}
}

export class FollowupSuggestModal extends FuzzySuggestModal<DueItem> {
	constructor(
		app: App,
		private readonly followups: DueItem[],
		messages: Messages,
		private readonly choose: (item: DueItem) => void,
	) {
		super(app);
		this.setPlaceholder(messages.t("modal.pickFollowup"));
	}

	getItems(): DueItem[] {
		return this.followups;
	}

	getItemText(item: DueItem): string {
		return `${item.person}: ${plainText(item.text ?? "")}${item.due ? ` (${item.due})` : ""}`;
	}

	onChooseItem(item: DueItem): void {
		this.choose(item);
	}
}

/** A form of one or two fields, submitted with Enter or the button, validated before it closes. */
abstract class FormModal extends Modal {
	private errorEl: HTMLElement | null = null;

	protected abstract build(): void;
	/** Returns an error message, or `null` when the form was accepted. */
	protected abstract submit(): string | null;

	override onOpen(): void {
		this.contentEl.addClass("rete-form");
		this.build();
		this.errorEl = this.contentEl.createDiv({ cls: "rete-form-error" });
		this.contentEl.addEventListener("keydown", (evt) => {
			if (evt.key === "Enter" && !evt.isComposing) {
				evt.preventDefault();
				this.trySubmit();
			}
		});
	}

	protected buttons(save: string, cancel: string): void {
		new Setting(this.contentEl)
			.addButton((b) => b.setButtonText(cancel).onClick(() => this.close()))
			.addButton((b) => b.setButtonText(save).setCta().onClick(() => this.trySubmit()));
	}

	protected trySubmit(): void {
		const error = this.submit();
		if (error === null) this.close();
		else this.errorEl?.setText(error);
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}

export class LogModal extends FormModal {
	private text = "";
	private date: string;

	constructor(
		app: App,
		private readonly name: string,
		today: string,
		private readonly messages: Messages,
		private readonly save: (date: string, text: string) => void,
	) {
		super(app);
		this.date = today;
	}

	protected build(): void {
		const { t } = this.messages;
		this.setTitle(t("modal.log.title", { name: this.name }));
		new Setting(this.contentEl).setName(t("modal.log.what")).addText((c) => {
			c.setPlaceholder(t("modal.log.whatPlaceholder")).onChange((v) => (this.text = v));
			c.inputEl.addClass("rete-log-text");
			window.setTimeout(() => c.inputEl.focus(), 0);
		});
		new Setting(this.contentEl).setName(t("modal.log.date")).addText((c) => {
			c.inputEl.type = "date";
			c.setValue(this.date).onChange((v) => (this.date = v));
		});
		this.buttons(t("modal.log.save"), t("modal.cancel"));
	}

	protected submit(): string | null {
		const text = this.text.replace(/\s+/g, " ").trim();
		if (text === "") return this.messages.t("modal.emptyText");
		if (parseIsoDay(this.date.trim()) === null) return this.messages.t("modal.badDate");
		this.save(this.date.trim(), text);
		return null;
	}
}

export class DateModal extends FormModal {
	private date: string;

	constructor(
		app: App,
		private readonly title: string,
		initial: string,
		private readonly saveLabel: string,
		private readonly messages: Messages,
		private readonly save: (date: string) => void,
	) {
		super(app);
		this.date = initial;
	}

	protected build(): void {
		this.setTitle(this.title);
		new Setting(this.contentEl).addText((c) => {
			c.inputEl.type = "date";
			c.setValue(this.date).onChange((v) => (this.date = v));
		});
		this.buttons(this.saveLabel, this.messages.t("modal.cancel"));
	}

	protected submit(): string | null {
		if (parseIsoDay(this.date.trim()) === null) return this.messages.t("modal.badDate");
		this.save(this.date.trim());
		return null;
	}
}

export class CadenceModal extends FormModal {
	private value: string;

	constructor(
		app: App,
		private readonly name: string,
		current: string,
		private readonly messages: Messages,
		private readonly save: (cadence: string | null) => void,
	) {
		super(app);
		this.value = current;
	}

	protected build(): void {
		const { t } = this.messages;
		this.setTitle(t("modal.cadence.title", { name: this.name }));
		new Setting(this.contentEl).setDesc(t("modal.cadence.desc")).addText((c) => {
			c.setPlaceholder(t("placeholder.cadence")).setValue(this.value).onChange((v) => (this.value = v));
			window.setTimeout(() => c.inputEl.focus(), 0);
		});
		this.buttons(t("modal.cadence.save"), t("modal.cancel"));
	}

	protected submit(): string | null {
		const value = this.value.trim();
		if (value === "") {
			this.save(null);
			return null;
		}
		const read = readCadence(value);
		if (read && "error" in read) return translateCore(read.error, this.messages.t);
		this.save(value);
		return null;
	}
}
