import { afterAll, describe, expect, it } from "vitest";
import { cleanupTemp, makeVault, rete } from "./helpers";

afterAll(cleanupTemp);

const PEOPLE = {
	"People/Anna Rossi.md": "---\ncadence: monthly\n---\n- 2026-10-01 Coffee\n",
	"Notes/Plan.md": "- [ ] Send [[Anna Rossi]] the deck 📅 2026-11-25\n",
};

describe("rete today", () => {
	it("prints the reach-out section as markdown", () => {
		const vault = makeVault(PEOPLE);
		const r = rete(["today", "--vault", vault, "--today", "2026-11-20"]);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^## Reach out\n- \[ \] \[\[Anna Rossi\]\] · last contact 50 days ago \^rete-c-anna-rossi-\w{7}\n- \[ \] \[\[Anna Rossi\]\] · Send Anna Rossi the deck 📅 2026-11-25 \^rete-f-anna-rossi-\w{7}\n$/);
	});

	it("speaks Italian with --locale it, and uses the heading setting", () => {
		const vault = makeVault(PEOPLE);
		expect(rete(["today", "--vault", vault, "--today", "2026-11-20", "--locale", "it"]).out).toMatch(/^## Da contattare\n- \[ \] \[\[Anna Rossi\]\] · ultimo contatto 50 giorni fa/);
		const custom = makeVault({ ...PEOPLE, ".obsidian/plugins/rete/data.json": '{"reachOutHeading": "### Oggi"}' });
		expect(rete(["today", "--vault", custom, "--today", "2026-11-20"]).out.startsWith("### Oggi\n")).toBe(true);
	});

	it("has the same lines the plugin would write, and ticked ones in a daily note count as contacts", () => {
		const first = rete(["today", "--vault", makeVault(PEOPLE), "--today", "2026-11-20"]).out;
		const ticked = first.replace("- [ ] [[Anna Rossi]] · last", "- [x] [[Anna Rossi]] · last");
		const vault = makeVault({ ...PEOPLE, "2026-11-20.md": `# Friday\n\n${ticked}` });
		const due = JSON.parse(rete(["due", "--vault", vault, "--today", "2026-11-20", "--json"]).out) as { items: Array<{ reason: string; person: string }> };
		expect(due.items.map((i) => `${i.person} ${i.reason}`)).toEqual(["Anna Rossi followup"]);
	});

	it("appended twice into the daily note (rete today >> note), neither copy makes follow-ups", () => {
		const once = rete(["today", "--vault", makeVault(PEOPLE), "--today", "2026-11-20"]).out;
		const vault = makeVault({ ...PEOPLE, "2026-11-20.md": `# Friday\n\n${once}\n${once}` });
		const due = JSON.parse(rete(["due", "--vault", vault, "--today", "2026-11-20", "--json"]).out) as { items: Array<{ reason: string; source?: string }> };
		expect(due.items.map((i) => `${i.reason} ${i.source ?? ""}`)).toEqual(["cadence ", "followup Notes/Plan.md"]);
	});

	it("a section under that heading in a note that is not a daily note holds real follow-ups", () => {
		for (const heading of ["## Reach out", "## Da contattare"]) {
			const vault = makeVault({ "People/Anna.md": "---\ncadence: 1y\n---\n- 2026-11-01 Call\n", "Projects/Fair.md": `${heading}\n- [ ] Email [[Anna]] about the booth 📅 2026-11-25\n` });
			const due = JSON.parse(rete(["due", "--vault", vault, "--today", "2026-11-23", "--json"]).out) as { items: Array<{ reason: string; source?: string; due: string }> };
			expect(due.items.map((i) => `${i.reason} ${i.source ?? ""} ${i.due}`)).toEqual(["followup Projects/Fair.md 2026-11-25"]);
		}
	});

	it("a reach-out list outside today's daily notes (an older folder, a note it was appended to) is still a copy, by its ids", () => {
		const once = rete(["today", "--vault", makeVault(PEOPLE), "--today", "2026-11-20"]).out;
		const vault = makeVault({ ...PEOPLE, "Old journal/Friday 20.md": `# Friday\n\n${once}`, "Inbox.md": once.replace("## Reach out", "## Oggi") });
		const due = JSON.parse(rete(["due", "--vault", vault, "--today", "2026-11-20", "--json"]).out) as { items: Array<{ reason: string; source?: string }> };
		expect(due.items.map((i) => `${i.reason} ${i.source ?? ""}`)).toEqual(["cadence ", "followup Notes/Plan.md"]);
	});

	it("prints nothing when nobody is due (appending it adds nothing), and says so on stderr", () => {
		const r = rete(["today", "--vault", makeVault({}), "--today", "2026-11-20"]);
		expect(r).toEqual({ code: 0, out: "", err: "rete: Nobody to reach out to today.\n" });
		expect(rete(["today", "--vault", makeVault({}), "--today", "2026-11-20", "--locale", "it"]).err).toBe("rete: Nessuno da contattare oggi.\n");
	});

	it("refuses --json", () => {
		const r = rete(["today", "--vault", makeVault({}), "--json"]);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/^rete: today prints markdown/);
	});
});

describe("daily-note settings, as in the plugin", () => {
	it("uses Periodic Notes' daily settings when the plugin is enabled", () => {
		const vault = makeVault({
			...PEOPLE,
			".obsidian/daily-notes.json": '{"folder":"Journal"}',
			".obsidian/community-plugins.json": '["periodic-notes"]',
			".obsidian/plugins/periodic-notes/data.json": '{"calendarSets":[{"id":"a","day":{"enabled":true,"folder":"Days","format":"DD.MM.YYYY"}}],"activeCalendarSet":"a"}',
			"Days/19.11.2026.md": "- Call with [[Anna Rossi]]\n",
			"Journal/2026-11-18.md": "- Lunch with [[Anna Rossi]]\n",
		});
		const due = JSON.parse(rete(["due", "--vault", vault, "--today", "2026-11-20", "--json", "--horizon", "60"]).out) as { items: Array<{ reason: string; lastContact?: string }> };
		expect(due.items.find((i) => i.reason === "cadence")?.lastContact).toBe("2026-11-19");
	});
});
