// @vitest-environment happy-dom
import { Platform, WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it } from "vitest";
import { builtIndex } from "./app";
import { parseIsoDay } from "../../src/core/dates";
import { defaultSettings, type ReteSettings } from "../../src/core/settings";
import { messagesFor } from "../../src/plugin/i18n";
import { FIRST_PAGE, PAGE_SIZE } from "../../src/plugin/render";
import { PeopleDueView, type ViewHost } from "../../src/plugin/view";

const TODAY = parseIsoDay("2026-11-20") ?? 0;
const PEOPLE = 80;

/** PEOPLE people, every one overdue: a two-weekly cadence and a last contact in January. */
function files(): Record<string, string> {
	const out: Record<string, string> = {};
	for (let i = 0; i < PEOPLE; i++) out[`People/Person ${String(i).padStart(2, "0")}.md`] = `---\ncadence: 2w\n---\n## Log\n- 2026-01-${String((i % 28) + 1).padStart(2, "0")} Coffee\n`;
	return out;
}

async function openView(vault: Record<string, string> = files(), settings: Partial<ReteSettings> = {}): Promise<PeopleDueView> {
	const { app, index } = await builtIndex(vault, settings);
	const noop = (): void => undefined;
	const host: ViewHost = { index, messages: () => messagesFor("en"), settings: () => ({ ...defaultSettings(), ...settings }), today: () => TODAY, actions: { log: noop, done: noop, snooze: noop } };
	const view = new PeopleDueView(WorkspaceLeaf.create2__(app).asOriginalType3__(), host);
	await view.onOpen();
	return view;
}

const rows = (view: PeopleDueView): number => view.contentEl.querySelectorAll(".rete-row").length;

afterEach(() => {
	Platform.isMobile = false;
});

describe("the People due view", () => {
	it("keeps the rows Show more added when the list is drawn again, and starts from the first page when the filter changes", async () => {
		const view = await openView();
		expect(rows(view)).toBe(FIRST_PAGE);
		expect(view.contentEl.querySelector(".rete-count")?.textContent).toBe(String(PEOPLE));
		(view.contentEl.querySelector(".rete-more") as HTMLButtonElement).click();
		expect(rows(view)).toBe(Math.min(PEOPLE, FIRST_PAGE + PAGE_SIZE));
		view.refresh();
		expect(rows(view)).toBe(Math.min(PEOPLE, FIRST_PAGE + PAGE_SIZE));
		const filter = view.contentEl.querySelector(".rete-filter") as HTMLInputElement;
		filter.value = "person";
		filter.dispatchEvent(new Event("input"));
		expect(rows(view)).toBe(FIRST_PAGE);
		filter.value = "person 7";
		filter.dispatchEvent(new Event("input"));
		expect(view.contentEl.querySelector(".rete-count")?.textContent).toBe("10");
		expect(view.contentEl.querySelector(".rete-more")).toBeNull();
	});

	it("finds a name whatever its accents and however its file name is stored", async () => {
		const vault = { [`People/${"Niccolò Bianchi".normalize("NFD")}.md`]: "---\ncadence: 2w\n---\n", "People/Niccolò Neri.md": "---\ncadence: 2w\n---\n", "People/Anna.md": "---\ncadence: 2w\n---\n" };
		const view = await openView(vault);
		const filter = view.contentEl.querySelector(".rete-filter") as HTMLInputElement;
		for (const typed of ["niccolo", "Niccolò", "Niccolò".normalize("NFD")]) {
			filter.value = typed;
			filter.dispatchEvent(new Event("input"));
			expect(rows(view), typed).toBe(2);
		}
	});

	it("hints with the rules and the horizon of the settings when nobody is due", async () => {
		const view = await openView({}, { peopleFolder: "", personTags: [], personType: "contact", horizon: 30 });
		const hints = [...view.contentEl.querySelectorAll(".rete-empty p")].map((p) => p.textContent);
		expect(hints[0]).toBe("Mark a note as a person: set “type: contact” in its properties.");
		expect(hints[2]).toMatch(/birthdays appear 30 days ahead\.$/);
	});

	it("shows the row actions at once on a phone or tablet, and on hover or focus with a mouse", async () => {
		const view = await openView();
		expect(view.contentEl.querySelector(".rete-due")?.hasClass("rete-touch")).toBe(false);
		Platform.isMobile = true;
		view.refresh();
		expect(view.contentEl.querySelector(".rete-due")?.hasClass("rete-touch")).toBe(true);
	});
});
