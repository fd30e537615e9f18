// @vitest-environment happy-dom
import { addIcon } from "obsidian";
import { describe, expect, it, vi } from "vitest";
import "./app";
import { parseIsoDay } from "../../src/core/dates";
import type { DueItem, PersonInfo, Problem } from "../../src/core/types";
import { messagesFor } from "../../src/plugin/i18n";
import { FIRST_PAGE, matches, PAGE_SIZE, type RenderInput, renderDue } from "../../src/plugin/render";

const TODAY = parseIsoDay("2026-11-20") ?? 0;

// obsidian-test-mocks knows no icons until they are added: setIcon would draw nothing.
for (const icon of ["message-square-plus", "check", "alarm-clock"]) addIcon(icon, `<svg class="svg-icon lucide-${icon}"><path d="M4 4h16"></path></svg>`);

function item(over: Partial<DueItem>): DueItem {
	return { person: "Anna Rossi", path: "People/Anna Rossi.md", reason: "cadence", due: "2026-11-18", day: TODAY - 2, lastContact: "2026-11-04", cadence: "2w", ...over };
}

function render(over: Partial<RenderInput> = {}, root = document.body.createDiv()) {
	const actions = { open: vi.fn(), log: vi.fn(), done: vi.fn(), snooze: vi.fn(), openProblem: vi.fn() };
	const input: RenderInput = {
		items: [],
		today: TODAY,
		messages: messagesFor("en"),
		filter: "",
		person: () => null,
		shown: {},
		onMore: vi.fn(),
		actions,
		problems: [],
		hints: { folder: "People", tag: "person", type: "person", horizon: 7 },
		loading: false,
		...over,
	};
	renderDue(root, input);
	const texts = (sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent);
	return { root, actions, input, texts };
}

function many(count: number, over: Partial<DueItem> = {}): DueItem[] {
	return Array.from({ length: count }, (_, i) => item({ person: `P${i}`, path: `People/P${i}.md`, ...over }));
}

