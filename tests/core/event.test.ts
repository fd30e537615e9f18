import { describe, expect, it } from "vitest";
import { addAttendees, DEFAULT_EVENT_TEMPLATE, DEFAULT_PERSON_TEMPLATE, type EventForm, type EventPlanOptions, planEvent } from "../../src/core/event";
import { pathSet } from "../../src/core/names";
import { day, dueLines, makeIndex } from "./helpers";

const NOW = { year: 2026, month: 11, day: 20, hour: 18, minute: 30 };

function options(existing: string[] = [], over: Partial<EventPlanOptions> = {}): EventPlanOptions {
	const taken = pathSet(existing);
	return {
		eventsFolder: "Events",
		peopleFolder: "People",
		personTag: "person",
		eventTemplate: DEFAULT_EVENT_TEMPLATE,
		personTemplate: DEFAULT_PERSON_TEMPLATE,
		taken,
		linkText: (p) => p.slice(p.lastIndexOf("/") + 1).replace(/\.md$/, ""),
		now: NOW,
		locale: "en",
		...over,
	};
}

const FORM: EventForm = {
	name: "Web Summit Lisbon",
	kind: "conference",
	date: "2026-11-18",
	location: "Lisbon",
	followUpDays: 2,
	action: "Follow up: email or LinkedIn invitation",
	people: [
		{ name: "Tom Becker", company: "Nordlicht", role: "Head of Partnerships", email: "tom@example.com", linkedin: "https://linkedin.com/in/tom", talked: "API partnerships" },
		{ existingPath: "People/Anna Rossi.md", name: "Anna Rossi", talked: "her move to Turin" },
		{ name: "  " },
	],
};

describe("planEvent", () => {
	it("plans the event note and a note for each new person, byte for byte", () => {
		const plan = planEvent(FORM, options(["People/Anna Rossi.md"]));
		if ("error" in plan) throw new Error(plan.error);
		expect(plan.event).toEqual({
			path: "Events/2026-11-18 Web Summit Lisbon.md",
			content:
				'---\ndate: 2026-11-18\ntype: "event"\nkind: "conference"\nlocation: "Lisbon"\nattendees:\n  - "[[Tom Becker]]"\n  - "[[Anna Rossi]]"\n---\n' +
				"# Web Summit Lisbon\n\n## People met\n- [[Tom Becker]] (Nordlicht, Head of Partnerships): API partnerships\n- [[Anna Rossi]]: her move to Turin\n\n" +
				"## Follow-ups\n- [ ] Follow up with [[Tom Becker]]: email or LinkedIn invitation 📅 2026-11-20\n- [ ] Follow up with [[Anna Rossi]]: email or LinkedIn invitation 📅 2026-11-20\n",
		});
		expect(plan.people).toEqual([
			{
				path: "People/Tom Becker.md",
				row: 0,
				content:
					'---\ntags:\n  - "person"\nmet: 2026-11-18\nmet_at: "[[2026-11-18 Web Summit Lisbon]]"\ncompany: "Nordlicht"\nrole: "Head of Partnerships"\nemail: "tom@example.com"\nlinkedin: "https://linkedin.com/in/tom"\n---\n' +
					"# Tom Becker\n\n## Notes\n\n## Log\n",
			},
		]);
	});

	it("makes the meeting count and the follow-ups due at once", () => {
		const plan = planEvent(FORM, options(["People/Anna Rossi.md"]));
		if ("error" in plan) throw new Error(plan.error);
		const notes: Record<string, string> = { "People/Anna Rossi.md": "---\ncadence: 30\n---\n", [plan.event.path]: plan.event.content };
		for (const p of plan.people) notes[p.path] = p.content;
		const index = makeIndex(notes);
		expect(index.lastInteraction("People/Anna Rossi.md", day("2026-11-20"))).toBe(day("2026-11-18"));
		expect(index.person("People/Tom Becker.md")?.met).toBe(day("2026-11-18"));
		expect(dueLines(index, "2026-11-20")).toEqual([
			"today 2026-11-20 Anna Rossi followup: Follow up with [[Anna Rossi]]: email or LinkedIn invitation",
			"today 2026-11-20 Tom Becker followup: Follow up with [[Tom Becker]]: email or LinkedIn invitation",
		]);
	});

	it("never reuses a taken path: numbered suffixes, also between two new people of one name", () => {
		const form: EventForm = { ...FORM, people: [{ name: "Tom Becker" }, { name: "tom becker" }] };
		const plan = planEvent(form, options(["people/TOM BECKER.md", "Events/2026-11-18 Web Summit Lisbon.md"]));
		if ("error" in plan) throw new Error(plan.error);
		expect(plan.event.path).toBe("Events/2026-11-18 Web Summit Lisbon 1.md");
		expect(plan.people.map((p) => p.path)).toEqual(["People/Tom Becker 1.md", "People/tom becker 2.md"]);
	});

	it("keeps a hostile name out of the frontmatter's structure and the file name safe", () => {
		const form: EventForm = { ...FORM, name: 'Fiera: "Milano" --- [[x]]', people: [{ name: 'Rossi: "CEO" --- [[x]]', company: "a\n---\nb: c" }] };
		const plan = planEvent(form, options());
		if ("error" in plan) throw new Error(plan.error);
		expect(plan.event.path).toBe("Events/2026-11-18 Fiera Milano --- x.md");
		const person = plan.people[0];
		expect(person?.path).toBe("People/Rossi CEO --- x.md");
		expect(person?.content).toContain('name: "Rossi: \\"CEO\\" --- [[x]]"\n');
		expect(person?.content).toContain('company: "a --- b: c"\n');
		const index = makeIndex({ [person?.path ?? ""]: person?.content ?? "" });
		expect(index.person(person?.path ?? "")?.name).toBe('Rossi: "CEO" --- [[x]]');
	});

	it("fills the user's own templates and adds the sections they lack", () => {
		const eventTemplate = "---\ntags: [evento]\ncreated: {{date}} {{time}}\n---\n# {{title}} ({{kind}}, {{location}})\n<% tp.file.title %>\n";
		const plan = planEvent({ ...FORM, people: [{ name: "Tom Becker" }] }, options([], { eventTemplate }));
		if ("error" in plan) throw new Error(plan.error);
		expect(plan.event.content).toBe(
			'---\ntags: [evento]\ncreated: 2026-11-20 18:30\ndate: 2026-11-18\ntype: "event"\nkind: "conference"\nlocation: "Lisbon"\nattendees:\n  - "[[Tom Becker]]"\n---\n' +
				"# 2026-11-18 Web Summit Lisbon (conference, Lisbon)\n<% tp.file.title %>\n\n## People met\n- [[Tom Becker]]\n\n## Follow-ups\n- [ ] Follow up with [[Tom Becker]]: email or LinkedIn invitation 📅 2026-11-20\n",
		);
	});

	it.each([
		[{ name: " " }, /name/],
		[{ date: "2026-02-30" }, /date/],
		[{ followUpDays: -1 }, /follow up/],
	])("refuses %j", (over, message) => {
		const plan = planEvent({ ...FORM, ...over }, options());
		expect("error" in plan && plan.error).toMatch(message);
	});
});

