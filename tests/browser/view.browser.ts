/**
 * The "People due" view in a real browser (Debian's Chromium through playwright-core): the
 * example vault's due list drawn by renderDue with styles.css over a stand-in of Obsidian's
 * default theme, in a 300px sidebar (light, dark, Italian) and on a 360px phone. Checks layout
 * facts and saves the README's screenshots to docs/screenshots/.
 *
 * Run: npx vitest run --config tests/browser/vitest.browser.config.ts
 * Without /usr/bin/chromium it is skipped, except in CI (CI=true), where it fails.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core/dates";
import { dueStatus } from "../../src/core/due";
import type { DueItem } from "../../src/core/types";
import type { HarnessData, RenderOptions } from "./harness";
import { bundleHarness, exampleData, openViewPage, ROOT } from "./page";
import { contrast, expectActionSizes, expectFits, expectRestingActions, type LayoutReport, luminance, measure, type Part } from "./report";

const CHROMIUM = process.env.RETE_CHROMIUM ?? "/usr/bin/chromium";
const IN_CI = process.env.CI === "true";
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const SHOTS = path.join(ROOT, "docs/screenshots");
const DESKTOP = { width: 800, height: 1000 };
const PHONE = { width: 360, height: 780 };
const MAX_SHOT_HEIGHT = 900;

if (!HAVE_CHROMIUM && !IN_CI) {
	console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium, or set RETE_CHROMIUM)`);
}
if (!HAVE_CHROMIUM && IN_CI) {
	// In CI a missing browser is a failure, counted as one, not a silent skip.
	it(`finds Chromium at ${CHROMIUM}`, () => {
		expect.fail(`no Chromium at ${CHROMIUM}: .ci/run installs it (apt-get install -y chromium)`);
	});
}
const suite = HAVE_CHROMIUM ? describe : describe.skip;

const XSS_NAME = "<img src=x onerror=alert(1)>";

/** A hostile name and a long unbreakable one, added to the example's list. */
function hostileItems(): DueItem[] {
	return [
		{
			person: XSS_NAME,
			path: "People/xss.md",
			reason: "followup",
			due: "2026-11-18",
			day: dayFromYmd(2026, 11, 18),
			company: "<b>Evil</b> Corp",
			role: "<svg onload=alert(2)>",
			text: "Reply to <script>alert(3)</script> [[Nobody]]",
			source: "People/xss.md",
			line: 3,
		},
		{
			person: "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessen Müller-Lüdenscheidt",
			path: "People/long.md",
			reason: "cadence",
			due: "2026-11-20",
			day: dayFromYmd(2026, 11, 20),
			company: "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft",
			role: "Chief Everything Officer",
			lastContact: "2026-10-20",
			cadence: "monthly",
		},
	];
}


async function render(page: Page, options: RenderOptions): Promise<LayoutReport> {
	await page.evaluate((o) => window.reteHarness.render(o), options);
	// Park the mouse outside the sidebar so no row shows its hover background.
	await page.mouse.move((page.viewportSize()?.width ?? 1) - 1, 0);
	return page.evaluate(measure);
}

/** The sidebar from its top, cut after the last row that ends within MAX_SHOT_HEIGHT. */
async function screenshot(page: Page, report: LayoutReport, file: string): Promise<void> {
	const box = report.container.box;
	const ends = report.rows.map((r) => r.box.bottom).filter((b) => b - box.top <= MAX_SHOT_HEIGHT);
	const bottom = box.height <= MAX_SHOT_HEIGHT ? box.bottom : Math.max(...ends);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	await page.screenshot({ path: file, clip: { x: box.left, y: box.top, width: box.width, height: Math.ceil(bottom - box.top) } });
}

