/**
 * What the browser check measures in the page (measure() runs there, through page.evaluate, so
 * it must stay self-contained), and the layout assertions shared by its suites.
 */
import { expect } from "vitest";

export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
	width: number;
	height: number;
}

export interface Part {
	box: Box;
	shown: boolean;
	text: string;
	color: string;
	/** The background behind it, semi-transparent layers composited. */
	background: string;
}

export interface RowReport {
	tabIndex: number;
	tabindexAttr: string | null;
	scrollWidth: number;
	clientWidth: number;
	box: Box;
	name: Part;
	reason: Part;
	/** Whether each action shows while the mouse is elsewhere and the row has no focus. */
	actionsAtRest: boolean[];
	/** The actions while the row has the focus. */
	actions: (Part & { label: string | null; icons: number })[];
}

export interface LayoutReport {
	viewport: { scrollWidth: number; clientWidth: number };
	container: { box: Box; scrollWidth: number; clientWidth: number; background: string };
	viewContent: { scrollWidth: number; clientWidth: number };
	groups: { cls: string; title: Part; count: string; rows: number }[];
	rows: RowReport[];
	images: number;
	scripts: number;
	/** Elements inside the view wider than their parent's content box (a horizontal overflow, even if clipped). */
	overflowing: string[];
}

/** Runs in the page: every layout fact the assertions need, in CSS pixels. */
export function measure(): LayoutReport {
	const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
	const boxOf = (el: Element): Box => {
		const r = el.getBoundingClientRect();
		return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
	};
	const background = (el: Element): string => {
		const layers: number[][] = [];
		for (let e: Element | null = el; e; e = e.parentElement) {
			const c = parse(getComputedStyle(e).backgroundColor);
			const a = c.length > 3 ? (c[3] ?? 1) : 1;
			if (a > 0) layers.push([c[0] ?? 0, c[1] ?? 0, c[2] ?? 0, a]);
			if (a >= 1) break;
		}
		let [r, g, b] = [255, 255, 255];
		for (const [lr = 0, lg = 0, lb = 0, la = 1] of layers.reverse()) {
			r = lr * la + r * (1 - la);
			g = lg * la + g * (1 - la);
			b = lb * la + b * (1 - la);
		}
		return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
	};
	const part = (el: Element | null): Part => {
		if (!el) return { box: { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 }, shown: false, text: "", color: "", background: "" };
		const s = getComputedStyle(el);
		const r = el.getBoundingClientRect();
		const shown = s.display !== "none" && s.visibility === "visible" && Number(s.opacity) > 0 && r.width > 0 && r.height > 0;
		return { box: boxOf(el), shown, text: el.textContent ?? "", color: s.color, background: background(el) };
	};
	const container = document.querySelector(".harness-sidebar");
	const view = document.querySelector(".rete-view");
	if (!container || !view) throw new Error("the view is not rendered");
	const overflowing: string[] = [];
	for (const el of Array.from(view.querySelectorAll("*"))) {
		const parent = el.parentElement;
		if (!parent || el.closest("svg")) continue;
		const p = parent.getBoundingClientRect();
		const ps = getComputedStyle(parent);
		const contentRight = p.right - parseFloat(ps.borderRightWidth) - parseFloat(ps.paddingRight) + 0.5;
		const contentLeft = p.left + parseFloat(ps.borderLeftWidth) + parseFloat(ps.paddingLeft) - 0.5;
		const r = el.getBoundingClientRect();
		if (r.width > 0 && (r.right > contentRight || r.left < contentLeft)) overflowing.push(`${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")} "${(el.textContent ?? "").slice(0, 40)}"`);
	}
	return {
		viewport: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
		container: { box: boxOf(container), scrollWidth: container.scrollWidth, clientWidth: container.clientWidth, background: getComputedStyle(container).backgroundColor },
		viewContent: { scrollWidth: view.scrollWidth, clientWidth: view.clientWidth },
		groups: Array.from(document.querySelectorAll(".rete-group")).map((g) => ({
			cls: g.className,
			title: part(g.querySelector(".rete-group-title")),
			count: g.querySelector(".rete-count")?.textContent ?? "",
			rows: g.querySelectorAll(".rete-list > .rete-row").length,
		})),
		rows: Array.from(document.querySelectorAll<HTMLElement>(".rete-row")).map((row) => {
			const buttons = Array.from(row.querySelectorAll(".rete-action"));
			const actionsAtRest = buttons.map((b) => part(b).shown);
			row.focus({ preventScroll: true });
			const actions = buttons.map((b) => ({ ...part(b), label: b.getAttribute("aria-label"), icons: b.querySelectorAll("svg").length }));
			row.blur();
			return {
				tabIndex: row.tabIndex,
				tabindexAttr: row.getAttribute("tabindex"),
				scrollWidth: row.scrollWidth,
				clientWidth: row.clientWidth,
				box: boxOf(row),
				name: part(row.querySelector(".rete-name")),
				reason: part(row.querySelector(".rete-reason")),
				actionsAtRest,
				actions,
			};
		}),
		images: document.querySelectorAll("img").length,
		scripts: document.querySelectorAll("#app script").length,
		overflowing,
	};
}

