import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/cli/yaml";
import { readCadence } from "../../src/core/cadence";
import { checkDailyPath } from "../../src/core/daily-config";
import { planEvent } from "../../src/core/event";
import { checkFolder } from "../../src/core/names";
import { PeopleIndex } from "../../src/core/network";
import { cachedProperties, recordFromText } from "../../src/core/record";
import { defaultSettings, migrateSettings } from "../../src/core/settings";
import { errorText, translateCore } from "../../src/plugin/core-text";
import { messagesFor } from "../../src/plugin/i18n";

const en = messagesFor("en").t;
const it_ = messagesFor("it").t;

const cli = (text: string): { data: unknown } | { error: string; line: number | null } => {
	try {
		return { data: parseYaml(text) };
	} catch (e) {
		return { error: e instanceof Error ? e.message : String(e), line: null };
	}
};

/** Every problem the index finds in notes written to go wrong in each way the core knows. */
function problemsOfBadNotes(): string[] {
	const index = new PeopleIndex({ settings: defaultSettings(), daily: null });
	const notes: Record<string, string> = {
		"People/A.md": "---\nmet: [1, 2]\nlast_contact: {a: 1}\nsnooze_until: next week\nbirthday: \"02-30\"\ncadence: sometimes\n---\n",
		"People/B.md": "---\nbirthday: tomorrow\ncadence: [1]\nmet: 2026-02-30\nlast_contact: true\n---\n",
		"People/C.md": "---\ncadence: 0\n---\n",
		"Notes/D.md": "---\ndate: 2026-13-45\n---\n- 2026-02-30 met [[A]]\n- 2026-2-3 met [[A]]\n",
		"Notes/E.md": "---js\n({ a: 1 })\n---\n- [[A]]\n",
		"Notes/F.md": "---\n- a\n- b\n---\n- [[A]]\n",
		"Notes/I.md": "- 2026-11-31 Fair\n  - met [[A]]\n",
	};
	for (const [path, text] of Object.entries(notes)) index.upsert(recordFromText(path, text, cli));
	// As the plugin reads a note whose properties Obsidian could not parse.
	index.upsert(recordFromText("Notes/G.md", "---\na: [\n---\n- [[A]]\n", cachedProperties(undefined)));
	// A date that is a Date and no day.
	index.upsert({ path: "People/H.md", frontmatter: { met: new Date(NaN) }, body: "" });
	return index.problems().map((p) => p.message);
}

function errors(): string[] {
	const plan = (over: object) => planEvent({ name: "Fair", kind: "", date: "2026-11-20", location: "", people: [], followUpDays: 3, action: "", ...over }, { eventsFolder: "E", peopleFolder: "P", personTag: "person", eventTemplate: "", personTemplate: "", taken: () => false, linkText: (p) => p, now: { year: 2026, month: 11, day: 20, hour: 9, minute: 0 }, locale: "en" });
	const results = [
		readCadence("sometimes"), readCadence("0"), readCadence("9999y"), readCadence([1]), readCadence({ a: 1 }),
		checkFolder("/abs", ".obsidian"), checkFolder("C:\\x", ".obsidian"), checkFolder("a/../..", ".obsidian"), checkFolder(".obsidian", ".obsidian"),
		checkDailyPath("../Daily/2026-11-20.md", ".obsidian"),
		plan({ name: " " }), plan({ date: "2026-02-30" }), plan({ followUpDays: 400 }),
	];
	const warnings = [
		...migrateSettings([1]).warnings,
		...migrateSettings({ version: 99 }).warnings,
		...migrateSettings({ peopleFolder: 3, defaultCadence: "sometimes", reachOutOnCreate: "yes", indexCache: 1, logTarget: "elsewhere", eventKinds: 4, followUpDays: -1, personTags: 5, horizon: 99999 }).warnings,
	];
	return [...results.map((r) => (r && "error" in r ? r.error : "")), ...warnings, "a note already exists there"];
}

/** English words that only the core's sentences bring: none may be left in Italian. */
const ENGLISH = /\b(not a|impossible|invalid|unreadable|frontmatter|must be|unknown|needs a name|follow up after|is not written|a list|an object|climbs|absolute path|inside the vault|daily note's|could not read|is not read|ignored|using|settings|already exists|nested under|whole number)\b/;

describe("the core's words in the user's language", () => {
	const said = [...problemsOfBadNotes(), ...errors()];

	it("finds each kind of problem in the bad notes", () => {
		expect(said).not.toContain("");
		// One of each shape the catalogue knows, and a few more through a property's key.
		expect(said.length).toBeGreaterThanOrEqual(42);
	});

	it("says in English exactly what the core says, and in Italian something else with no English left", () => {
		for (const text of said) {
			expect(translateCore(text, en)).toBe(text);
			const italian = translateCore(text, it_);
			expect(italian, text).not.toBe(text);
			expect(italian, `${text} → ${italian}`).not.toMatch(ENGLISH);
		}
	});

	it("keeps a YAML parser's own words, but says the rest in Italian", () => {
		const index = new PeopleIndex({ settings: defaultSettings(), daily: null });
		index.upsert(recordFromText("Notes/Y.md", "---\na: [\n---\n- [[A]]\n", cli));
		const [problem] = index.problems();
		expect(problem?.message).toMatch(/^unreadable frontmatter: /);
		expect(translateCore(problem?.message ?? "", it_)).toMatch(/^proprietà illeggibili: /);
	});

	it("passes on what it does not know, a colon in someone's text included", () => {
		for (const text of ["something new", "EACCES: permission denied", "met: Anna at the fair", ""]) expect(translateCore(text, it_)).toBe(text);
		expect(errorText(new Error("ENOSPC: no space left"), it_)).toBe("ENOSPC: no space left");
		expect(errorText("the event needs a name", it_)).toBe("manca il nome dell'evento");
	});

	it("says each shape as the Italian catalogue words it", () => {
		expect(translateCore('met: not a YYYY-MM-DD date: "next week"', it_)).toBe('met: non è una data nel formato YYYY-MM-DD: "next week"');
		expect(translateCore("cadence: cadence must be a number of days or a period, not a list", it_)).toBe("cadence: la cadenza deve essere un numero di giorni o un periodo, non una lista");
		expect(translateCore("date 2026-2-3 is not written as YYYY-MM-DD", it_)).toBe("la data 2026-2-3 non è scritta come YYYY-MM-DD");
	});
});
