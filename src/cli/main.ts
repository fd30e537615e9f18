/** `rete`: the core over a vault folder, from a terminal, cron or a benchmark. */
import * as fs from "node:fs";
import { DateTime } from "luxon";
import { compileDaily, type DailyMatcher } from "../core/daily";
import { dayFromYmd, ymdFromDay } from "../core/dates";
import { PeopleIndex } from "../core/network";
import { pluginEnabled, type ResolvedDaily, resolveDailySettings } from "../core/daily-config";
import { migrateSettings, type ReteSettings } from "../core/settings";
import { formatMoment } from "../core/template";
import { templatePaths } from "../core/templates";
import type { Problem } from "../core/types";
import { messagesFor } from "../plugin/i18n";
import { type CliOptions, parseArgs, USAGE, UsageError } from "./args";
import { formatJson, formatText } from "./report";
import { todaySection } from "./today";
import { listNotes, NoteReader, readConfigJson, toRecord } from "./vault";

declare const RETE_VERSION: string;

export interface Io {
	out: (s: string) => void;
	err: (s: string) => void;
}

export interface LoadedVault {
	index: PeopleIndex;
	settings: ReteSettings;
	warnings: string[];
	/** Notes that could not be read at all (permissions, vanished meanwhile). */
	unreadable: Problem[];
	/** The daily-note settings that apply. */
	daily: ResolvedDaily;
	/** Every note read. */
	paths: string[];
}

/** Reads the vault's settings and every note into a fresh index. */
export function loadVault(root: string, configDir: string, locale: string): LoadedVault {
	const warnings: string[] = [];
	const saved = readConfigJson(root, configDir, "plugins/rete/data.json");
	if (saved.error) warnings.push(`${saved.error}; using the default settings`);
	const loaded = migrateSettings(saved.error ? undefined : saved.value);
	warnings.push(...loaded.warnings.map((w) => `settings: ${w}`));
	// The same daily-note settings as the plugin: Periodic Notes when enabled, else Daily Notes.
	const read = (file: string): unknown => {
		const r = readConfigJson(root, configDir, file);
		if (r.error) warnings.push(`${r.error}; ignored`);
		return r.value;
	};
	const communityPlugins = read("community-plugins.json");
	const dailyConfig = resolveDailySettings({ dailyNotes: read("daily-notes.json"), communityPlugins, periodicNotes: read("plugins/periodic-notes/data.json") });
	const compiled = compileDaily(dailyConfig.folder, dailyConfig.format, locale);
	let daily: DailyMatcher | null = null;
	if ("error" in compiled) warnings.push(compiled.error);
	else daily = compiled.matcher;

	// Template notes are patterns (a person template is tagged as a person): indexed as empty.
	const templates = templatePaths({
		templates: read("templates.json"),
		communityPlugins,
		templater: pluginEnabled(communityPlugins, "templater-obsidian") ? read("plugins/templater-obsidian/data.json") : undefined,
		dailyTemplate: dailyConfig.template,
		personTemplate: loaded.settings.personTemplate,
		eventTemplate: loaded.settings.eventTemplate,
	});
	const index = new PeopleIndex({ settings: loaded.settings, daily, templates });
	const paths: string[] = [];
	const unreadable: Problem[] = [];
	// Read every note first, then link each once against the whole vault.
	index.defer();
	const reader = new NoteReader();
	for (const file of listNotes(root)) {
		let text: string;
		try {
			text = reader.read(file.abs);
		} catch (e) {
			unreadable.push({ path: file.path, line: null, message: `cannot read the note (${(e as Error & { code?: string }).code ?? String(e)})` });
			continue;
		}
		index.upsert(toRecord(file.path, text));
		paths.push(file.path);
	}
	index.settle();
	return { index, settings: loaded.settings, warnings, unreadable, daily: dailyConfig, paths };
}

function localToday(): number {
	const now = DateTime.local();
	return dayFromYmd(now.year, now.month, now.day);
}

function checkVault(dir: string): void {
	const stat = fs.statSync(dir, { throwIfNoEntry: false });
	if (!stat) throw new UsageError(`no vault at ${dir} (the folder does not exist)`);
	if (!stat.isDirectory()) throw new UsageError(`${dir} is not a folder`);
}

export function run(argv: readonly string[], io: Io): number {
	let opts: CliOptions;
	try {
		opts = parseArgs(argv);
		if (opts.command === "help") {
			io.out(`${USAGE}\n`);
			return argv.length === 0 ? 2 : 0;
		}
		if (opts.command === "version") {
			io.out(`${typeof RETE_VERSION === "string" ? RETE_VERSION : "dev"}\n`);
			return 0;
		}
		checkVault(opts.vault);
	} catch (e) {
		if (e instanceof UsageError) {
			io.err(`rete: ${e.message}\n`);
			return 2;
		}
		throw e;
	}
	try {
		const vault = loadVault(opts.vault, opts.configDir, opts.locale);
		for (const w of vault.warnings) io.err(`rete: warning: ${w}\n`);
		const today = opts.today ?? localToday();
		const horizon = opts.horizon ?? vault.settings.horizon;
		if (opts.command === "today") {
			const { y, m, d } = ymdFromDay(today);
			const name = formatMoment(vault.daily.format, { year: y, month: m, day: d, hour: 0, minute: 0 }, opts.locale);
			const dailyPath = `${vault.daily.folder === "" ? "" : `${vault.daily.folder}/`}${name}.md`;
			const section = todaySection({ index: vault.index, paths: vault.paths, dailyPath, today, horizon, heading: vault.settings.reachOutHeading, locale: opts.locale });
			// Nothing to append (`rete today >> note`): said where a person reads it, not in the note.
			if (section === "") io.err(`rete: ${messagesFor(opts.locale).t("notice.reachOutNone")}\n`);
			else io.out(section);
			return 0;
		}
		const items = vault.index.due(today, horizon);
		const problems = [...vault.unreadable, ...vault.index.problems()];
		io.out(opts.json ? formatJson(items, problems, today, horizon) : formatText(items, problems, today, horizon));
		return 0;
	} catch (e) {
		io.err(`rete: ${e instanceof Error ? e.message : String(e)}\n`);
		return 1;
	}
}