describe("renderDue", () => {
	it("groups by status with counts and says why, in words", () => {
		const { texts } = render({
			items: [
				item({}),
				item({ person: "Marco", path: "People/Marco.md", reason: "followup", due: "2026-11-21", day: TODAY + 1, text: "Send [[Marco Bianchi|Marco]] the deck", source: "Journal/2026-11-02.md", line: 4 }),
				item({ person: "Giulia", path: "People/Giulia.md", reason: "birthday", due: "2026-11-26", day: TODAY + 6, age: 36 }),
				item({ person: "Dan", path: "People/Dan.md", reason: "followup", due: null, day: null, text: "Ask about Rome" }),
			],
		});
		expect(texts(".rete-group-title")).toEqual(["Overdue1", "Upcoming2", "Open follow-ups1"]);
		expect(texts(".rete-reason")).toEqual([
			"Last contact 16 days ago · every 2 weeks",
			"Follow-up: Send Marco the deck · due tomorrow",
			"Birthday on Thursday · turns 36",
			"Follow-up: Ask about Rome · no due date",
		]);
	});

	it("shows names and texts as text, never as HTML", () => {
		const hostile = "<img src=x onerror=alert(1)>";
		const { root, texts } = render({ items: [item({ person: hostile, company: "<script>x()</script>" })] });
		expect(root.querySelector("img")).toBeNull();
		expect(root.querySelector("script")).toBeNull();
		expect(texts(".rete-name")).toEqual([hostile]);
	});

	it("offers the right actions and passes the item", () => {
		const cadence = item({});
		const followup = item({ reason: "followup", text: "call", source: "x.md", line: 3 });
		const birthday = item({ reason: "birthday", due: "2026-11-22", day: TODAY + 2 });
		const { root, actions } = render({ items: [cadence, followup, birthday] });
		const rows = root.querySelectorAll<HTMLElement>(".rete-row");
		const labels = (row: Element) => [...row.querySelectorAll("button")].map((b) => b.getAttribute("aria-label"));
		expect(labels(rows[0] as Element)).toEqual(["Log interaction", "Snooze"]);
		expect(labels(rows[1] as Element)).toEqual(["Log interaction", "Mark follow-up done"]);
		expect(labels(rows[2] as Element)).toEqual(["Log interaction"]);
		(rows[1]?.querySelector("button[aria-label='Mark follow-up done']") as HTMLButtonElement).click();
		expect(actions.done).toHaveBeenCalledWith(followup);
		(rows[0]?.querySelector("button[aria-label='Snooze']") as HTMLButtonElement).click();
		expect(actions.snooze).toHaveBeenCalledWith(cadence, expect.any(MouseEvent));
		(rows[2]?.querySelector("button[aria-label='Log interaction']") as HTMLButtonElement).click();
		expect(actions.log).toHaveBeenCalledWith(birthday);
		expect(actions.open).not.toHaveBeenCalled();
		rows[0]?.querySelector("button")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		expect(actions.open).not.toHaveBeenCalled();
		rows[0]?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		expect(actions.open).toHaveBeenCalledWith(cadence, expect.anything());
		(rows[1]?.querySelector(".rete-reason") as HTMLElement).click();
		expect(actions.open).toHaveBeenLastCalledWith(followup, expect.any(MouseEvent));
		expect(rows[0]?.getAttribute("tabindex")).toBe("0");
	});

	it("draws a row's icons when it is first hovered or focused, and at once on a touch screen", () => {
		const { root } = render({ items: [item({}), item({ reason: "followup", text: "call" })] });
		const [first, second] = root.querySelectorAll<HTMLElement>(".rete-row");
		expect(root.querySelectorAll("svg")).toHaveLength(0);
		expect(root.hasClass("rete-touch")).toBe(false);
		first?.dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
		expect([...(first?.querySelectorAll(".rete-action") ?? [])].map((b) => b.querySelectorAll("svg").length)).toEqual([1, 1]);
		expect(second?.querySelector("svg")).toBeNull();
		second?.focus();
		expect(second?.querySelectorAll(".rete-action svg")).toHaveLength(2);
		first?.dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
		expect(first?.querySelectorAll("svg")).toHaveLength(2);
		const touch = render({ items: [item({})], touch: true }).root;
		expect(touch.hasClass("rete-touch")).toBe(true);
		expect(touch.querySelectorAll(".rete-action svg")).toHaveLength(2);
	});

	it("handles a list's events once, with the latest input, however often it is drawn", () => {
		const root = document.body.createDiv();
		render({ items: [item({})] }, root);
		render({ items: [item({})] }, root);
		const { actions } = render({ items: [item({ person: "Marco" })] }, root);
		(root.querySelector(".rete-row") as HTMLElement).click();
		expect(actions.open).toHaveBeenCalledTimes(1);
		expect(actions.open).toHaveBeenCalledWith(expect.objectContaining({ person: "Marco" }), expect.anything());
	});

	it("draws a first page of rows per group, counts them all, and adds pages in place", () => {
		const overdue = many(5000);
		const today = many(30, { day: TODAY, due: "2026-11-20" });
		const { root, input } = render({ items: [...overdue, ...today] });
		const rows = (g: string) => root.querySelectorAll(`.rete-group-${g} .rete-row`).length;
		expect([rows("overdue"), rows("today")]).toEqual([FIRST_PAGE, FIRST_PAGE]);
		expect([...root.querySelectorAll(".rete-count")].map((c) => c.textContent)).toEqual(["5000", "30"]);
		expect([...root.querySelectorAll(".rete-more")].map((b) => b.textContent)).toEqual(["Show 50 more", "Show 10 more"]);
		const more = root.querySelector(".rete-group-overdue .rete-more") as HTMLButtonElement;
		const firstRow = root.querySelector(".rete-row");
		more.click();
		expect(input.onMore).toHaveBeenCalledWith("overdue", FIRST_PAGE + PAGE_SIZE);
		expect(rows("overdue")).toBe(FIRST_PAGE + PAGE_SIZE);
		expect(root.querySelector(".rete-row"), "rows already drawn stay").toBe(firstRow);
		expect(root.querySelector(".rete-group-overdue .rete-more"), "the same button").toBe(more);
		expect([...root.querySelectorAll(".rete-group-overdue .rete-name")].slice(-1)[0]?.textContent).toBe(`P${FIRST_PAGE + PAGE_SIZE - 1}`);
		expect(render({ items: overdue, shown: { overdue: 2 * PAGE_SIZE } }).root.querySelectorAll(".rete-row")).toHaveLength(2 * PAGE_SIZE);
	});

	it("removes Show more after the last page and moves the focus to the first row it added", () => {
		const { root, input } = render({ items: many(FIRST_PAGE + 5) });
		const more = root.querySelector(".rete-more") as HTMLButtonElement;
		more.focus();
		expect(more.textContent).toBe("Show 5 more");
		more.click();
		expect(root.querySelectorAll(".rete-row")).toHaveLength(FIRST_PAGE + 5);
		expect(root.querySelector(".rete-more")).toBeNull();
		expect(input.onMore).toHaveBeenCalledWith("overdue", FIRST_PAGE + 5);
		expect(document.activeElement).toBe(root.querySelectorAll(".rete-row")[FIRST_PAGE]);
		expect(document.activeElement?.querySelector(".rete-name")?.textContent).toBe(`P${FIRST_PAGE}`);
	});

	it("filters by name, company, location and tag", () => {
		const people: Record<string, PersonInfo> = {
			"People/Anna Rossi.md": { path: "People/Anna Rossi.md", name: "Anna Rossi", cadence: null, cadenceText: null, lastContact: null, met: null, birthday: null, snoozeUntil: null, location: "Torino", tags: ["person", "people/work"] },
		};
		const anna = item({ company: "Acme" });
		const person = (p: string) => people[p] ?? null;
		for (const filter of ["anna", "ACME", "torino", "#people/work", "work"]) expect(matches(anna, person(anna.path), filter)).toBe(true);
		expect(matches(anna, person(anna.path), "milano")).toBe(false);
		const { texts } = render({ items: [anna, item({ person: "Marco", path: "People/Marco.md" })], filter: "tor", person });
		expect(texts(".rete-name")).toEqual(["Anna Rossi"]);
		expect(texts(".rete-count"), "counts what matches").toEqual(["1"]);
		expect(render({ items: [anna], filter: "  #People/WORK ", person }).texts(".rete-name")).toEqual(["Anna Rossi"]);
		expect(render({ items: [anna], filter: "zzz", person }).texts(".rete-empty")).toEqual(["Nobody matches “zzz”."]);
	});

	it("explains how to get started when nobody is due", () => {
		const { texts } = render({ hints: { folder: "Contatti", tag: "contatto", type: "persona", horizon: 7 } });
		expect(texts(".rete-empty-title")).toEqual(["Nobody is due"]);
		expect(texts(".rete-empty p")[0]).toBe("Mark a note as a person: put it in the “Contatti” folder, tag it #contatto, or set “type: persona” in its properties.");
		expect(texts(".rete-empty p")[2]).toMatch(/birthdays appear 7 days ahead\.$/);
	});

	it("names only the rules that are on, and how to turn one on when none is", () => {
		const people = (hints: RenderInput["hints"], language = "en") => render({ hints, messages: messagesFor(language) }).texts(".rete-empty p")[0];
		expect(people({ folder: "", tag: "person", type: "person" })).toBe("Mark a note as a person: tag it #person or set “type: person” in its properties.");
		expect(people({ folder: "", tag: "", type: "contact" })).toBe("Mark a note as a person: set “type: contact” in its properties.");
		expect(people({ folder: "Network", tag: "", type: "" })).toBe("Mark a note as a person: put it in the “Network” folder.");
		expect(people({ folder: "", tag: "", type: "" })).toBe("No rule marks a note as a person: in Rete's settings, set a people folder, a person tag or a person type.");
		expect(people({ folder: "", tag: "", type: "" })).not.toMatch(/People/);
		expect(people({ folder: "Persone", tag: "persona", type: "persona" }, "it")).toBe("Segna una nota come persona: mettila nella cartella “Persone”, aggiungi il tag #persona o imposta “type: persona” nelle proprietà.");
		expect(people({ folder: "", tag: "persona", type: "" }, "it")).toBe("Segna una nota come persona: aggiungi il tag #persona.");
		expect(people({ folder: "", tag: "", type: "" }, "it")).toMatch(/^Nessuna regola.*impostazioni di Rete/);
	});

	it("says how far ahead birthdays appear with the horizon of the settings", () => {
		const birthdays = (horizon: number, language = "en") => render({ hints: { folder: "People", tag: "", type: "", horizon }, messages: messagesFor(language) }).texts(".rete-empty p")[2];
		expect(birthdays(30)).toMatch(/; birthdays appear 30 days ahead\.$/);
		expect(birthdays(1)).toMatch(/; birthdays appear a day ahead\.$/);
		expect(birthdays(0)).toMatch(/; birthdays appear on the day\.$/);
		expect(birthdays(30, "it")).toMatch(/; i compleanni 30 giorni prima\.$/);
		expect(birthdays(1, "it")).toMatch(/; i compleanni un giorno prima\.$/);
		for (const h of [0, 1, 30]) expect(birthdays(h)).not.toMatch(/week/);
	});

	it("filters ignoring case, accents and how the name is stored (NFC or NFD)", () => {
		const nfc = "Niccolò Rossi".normalize("NFC");
		const nfd = "Niccolò Rossi".normalize("NFD");
		expect(nfd).not.toBe(nfc);
		const stored = [item({ person: nfc, path: "People/a.md" }), item({ person: nfd, path: "People/b.md" })];
		for (const filter of ["niccolo", "NICCOLO", "Niccolò".normalize("NFC"), "Niccolò".normalize("NFD"), "niccolò"]) {
			for (const one of stored) expect(matches(one, null, filter), `${filter.normalize("NFC")} ~ ${one.path}`).toBe(true);
			expect(render({ items: stored, filter }).texts(".rete-name"), filter).toHaveLength(2);
		}
		const where = (location: string): PersonInfo => ({ path: "x.md", name: "x", cadence: null, cadenceText: null, lastContact: null, met: null, birthday: null, snoozeUntil: null, location, tags: ["città"] });
		expect(matches(item({}), where("Forlì".normalize("NFD")), "forli")).toBe(true);
		expect(matches(item({}), where("Milano"), "#citta")).toBe(true);
		expect(matches(item({}), where("Milano"), "niccolo")).toBe(false);
	});

	it("says one in the singular", () => {
		const { root } = render({ items: many(FIRST_PAGE + 1), problems: [{ path: "a.md", line: null, message: "x" }] });
		expect(root.querySelector(".rete-more")?.textContent).toBe("Show one more");
		expect(root.querySelector(".rete-problems summary")?.textContent).toBe("Problem in a note (1)");
		const italian = render({ items: many(FIRST_PAGE + 1), messages: messagesFor("it") }).root;
		expect(italian.querySelector(".rete-more")?.textContent).toBe("Mostra un altro");
	});

	it("lists problems, each opening its note; rows are drawn when the list is opened, which lasts across updates", () => {
		const problem: Problem = { path: "People/Bad.md", line: 2, message: "cadence: unknown cadence" };
		const { root, actions, input } = render({ items: [item({})], problems: [problem] });
		const details = root.querySelector(".rete-problems") as HTMLDetailsElement;
		expect(details.querySelector("summary")?.textContent).toBe("Problem in a note (1)");
		expect(render({ problems: [problem, { ...problem, line: 3 }] }).root.querySelector("summary")?.textContent).toBe("Problems in notes (2)");
		expect(details.open).toBe(false);
		expect(root.querySelector(".rete-problem")).toBeNull();
		details.open = true;
		expect([...root.querySelectorAll(".rete-problem span")].map((s) => s.textContent)).toEqual(["People/Bad.md:2", "cadence: unknown cadence"]);
		(root.querySelector(".rete-problem") as HTMLElement).click();
		expect(actions.openProblem).toHaveBeenCalledWith(problem, expect.anything());
		renderDue(root, input);
		expect((root.querySelector(".rete-problems") as HTMLDetailsElement).open).toBe(true);
		expect(root.querySelectorAll(".rete-problem")).toHaveLength(1);
	});

	it("speaks Italian", () => {
		const { texts } = render({ messages: messagesFor("it"), items: [item({}), item({ person: "G", path: "People/G.md", reason: "birthday", due: "2026-11-21", day: TODAY + 1 })] });
		expect(texts(".rete-group-title")).toEqual(["In ritardo1", "Prossimi giorni1"]);
		expect(texts(".rete-reason")).toEqual(["Ultimo contatto 16 giorni fa · ogni 2 settimane", "Compleanno domani"]);
	});

	it("says a note's problem in Italian", () => {
		const problem: Problem = { path: "People/Bad.md", line: 2, message: 'birthday: impossible date: "02-30"' };
		const { root } = render({ messages: messagesFor("it"), problems: [problem] });
		(root.querySelector(".rete-problems") as HTMLDetailsElement).open = true;
		expect(root.querySelector(".rete-problem-message")?.textContent).toBe('birthday: data impossibile: "02-30"');
	});

	it("says it is reading while the index is built", () => {
		expect(render({ loading: true }).texts(".rete-loading")).toEqual(["Reading your notes…"]);
	});
});
