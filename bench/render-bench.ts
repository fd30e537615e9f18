/**
 * Figure 5: `renderDue` for 50, 500 and 5,000 due people, under happy-dom with Obsidian's DOM
 * helpers. The items are synthetic: a mix of statuses and reasons like a real due list.
 */
import type { DueItem, PersonInfo } from "../src/core/types";
import { messagesFor } from "../src/plugin/i18n";
import { type RenderInput, renderDue } from "../src/plugin/render";
import { installDom } from "./dom";
import { dueItems } from "./due-items";
import { TODAY } from "./generate";

type Row = (figure: string, samples: number[], unit: string, note?: string) => { median: number };

export async function renderFigures(runs: number, row: Row, budget: (medianMs: number) => void): Promise<void> {
	installDom();
	const messages = messagesFor("en");
	const noop = (): void => undefined;
	const input = (items: DueItem[]): RenderInput => ({
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
	});
	for (const count of [50, 500, 5000]) {
		const items = dueItems(count);
		const root = createDiv();
		// Warm up, then time re-renders into the same element (what the view does on each update).
		for (let i = 0; i < 3; i++) renderDue(root, input(items));
		const times: number[] = [];
		for (let r = 0; r < Math.max(runs, 10); r++) {
			const t = performance.now();
			renderDue(root, input(items));
			times.push(performance.now() - t);
			await Promise.resolve();
		}
		const rowsDrawn = root.querySelectorAll(".rete-row").length;
		const s = row(`5. view render, ${count} due people`, times, "ms", `${rowsDrawn} rows drawn, ${root.querySelectorAll("*").length} elements`);
		if (count === 5000) budget(s.median);
	}
}
