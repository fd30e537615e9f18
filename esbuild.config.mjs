// Bundles the plugin (main.js: requires nothing but `obsidian` at load, safe on mobile)
// and the CLI (dist/cli.cjs, for Node). `node esbuild.config.mjs` watches (the worker is
// bundled once, at the start); `production` builds once.
import { readFileSync, chmodSync } from "node:fs";
import esbuild from "esbuild";

const production = process.argv[2] === "production";
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

// The index worker (src/worker/entry.ts), bundled first: main.js carries it as text and starts
// it from a blob, so the plugin stays one file, as Obsidian installs it.
const worker = await esbuild.build({
	entryPoints: ["src/worker/entry.ts"],
	bundle: true,
	write: false,
	format: "iife",
	platform: "browser",
	target: "es2021",
	logLevel: "info",
	minify: production,
	treeShaking: true,
});

const plugin = {
	define: { RETE_WORKER_SOURCE: JSON.stringify(worker.outputFiles[0].text) },
	entryPoints: ["src/plugin/main.ts"],
	outfile: "main.js",
	bundle: true,
	format: "cjs",
	platform: "browser",
	target: "es2021",
	external: ["obsidian", "electron", "@codemirror/*", "@lezer/*"],
	logLevel: "info",
	sourcemap: production ? false : "inline",
	minify: production,
	treeShaking: true,
};

const cli = {
	entryPoints: ["src/cli/bin.ts"],
	outfile: "dist/cli.cjs",
	bundle: true,
	format: "cjs",
	platform: "node",
	target: "node20",
	banner: { js: "#!/usr/bin/env node" },
	define: { RETE_VERSION: JSON.stringify(version) },
	logLevel: "info",
	sourcemap: false,
};

if (production) {
	await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
	chmodSync("dist/cli.cjs", 0o755);
} else {
	const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli)]);
	await Promise.all(contexts.map((c) => c.watch()));
}