function rgb(color: string): [number, number, number] {
	const m = color.match(/^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)/);
	if (!m) throw new Error(`not an rgb() colour: ${color}`);
	return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** WCAG 2 relative luminance. */
export function luminance(color: string): number {
	const [r, g, b] = rgb(color).map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

function inside(inner: Box, outer: Box): boolean {
	const e = 0.5;
	return inner.left >= outer.left - e && inner.right <= outer.right + e && inner.top >= outer.top - e && inner.bottom <= outer.bottom + e;
}

function overlaps(a: Box, b: Box): boolean {
	return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

/** The shared layout facts: nothing wider than the sidebar, every row's parts shown inside it. */
export function expectFits(report: LayoutReport): void {
	expect(report.viewport.scrollWidth, "page scrolls sideways").toBeLessThanOrEqual(report.viewport.clientWidth);
	expect(report.container.scrollWidth, "sidebar scrolls sideways").toBeLessThanOrEqual(report.container.clientWidth);
	expect(report.viewContent.scrollWidth, "view content scrolls sideways").toBeLessThanOrEqual(report.viewContent.clientWidth);
	expect(report.overflowing, "elements wider than their parent").toEqual([]);
	for (const row of report.rows) {
		const who = row.name.text;
		expect(row.scrollWidth, `row of ${who} overflows`).toBeLessThanOrEqual(row.clientWidth);
		for (const [what, p] of [["name", row.name], ["reason", row.reason]] as const) {
			expect(p.shown, `${what} of ${who} is not visible`).toBe(true);
			expect(inside(p.box, report.container.box), `${what} of ${who} is outside the sidebar: ${JSON.stringify(p.box)}`).toBe(true);
		}
		expect(row.actions.length, `${who} has no actions`).toBeGreaterThan(0);
		for (const a of row.actions) {
			expect(a.shown, `${a.label} of ${who} is not visible when the row has the focus`).toBe(true);
			expect(a.icons, `${a.label} of ${who} has no icon`).toBe(1);
			expect(inside(a.box, report.container.box), `${a.label} of ${who} is outside the sidebar: ${JSON.stringify(a.box)}`).toBe(true);
			expect(overlaps(a.box, row.name.box) || overlaps(a.box, row.reason.box), `${a.label} of ${who} covers its text`).toBe(false);
		}
	}
}

export function expectActionSizes(report: LayoutReport): void {
	for (const row of report.rows) {
		for (const a of row.actions) {
			expect(a.box.width, `${a.label} of ${row.name.text} is narrower than 24px`).toBeGreaterThanOrEqual(24);
			expect(a.box.height, `${a.label} of ${row.name.text} is shorter than 24px`).toBeGreaterThanOrEqual(24);
		}
	}
}

/** With a mouse, actions show only on the hovered or focused row; on a phone, always. */
export function expectRestingActions(report: LayoutReport, shown: boolean): void {
	for (const row of report.rows) expect(row.actionsAtRest, `actions of ${row.name.text} at rest`).toEqual(row.actions.map(() => shown));
}
