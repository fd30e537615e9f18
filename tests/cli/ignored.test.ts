/** What never counts: embeds, code, comments, frontmatter, hidden folders and links out of the vault. */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALL, cadenceOf, cleanupTemp, dueJson, dueOf, makeVault, note, tempDir, tracked, writeFiles } from "./helpers";

afterAll(cleanupTemp);

const TODAY = "2026-11-25";

function lastContact(body: string): string | null | undefined {
	const { json } = dueOf({ "People/Anna Rossi.md": tracked(), "Journal/2026-11-20.md": body }, TODAY, ALL);
	return cadenceOf(json, "Anna Rossi")?.lastContact;
}

describe("never counted", () => {
	it.each([
		["an embed", "- ![[Anna Rossi]]"],
		["an embed of a heading", "- ![[Anna Rossi#Log]]"],
		["a markdown image embed", "- ![Anna](People/Anna%20Rossi.md)"],
		["a link in inline code", "- use `[[Anna Rossi]]` to link"],
		["a link in double-backtick code", "- use ``[[Anna Rossi]]`` to link"],
		["a fenced code block", "```\n- [[Anna Rossi]]\n```"],
		["a fenced code block with a language", "```markdown\n- met [[Anna Rossi]]\n```"],
		["a tilde fence", "~~~\n- [[Anna Rossi]]\n~~~"],
		["an indented fence in a list", "- example:\n  ```\n  - [[Anna Rossi]]\n  ```"],
		["a %% comment %% on the line", "- %% met [[Anna Rossi]] %%"],
		["a %% comment %% over lines", "%%\n- met [[Anna Rossi]]\n%%"],
		["an HTML comment on the line", "- <!-- met [[Anna Rossi]] -->"],
		["an HTML comment over lines", "<!--\n- met [[Anna Rossi]]\n-->"],
		["a task in a comment", "%%\n- [x] called [[Anna Rossi]] ✅ 2026-11-20\n%%"],
	])("%s", (_name, body) => {
		expect(lastContact(`${body}\n`)).toBeNull();
	});

	it("counting resumes after a fence and after a comment", () => {
		expect(lastContact("```\n- [[Bruno]]\n```\n%% x %%\n<!-- y -->\n- [[Anna Rossi]]\n")).toBe("2026-11-20");
	});

	it("%% and <!-- inside inline code open no comment", () => {
		expect(lastContact("- type `%%` or `<!--` to hide text\n- dinner with [[Anna Rossi]]\n")).toBe("2026-11-20");
	});

	it("an item with a link in code and a real link counts", () => {
		expect(lastContact("- `[[Bruno]]` and [[Anna Rossi]]\n")).toBe("2026-11-20");
	});

	it("links in frontmatter are not interactions", () => {
		const { json } = dueOf(
			{
				"People/Anna Rossi.md": tracked(),
				"Journal/2026-11-20.md": note(['attendees: ["[[Anna Rossi]]"]', 'related: "[[Anna Rossi]]"'], ["# Day"]),
				"Meetings/M.md": note(["date: 2026-11-21", "with:", '  - "[[Anna Rossi]]"'], []),
			},
			TODAY,
			ALL,
		);
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBeNull();
	});

	it("open tasks in code or comments are not follow-ups", () => {
		const { json } = dueOf(
			{
				"People/Anna Rossi.md": note(["tags: person"]),
				"Inbox.md": "```\n- [ ] call [[Anna Rossi]]\n```\n%% - [ ] call [[Anna Rossi]] %%\n- [ ] `[[Anna Rossi]]`\n- [ ] ![[Anna Rossi]]\n",
			},
			TODAY,
		);
		expect(json.items).toEqual([]);
	});
});

describe("folders that are not read", () => {
	it("hidden folders (.trash, .obsidian, any .dot folder) and hidden files are skipped", () => {
		const person = note(["tags: person", "cadence: 30"]);
		const { json } = dueOf(
			{
				"People/Anna Rossi.md": tracked(),
				".trash/Old Friend.md": person,
				".trash/2026-11-20.md": "- [[Anna Rossi]]\n",
				".obsidian/Config Person.md": person,
				"Notes/.hidden/Secret.md": person,
				"Notes/.Hidden Person.md": person,
				"People/.draft/2026-11-21.md": "- [[Anna Rossi]]\n",
			},
			TODAY,
			ALL,
		);
		expect(json.items.map((i) => i.path)).toEqual(["People/Anna Rossi.md"]);
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBeNull();
	});

	it("only .md files are notes", () => {
		const { json } = dueOf(
			{
				"People/Anna Rossi.md": tracked(),
				"People/Bruno.txt": note(["cadence: 30"]),
				"People/photo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
				"2026-11-20.txt": "- [[Anna Rossi]]\n",
				"Notes/UPPER.MD": "---\ndate: 2026-11-19\n---\n- [[Anna Rossi]]\n",
			},
			TODAY,
			ALL,
		);
		expect(json.items.map((i) => i.person)).toEqual(["Anna Rossi"]);
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBe("2026-11-19");
	});
});

describe("symbolic links", () => {
	it("a link to a folder or a note outside the vault is not followed", () => {
		const outside = tempDir("rete-outside-");
		writeFiles(outside, {
			"Stranger.md": note(["tags: person", "cadence: 30"]),
			"2026-11-20.md": "- [[Anna Rossi]]\n",
			"Deep/Other.md": note(["tags: person", "cadence: 30"]),
		});
		const vault = makeVault({ "People/Anna Rossi.md": tracked() });
		fs.symlinkSync(outside, path.join(vault, "People", "Outside"), "dir");
		fs.symlinkSync(path.join(outside, "Stranger.md"), path.join(vault, "People", "Stranger.md"), "file");
		fs.symlinkSync(path.join(outside, "2026-11-20.md"), path.join(vault, "2026-11-20.md"), "file");
		const { json } = dueJson(vault, TODAY, ALL);
		expect(json.items.map((i) => i.path)).toEqual(["People/Anna Rossi.md"]);
		expect(cadenceOf(json, "Anna Rossi")?.lastContact).toBeNull();
	});

	it("a link back up to the vault root (a loop) does not hang and reads each note once", () => {
		const vault = makeVault({ "People/Anna Rossi.md": tracked(), "Journal/2026-11-20.md": "- [[Anna Rossi]]\n" });
		fs.symlinkSync(vault, path.join(vault, "Journal", "loop"), "dir");
		const { json } = dueJson(vault, TODAY, ALL);
		expect(json.items.map((i) => [i.path, i.lastContact])).toEqual([["People/Anna Rossi.md", "2026-11-20"]]);
	});

	it("a link to a folder inside the vault does not read its notes a second time", () => {
		const vault = makeVault({ "People/Anna Rossi.md": tracked(), "Journal/2026-11-20.md": "- [[Anna Rossi]]\n" });
		fs.symlinkSync(path.join(vault, "People"), path.join(vault, "People", "self"), "dir");
		const { json } = dueJson(vault, TODAY, ALL);
		expect(json.items.map((i) => [i.path, i.lastContact])).toEqual([["People/Anna Rossi.md", "2026-11-20"]]);
	});

	it("a broken link is skipped", () => {
		const vault = makeVault({ "People/Anna Rossi.md": tracked() });
		fs.symlinkSync(path.join(vault, "nowhere.md"), path.join(vault, "People", "Ghost.md"));
		const { json } = dueJson(vault, TODAY, ALL);
		expect(json.items.map((i) => i.person)).toEqual(["Anna Rossi"]);
	});
});
