/** Command-line arguments of `rete`, checked up front so that a mistake is one clear line. */
import { type Day, parseIsoDay } from "../core/dates";

export interface CliOptions {
	command: "due" | "today" | "help" | "version";
	vault: string;
	today: Day | null;
	horizon: number | null;
	json: boolean;
	configDir: string;
	locale: string;
}

export class UsageError extends Error {}

export const USAGE = `Usage: rete <command> [options]

Commands:
  due       List the people due: cadence overdue, follow-ups, birthdays
  today     Print today's reach-out section as markdown, for a daily note

Options:
  --vault DIR        The vault folder (required)
  --today YYYY-MM-DD The day to compute for (default: today on this machine)
  --horizon N        Days ahead to look (default: Rete's setting, 7)
  --json             Print JSON instead of text
  --config-dir NAME  The vault's config folder (default: .obsidian)
  --locale CODE      Language of daily-note names, and of the today section (default: en)
  -h, --help         Show this help
  -v, --version      Show the version`;

const VALUE_OPTIONS = new Set(["--vault", "--today", "--horizon", "--config-dir", "--locale"]);

export function parseArgs(argv: readonly string[]): CliOptions {
	const opts: CliOptions = { command: "help", vault: "", today: null, horizon: null, json: false, configDir: ".obsidian", locale: "en" };
	let command: string | null = null;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? "";
		if (arg === "-h" || arg === "--help") return { ...opts, command: "help" };
		if (arg === "-v" || arg === "--version") return { ...opts, command: "version" };
		if (arg === "--json") {
			opts.json = true;
			continue;
		}
		const eq = arg.indexOf("=");
		const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
		if (VALUE_OPTIONS.has(name)) {
			const value = eq > 0 && name !== arg ? arg.slice(eq + 1) : argv[++i];
			if (value === undefined || (value.startsWith("--") && name === arg)) throw new UsageError(`${name} needs a value`);
			setOption(opts, name, value);
			continue;
		}
		if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
		if (command !== null) throw new UsageError(`unexpected argument "${arg}"`);
		command = arg;
	}
	if (command === null) return opts;
	if (command !== "due" && command !== "today") throw new UsageError(`unknown command "${command}" (try: rete due --vault DIR)`);
	if (opts.vault === "") throw new UsageError("--vault DIR is required");
	if (command === "today" && opts.json) throw new UsageError("today prints markdown; --json goes with due");
	return { ...opts, command };
}

function setOption(opts: CliOptions, name: string, value: string): void {
	switch (name) {
		case "--vault":
			if (value.trim() === "") throw new UsageError("--vault needs a folder");
			opts.vault = value;
			break;
		case "--today": {
			const day = parseIsoDay(value.trim());
			if (day === null) throw new UsageError(`--today must be a real date written YYYY-MM-DD, not "${value}"`);
			opts.today = day;
			break;
		}
		case "--horizon": {
			const n = Number(value);
			if (!/^\d+$/.test(value.trim()) || n > 3660) throw new UsageError(`--horizon must be a whole number of days from 0 to 3660, not "${value}"`);
			opts.horizon = n;
			break;
		}
		case "--config-dir":
			if (value.trim() === "" || value.includes("..")) throw new UsageError(`--config-dir must be a folder name inside the vault, not "${value}"`);
			opts.configDir = value;
			break;
		case "--locale":
			if (!/^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/i.test(value)) throw new UsageError(`--locale must be a language code such as en or it, not "${value}"`);
			opts.locale = value.replace(/_/g, "-");
			break;
	}
}
