// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import "./app";
import { parseIsoDay } from "../../src/core/dates";
import type { DueItem, PersonInfo, Problem } from "../../src/core/types";
import { messagesFor } from "../../src/plugin/i18n";
import { matches, PAGE_SIZE, type RenderInput, renderDue } from "../../src/plugin/render";

const TODAY = parseIsoDay("2026-11-20") ?? 0;

function item(over: Partial<DueItem>): DueItem {
	return { person: "Anna Rossi", path: "People/Anna Rossi.md", reason: "cadence", due: "2026-11-18", status: "overdue", days: -2, lastContact: "2026-11-04", cadence: "2w", ...over };
}

function render(over: Partial<RenderInput> = {}) {
	const root = createDiv();
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
		hints: { folder: "People", tag: "person", type: "person" },
		loading: false,
		...over,
	};
	renderDue(root, input);
	const texts = (sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent);
	return { root, actions, input, texts };
}

describe("renderDue", () => {
	it("groups by status with counts and says why, in words", () => {
		const { texts } = render({
			items: [
				item({}),
				item({ person: "Marco", path: "People/Marco.md", reason: "followup", due: "2026-11-21", status: "upcoming", days: 1, text: "Send [[Marco Bianchi|Marco]] the deck", source: "Journal/2026-11-02.md", line: 4 }),
				item({ person: "Giulia", path: "People/Giulia.md", reason: "birthday", due: "2026-11-26", status: "upcoming", days: 6, age: 36 }),
				item({ person: "Dan", path: "People/Dan.md", reason: "followup", due: null, status: "open", days: null, text: "Ask about Rome" }),
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
		const { root, actions } = render({ items: [cadence, followup] });
		const rows = root.querySelectorAll<HTMLElement>(".rete-row");
		const labels = (row: Element) => [...row.querySelectorAll("button")].map((b) => b.getAttribute("aria-label"));
		expect(labels(rows[0] as Element)).toEqual(["Log interaction", "Snooze"]);
		expect(labels(rows[1] as Element)).toEqual(["Log interaction", "Mark follow-up done"]);
		(rows[1]?.querySelector("button[aria-label='Mark follow-up done']") as HTMLButtonElement).click();
		expect(actions.done).toHaveBeenCalledWith(followup);
		expect(actions.open).not.toHaveBeenCalled();
		rows[0]?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		expect(actions.open).toHaveBeenCalledWith(cadence, expect.anything());
		expect(rows[0]?.getAttribute("tabindex")).toBe("0");
	});

	it("renders a page of rows per group and a button for more", () => {
		const many = Array.from({ length: 5000 }, (_, i) => item({ person: `P${i}`, path: `People/P${i}.md` }));
		const { root, input } = render({ items: many });
		expect(root.querySelectorAll(".rete-row")).toHaveLength(PAGE_SIZE);
		expect(root.querySelector(".rete-count")?.textContent).toBe("5000");
		(root.querySelector(".rete-more") as HTMLButtonElement).click();
		expect(input.onMore).toHaveBeenCalledWith("overdue");
		expect(render({ items: many, shown: { overdue: 2 * PAGE_SIZE } }).root.querySelectorAll(".rete-row")).toHaveLength(2 * PAGE_SIZE);
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
		expect(render({ items: [anna], filter: "zzz", person }).texts(".rete-empty")).toEqual(["Nobody matches “zzz”."]);
	});

	it("explains how to get started when nobody is due", () => {
		const { texts } = render({ hints: { folder: "Contatti", tag: "contatto", type: "persona" } });
		expect(texts(".rete-empty-title")).toEqual(["Nobody is due"]);
		expect(texts(".rete-empty p").join(" ")).toMatch(/“Contatti” folder, tag it #contatto, or set “type: persona”/);
	});

	it("lists problems, each opening its note", () => {
		const problem: Problem = { path: "People/Bad.md", line: 2, message: "cadence: unknown cadence" };
		const { root, actions } = render({ items: [item({})], problems: [problem] });
		expect(root.querySelector(".rete-problems summary")?.textContent).toBe("Problems in notes (1)");
		expect([...root.querySelectorAll(".rete-problem span")].map((s) => s.textContent)).toEqual(["People/Bad.md:2", "cadence: unknown cadence"]);
		(root.querySelector(".rete-problem") as HTMLElement).click();
		expect(actions.openProblem).toHaveBeenCalledWith(problem, expect.anything());
	});

	it("speaks Italian", () => {
		const { texts } = render({ messages: messagesFor("it"), items: [item({}), item({ person: "G", path: "People/G.md", reason: "birthday", due: "2026-11-21", status: "upcoming", days: 1 })] });
		expect(texts(".rete-group-title")).toEqual(["In ritardo1", "Prossimi giorni1"]);
		expect(texts(".rete-reason")).toEqual(["Ultimo contatto 16 giorni fa · ogni 2 settimane", "Compleanno domani"]);
	});

	it("says it is reading while the index is built", () => {
		expect(render({ loading: true }).texts(".rete-loading")).toEqual(["Reading your notes…"]);
	});
});
