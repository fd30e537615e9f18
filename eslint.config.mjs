// Obsidian's recommended rules everywhere; the core must stay pure (no Obsidian, no Node, no clock).
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

const NODE_MODULES = ["fs", "path", "os", "child_process", "url", "util", "crypto", "stream", "events", "process", "buffer", "module", "worker_threads", "readline", "perf_hooks"];

export default defineConfig([
	globalIgnores(["node_modules", "dist", "main.js", "coverage", "examples", ".vitest-results", "docs"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ["eslint.config.mjs", "esbuild.config.mjs", ".ci/*.mjs"] },
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		// js-yaml already ships inside gray-matter; we use version 4 for its schema API (a YAML
		// engine that keeps dates and 0123 as text). The suggested replacement would add a second parser.
		files: ["package.json"],
		rules: { "depend/ban-dependencies": ["error", { allowed: ["js-yaml"] }] },
	},
	{
		files: ["src/plugin/**/*.ts"],
		rules: {
			// minAppVersion 1.8.7 predates the declarative settings API (1.13): the tab uses display().
			"obsidianmd/settings-tab/prefer-setting-definitions": "off",
		},
	},
	{
		files: ["src/core/**/*.ts"],
		rules: {
			"no-restricted-imports": ["error", {
				paths: [
					{ name: "obsidian", message: "src/core is pure: adapt Obsidian in src/plugin." },
					{ name: "gray-matter", message: "src/core is pure: gray-matter belongs to the CLI." },
					...NODE_MODULES.map((name) => ({ name, message: "src/core is pure: no Node modules." })),
				],
				patterns: [{ group: ["node:*"], message: "src/core is pure: no Node modules." }, { group: ["obsidian/*", "../plugin/*", "../cli/*"], message: "src/core imports nothing from the adapters." }],
			}],
			"no-restricted-properties": ["error", { object: "Date", property: "now", message: "src/core has no clock: take `today` as a parameter." }, { object: "performance", property: "now", message: "src/core has no clock." }],
			"no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "src/core has no clock: take `today` as a parameter." }, { selector: "MemberExpression[object.name='DateTime'][property.name=/^(now|local|utc)$/]", message: "src/core has no clock: take `today` as a parameter." }],
			"no-restricted-globals": ["error", { name: "process", message: "src/core is pure: no Node globals." }, { name: "require", message: "src/core is pure." }, { name: "window", message: "src/core is pure: no browser globals." }, { name: "document", message: "src/core is pure: no browser globals." }],
		},
	},
	{
		// The index worker runs core code only: no Obsidian (it has no app), no Node, no DOM.
		files: ["src/worker/**/*.ts"],
		rules: {
			"no-restricted-imports": ["error", {
				paths: [{ name: "obsidian", message: "The worker has no app: it runs src/core only." }, ...NODE_MODULES.map((name) => ({ name, message: "The worker runs in a browser." }))],
				patterns: [{ group: ["node:*", "obsidian/*", "../plugin/*", "../cli/*"], message: "The worker runs src/core only." }],
			}],
			"no-restricted-globals": ["error", { name: "window", message: "A worker has no window." }, { name: "document", message: "A worker has no document." }],
		},
	},
	{
		// The CLI, tests, benchmark and build scripts run under Node, not in Obsidian.
		files: ["src/cli/**/*.ts", "tests/**/*.ts", "bench/**/*.ts", "bench/**/*.mjs", "*.mjs", "*.ts", ".ci/*.mjs"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"import/no-nodejs-modules": "off",
			"obsidianmd/no-nodejs-modules": "off",
			"no-restricted-globals": "off",
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/no-global-this": "off",
			// Outside Obsidian there is no Vault#configDir: the CLI takes --config-dir, default .obsidian.
			"obsidianmd/hardcoded-config-path": "off",
		},
	},
	{
		// Tests drive the plugin the way Obsidian 1.8 (our minAppVersion) does, e.g. display().
		files: ["tests/**/*.ts"],
		rules: { "@typescript-eslint/no-deprecated": "off" },
	},
	{
		// The benchmark and CI's own checks report on the console.
		files: ["bench/**/*.ts", "bench/**/*.mjs", ".ci/*.mjs"],
		rules: { "no-console": "off", "obsidianmd/rule-custom-message": "off" },
	},
]);
