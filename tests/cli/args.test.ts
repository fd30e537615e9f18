/** Command line: options, errors, help/version, and the shape of the JSON and text reports. */
import * as fs from "node:fs";
import * as path from "node:path";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTemp, type DueJson, dueJson, makeVault, note, rete, reteSettings, tempDir } from "./helpers";

afterAll(cleanupTemp);

const simpleVault = (): string =>
	makeVault({
		"People/Anna Rossi.md": note(["cadence: 30", "last_contact: 2026-10-01"]),
	});

function expectOneLineError(r: { code: number; out: string; err: string }, pattern: RegExp): void {
	expect(r.code).not.toBe(0);
	expect(r.out).toBe("");
	expect(r.err.endsWith("\n")).toBe(true);
	expect(r.err.trimEnd().split("\n")).toHaveLength(1);
	expect(r.err).toMatch(/^rete: /);
	expect(r.err).not.toMatch(/\n\s+at /);
	expect(r.err).toMatch(pattern);
}

describe("bad arguments: one line on stderr, non-zero exit", () => {
	const vault = simpleVault();
	const cases: Array<[string, string[], RegExp]> = [
		["missing --vault", ["due"], /--vault/],
		["--vault without value", ["due", "--vault"], /--vault needs a value/],
		["--vault followed by another option", ["due", "--vault", "--json"], /--vault needs a value/],
		["empty --vault=", ["due", "--vault="], /--vault/],
		["unknown option", ["due", "--vault", vault, "--frobnicate"], /unknown option --frobnicate/],
		["unknown command", ["overdue", "--vault", vault], /unknown command "overdue"/],
		["extra positional argument", ["due", "extra", "--vault", vault], /unexpected argument "extra"/],
		["impossible --today", ["due", "--vault", vault, "--today", "2026-02-30"], /--today/],
		["malformed --today", ["due", "--vault", vault, "--today", "20/11/2026"], /--today/],
		["short --today", ["due", "--vault", vault, "--today", "2026-1-5"], /--today/],
		["negative --horizon", ["due", "--vault", vault, "--horizon", "-1"], /--horizon/],
		["fractional --horizon", ["due", "--vault", vault, "--horizon", "1.5"], /--horizon/],
		["non-numeric --horizon", ["due", "--vault", vault, "--horizon=soon"], /--horizon/],
		["huge --horizon", ["due", "--vault", vault, "--horizon", "99999"], /--horizon/],
		["bad --locale", ["due", "--vault", vault, "--locale", "123"], /--locale/],
		["--config-dir climbing out", ["due", "--vault", vault, "--config-dir", "../x"], /--config-dir/],
	];
	it.each(cases)("%s", (_name, argv, pattern) => {
		expectOneLineError(rete(argv), pattern);
	});

	it("a vault folder that does not exist", () => {
		const missing = path.join(tempDir(), "no-such-vault");
		const r = rete(["due", "--vault", missing, "--json"]);
		expectOneLineError(r, /no vault at .*no-such-vault/);
	});

	it("a vault that is a file, not a folder", () => {
		const dir = tempDir();
		const file = path.join(dir, "vault.md");
		fs.writeFileSync(file, "# not a folder\n");
		expectOneLineError(rete(["due", "--vault", file]), /is not a folder/);
	});
});

