import { describe, expect, it } from "vitest";
import { reachOutId, reachOutLine, reachOutSection, upsertReachOut } from "../../src/core/reachout";
import { parseIsoDay } from "../../src/core/dates";
import type { DueItem } from "../../src/core/types";

const TODAY = parseIsoDay("2026-11-20") ?? 0;

const anna: DueItem = { person: "Anna Rossi", path: "People/Anna Rossi.md", reason: "cadence", due: "2026-11-15", day: TODAY - 5, lastContact: "2026-10-01", cadence: "monthly" };
const deck: DueItem = { person: "Anna Rossi", path: "People/Anna Rossi.md", reason: "followup", due: "2026-11-25", day: TODAY + 5, text: "Send [[Anna Rossi|Anna]] the deck", source: "Journal/2026-11-02.md", line: 4 };
const zoe: DueItem = { person: "Zoë Ng", path: "People/Zoë Ng.md", reason: "birthday", due: "2026-11-23", day: TODAY + 3 };

const L1 = reachOutLine(anna, "Anna Rossi", "last contact 50 days ago");
const L2 = reachOutLine(deck, "Anna Rossi", "");
const L3 = reachOutLine(zoe, "Zoë Ng", "birthday on Monday");

describe("reach-out lines", () => {
	it.each([
		["the name is the link", "Anna Rossi", "Anna Rossi", "[[Anna Rossi]]"],
		["a name property", "Dup1", "Same Name", "[[Dup1|Same Name]]"],
		["a link written as a path", "People/Anna Rossi", "Anna Rossi", "[[People/Anna Rossi|Anna Rossi]]"],
		["a name with brackets and a bar", "Bo", "Bo [the | best]", "[[Bo|Bo the best]]"],
	])("link the person as the due list names them: %s", (_, link, person, expected) => {
		expect(reachOutLine({ ...anna, person }, link, "x")).toContain(`- [ ] ${expected} · x ^rete-`);
	});


	it("are tasks linking the person, with the reason and a stable block id", () => {
		expect(L1).toMatch(/^- \[ \] \[\[Anna Rossi\]\] · last contact 50 days ago \^rete-c-anna-rossi-[a-z0-9]{7}$/);
		expect(L2).toMatch(/^- \[ \] \[\[Anna Rossi\]\] · Send Anna the deck 📅 2026-11-25 \^rete-f-anna-rossi-[a-z0-9]{7}$/);
		expect(L3).toMatch(/^- \[ \] \[\[Zoë Ng\]\] · birthday on Monday \^rete-b-zoe-ng-[a-z0-9]{7}$/);
		expect(reachOutId(anna)).toBe(reachOutId({ ...anna, day: TODAY - 6, due: "2026-11-14" }));
		expect(reachOutId(anna)).not.toBe(reachOutId({ ...anna, path: "Other/Anna Rossi.md" }));
		expect(new Set([reachOutId(anna), reachOutId(deck), reachOutId(zoe)]).size).toBe(3);
	});
	it("make a markdown section for the CLI", () => {
		expect(reachOutSection("## Reach out", [L1, L3])).toBe(`## Reach out\n${L1}\n${L3}\n`);
		expect(reachOutSection("Reach out", [])).toBe("## Reach out\n");
	});
});

describe("upsertReachOut", () => {
	const write = upsertReachOut("## Reach out", [L1, L2, L3]);
	it("creates the section at the end of the note, the rest untouched byte for byte", () => {
		const note = "# Friday\r\n\r\nWrote some notes.\r\n";
		expect(write(note)).toBe(`# Friday\r\n\r\nWrote some notes.\r\n\r\n## Reach out\r\n${L1}\r\n${L2}\r\n${L3}\r\n`);
	});
	it("is idempotent", () => {
		const once = write("# Friday\n");
		expect(write(once)).toBe(once);
	});
	it("keeps what the user checked or edited, adds only what is new", () => {
		const userEdited = L1.replace("- [ ]", "- [x]").replace("last contact 50 days ago", "called, she moves in May");
		const note = `# Friday\n\n## Reach out\n${userEdited}\n- [ ] my own line\n\n## Journal\nlunch\n`;
		expect(write(note)).toBe(`# Friday\n\n## Reach out\n${userEdited}\n- [ ] my own line\n${L2}\n${L3}\n\n## Journal\nlunch\n`);
	});
	it("never removes a line that is no longer due", () => {
		const old = "- [ ] [[Old Friend]] · last contact 90 days ago ^rete-c-old-friend-abcdefg";
		const note = `## Reach out\n${old}\n`;
		expect(write(note)).toBe(`## Reach out\n${old}\n${L1}\n${L2}\n${L3}\n`);
	});
	it("ignores ids outside the section and in code", () => {
		const note = `## Other\n${L1}\n\n\`\`\`\n## Reach out\n\`\`\`\n`;
		expect(write(note)).toBe(`${note}\n## Reach out\n${L1}\n${L2}\n${L3}\n`);
	});
	it.each([
		["a %% comment", "%%\n## Reach out\n%%\n", `%%\n## Reach out\n%%\n\n## Reach out\n${L1}\n`],
		["an html comment never closed", "<!--\n## Reach out\n", `<!--\n## Reach out\n-->\n\n## Reach out\n${L1}\n`],
		["a fence never closed", "# Friday\n```\n## Reach out\n", `# Friday\n\`\`\`\n## Reach out\n\`\`\`\n\n## Reach out\n${L1}\n`],
	])("a heading in %s does not count", (_name, note, expected) => {
		expect(upsertReachOut("## Reach out", [L1])(note)).toBe(expected);
	});
	it.each([
		["a fence never closed: before it", `## Reach out\n${L1}\n\`\`\`\ncode\n`, `## Reach out\n${L1}\n${L2}\n\`\`\`\ncode\n`],
		["a comment never closed: before it", `## Reach out\n${L1}\n%%\nmine\n`, `## Reach out\n${L1}\n${L2}\n%%\nmine\n`],
		["a closed comment: after it", `## Reach out\n${L1}\n<!-- x -->\n`, `## Reach out\n${L1}\n<!-- x -->\n${L2}\n`],
		["an id only in a comment is not there", `## Reach out\n%%\n${L2}\n%%\n`, `## Reach out\n%%\n${L2}\n%%\n${L1}\n${L2}\n`],
	])("never writes into code or a comment: %s", (_name, note, expected) => {
		expect(upsertReachOut("## Reach out", [L1, L2])(note)).toBe(expected);
	});
	it("keeps a byte-order mark before the heading on line 1", () => {
		expect(upsertReachOut("## Reach out", [L1])("\uFEFF## Reach out\r\n- [ ] mine")).toBe(`\uFEFF## Reach out\r\n- [ ] mine\r\n${L1}`);
		expect(upsertReachOut("## Reach out", [L1])("\uFEFF")).toBe(`\uFEFF## Reach out\n${L1}\n`);
	});
	it("with nothing new changes nothing", () => {
		expect(upsertReachOut("## Reach out", [])("# x\n")).toBe("# x\n");
	});
});
