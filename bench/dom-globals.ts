/**
 * happy-dom's classes and document on `globalThis`, leaving `window` and the timers alone.
 * Imported for its side effect, before anything from obsidian-test-mocks (whose modules read
 * `document` as they load).
 */
import { Window } from "happy-dom";

const NAMES = [
	"window",
	"document", "Document", "DocumentFragment", "Element", "HTMLElement", "HTMLButtonElement", "HTMLDivElement", "HTMLInputElement", "Node", "Text",
	"SVGElement", "Event", "UIEvent", "MouseEvent", "KeyboardEvent", "FocusEvent", "InputEvent", "CustomEvent", "EventTarget", "getComputedStyle",
	"navigator", "DOMParser", "MutationObserver", "CSSStyleDeclaration", "Range", "Selection", "NodeFilter", "HTMLTemplateElement",
];

const win = new Window({ url: "http://localhost/" }) as unknown as Record<string, unknown>;
const g = globalThis as unknown as Record<string, unknown>;
for (const name of NAMES) {
	const value = win[name];
	if (value === undefined || name in g) continue;
	Object.defineProperty(g, name, { value: name === "getComputedStyle" ? (value as (...a: unknown[]) => unknown).bind(win) : value, configurable: true, writable: true });
}
