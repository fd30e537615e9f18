/**
 * Browser entry of the "People due" check (bundled by bundle.ts, "obsidian" aliased to
 * obsidian-shim.ts): installs Obsidian's DOM helpers (createEl, createDiv, empty, setText…)
 * from obsidian-test-mocks, then draws the view as PeopleDueView.onOpen does, on data that
 * the test computed in Node from the example vault and handed over as JSON.
 */
import { setup } from "obsidian-test-mocks/setup";
import type { Day } from "../../src/core/dates";
import type { DueItem, PersonInfo, Problem } from "../../src/core/types";
import { messagesFor } from "../../src/plugin/i18n";
import { renderDue, type RowActions } from "../../src/plugin/render";

setup();

export interface HarnessData {
	items: DueItem[];
	problems: Problem[];
	/** PersonInfo by note path. */
	people: Record<string, PersonInfo>;
	today: Day;
}

export interface RenderOptions {
	data: HarnessData;
	language: string;
	theme: "light" | "dark";
	/** desktop: a 300px right sidebar; phone: the whole (360px) screen. */
	layout: "desktop" | "phone";
	/** A fixed leaf height in px: the view then scrolls inside its .view-content, as in Obsidian. */
	height?: number;
}

/** What the row actions were asked to do, for the keyboard checks. */
export interface HarnessCall {
	action: keyof RowActions;
	person: string;
}

export interface Harness {
	render(options: RenderOptions): void;
	calls: HarnessCall[];
}

declare global {
	interface Window {
		reteHarness: Harness;
	}
}

const calls: HarnessCall[] = [];

const actions: RowActions = {
	open: (item) => calls.push({ action: "open", person: item.person }),
	log: (item) => calls.push({ action: "log", person: item.person }),
	done: (item) => calls.push({ action: "done", person: item.person }),
	snooze: (item) => calls.push({ action: "snooze", person: item.person }),
	openProblem: (problem) => calls.push({ action: "openProblem", person: problem.path }),
};

function render({ data, language, theme, layout, height }: RenderOptions): void {
	const messages = messagesFor(language);
	const { t } = messages;
	calls.length = 0;
	document.body.removeClass("theme-light", "theme-dark");
	document.body.addClass(`theme-${theme}`);
	const app = document.getElementById("app");
	if (!app) throw new Error("the page has no #app");
	app.empty();
	// As in Obsidian: the sidebar holds the leaf, whose .view-content is the view's contentEl.
	const sidebar = app.createDiv({ cls: ["harness-sidebar", `is-${layout}`] });
	if (height !== undefined) {
		sidebar.addClass("has-height");
		sidebar.setCssProps({ "--harness-height": `${height}px` });
	}
	const view = sidebar.createDiv({ cls: "view-content rete-view" });
	view.createDiv({ cls: "rete-toolbar" }).createEl("input", {
		cls: "rete-filter",
		attr: { type: "search", placeholder: t("view.filter"), "aria-label": t("view.filter"), spellcheck: "false" },
	});
	const due = view.createDiv({ cls: "rete-due" });
	renderDue(due, {
		items: data.items,
		today: data.today,
		messages,
		filter: "",
		person: (path) => data.people[path] ?? null,
		shown: {},
		onMore: () => undefined,
		actions,
		problems: data.problems,
		hints: { folder: "People", tag: "person", type: "person" },
		loading: false,
		// As the view decides on a phone (Platform.isMobile): no hover, so the actions always show.
		touch: layout === "phone",
	});
}

window.reteHarness = { render, calls };
