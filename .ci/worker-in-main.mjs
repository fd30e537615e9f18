// CI: the index worker as it ships inside main.js (the text esbuild.config.mjs puts there) runs
// in Debian's Chromium from a blob, as the plugin starts it, and answers a small build: two
// notes, one a person's, the other linking her from a daily note. Exit 1 when it does not.
import fs from "node:fs";
import { chromium } from "playwright-core";

const main = fs.readFileSync(new URL("../main.js", import.meta.url), "utf8");
const at = main.indexOf("new Blob([");
if (at < 0) {
	console.error("main.js has no worker blob");
	process.exit(1);
}
// The string literal that holds the worker's code, as esbuild wrote it.
const start = at + "new Blob([".length;
const quote = main[start];
let end = start + 1;
while (end < main.length && main[end] !== quote) end += main[end] === "\\" ? 2 : 1;
const literal = main.slice(start, end + 1);

const browser = await chromium.launch({ executablePath: process.env.RETE_CHROMIUM ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
try {
	const page = await browser.newPage();
	const errors = [];
	page.on("pageerror", (e) => errors.push(e.message));
	await page.setContent("<!doctype html><html><body></body></html>");
	await page.addScriptTag({ content: `window.reteWorkerSource = ${literal};` });
	const result = await page.evaluate(async () => {
		const url = URL.createObjectURL(new Blob([window.reteWorkerSource], { type: "text/javascript" }));
		const worker = new Worker(url);
		const kinds = [];
		let read = [];
		const settings = { peopleFolder: "People", personTags: ["person"], personType: "person", defaultCadence: null, horizon: 7, reachOutHeading: "", logHeading: "## Log" };
		await new Promise((resolve, reject) => {
			let pieces = -1;
			const timer = setTimeout(() => reject(new Error("the worker did not finish within 20 s")), 20000);
			worker.onerror = (e) => reject(new Error(e.message));
			worker.onmessage = (e) => {
				kinds.push(e.data.kind);
				if (e.data.kind === "read") read = e.data.paths;
				if (e.data.kind === "built") pieces = e.data.plan.pieces;
				if (e.data.kind === "piece") pieces--;
				if (pieces === 0 || e.data.kind === "failed") {
					clearTimeout(timer);
					resolve();
				}
			};
			const bytes = (text) => new TextEncoder().encode(text).buffer;
			worker.postMessage({ kind: "start", settings, daily: { folder: "Journal", format: "YYYY-MM-DD", locale: "en" }, key: "ci" });
			worker.postMessage({ kind: "notes", notes: [{ path: "Journal/2026-11-03.md", frontmatter: undefined, body: null, links: ["Anna"], stamp: 2 }] });
			// As the plugin sends read notes: in columns, the bytes and the stamps handed over.
			const notes = { paths: ["People/Anna.md"], bytes: [bytes("---\ntags: [person]\n---\n- 2026-11-02 Caffè ☕\n")], frontmatter: [{ tags: ["person"] }], stamps: Float64Array.of(1) };
			worker.postMessage({ kind: "texts", notes }, [...notes.bytes, notes.stamps.buffer]);
			worker.postMessage({ kind: "settle" });
			worker.postMessage({ kind: "finish" });
		});
		worker.terminate();
		URL.revokeObjectURL(url);
		return { kinds, read };
	});
	const ok = errors.length === 0 && result.kinds.slice(0, 3).join(" ") === "ready read built" && result.kinds.slice(3).every((k) => k === "piece") && result.read.join() === "Journal/2026-11-03.md";
	console.log(`the worker in main.js (${literal.length} characters) answered: ${result.kinds.slice(0, 3).join(", ")} and ${result.kinds.length - 3} pieces; asked to read ${JSON.stringify(result.read)}${errors.length ? `; page errors: ${errors.join("; ")}` : ""}`);
	process.exitCode = ok ? 0 : 1;
} finally {
	await browser.close();
}
