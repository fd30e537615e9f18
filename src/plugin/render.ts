/**
 * Draws the due list into an element: groups by status with counts, a page of rows per group
 * with "Show more", row actions, an empty state and problems. Text only, never HTML.
 *
 * What it costs: for every item, only what the counts need (the filter, and sorting into
 * groups); everything else only for the rows drawn. A row's action buttons are drawn with the
 * row but get their icons (inline SVG: most of a row's elements) when the row is first hovered
 * or focused, since that is when they show (styles.css). Touch screens, which cannot hover,
 * show them always and get the icons at once. "Show more" adds rows in place. Events are
 * handled once for the whole list, not per row.
 */
import { setIcon } from "obsidian";
import type { Day } from "../core/dates";
import { dueStatus } from "../core/due";
import { DEFAULT_SETTINGS } from "../core/settings";
import type { DueItem, DueStatus, PersonInfo, Problem } from "../core/types";
import { reasonWords } from "./describe";
import type { Messages } from "./i18n";
import { translateCore } from "./core-text";

/** Rows a group shows at first: more than a sidebar holds, far fewer than a long list has. */
export const FIRST_PAGE = 20;
/** Rows each "Show more" adds to its group. */
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
	/** How many rows each group shows (FIRST_PAGE when absent). */
	shown: Partial<Record<DueStatus, number>>;
	/** "Show more" drew more rows of a group, in place: `shown` is how many it shows now. */
	onMore: (status: DueStatus, shown: number) => void;
	actions: RowActions;
	problems: Problem[];
	/** The rules that mark people ("" when a rule is off), and the horizon in days (the default one when absent). */
	hints: { folder: string; tag: string; type: string; horizon?: number };
	loading: boolean;
	/** A touch screen (no hover): every row shows its actions, so their icons are drawn at once. */
	touch?: boolean;
}

const GROUPS: DueStatus[] = ["overdue", "today", "upcoming", "open"];

type ActionKind = "log" | "done" | "snooze";
const ICONS: Record<ActionKind, string> = { log: "message-square-plus", done: "check", snooze: "alarm-clock" };
const KINDS: Record<DueItem["reason"], ActionKind[]> = { cadence: ["log", "snooze"], followup: ["log", "done"], birthday: ["log"] };

/** What the delegated listeners of a list need: the latest input, and each drawn row's item. */
interface ListState {
	input: RenderInput;
	readonly items: WeakMap<Element, DueItem>;
	problemsOpen: boolean;
}

const states = new WeakMap<HTMLElement, ListState>();

/**
 * Text as the filter compares it: lower case, decomposed (NFD) and without accents (combining
 * marks U+0300–U+036F), so "Niccolò", "niccolo" and a name stored decomposed all match.
 */