describe("options", () => {
	it("accepts --opt=value and --opt value alike", () => {
		const vault = simpleVault();
		const a = rete(["due", "--vault", vault, "--today", "2026-11-20", "--horizon", "3", "--json"]);
		const b = rete(["due", `--vault=${vault}`, "--today=2026-11-20", "--horizon=3", "--json"]);
		expect(a.code).toBe(0);
		expect(b.code).toBe(0);
		expect(b.out).toBe(a.out);
		expect((JSON.parse(a.out) as DueJson).horizon).toBe(3);
	});

	it("the vault may be given as a relative path, with a trailing slash, or through a symlink", () => {
		const vault = simpleVault();
		const link = path.join(tempDir(), "vault-link");
		fs.symlinkSync(vault, link, "dir");
		const expected = dueJson(vault, "2026-11-20").out;
		expect(expected).toMatch(/"path": "People\/Anna Rossi\.md"/);
		for (const v of [path.relative(process.cwd(), vault), `${vault}${path.sep}`, link]) {
			expect(dueJson(v, "2026-11-20").out).toBe(expected);
		}
	});

	it("an unknown but well-formed --locale and --locale with an underscore are accepted", () => {
		const vault = simpleVault();
		for (const locale of ["zz", "pt_BR", "it-IT"]) {
			expect(dueJson(vault, "2026-11-20", ["--locale", locale]).json.items).toHaveLength(1);
		}
	});

	it("--help and -h print the usage on stdout and succeed", () => {
		for (const flag of ["--help", "-h"]) {
			const r = rete([flag]);
			expect(r.code).toBe(0);
			expect(r.out).toMatch(/^Usage: rete/);
			expect(r.out).toMatch(/--vault DIR/);
			expect(r.err).toBe("");
		}
	});

	it("no arguments at all prints the usage and fails", () => {
		const r = rete([]);
		expect(r.code).not.toBe(0);
		expect(r.out).toMatch(/Usage: rete/);
	});

	it("--version prints one line (dev when not built)", () => {
		const r = rete(["--version"]);
		expect(r.code).toBe(0);
		expect(r.out).toBe("dev\n");
	});

	it("without --today, today is the local calendar day", () => {
		const before = DateTime.local().toISODate();
		const { json } = dueJson(simpleVault(), "2026-11-20");
		expect(json.today).toBe("2026-11-20");
		const r = rete(["due", "--vault", simpleVault(), "--json"]);
		const after = DateTime.local().toISODate();
		expect(r.code).toBe(0);
		expect([before, after]).toContain((JSON.parse(r.out) as DueJson).today);
	});

	it("the horizon defaults to the saved setting, and --horizon overrides it", () => {
		const vault = makeVault({
			...reteSettings({ horizon: 30 }),
			"People/Anna Rossi.md": note(["cadence: 30", "last_contact: 2026-11-10"]),
		});
		const saved = dueJson(vault, "2026-11-20").json;
		expect(saved.horizon).toBe(30);
		expect(saved.items.map((i) => i.due)).toEqual(["2026-12-10"]);
		const flag = dueJson(vault, "2026-11-20", ["--horizon", "7"]).json;
		expect(flag.horizon).toBe(7);
		expect(flag.items).toEqual([]);
	});

	it("without saved settings the horizon is 7", () => {
		const vault = makeVault({
			"People/In.md": note(["cadence: 10", "last_contact: 2026-11-17"]),
			"People/Out.md": note(["cadence: 10", "last_contact: 2026-11-18"]),
		});
		const { json } = dueJson(vault, "2026-11-20");
		expect(json.horizon).toBe(7);
		expect(json.items.map((i) => [i.person, i.due])).toEqual([["In", "2026-11-27"]]);
	});

	it("--config-dir reads settings and daily notes from another config folder", () => {
		const vault = makeVault({
			".obsidian/plugins/rete/data.json": JSON.stringify({ peopleFolder: "Wrong" }),
			".config-mobile/plugins/rete/data.json": JSON.stringify({ peopleFolder: "Friends" }),
			".config-mobile/daily-notes.json": JSON.stringify({ folder: "Days", format: "DD.MM.YYYY" }),
			"Friends/Bea.md": note(["cadence: 1000"]),
			"Days/10.11.2026.md": "- coffee with [[Bea]]\n",
		});
		const { json } = dueJson(vault, "2026-11-20", ["--config-dir", ".config-mobile", "--horizon", "3660"]);
		expect(json.items.map((i) => [i.person, i.lastContact])).toEqual([["Bea", "2026-11-10"]]);
	});

	it("an unreadable settings file is a warning on stderr; the report still comes with the defaults", () => {
		const vault = makeVault({
			".obsidian/plugins/rete/data.json": "{ not json",
			"People/Anna Rossi.md": note(["cadence: 30"]),
		});
		const r = dueJson(vault, "2026-11-20");
		expect(r.err).toMatch(/^rete: warning: .*data\.json/m);
		expect(r.json.horizon).toBe(7);
		expect(r.json.items.map((i) => i.person)).toEqual(["Anna Rossi"]);
	});
});

