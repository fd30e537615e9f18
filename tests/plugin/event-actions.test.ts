// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultSettings, type ReteSettings } from "../../src/core/settings";
import type { EventForm } from "../../src/core/event";
import { EventActions } from "../../src/plugin/event-actions";
import { ReteIndex } from "../../src/plugin/people-index";
import { dailyFor, settle, waitFor } from "./app";
import { messages, testVault } from "./writes-helpers";
import { parseIsoDay } from "../../src/core/dates";

const NOW = { year: 2026, month: 11, day: 20, hour: 18, minute: 30 };

async function setup(files: Record<string, string>, over: Partial<ReteSettings> = {}) {
	const vault = testVault(files);
	const settings = { ...defaultSettings(), ...over };
	const index = new ReteIndex(vault.obsidian, () => settings, dailyFor(vault.obsidian));
	index.load();
	vault.app.workspace.setLayoutReady__();
	await waitFor(() => index.ready);
	const actions = new EventActions(vault.obsidian, index, vault.writer, () => messages, () => settings, () => NOW);
	return { ...vault, index, actions, settings };
}

const FORM: EventForm = {
	name: "Fiera Milano",
	kind: "trade fair",
	date: "2026-11-19",
	location: "Rho",
	followUpDays: 2,
	action: "Follow up: email or LinkedIn invitation",
	people: [{ name: "Giulia Conti", company: "Fabbrica", talked: "stand design" }],
};

afterEach(() => vi.restoreAllMocks());