export function fold(text: string): string {
	return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function needleOf(filter: string): string {
	return fold(filter.trim()).replace(/^#/, "");
}

function matchesNeedle(item: DueItem, person: PersonInfo | null, needle: string): boolean {
	const has = (v: string | null | undefined): boolean => typeof v === "string" && fold(v).includes(needle);
	return has(item.person) || has(item.company) || has(item.role) || has(person?.location) || (person?.tags ?? []).some(has);
}

/** Whether an item matches the filter: name, company, role, location or a tag. */
export function matches(item: DueItem, person: PersonInfo | null, filter: string): boolean {
	const needle = needleOf(filter);
	return needle === "" || matchesNeedle(item, person, needle);
}

/** The items that match the filter, by group, in their order. */
function groupsOf(input: RenderInput): Record<DueStatus, DueItem[]> {
	const groups: Record<DueStatus, DueItem[]> = { overdue: [], today: [], upcoming: [], open: [] };
	const needle = needleOf(input.filter);
	for (const item of input.items) {
		if (needle === "" || matchesNeedle(item, input.person(item.path), needle)) groups[dueStatus(item, input.today)].push(item);
	}
	return groups;
}

function drawIcons(row: Element): void {
	for (const button of Array.from(row.querySelectorAll<HTMLElement>(".rete-action"))) {
		const kind = button.dataset.action as ActionKind | undefined;
		if (kind && !button.firstChild) setIcon(button, ICONS[kind]);
	}
}

function renderRow(list: HTMLElement, item: DueItem, input: RenderInput, state: ListState): HTMLElement {
	const { t } = input.messages;
	const row = list.createDiv({ cls: `rete-row rete-${dueStatus(item, input.today)} rete-reason-${item.reason}`, attr: { tabindex: "0", role: "listitem" } });
	state.items.set(row, item);
	const main = row.createDiv({ cls: "rete-row-main" });
	const head = main.createDiv({ cls: "rete-row-head" });
	head.createSpan({ cls: "rete-name", text: item.person });
	const who = item.company && item.role ? `${item.company} · ${item.role}` : item.company || item.role;
	if (who) head.createSpan({ cls: "rete-sub", text: who });
	main.createDiv({ cls: "rete-reason", text: reasonWords(item, input.today, input.messages) });
	const actions = row.createDiv({ cls: "rete-row-actions" });
	for (const kind of KINDS[item.reason]) {
		const button = actions.createEl("button", { cls: "clickable-icon rete-action", attr: { "aria-label": t(`action.${kind}`), "data-action": kind } });
		if (input.touch) setIcon(button, ICONS[kind]);
	}
	return row;
}

function closest(evt: UIEvent, selector: string): HTMLElement | null {
	const node = evt.targetNode;
	return node?.instanceOf(Element) ? node.closest<HTMLElement>(selector) : null;
}

/** One set of listeners per list element, for every row it will ever hold. */
function listen(root: HTMLElement, state: ListState): void {
	root.addEventListener("click", (evt) => {
		const row = closest(evt, ".rete-row");
		const item = row ? state.items.get(row) : undefined;
		if (!row || !item) return;
		const { actions } = state.input;
		const action = closest(evt, ".rete-action")?.dataset.action;
		if (action === "log") actions.log(item);
		else if (action === "done") actions.done(item);
		else if (action === "snooze") actions.snooze(item, evt);
		else actions.open(item, evt);
	});
	root.addEventListener("keydown", (evt) => {
		const row = closest(evt, ".rete-row");
		const item = row ? state.items.get(row) : undefined;
		if (row && item && evt.targetNode === row && (evt.key === "Enter" || evt.key === " ")) {
			evt.preventDefault();
			state.input.actions.open(item, evt);
		}
	});
	const reveal = (evt: UIEvent): void => {
		const row = closest(evt, ".rete-row");
		if (row) drawIcons(row);
	};
	root.addEventListener("pointerover", reveal);
	root.addEventListener("focusin", reveal);
}

function renderGroup(root: HTMLElement, status: DueStatus, group: DueItem[], input: RenderInput, state: ListState): void {
	const { t } = input.messages;
	const section = root.createDiv({ cls: `rete-group rete-group-${status}` });
	const title = section.createDiv({ cls: "rete-group-title", attr: { role: "heading", "aria-level": "3" } });
	title.createSpan({ text: t(`view.group.${status}`) });
	title.createSpan({ cls: "rete-count", text: String(group.length) });
	const list = section.createDiv({ cls: "rete-list", attr: { role: "list" } });
	let drawn = 0;
	const draw = (upTo: number): HTMLElement | null => {
		let first: HTMLElement | null = null;
		for (const end = Math.min(upTo, group.length); drawn < end; drawn++) {
			const row = renderRow(list, group[drawn] as DueItem, input, state);
			first ??= row;
		}
		return first;
	};
	draw(input.shown[status] ?? FIRST_PAGE);
	if (drawn >= group.length) return;
	const more = section.createEl("button", { cls: "rete-more" });
	const label = (): void => more.setText(t("view.more", { count: Math.min(PAGE_SIZE, group.length - drawn) }));
	label();
	more.addEventListener("click", () => {
		const first = draw(drawn + PAGE_SIZE);
		state.input.onMore(status, drawn);
		if (drawn < group.length) label();
		else {
			// The button goes: keep the keyboard in the list, on the first row it added.
			more.remove();
			first?.focus();
		}
	});
}

/** How to mark a person, naming only the rules that are on; how to turn one on when none is. */
function peopleHint(hints: RenderInput["hints"], { t, locale }: Messages): string {
	const rules: string[] = [];
	if (hints.folder) rules.push(t("empty.rule.folder", { folder: hints.folder }));
	if (hints.tag) rules.push(t("empty.rule.tag", { tag: hints.tag }));
	if (hints.type) rules.push(t("empty.rule.type", { type: hints.type }));
	if (rules.length === 0) return t("empty.noRules");
	// Intl.ListFormat is in every engine Obsidian runs on since 2021; a plain list otherwise.
	const list = typeof Intl.ListFormat === "function" ? new Intl.ListFormat(locale, { type: "disjunction" }).format(rules) : rules.join(", ");
	return t("empty.people", { rules: list });
}

function renderEmpty(root: HTMLElement, input: RenderInput): void {
	const { t } = input.messages;
	const empty = root.createDiv({ cls: "rete-empty" });
	empty.createDiv({ cls: "rete-empty-title", text: t("empty.title") });
	const horizon = input.hints.horizon ?? DEFAULT_SETTINGS.horizon;
	empty.createEl("p", { text: peopleHint(input.hints, input.messages) });
	empty.createEl("p", { text: t("empty.cadence") });
	empty.createEl("p", { text: horizon === 0 ? t("empty.followups.onTheDay") : t("empty.followups", { count: horizon }) });
}

/** Problems in a closed <details>: the rows are drawn when it is opened, and it stays open across updates. */
function renderProblems(root: HTMLElement, input: RenderInput, state: ListState): void {
	if (input.problems.length === 0) return;
	const details = root.createEl("details", { cls: "rete-problems" });
	details.createEl("summary", { text: input.messages.t("view.problems", { count: input.problems.length }) });
	const list = details.createDiv({ attr: { role: "list" } });
	const draw = (): void => {
		if (list.firstChild) return;
		for (const p of input.problems.slice(0, 200)) {
			const row = list.createDiv({ cls: "rete-problem", attr: { tabindex: "0", role: "listitem" } });
			row.createSpan({ cls: "rete-problem-path", text: p.line === null ? p.path : `${p.path}:${p.line}` });
			row.createSpan({ cls: "rete-problem-message", text: translateCore(p.message, input.messages.t) });
			row.addEventListener("click", (evt) => input.actions.openProblem(p, evt));
			row.addEventListener("keydown", (evt) => {
				if (evt.key === "Enter") input.actions.openProblem(p, evt);
			});
		}
	};
	details.addEventListener("toggle", () => {
		state.problemsOpen = details.open;
		if (details.open) draw();
	});
	if (state.problemsOpen) {
		draw();
		details.open = true;
	}
}

export function renderDue(root: HTMLElement, input: RenderInput): void {
	root.empty();
	root.toggleClass("rete-touch", input.touch === true);
	let state = states.get(root);
	if (state) state.input = input;
	else {
		state = { input, items: new WeakMap(), problemsOpen: false };
		states.set(root, state);
		listen(root, state);
	}
	const { t } = input.messages;
	if (input.loading) {
		root.createDiv({ cls: "rete-loading", text: t("view.loading") });
		return;
	}
	const groups = groupsOf(input);
	if (input.items.length === 0) renderEmpty(root, input);
	else if (GROUPS.every((s) => groups[s].length === 0)) root.createDiv({ cls: "rete-empty", text: t("view.noMatch", { filter: input.filter.trim() }) });
	for (const status of GROUPS) {
		if (groups[status].length > 0) renderGroup(root, status, groups[status], input, state);
	}
	renderProblems(root, input, state);
}
