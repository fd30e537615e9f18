/**
 * The part of the "obsidian" module that the people index and the view's renderer use at run
 * time, for the benchmark (the npm package is types only). The bench bundle aliases "obsidian"
 * to this file, and the bench imports it directly, so `instanceof TFile` holds across both.
 */
import { parseYaml as cliYaml } from "../src/cli/yaml";

export interface EventRef {
	e: Events;
	name: string;
	fn: (...data: unknown[]) => unknown;
}

export class Events {
	private handlers = new Map<string, EventRef[]>();

	on(name: string, callback: (...data: never[]) => unknown): EventRef {
		const ref: EventRef = { e: this, name, fn: callback as (...data: unknown[]) => unknown };
		const list = this.handlers.get(name);
		if (list) list.push(ref);
		else this.handlers.set(name, [ref]);
		return ref;
	}

	offref(ref: EventRef): void {
		const list = this.handlers.get(ref.name);
		if (!list) return;
		const at = list.indexOf(ref);
		if (at >= 0) list.splice(at, 1);
	}

	trigger(name: string, ...data: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) ref.fn(...data);
	}
}

export class Component {
	private loaded = false;
	private children: Component[] = [];
	private cleanups: Array<() => unknown> = [];

	load(): void {
		if (this.loaded) return;
		this.loaded = true;
		this.onload();
		for (const c of this.children) c.load();
	}

	onload(): void {}

	unload(): void {
		if (!this.loaded) return;
		this.loaded = false;
		for (const c of this.children) c.unload();
		for (const fn of this.cleanups.splice(0)) fn();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(child: T): T {
		this.children.push(child);
		if (this.loaded) child.load();
		return child;
	}

	register(cb: () => unknown): void {
		this.cleanups.push(cb);
	}

	registerEvent(ref: EventRef): void {
		this.register(() => ref.e.offref(ref));
	}
}

export interface Debouncer {
	(...args: unknown[]): Debouncer;
	cancel(): Debouncer;
}

/** Obsidian's debounce: calls `cb` `timeout` ms after the last call (`resetTimer`) or the first. */
export function debounce(cb: (...args: unknown[]) => unknown, timeout = 0, resetTimer = true): Debouncer {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const debouncer = ((...args: unknown[]) => {
		if (resetTimer && timer !== undefined) {
			clearTimeout(timer);
			timer = undefined;
		}
		if (timer === undefined) {
			timer = setTimeout(() => {
				timer = undefined;
				cb(...args);
			}, timeout);
		}
		return debouncer;
	}) as Debouncer;
	debouncer.cancel = () => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		return debouncer;
	};
	return debouncer;
}

/** The link path of a link text: what comes before `#` (Obsidian's rule, as in obsidian-test-mocks). */
export function getLinkpath(linktext: string): string {
	return linktext.split("#")[0] ?? "";
}

/** Obsidian's YAML reader: the CLI's stands in (the index calls it only for notes not in the metadata cache). */
export function parseYaml(text: string): unknown {
	return cliYaml(text);
}

export function normalizePath(path: string): string {
	return path.replace(/\\/g, "/").replace(/\/+/g, "/").replace(/^\/|\/$/g, "");
}

export class TFile {
	path: string;
	name: string;
	basename: string;
	extension: string;
	stat = { ctime: 0, mtime: 0, size: 0 };

	constructor(path: string) {
		this.path = path;
		this.name = path.slice(path.lastIndexOf("/") + 1);
		const dot = this.name.lastIndexOf(".");
		this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
		this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
	}

	/** Moves the file to a new path, as a rename does. */
	move(path: string): void {
		this.path = path;
		this.name = path.slice(path.lastIndexOf("/") + 1);
		const dot = this.name.lastIndexOf(".");
		this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
		this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
	}
}

const ICONS: Record<string, string[]> = {
	"message-square-plus": ["M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z", "M12 7v6", "M9 10h6"],
	check: ["M20 6 9 17l-5-5"],
	"alarm-clock": ["M12 5a8 8 0 1 0 0 16a8 8 0 1 0 0-16z", "M12 9v4l2 2", "M5 3 2 6", "m22 6-3-3", "M6.38 18.7 4 21", "M17.64 18.67 20 21"],
};

/** Like Obsidian's: replaces the element's content with an inline `svg.svg-icon` (needs the DOM helpers). */
export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	const svg = parent.createSvg("svg", {
		cls: ["svg-icon", `lucide-${iconId}`],
		attr: { xmlns: "http://www.w3.org/2000/svg", width: "24", height: "24", viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": "2" },
	});
	for (const d of ICONS[iconId] ?? []) svg.createSvg("path", { attr: { d } });
}
