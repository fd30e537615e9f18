/**
 * The page side of the render figure in Chromium (bundled by bench/run.mjs as a browser script,
 * "obsidian" aliased to bench/obsidian-shim.ts): Obsidian's DOM helpers from obsidian-test-mocks,
 * then `renderDue` timed in the page, on the same synthetic items as under happy-dom.
 */
import { setup } from "obsidian-test-mocks/setup";
import type { DueItem } from "../src/core/types";
import { messagesFor } from "../src/plugin/i18n";
import { type RenderInput, renderDue } from "../src/plugin/render";
import { dueItems, renderInput } from "./due-items";

setup();

export interface PageResult {
	/** Building the DOM, ms per run. */
	build: number[];
	/** Building it and then style and layout (forced by reading the list's height), ms per run. */
	layout: number[];
	rows: number;
	elements: number;
}

function run(count: number, runs: number): PageResult {
	const items = dueItems(count);
	const messages = messagesFor("en");
	const input = (list: DueItem[]): RenderInput => renderInput(list, messages);
	const app = document.getElementById("app");
	if (!app) throw new Error("the page has no #app");
	app.empty();
	// As in Obsidian: a 300 px sidebar leaf whose content element is the view.
	const view = app.createDiv({ cls: "view-content rete-view" });
	view.setCssProps({ width: "300px" });
	const root = view.createDiv({ cls: "rete-due" });
	const build: number[] = [];
	const layout: number[] = [];
	for (let i = 0; i < 3; i++) renderDue(root, input(items));
	for (let r = 0; r < runs; r++) {
		let t = performance.now();
		renderDue(root, input(items));
		build.push(performance.now() - t);
		root.empty();
		void root.offsetHeight;
		t = performance.now();
		renderDue(root, input(items));
		void root.offsetHeight;
		layout.push(performance.now() - t);
	}
	return { build, layout, rows: root.querySelectorAll(".rete-row").length, elements: root.querySelectorAll("*").length };
}

(window as unknown as { reteBench: { run: typeof run } }).reteBench = { run };
