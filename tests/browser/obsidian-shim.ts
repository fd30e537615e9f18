/**
 * The part of the "obsidian" module that the view's renderer needs at run time, for the browser
 * harness (the npm package is types only). render.ts imports `setIcon`; describe.ts and i18n.ts
 * import nothing from "obsidian". esbuild aliases "obsidian" to this file.
 */

/** Lucide-like outlines for the icons the view uses; anything else is a plain square. */
const ICONS: Record<string, string[]> = {
	"message-square-plus": ["M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z", "M12 7v6", "M9 10h6"],
	check: ["M20 6 9 17l-5-5"],
	"alarm-clock": ["M12 5a8 8 0 1 0 0 16a8 8 0 1 0 0-16z", "M12 9v4l2 2", "M5 3 2 6", "m22 6-3-3", "M6.38 18.7 4 21", "M17.64 18.67 20 21"],
};

/** Like Obsidian's: replaces the element's content with an inline `svg.svg-icon`. */
export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	const svg = parent.createSvg("svg", {
		cls: ["svg-icon", `lucide-${iconId}`],
		attr: { xmlns: "http://www.w3.org/2000/svg", width: "24", height: "24", viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": "2", "stroke-linecap": "round", "stroke-linejoin": "round" },
	});
	const paths = ICONS[iconId];
	if (!paths) {
		svg.createSvg("rect", { attr: { x: "4", y: "4", width: "16", height: "16", rx: "2" } });
		return;
	}
	for (const d of paths) svg.createSvg("path", { attr: { d } });
}
