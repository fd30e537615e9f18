import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The real-browser check of the "People due" view, apart from the unit tests (whose pattern,
// tests/**/*.test.ts, does not match view.browser.ts). It drives Debian's Chromium:
//   npx vitest run --config tests/browser/vitest.browser.config.ts
export default defineConfig({
	root: fileURLToPath(new URL("../..", import.meta.url)),
	test: {
		include: ["tests/browser/view.browser.ts", "tests/browser/worker.browser.ts"],
		environment: "node",
		testTimeout: 30000,
		hookTimeout: 60000,
	},
});
