/**
 * Draws the due list into an element: groups by status with counts, a page of rows per group
 * with "show more", row actions, an empty state and problems. Text only, never HTML.
 */
import { setIcon } from "obsidian";
import type { Day } from "../core/dates";
import type { DueItem, DueStatus, PersonInfo, Problem } from "../core/types";
import { reasonWords } from "./describe";
import type { MessageKey, Messages } from "./i18n";

export const PAGE_SIZE = 50;

export interface RowActions {
	open(item: DueItem, evt: MouseEvent | KeyboardEvent): void;
	log(item: DueItem): void;
	done(item: DueItem): void;
	snooze(item: DueItem, evt: MouseEvent): void;
	openProblem(problem: Problem, evt: MouseEvent | KeyboardEvent): void;
}

export interface RenderInput {
	items: DueItem[];
	today: Day;
	messages: Messages;
	filter: string;
	person: (path: string) => PersonInfo | null;
	/** How many rows each group shows; grows with "show more". */
	shown: Partial<Record<DueStatus, number>>;
	onMore: (status: DueStatus) => void;
	actions: RowActions;
	problems: Problem[];
	hints: { folder: string; tag: string; type: string };
	loading: boolean;
}

const GROUPS: DueStatus[] = ["overdue", "today", "upcoming", "open"];

/** Whether an item matches the filter: name, company, role, location or a tag. */
export function matches(item: DueItem, person: PersonInfo | null, filter: string): boolean {
	const needle = filter.trim().toLowerCase().replace(/^#/, "");
	if (needle === "") return true;
	const hay = [item.person, item.company, item.role, person?.location, ...(person?.tags ?? [])];
	return hay.some((v) => typeof v === "string" && v.toLowerCase().includes(needle));
}

function iconButton(parent: HTMLElement, icon: string, label: string, onClick: (evt: MouseEvent) => void): HTMLButtonElement {
	const button = parent.createEl("button", { cls: "clickable-icon rete-action", attr: { "aria-label": label, type: "button" } });
	setIcon(button, icon);
	button.addEventListener("click", (evt) => {
		evt.stopPropagation();
		onClick(evt);
	});
	return button;
}

function renderRow(list: HTMLElement, item: DueItem, input: RenderInput): void {
	const { t } = input.messages;
	const row = list.createDiv({ cls: `rete-row rete-${item.status} rete-reason-${item.reason}`, attr: { tabindex: "0", role: "listitem" } });
	const main = row.createDiv({ cls: "rete-row-main" });
	const head = main.createDiv({ cls: "rete-row-head" });
	head.createSpan({ cls: "rete-name", text: item.person });
	const who = [item.company, item.role].filter(Boolean).join(" · ");
	if (who) head.createSpan({ cls: "rete-sub", text: who });
	main.createDiv({ cls: "rete-reason", text: reasonWords(item, input.today, input.messages) });
	const actions = row.createDiv({ cls: "rete-row-actions" });
	iconButton(actions, "message-square-plus", t("action.log"), () => input.actions.log(item));
	if (item.reason === "followup") iconButton(actions, "check", t("action.done"), () => input.actions.done(item));
	if (item.reason === "cadence") iconButton(actions, "alarm-clock", t("action.snooze"), (evt) => input.actions.snooze(item, evt));
	row.addEventListener("click", (evt) => input.actions.open(item, evt));
	row.addEventListener("keydown", (evt) => {
		if (evt.target === row && (evt.key === "Enter" || evt.key === " ")) {
			evt.preventDefault();
			input.actions.open(item, evt);
		}
	});
}

function renderEmpty(root: HTMLElement, input: RenderInput): void {
	const { t } = input.messages;
	const empty = root.createDiv({ cls: "rete-empty" });
	empty.createDiv({ cls: "rete-empty-title", text: t("empty.title") });
	const { folder, tag, type } = input.hints;
	for (const key of ["empty.people", "empty.cadence", "empty.followups"] as MessageKey[]) {
		empty.createEl("p", { text: t(key, { folder: folder || "People", tag: tag || "person", type: type || "person" }) });
	}
}

function renderProblems(root: HTMLElement, input: RenderInput): void {
	if (input.problems.length === 0) return;
	const details = root.createEl("details", { cls: "rete-problems" });
	details.createEl("summary", { text: input.messages.t("view.problems", { count: input.problems.length }) });
	const list = details.createDiv({ attr: { role: "list" } });
	for (const p of input.problems.slice(0, 200)) {
		const row = list.createDiv({ cls: "rete-problem", attr: { tabindex: "0", role: "listitem" } });
		row.createSpan({ cls: "rete-problem-path", text: p.line === null ? p.path : `${p.path}:${p.line}` });
		row.createSpan({ cls: "rete-problem-message", text: p.message });
		row.addEventListener("click", (evt) => input.actions.openProblem(p, evt));
		row.addEventListener("keydown", (evt) => {
			if (evt.key === "Enter") input.actions.openProblem(p, evt);
		});
	}
}

export function renderDue(root: HTMLElement, input: RenderInput): void {
	root.empty();
	const { t } = input.messages;
	if (input.loading) {
		root.createDiv({ cls: "rete-loading", text: t("view.loading") });
		return;
	}
	const visible = input.items.filter((item) => matches(item, input.person(item.path), input.filter));
	if (input.items.length === 0) renderEmpty(root, input);
	else if (visible.length === 0) root.createDiv({ cls: "rete-empty", text: t("view.noMatch", { filter: input.filter.trim() }) });
	for (const status of GROUPS) {
		const group = visible.filter((i) => i.status === status);
		if (group.length === 0) continue;
		const section = root.createDiv({ cls: `rete-group rete-group-${status}` });
		const title = section.createDiv({ cls: "rete-group-title", attr: { role: "heading", "aria-level": "3" } });
		title.createSpan({ text: t(`view.group.${status}`) });
		title.createSpan({ cls: "rete-count", text: String(group.length) });
		const list = section.createDiv({ cls: "rete-list", attr: { role: "list" } });
		const limit = input.shown[status] ?? PAGE_SIZE;
		for (const item of group.slice(0, limit)) renderRow(list, item, input);
		if (group.length > limit) {
			const more = section.createEl("button", { cls: "rete-more", text: t("view.more", { count: Math.min(PAGE_SIZE, group.length - limit) }), attr: { type: "button" } });
			more.addEventListener("click", () => input.onMore(status));
		}
	}
	renderProblems(root, input);
}
