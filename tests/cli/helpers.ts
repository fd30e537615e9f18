/**
 * Shared helpers for the CLI end-to-end tests: throw-away vaults generated into a temp folder,
 * and `rete` run in-process with its output captured.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "vitest";
import { run } from "../../src/cli/main";

/** Vault-relative path → file content. A string is written as UTF-8 exactly as given. */
export type Files = Record<string, string | Buffer>;

const created: string[] = [];

/** A fresh temp folder (removed by `cleanupTemp`). */
export function tempDir(prefix = "rete-cli-"): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	created.push(dir);
	return dir;
}

/** Writes `files` under `root`, creating folders as needed. */
export function writeFiles(root: string, files: Files): void {
	for (const [rel, content] of Object.entries(files)) {
		const abs = path.join(root, ...rel.split("/"));
		fs.mkdirSync(path.dirname(abs), { recursive: true });
		fs.writeFileSync(abs, content);
	}
}

/** A new vault in a temp folder holding `files`. */
export function makeVault(files: Files = {}): string {
	const root = tempDir("rete-vault-");
	writeFiles(root, files);
	return root;
}

/** Removes every temp folder made so far; call it from `afterAll`. */
export function cleanupTemp(): void {
	while (created.length > 0) {
		const dir = created.pop();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** A note with YAML frontmatter (`lines` are written between the `---` fences) and a body. */
export function note(lines: string[], body: string[] = []): string {
	return ["---", ...lines, "---", ...body, ""].join("\n");
}

/** `.obsidian/daily-notes.json` for the given folder and format. */
export function dailyConfig(folder: string, format: string, configDir = ".obsidian"): Files {
	return { [`${configDir}/daily-notes.json`]: JSON.stringify({ folder, format }) };
}

/** `.obsidian/plugins/rete/data.json` with the given settings. */
export function reteSettings(settings: Record<string, unknown>, configDir = ".obsidian"): Files {
	return { [`${configDir}/plugins/rete/data.json`]: JSON.stringify(settings) };
}

export interface RunResult {
	code: number;
	out: string;
	err: string;
}

/** Runs `rete` in-process with `argv`, capturing what it prints. */
export function rete(argv: string[]): RunResult {
	let out = "";
	let err = "";
	const code = run(argv, { out: (s) => (out += s), err: (s) => (err += s) });
	return { code, out, err };
}

export interface JsonItem {
	person: string;
	path: string;
	reason: "cadence" | "followup" | "birthday";
	due: string | null;
	status: "overdue" | "today" | "upcoming" | "open";
	days: number | null;
	lastContact?: string | null;
	cadence?: string;
	snoozedUntil?: string;
	text?: string;
	source?: string;
	line?: number;
	age?: number;
	company?: string;
	role?: string;
}

export interface JsonProblem {
	path: string;
	line: number | null;
	message: string;
}

export interface DueJson {
	today: string;
	horizon: number;
	items: JsonItem[];
	problems: JsonProblem[];
}

export interface DueResult extends RunResult {
	json: DueJson;
}

/** `rete due --vault VAULT --today TODAY --json [extra…]`, checked to succeed, with its JSON parsed. */
export function dueJson(vault: string, today: string, extra: string[] = []): DueResult {
	const r = rete(["due", "--vault", vault, "--today", today, "--json", ...extra]);
	if (r.code !== 0) throw new Error(`rete exited ${r.code}: ${r.err}`);
	return { ...r, json: JSON.parse(r.out) as DueJson };
}

/** The vault built from `files`, then `dueJson` over it. */
export function dueOf(files: Files, today: string, extra: string[] = []): DueResult {
	return dueJson(makeVault(files), today, extra);
}

/** Items of one person (by display name) and, optionally, one reason. */
export function itemsOf(json: DueJson, person: string, reason?: JsonItem["reason"]): JsonItem[] {
	return json.items.filter((i) => i.person === person && (reason === undefined || i.reason === reason));
}

/** The one cadence item of `person`, or undefined when they are not listed for cadence. */
export function cadenceOf(json: DueJson, person: string): JsonItem | undefined {
	const list = itemsOf(json, person, "cadence");
	if (list.length > 1) throw new Error(`${person} has ${list.length} cadence items`);
	return list[0];
}

/** Problems of one note. */
export function problemsOf(json: DueJson, notePath: string): JsonProblem[] {
	return json.problems.filter((p) => p.path === notePath);
}

/** Asserts the exact list of problems: path, line, and a pattern their message matches. */
export function expectProblems(actual: JsonProblem[], expected: Array<[string, number | null, RegExp]>): void {
	expect(actual.map((p) => [p.path, p.line])).toEqual(expected.map(([p, l]) => [p, l]));
	expected.forEach(([, , pattern], i) => expect(actual[i]?.message).toMatch(pattern));
}

/** A person note under People/ with a cadence of 1000 days, so that only contacts decide `lastContact`. */
export function tracked(extra: string[] = [], body: string[] = []): string {
	return note(["cadence: 1000", ...extra], body);
}

/** Long horizon: every cadence item is listed, whatever its due date. */
export const ALL = ["--horizon", "3660"];