describe("report formats", () => {
	const files = {
		"People/Olga.md": note(["cadence: 30", "last_contact: 2026-10-01"]),
		"People/Tina.md": note(["cadence: 30", "last_contact: 2026-10-21"]),
		"People/Ugo.md": note(["cadence: 30", "last_contact: 2026-10-24"]),
		"People/Bad.md": note(["cadence: sometimes"]),
		"Inbox.md": "- [ ] send the slides to [[Olga]]\n",
	};

	it("JSON: today, horizon, items with person/path/reason/due/status/days, problems with path/line/message", () => {
		const { json, out } = dueJson(makeVault(files), "2026-11-20");
		expect(out.endsWith("\n")).toBe(true);
		expect(Object.keys(json).sort()).toEqual(["horizon", "items", "problems", "today"]);
		expect(json.today).toBe("2026-11-20");
		expect(json.items.map((i) => [i.person, i.path, i.reason, i.due, i.status, i.days])).toEqual([
			["Olga", "People/Olga.md", "cadence", "2026-10-31", "overdue", -20],
			["Tina", "People/Tina.md", "cadence", "2026-11-20", "today", 0],
			["Ugo", "People/Ugo.md", "cadence", "2026-11-23", "upcoming", 3],
			["Olga", "People/Olga.md", "followup", null, "open", null],
		]);
		expect(json.items[3]).toMatchObject({ text: "send the slides to [[Olga]]", source: "Inbox.md", line: 1 });
		// The documented shape, in its order: no day number of the index's own.
		expect(Object.keys(json.items[0] ?? {})).toEqual(["person", "path", "reason", "due", "status", "days", "lastContact", "cadence"]);
		expect(json.problems).toHaveLength(1);
		expect(json.problems[0]).toMatchObject({ path: "People/Bad.md" });
		expect(typeof json.problems[0]?.line).toBe("number");
		expect(json.problems[0]?.message).toMatch(/sometimes/);
	});

	it("text: a header, groups Overdue/Today/Upcoming/Open follow-ups in that order, then Problems", () => {
		const r = rete(["due", "--vault", makeVault(files), "--today", "2026-11-20"]);
		expect(r.code).toBe(0);
		const lines = r.out.split("\n");
		expect(lines[0]).toBe("People due on 2026-11-20 (next 7 days)");
		const headings = lines.filter((l) => /^\S/.test(l)).slice(1);
		expect(headings).toEqual(["Overdue (1)", "Today (1)", "Upcoming (1)", "Open follow-ups (1)", "Problems (1)"]);
		const at = (h: string): number => lines.indexOf(h);
		expect(lines[at("Overdue (1)") + 1]).toBe("  Olga");
		expect(lines[at("Overdue (1)") + 2]).toMatch(/2026-10-31 \(20 days ago\).*last contact 2026-10-01/);
		expect(lines[at("Today (1)") + 1]).toBe("  Tina");
		expect(lines[at("Upcoming (1)") + 2]).toMatch(/2026-11-23 \(in 3 days\)/);
		expect(lines[at("Open follow-ups (1)") + 2]).toMatch(/undated · follow-up: send the slides to \[\[Olga\]\] \(Inbox\.md:1\)/);
		expect(lines[at("Problems (1)") + 1]).toMatch(/^ {2}People\/Bad\.md:\d+ {2}.*sometimes/);
	});

	it("text: an empty vault says nobody is due and has no Problems section", () => {
		const r = rete(["due", "--vault", makeVault({ "Welcome.md": "# hi\n" }), "--today", "2026-11-20", "--horizon", "1"]);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^People due on 2026-11-20 \(next 1 day\)\n\nNobody is due/);
		expect(r.out).not.toMatch(/Problems/);
		expect(r.out).not.toContain("`");
	});

	it("text: a horizon of 0 days says today only", () => {
		const r = rete(["due", "--vault", makeVault({ "Welcome.md": "# hi\n" }), "--today", "2026-11-20", "--horizon", "0"]);
		expect(r.out).toMatch(/^People due on 2026-11-20 \(today only\)\n/);
	});
});
