/** A DOM for the benchmark: happy-dom (see dom-globals.ts), then Obsidian's DOM helpers (`createDiv`, `createEl`, `empty`, …) from obsidian-test-mocks. */
import "./dom-globals";
import { setup } from "obsidian-test-mocks/setup";

let installed = false;

export function installDom(): void {
	if (installed) return;
	installed = true;
	setup();
}