describe("EventActions.createEvent", () => {
	it("creates the folders, the person and the event note, and the follow-ups are due at once", async () => {
		const v = await setup({ "People/Anna Rossi.md": "---\ncadence: 30\n---\n" });
		const report = await v.actions.createEvent({ ...FORM, people: [...FORM.people, { existingPath: "People/Anna Rossi.md", name: "Anna Rossi" }] });
		expect(report).toMatchObject({ created: ["People/Giulia Conti.md", "Events/2026-11-19 Fiera Milano.md"], failed: [], eventPath: "Events/2026-11-19 Fiera Milano.md" });
		expect(await v.read("People/Giulia Conti.md")).toContain('met_at: "[[2026-11-19 Fiera Milano]]"');
		expect(await v.read("Events/2026-11-19 Fiera Milano.md")).toContain("- [ ] Follow up with [[Anna Rossi]]: email or LinkedIn invitation 📅 2026-11-21\n");
		await settle(5);
		const due = v.index.index.due(parseIsoDay("2026-11-20") ?? 0, 7).filter((i) => i.reason === "followup").map((i) => `${i.person} ${i.due}`);
		expect(due).toEqual(["Anna Rossi 2026-11-21", "Giulia Conti 2026-11-21"]);
	});

	it("never overwrites: a name taken in another case gets a number, in the folder as the vault spells it", async () => {
		const v = await setup({ "people/giulia conti.md": "mine\n", "Events/2026-11-19 Fiera Milano.md": "old\n" });
		const report = await v.actions.createEvent(FORM);
		// The people folder exists as "people": no second folder "People" is made (fault case 22).
		expect(report.created).toEqual(["people/Giulia Conti 1.md", "Events/2026-11-19 Fiera Milano 1.md"]);
		expect(v.obsidian.vault.getFolderByPath("People")).toBeNull();
		expect(await v.read("people/giulia conti.md")).toBe("mine\n");
		expect(await v.read("Events/2026-11-19 Fiera Milano.md")).toBe("old\n");
	});

	it("reports a partial failure and which rows now exist", async () => {
		const v = await setup({});
		const create = v.app.vault.create.bind(v.app.vault);
		vi.spyOn(v.app.vault, "create").mockImplementation(async (path, data) => {
			if (path.startsWith("Events/")) throw new Error("disk full");
			return create(path, data);
		});
		const report = await v.actions.createEvent(FORM);
		expect(report.created).toEqual(["People/Giulia Conti.md"]);
		expect(report.failed).toEqual([{ path: "Events/2026-11-19 Fiera Milano.md", error: "disk full" }]);
		expect([...report.createdRows]).toEqual([[0, "People/Giulia Conti.md"]]);
		expect(await v.exists("Events/2026-11-19 Fiera Milano.md")).toBe(false);
	});

	it.each([["../outside"], ["/abs"], [".obsidian/x"]])("refuses the events folder %j before writing anything", async (folder) => {
		const v = await setup({}, { eventsFolder: folder });
		const create = vi.spyOn(v.app.vault, "create");
		const report = await v.actions.createEvent(FORM);
		expect(report.error).toBeTruthy();
		expect(create).not.toHaveBeenCalled();
	});

	it("uses the templates chosen in the settings, and the built-in one with a notice when missing", async () => {
		const v = await setup({ "Templates/Event.md": "---\ncssclasses: [event]\n---\n# {{title}} · {{kind}}\n{{people}}\n\n{{followups}}\n" }, { eventTemplate: "Templates/Event", personTemplate: "Templates/Missing" });
		await v.actions.createEvent(FORM);
		expect(await v.read("Events/2026-11-19 Fiera Milano.md")).toMatch(/^---\ncssclasses: \[event\]\ndate: 2026-11-19\n[\s\S]*---\n# 2026-11-19 Fiera Milano · trade fair\n- \[\[Giulia Conti\]\] \(Fabbrica\): stand design\n\n- \[ \] Follow up/);
		expect(v.notices()).toContain("Template Templates/Missing.md not found; using the built-in one.");
		expect(await v.read("People/Giulia Conti.md")).toContain("# Giulia Conti\n\n## Notes\n\n## Log\n");
	});

	it("finds an existing person by name ignoring case, accents' encoding and spaces", async () => {
		const v = await setup({ "People/José Álvarez.md": "---\ncompany: X\n---\n" });
		expect(v.actions.findPerson("  jose\u0301   a\u0301lvarez ")?.path).toBe("People/José Álvarez.md");
		expect(v.actions.findPerson("Jose Alvarez")).toBeNull();
	});
});

describe("EventActions.addPeople", () => {
	it("adds bullets, follow-ups and attendees to an event note, and notes for new people", async () => {
		const event = "---\ndate: 2026-11-19\ntype: event\nattendees:\n  - \"[[Anna Rossi]]\"\n---\n# Fiera\n\n## People met\n- [[Anna Rossi]]\n\n## Follow-ups\n- [ ] Follow up with [[Anna Rossi]] 📅 2026-11-21\n";
		const v = await setup({ "People/Anna Rossi.md": "", "People/Marco.md": "", "Events/Fiera.md": event });
		const file = v.obsidian.vault.getFileByPath("Events/Fiera.md");
		if (!file) throw new Error("fixture");
		expect(v.actions.isEvent(file)).toBe(true);
		const report = await v.actions.addPeople(file, [{ existingPath: "People/Marco.md", name: "Marco", talked: "pricing" }, { name: "Sara Neri" }], 3, "Send the brochure");
		expect(report.failed).toEqual([]);
		const text = await v.read("Events/Fiera.md");
		expect(text).toContain("## People met\n- [[Anna Rossi]]\n- [[Marco]]: pricing\n- [[Sara Neri]]\n\n## Follow-ups\n");
		expect(text).toContain("- [ ] Follow up with [[Marco]]: Send the brochure 📅 2026-11-22\n- [ ] Follow up with [[Sara Neri]]: Send the brochure 📅 2026-11-22\n");
		expect(text).toMatch(/attendees:\n {2}- "?\[\[Anna Rossi\]\]"?\n {2}- "?\[\[Marco\]\]"?\n {2}- "?\[\[Sara Neri\]\]"?\n/);
		expect(await v.read("People/Sara Neri.md")).toContain("met: 2026-11-19\nmet_at: \"[[Fiera]]\"");
	});
	it.each([
		["inline", "attendees: [[Anna Rossi]]"],
		["one per line", "attendees:\n  - [[Anna Rossi]]\n  - [[Bo]]"],
	])("keeps attendees written as unquoted links (%s)", async (_, property) => {
		const event = `---\ndate: 2026-11-19\ntype: event\n${property}\n---\n# Fiera\n`;
		const v = await setup({ "People/Anna Rossi.md": "", "People/Bo.md": "", "People/Marco.md": "", "Events/Fiera.md": event });
		const file = v.obsidian.vault.getFileByPath("Events/Fiera.md");
		if (!file) throw new Error("fixture");
		const report = await v.actions.addPeople(file, [{ existingPath: "People/Marco.md", name: "Marco" }], 3, "Write");
		expect(report.failed).toEqual([]);
		const text = await v.read("Events/Fiera.md");
		const kept = property.includes("[[Bo]]") ? ["Anna Rossi", "Bo", "Marco"] : ["Anna Rossi", "Marco"];
		expect(text).toMatch(new RegExp(`attendees:\\n${kept.map((n) => ` {2}- "?\\[\\[${n}\\]\\]"?\\n`).join("")}---`));
	});
});
