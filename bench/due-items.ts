/** Synthetic due items for the render figures: a mix of statuses and reasons like a real due list. */
import { isoFromDay } from "../src/core/dates";
import type { DueItem, DueStatus, PersonInfo } from "../src/core/types";
import type { Messages } from "../src/plugin/i18n";
import type { RenderInput } from "../src/plugin/render";
import { Rng, TODAY } from "./rng";

const NAMES = ["Anna Rossi", "Marco Bianchi", "Giulia Conti", "Tom Becker", "Emily Carter", "Daniel Okafor", "Priya Natarajan", "Zoë Müller", "José García", "Łukasz Nowak"];
const COMPANIES = ["Acme Robotics", "Lumen Software", "Harbour Talent", undefined];

export function dueItems(count: number, seed = 7): DueItem[] {
	const rng = new Rng(seed);
	const items: DueItem[] = [];
	for (let i = 0; i < count; i++) {
		const name = `${NAMES[i % NAMES.length] ?? "Anna"} ${i}`;
		const path = `People/${name}.md`;
		const r = rng.next();
		const status: DueStatus = r < 0.6 ? "overdue" : r < 0.65 ? "today" : r < 0.9 ? "upcoming" : "open";
		const days = status === "overdue" ? -1 - rng.int(300) : status === "today" ? 0 : status === "upcoming" ? 1 + rng.int(7) : null;
		const due = days === null ? null : isoFromDay(TODAY + days);
		const company = COMPANIES[rng.int(COMPANIES.length)];
		const base = { person: name, path, day: days === null ? null : TODAY + days, due, ...(company !== undefined ? { company, role: "Engineering Manager" } : {}) };
		const kind = rng.next();
		if (status === "open" || kind < 0.2) {
			items.push({ ...base, reason: "followup", text: `Send [[${name}|${name.split(" ")[0] ?? name}]] the deck`, source: `Daily/2026/${due ?? "2026-11-01"}.md`, line: 4 + rng.int(20) });
		} else if (status === "upcoming" && kind < 0.4) {
			items.push({ ...base, reason: "birthday", age: 30 + rng.int(30) });
		} else {
			items.push({ ...base, reason: "cadence", lastContact: isoFromDay(TODAY - 40 - rng.int(200)), cadence: rng.pick(["2w", "monthly", "90", "3m"]) });
		}
	}
	return items;
}

/** What the view passes `renderDue` for `items`, with no filter, no problems and no-op actions. */
export function renderInput(items: DueItem[], messages: Messages, touch = false): RenderInput {
	const noop = (): void => undefined;
	return {
		items,
		today: TODAY,
		messages,
		filter: "",
		person: (): PersonInfo | null => null,
		shown: {},
		onMore: noop,
		actions: { open: noop, log: noop, done: noop, snooze: noop, openProblem: noop },
		problems: [],
		hints: { folder: "People", tag: "person", type: "person" },
		loading: false,
		touch,
	};
}
