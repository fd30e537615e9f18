/**
 * The real `rete` binary: bundled with esbuild exactly like the `cli` build of esbuild.config.mjs
 * (into a temp folder), then run as a child process.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupTemp, makeVault, note, tempDir, tracked } from "./helpers";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
let outfile = "";

beforeAll(async () => {
	outfile = path.join(tempDir("rete-bin-"), "cli.cjs");
	await esbuild.build({
		entryPoints: [path.join(ROOT, "src/cli/bin.ts")],
		outfile,
		bundle: true,
		format: "cjs",
		platform: "node",
		target: "node20",
		banner: { js: "#!/usr/bin/env node" },
		define: { RETE_VERSION: JSON.stringify(version) },
		logLevel: "warning",
		sourcemap: false,
	});
}, 60_000);

afterAll(cleanupTemp);

interface Spawned {
	status: number | null;
	stdout: string;
	stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Spawned {
	const r = spawnSync(process.execPath, [outfile, ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 30_000 });
	if (r.error) throw r.error;
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectCleanError(r: Spawned, pattern: RegExp): void {
	expect(r.status).not.toBe(0);
	expect(r.status).not.toBeNull();
	expect(r.stdout).toBe("");
	const lines = r.stderr.split("\n").filter((l) => l !== "");
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^rete: /);
	expect(lines[0]).toMatch(pattern);
	expect(r.stderr).not.toMatch(/^\s+at /m);
	expect(r.stderr).not.toMatch(/Error:|node:internal|\.cjs:\d+/);
}

function vault(): string {
	return makeVault({
		".obsidian/daily-notes.json": JSON.stringify({ folder: "Journal", format: "YYYY-MM-DD" }),
		"People/Anna Rossi.md": note(["cadence: 30", "company: ACME", "birthday: 11-22"]),
		"People/Bruno.md": tracked(),
		"Journal/2026-10-15.md": "- lunch with [[Anna Rossi]] and [[Bruno]]\n- [ ] send deck to [[Anna Rossi]] 📅 2026-11-21\n",
		"Notes/Broken.md": note(["family: [[A]] [[B]]"]),
	});
}

describe("built binary", () => {
	it("starts with a shebang and prints the package version", () => {
		expect(fs.readFileSync(outfile, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
		const r = cli(["--version"]);
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(`${version}\n`);
	});

	it("due --json: exit 0, parseable JSON with items and problems", () => {
		const r = cli(["due", "--vault", vault(), "--today", "2026-11-20", "--json"]);
		expect(r.status).toBe(0);
		expect(r.stderr).toBe("");
		const json = JSON.parse(r.stdout) as {
			today: string;
			horizon: number;
			items: Array<Record<string, unknown>>;
			problems: Array<{ path: string; line: number | null; message: string }>;
		};
		expect(json.today).toBe("2026-11-20");
		expect(json.horizon).toBe(7);
		expect(json.items.map((i) => [i.person, i.reason, i.due, i.status])).toEqual([
			["Anna Rossi", "cadence", "2026-11-14", "overdue"],
			["Anna Rossi", "followup", "2026-11-21", "upcoming"],
			["Anna Rossi", "birthday", "2026-11-22", "upcoming"],
		]);
		expect(json.items[0]).toMatchObject({ path: "People/Anna Rossi.md", company: "ACME", lastContact: "2026-10-15", cadence: "30" });
		expect(json.problems.map((p) => p.path)).toEqual(["Notes/Broken.md"]);
		expect(typeof json.problems[0]?.line).toBe("number");
	});

	it("due without --json prints the text report", () => {
		const r = cli(["due", "--vault", vault(), "--today", "2026-11-20"]);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^People due on 2026-11-20 \(next 7 days\)\n/);
		expect(r.stdout).toMatch(/\nOverdue \(1\)\n {2}Anna Rossi · ACME\n/);
		expect(r.stdout).toMatch(/\nUpcoming \(2\)\n/);
		expect(r.stdout).toMatch(/\nProblems \(1\)\n {2}Notes\/Broken\.md:\d+ /);
	});

	it.each([
		["a missing vault", (dir: string) => ["due", "--vault", path.join(dir, "nope"), "--json"], /no vault at/],
		["a vault that is a file", (dir: string) => ["due", "--vault", path.join(dir, "file.md"), "--json"], /not a folder/],
		["a bad --horizon", (dir: string) => ["due", "--vault", dir, "--horizon", "soon", "--json"], /--horizon/],
		["a bad --today", (dir: string) => ["due", "--vault", dir, "--today", "2026-02-30", "--json"], /--today/],
		["an unknown option", (dir: string) => ["due", "--vault", dir, "--nope"], /unknown option --nope/],
		["a missing --vault", () => ["due", "--json"], /--vault/],
		["an unknown command", (dir: string) => ["list", "--vault", dir], /unknown command/],
	])("%s: one line on stderr, no stack trace, non-zero exit", (_name, argv, pattern) => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, "file.md"), "x\n");
		expectCleanError(cli(argv(dir)), pattern);
	});

	it.each(["Pacific/Kiritimati", "America/Adak", "UTC"])("without --today, today is the local day in TZ=%s", (tz) => {
		const before = DateTime.now().setZone(tz).toISODate();
		const r = cli(["due", "--vault", vault(), "--json"], { TZ: tz });
		const after = DateTime.now().setZone(tz).toISODate();
		expect(r.status).toBe(0);
		expect([before, after]).toContain((JSON.parse(r.stdout) as { today: string }).today);
	});

	it("results do not depend on the machine's time zone", () => {
		const v = vault();
		const outs = ["Pacific/Kiritimati", "America/Adak", "Asia/Kolkata", "UTC"].map((tz) => cli(["due", "--vault", v, "--today", "2026-11-20", "--json"], { TZ: tz }).stdout);
		for (const o of outs) expect(o).toBe(outs[0]);
	});

	it("a reader that closes the pipe early (| head) ends it quietly", () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 2000; i++) files[`People/Person ${i}.md`] = note(["cadence: 7", "company: A company with a long name"]);
		const v = makeVault(files);
		const errFile = path.join(tempDir(), "err.txt");
		const script = `"$0" "$1" due --vault "$2" --today 2026-11-20 --json 2>"$3" | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`;
		const r = spawnSync("bash", ["-c", script, process.execPath, outfile, v, errFile], { encoding: "utf8", timeout: 60_000 });
		expect(r.stdout.trim()).toBe("0");
		expect(fs.readFileSync(errFile, "utf8")).toBe("");
	});

	it("---js frontmatter is not run by the bundled binary", () => {
		const dir = tempDir("rete-pwn-");
		const target = path.join(dir, "pwned.txt");
		const v = makeVault({ "Notes/Evil.md": `---js\n{ x: require("fs").writeFileSync(${JSON.stringify(target)}, "ran") }\n---\n` });
		const r = cli(["due", "--vault", v, "--today", "2026-11-20", "--json"]);
		expect(r.status).toBe(0);
		expect(fs.existsSync(target)).toBe(false);
		expect((JSON.parse(r.stdout) as { problems: Array<{ path: string; line: number }> }).problems).toMatchObject([{ path: "Notes/Evil.md", line: 1 }]);
	});
});
