import { defineConfig } from "vitest/config";

// Tests pin the time zone: UTC by default, or a far one (RETE_TEST_TZ) for the date suites in CI.
process.env.TZ = process.env.RETE_TEST_TZ ?? "UTC";

export default defineConfig({
	resolve: {
		// The `obsidian` npm package is types only: tests run against obsidian-test-mocks, an
		// in-memory implementation of the API (vault, metadata cache, DOM helpers).
		alias: { obsidian: "obsidian-test-mocks/obsidian" },
	},
	test: {
		include: ["tests/**/*.test.ts"],
		environment: "node",
		testTimeout: 20000,
	},
});
