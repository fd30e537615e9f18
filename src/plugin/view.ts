/** The "People due" sidebar view. */
import { ItemView, Keymap, Platform, type WorkspaceLeaf } from "obsidian";
import type { Day } from "../core/dates";
import type { ReteSettings } from "../core/settings";
import type { DueStatus } from "../core/types";
import type { Messages } from "./i18n";
import type { ReteIndex } from "./people-index";
import { renderDue, type RowActions } from "./render";

export const VIEW_TYPE = "rete-people-due";

/** What the view needs from the plugin; it keeps no reference back to the plugin itself. */
export interface ViewHost {
	index: ReteIndex;
	messages(): Messages;
	settings(): ReteSettings;
	today(): Day;
	actions: Omit<RowActions, "open" | "openProblem">;
}

export class PeopleDueView extends ItemView {
	private filter = "";
	private shown: Partial<Record<DueStatus, number>> = {};
	private listEl: HTMLElement | null = null;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: ViewHost,
	) {
		super(leaf);
	}

	getViewType(): string {
		return VIEW_TYPE;
	}

	getDisplayText(): string {
		return this.host.messages().t("view.title");
	}

	override getIcon(): string {
		return "users";
	}

	override async onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("rete-view");
		const search = root.createDiv({ cls: "rete-toolbar" }).createEl("input", {
			cls: "rete-filter",
			attr: { type: "search", placeholder: this.host.messages().t("view.filter"), "aria-label": this.host.messages().t("view.filter"), spellcheck: "false" },
		});
		search.addEventListener("input", () => {
			this.filter = search.value;
			this.shown = {};
			this.refresh();
		});
		this.listEl = root.createDiv({ cls: "rete-due" });
		this.registerEvent(this.host.index.onUpdated(() => this.refresh()));
		// The day changes at midnight even when no note does.
		this.registerInterval(window.setInterval(() => this.refresh(), 10 * 60 * 1000));
		this.refresh();
		await Promise.resolve();
	}

	refresh(): void {
		if (!this.listEl) return;
		const settings = this.host.settings();
		const today = this.host.today();
		const index = this.host.index;
		renderDue(this.listEl, {
			items: index.ready ? index.index.due(today, settings.horizon) : [],
			today,
			messages: this.host.messages(),
			filter: this.filter,
			person: (path) => index.index.person(path),
			shown: this.shown,
			// "Show more" draws the rows itself; later updates keep showing as many.
			onMore: (status, shown) => {
				this.shown[status] = shown;
			},
			actions: {
				...this.host.actions,
				open: (item, evt) => this.openNote(item.source ?? item.path, item.reason === "followup" ? item.line : undefined, evt),
				openProblem: (p, evt) => this.openNote(p.path, p.line ?? undefined, evt),
			},
			problems: index.ready ? index.index.problems() : [],
			hints: { folder: settings.peopleFolder, tag: settings.personTags[0] ?? "", type: settings.personType, horizon: settings.horizon },
			loading: !index.ready,
			touch: this.isTouch(),
		});
	}

	/** No hover (a phone or tablet, or a touch-only screen): row actions always show. */
	private isTouch(): boolean {
		return Platform.isMobile || !this.contentEl.win.matchMedia("(hover: hover)").matches;
	}

	private openNote(path: string, line: number | undefined, evt: MouseEvent | KeyboardEvent): void {
		const file = this.app.vault.getFileByPath(path);
		if (!file) return;
		const leaf = this.app.workspace.getLeaf(Keymap.isModEvent(evt));
		void leaf.openFile(file, line !== undefined ? { eState: { line: line - 1 } } : {});
	}
}