describe("addAttendees keeps every attendee already there (fault cases 6 and 17)", () => {
	const run = (fm: Record<string, unknown>, links: string[]): Record<string, unknown> => {
		addAttendees(links)(fm);
		return fm;
	};

	it.each<[string, unknown, unknown[]]>([
		["none yet", undefined, ["[[Marco]]"]],
		["empty", "", ["[[Marco]]"]],
		["quoted links", ["[[Anna Rossi]]"], ["[[Anna Rossi]]", "[[Marco]]"]],
		// `attendees: [[Anna Rossi]]` unquoted: YAML reads a list holding a list.
		["an unquoted link, inline", [["Anna Rossi"]], ["[[Anna Rossi]]", "[[Marco]]"]],
		// `attendees:\n  - [[Anna Rossi]]\n  - [[Bo|Bo B.]]`
		["unquoted links, one per line", [[["Anna Rossi"]], [["Bo|Bo B."]]], ["[[Anna Rossi]]", "[[Bo|Bo B.]]", "[[Marco]]"]],
		["a single string", "[[Anna Rossi]]", ["[[Anna Rossi]]", "[[Marco]]"]],
		["plain names, a number and a mapping", ["Anna", 42, { name: "Bo" }], ["Anna", 42, { name: "Bo" }, "[[Marco]]"]],
		["a single number", 7, [7, "[[Marco]]"]],
	])("%s", (_, old, expected) => {
		const fm: Record<string, unknown> = old === undefined ? {} : { attendees: old };
		expect(run(fm, ["Marco"]).attendees).toEqual(expected);
	});

	it("adds each person once, matching links, aliases and case, under the key as written", () => {
		const fm = run({ Attendees: ["[[anna rossi|Anna]]", [["Marco"]]], other: 1 }, ["Anna Rossi", "Marco", "Bo", "Bo"]);
		expect(fm).toEqual({ Attendees: ["[[anna rossi|Anna]]", "[[Marco]]", "[[Bo]]"], other: 1 });
	});
});