function trackPage(page: Page): { dialogs: string[]; errors: string[] } {
	const seen = { dialogs: [] as string[], errors: [] as string[] };
	page.on("dialog", (d) => {
		seen.dialogs.push(d.message());
		void d.dismiss();
	});
	page.on("pageerror", (e) => seen.errors.push(e.message));
	page.on("console", (m) => {
		if (m.type() === "error") seen.errors.push(m.text());
	});
	return seen;
}

suite("People due view in Chromium", () => {
	let browser: Browser;
	let bundle: string;
	let data: HarnessData;

	beforeAll(async () => {
		data = exampleData();
		bundle = await bundleHarness();
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
		});
	});

	afterAll(async () => {
		await browser?.close();
	});

	it("has the example vault's due list to show", () => {
		expect(data.items.length).toBeGreaterThanOrEqual(10);
		expect(new Set(data.items.map((i) => dueStatus(i, data.today)))).toEqual(new Set(["overdue", "today", "upcoming", "open"]));
		expect(data.problems.length).toBeGreaterThan(0);
	});

	describe.each([
		{ name: "light", theme: "light", language: "en", shot: "people-due-light.png" },
		{ name: "dark", theme: "dark", language: "en", shot: "people-due-dark.png" },
		{ name: "Italian (light)", theme: "light", language: "it", shot: "people-due-it.png" },
	] as const)("300px sidebar, $name", ({ theme, language, shot }) => {
		let page: Page;
		let seen: ReturnType<typeof trackPage>;
		let report: LayoutReport;
		const options = (): RenderOptions => ({ data, language, theme, layout: "desktop" });

		beforeAll(async () => {
			page = await openViewPage(browser, bundle, DESKTOP);
			seen = trackPage(page);
			report = await render(page, options());
		});

		afterAll(async () => {
			await page?.close();
		});

		it("shows one row per due item, without page errors", () => {
			expect(report.rows.length).toBe(data.items.length);
			expect(report.rows.map((r) => r.name.text)).toEqual(expect.arrayContaining(data.items.map((i) => i.person)));
			expect(seen.errors).toEqual([]);
		});

		it("does not overflow sideways; every name, reason and action is visible inside the sidebar", () => {
			expect(report.container.box.width).toBe(300);
			expectFits(report);
			expectRestingActions(report, false);
		});

		it("shows a row's actions, icons drawn, while the mouse is over it, and nothing moves", async () => {
			await page.evaluate((o) => window.reteHarness.render(o), options());
			await page.mouse.move((page.viewportSize()?.width ?? 1) - 1, 0);
			const state = (): Promise<{ box: string; actions: boolean[] }[]> =>
				page.evaluate(() =>
					Array.from(document.querySelectorAll(".rete-row")).map((row) => ({
						box: JSON.stringify(row.getBoundingClientRect()),
						actions: Array.from(row.querySelectorAll(".rete-action")).map((b) => getComputedStyle(b).opacity !== "0" && b.querySelector("svg") !== null),
					})),
				);
			const before = await state();
			expect(before.flatMap((r) => r.actions).some(Boolean), "an action shows at rest").toBe(false);
			await page.hover(".rete-row >> nth=1");
			const after = await state();
			expect(after.map((r) => r.box), "rows moved").toEqual(before.map((r) => r.box));
			expect(after[1]?.actions.length).toBeGreaterThan(0);
			expect(after[1]?.actions.every(Boolean), "the hovered row's actions").toBe(true);
			expect(after.filter((_, i) => i !== 1).flatMap((r) => r.actions).some(Boolean), "another row's actions").toBe(false);
		});

		it("titles each group with the number of its rows", () => {
			expect(report.groups.length).toBe(new Set(data.items.map((i) => dueStatus(i, data.today))).size);
			for (const g of report.groups) expect(Number(g.count), g.cls).toBe(g.rows);
			expect(report.groups.reduce((n, g) => n + g.rows, 0)).toBe(data.items.length);
		});

		it("gives names a text contrast of at least 4.5 against their background", () => {
			for (const row of report.rows) expect(contrast(row.name.color, row.name.background), row.name.text).toBeGreaterThanOrEqual(4.5);
			// For the report, not asserted: the lowest contrast of the other texts.
			const low = (parts: Part[]): string => Math.min(...parts.map((p) => contrast(p.color, p.background))).toFixed(2);
			console.debug(`${theme}/${language} contrast: names ${low(report.rows.map((r) => r.name))}, reasons ${low(report.rows.map((r) => r.reason))}, ` + report.groups.map((g) => `${g.cls.replace(/.*rete-group-/, "")} title ${low([g.title])}`).join(", "));
		});

		it(`has a ${theme} background`, () => {
			const l = luminance(report.container.background);
			if (theme === "dark") expect(l).toBeLessThan(0.2);
			else expect(l).toBeGreaterThan(0.8);
		});

		it("makes every action button at least 24x24 px", () => {
			expectActionSizes(report);
		});

		it("saves the screenshot, the mouse over the first row", async () => {
			report = await render(page, options());
			await page.hover(".rete-row >> nth=0");
			const file = path.join(SHOTS, shot);
			await screenshot(page, report, file);
			expect(fs.statSync(file).size).toBeGreaterThan(10_000);
		});

		it("lets the keyboard reach the rows: Tab from the filter to the first row, which shows its actions, Enter opens, Tab to its first action", async () => {
			expect(report.rows.every((r) => r.tabIndex === 0 && r.tabindexAttr === "0")).toBe(true);
			const first = report.rows[0]?.name.text;
			// Drawn afresh, the mouse away, so that no row has its icons yet.
			await page.mouse.move((page.viewportSize()?.width ?? 1) - 1, 0);
			await page.evaluate((o) => window.reteHarness.render(o), options());
			expect(await page.evaluate(() => document.querySelectorAll(".rete-row svg").length)).toBe(0);
			await page.focus(".rete-filter");
			await page.keyboard.press("Tab");
			const focused = await page.evaluate(() => {
				const el = document.activeElement;
				const actions = Array.from(el?.querySelectorAll(".rete-action") ?? []).map((b) => getComputedStyle(b).opacity !== "0" && b.querySelector("svg") !== null);
				return { isFirstRow: el === document.querySelector(".rete-row"), outline: el ? getComputedStyle(el).outlineStyle : "", actions };
			});
			expect(focused.isFirstRow, "Tab from the filter does not reach the first row").toBe(true);
			expect(focused.outline, "the focused row shows no focus ring").not.toBe("none");
			expect(focused.actions, "the focused row's actions").toEqual(expect.arrayContaining([true]));
			expect(focused.actions.every(Boolean), "the focused row's actions").toBe(true);
			await page.keyboard.press("Enter");
			expect(await page.evaluate(() => window.reteHarness.calls.slice())).toEqual([{ action: "open", person: first }]);
			await page.keyboard.press("Tab");
			expect(await page.evaluate(() => document.activeElement === document.querySelector(".rete-row .rete-action"))).toBe(true);
			await page.keyboard.press("Enter");
			expect(await page.evaluate(() => window.reteHarness.calls.slice())).toEqual([
				{ action: "open", person: first },
				{ action: "log", person: first },
			]);
		});
	});

	describe.each(["light", "dark"] as const)("300px sidebar, %s, with a hostile and a very long name", (theme) => {
		let page: Page;
		let seen: ReturnType<typeof trackPage>;
		let report: LayoutReport;

		beforeAll(async () => {
			page = await openViewPage(browser, bundle, DESKTOP);
			seen = trackPage(page);
			report = await render(page, { data: { ...data, items: [...hostileItems(), ...data.items] }, language: "en", theme, layout: "desktop" });
			await page.waitForTimeout(300); // time for an injected onerror/onload to fire, if any
		});

		afterAll(async () => {
			await page?.close();
		});

		it("shows markup in a name as text: no <img>, no script, no dialog", () => {
			const row = report.rows.find((r) => r.name.text === XSS_NAME);
			expect(row, "the hostile name is not shown as text").toBeDefined();
			expect(row?.name.shown).toBe(true);
			expect(report.images).toBe(0);
			expect(report.scripts).toBe(0);
			expect(seen.dialogs).toEqual([]);
			expect(seen.errors).toEqual([]);
		});

		it("still fits the sidebar", () => {
			expect(report.rows.length).toBe(data.items.length + 2);
			expectFits(report);
			expectActionSizes(report);
			expectRestingActions(report, false);
		});
	});

	describe("300px leaf of 600px, scrolled by 500px, as in Obsidian", () => {
		let page: Page;
		let probe: { scrolled: number; viewTop: number; toolbarTop: number; filterTop: number; filterBottom: number; atTopEdge: string };

		beforeAll(async () => {
			page = await openViewPage(browser, bundle, DESKTOP);
			const options: RenderOptions = { data, language: "en", theme: "light", layout: "desktop", height: 600 };
			await page.evaluate((o) => window.reteHarness.render(o), options);
			probe = await page.evaluate(() => {
				const view = document.querySelector<HTMLElement>(".view-content");
				const toolbar = document.querySelector(".rete-toolbar");
				const filter = document.querySelector(".rete-filter");
				if (!view || !toolbar || !filter) throw new Error("the view is not rendered");
				view.scrollTop = 500;
				const v = view.getBoundingClientRect();
				const f = filter.getBoundingClientRect();
				// What is painted 2px below the leaf's top edge: the toolbar or the view's own padding, never the list.
				const top = document.elementFromPoint(v.left + 20, v.top + 2);
				return {
					scrolled: view.scrollTop,
					viewTop: v.top,
					toolbarTop: toolbar.getBoundingClientRect().top,
					filterTop: f.top,
					filterBottom: f.bottom,
					atTopEdge: top?.closest(".rete-due") ? `the list (${top.className})` : (top?.className ?? "nothing"),
				};
			});
		});

		afterAll(async () => {
			await page?.close();
		});

		it("keeps the filter in view at the top", () => {
			expect(probe.scrolled).toBe(500);
			expect(probe.filterTop).toBeGreaterThanOrEqual(probe.viewTop);
			expect(probe.filterBottom).toBeLessThanOrEqual(probe.viewTop + 60);
		});

		// Was a bug in styles.css, now fixed: a sticky .rete-toolbar with `top: 0` stuck inside
		// .rete-view's padding (var(--size-4-2)), so rows scrolled visibly through the 8px above it.
		it("no rows show through above the sticky filter when the list scrolls", () => {
			expect(probe.toolbarTop, "the toolbar sticks below the leaf's top edge").toBeLessThanOrEqual(probe.viewTop + 0.5);
			expect(probe.atTopEdge).not.toMatch(/^the list/);
		});
	});

	describe.each(["light", "dark"] as const)("360px phone, %s", (theme) => {
		let page: Page;

		beforeAll(async () => {
			page = await openViewPage(browser, bundle, PHONE);
		});

		afterAll(async () => {
			await page?.close();
		});

		it("does not overflow sideways with the example's list", async () => {
			const report = await render(page, { data, language: "en", theme, layout: "phone" });
			expect(report.container.box.width).toBe(360);
			expect(report.rows.length).toBe(data.items.length);
			expectFits(report);
			expectActionSizes(report);
			expectRestingActions(report, true);
			await screenshot(page, report, path.join(os.tmpdir(), `rete-people-due-phone-${theme}.png`));
		});

		it("does not overflow sideways with a very long name, in Italian", async () => {
			const report = await render(page, { data: { ...data, items: [...hostileItems(), ...data.items] }, language: "it", theme, layout: "phone" });
			expectFits(report);
			expectActionSizes(report);
			expectRestingActions(report, true);
		});
	});
});
