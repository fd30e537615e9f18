import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests pin the time zone: UTC by default, or a far one (RETE_TEST_TZ) for the date suites in CI.
process.env.TZ = process.env.RETE_TEST_TZ ?? "UTC";

export default defineConfig({
	resolve: {
		// The `obsidian` npm package is types only: tests run against our in-memory fake.
		alias: { obsidian: fileURLToPath(new URL("./tests/fakes/obsidian.ts", import.meta.url)) },
	},
	test: {
		include: ["tests/**/*.test.ts"],
		environment: "node",
		testTimeout: 20000,
	},
});
