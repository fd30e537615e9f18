/**
 * Figure 5: `renderDue` for 50, 500 and 5,000 due people, under happy-dom with Obsidian's DOM
 * helpers. The items are synthetic: a mix of statuses and reasons like a real due list.
 *
 * The budgeted figure is the view as drawn with a mouse (Obsidian on a desktop): a first page per
 * group, each row's icons left for when it is hovered or focused. Shown next to it, not budgeted:
 * the same list on a touch screen (every drawn row's icons at once), and "Show more".
 */
import type { DueItem } from "../src/core/types";
import { messagesFor } from "../src/plugin/i18n";
import { type RenderInput, renderDue } from "../src/plugin/render";
import { installDom } from "./dom";
import { dueItems, renderInput } from "./due-items";

type Row = (figure: string, samples: number[], unit: string, note?: string) => { median: number };

export async function renderFigures(runs: number, row: Row, budget: (medianMs: number) => void): Promise<void> {
	installDom();
	const messages = messagesFor("en");
	const input = (items: DueItem[], touch = false): RenderInput => renderInput(items, messages, touch);
	const drawn = (root: HTMLElement): string => `${root.querySelectorAll(".rete-row").length} rows drawn, ${root.querySelectorAll("*").length} elements`;
	const n = Math.max(runs, 10);
	for (const count of [50, 500, 5000]) {
		const items = dueItems(count);
		const root = createDiv();
		// Warm up, then time re-renders into the same element (what the view does on each update).
		for (let i = 0; i < 3; i++) renderDue(root, input(items));
		const times: number[] = [];
		for (let r = 0; r < n; r++) {
			const t = performance.now();
			renderDue(root, input(items));
			times.push(performance.now() - t);
			await Promise.resolve();
		}
		const s = row(`5. view render, ${count} due people`, times, "ms", drawn(root));
		if (count === 5000) budget(s.median);
	}
	// "Show more" on the 5,000, and the same list drawn for a touch screen.
	const items = dueItems(5000);
	const root = createDiv();
	const more: number[] = [];
	const touch: number[] = [];
	for (let r = -3; r < n; r++) {
		renderDue(root, input(items));
		const button = root.querySelector<HTMLElement>(".rete-group-overdue .rete-more");
		if (!button) throw new Error("no Show more for 5,000 due people");
		let t = performance.now();
		button.click();
		if (r >= 0) more.push(performance.now() - t);
		await Promise.resolve();
		t = performance.now();
		renderDue(root, input(items, true));
		if (r >= 0) touch.push(performance.now() - t);
		await Promise.resolve();
	}
	const touchDrawn = drawn(root);
	renderDue(root, input(items));
	root.querySelector<HTMLElement>(".rete-group-overdue .rete-more")?.click();
	row("5. … 5000 due people: Show more (50 rows added in place)", more, "ms", `${drawn(root)} after it`);
	row("5. … 5000 due people on a touch screen (every drawn row's icons at once)", touch, "ms", `${touchDrawn}; not budgeted`);
}
