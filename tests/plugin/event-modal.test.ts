// @vitest-environment happy-dom
import { ButtonComponent, TextComponent } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultSettings } from "../../src/core/settings";
import { EventActions } from "../../src/plugin/event-actions";
import { EventModal } from "../../src/plugin/event-modal";
import { ReteIndex } from "../../src/plugin/people-index";
import { dailyFor, waitFor } from "./app";
import { messages, testVault } from "./writes-helpers";

afterEach(() => vi.restoreAllMocks());

async function openForm(files: Record<string, string>) {
	const v = testVault(files);
	const settings = defaultSettings();
	const index = new ReteIndex(v.obsidian, () => settings, dailyFor(v.obsidian));
	index.load();
	v.app.workspace.setLayoutReady__();
	await waitFor(() => index.ready);
	const actions = new EventActions(v.obsidian, index, v.writer, () => messages, () => settings, () => ({ year: 2026, month: 11, day: 20, hour: 9, minute: 0 }));
	const done = vi.fn();
	const texts = vi.spyOn(TextComponent, "create__");
	const buttons = vi.spyOn(ButtonComponent, "create__");
	const modal = new EventModal({ app: v.obsidian, actions, messages, people: () => index.index.allPeople() }, settings.eventKinds, "2026-11-19", 2, settings.followUpAction, done);
	modal.open();
	const text = (i: number) => {
		const r = texts.mock.results[i];
		if (r?.type !== "return") throw new Error(`no text field ${i}`);
		return r.value;
	};
	const button = (label: string) => {
		const r = buttons.mock.results.filter((x) => x.type === "return").map((x) => x.value).reverse().find((b) => b.buttonEl.textContent === label);
		if (!r) throw new Error(`no button ${label}`);
		return r;
	};
	return { v, modal, done, text, button, texts };
}

describe("the post-event form", () => {
	it("keeps what was typed when a note cannot be created, and does not create a person twice on retry", async () => {
		const f = await openForm({});
		f.text(0).setValue("Fiera Milano");
		f.button("Add a new person").simulateClick__();
		const before = f.texts.mock.results.length;
		expect(before).toBeGreaterThan(3);
		// The new row's fields: name, company, role, email, LinkedIn, talked about.
		const rowStart = f.texts.mock.results.length - 6;
		f.text(rowStart).setValue("Giulia Conti");
		f.text(rowStart + 5).setValue("the stand");
		const create = f.v.app.vault.create.bind(f.v.app.vault);
		const spy = vi.spyOn(f.v.app.vault, "create").mockImplementation(async (path, data) => {
			if (path.startsWith("Events/")) throw new Error("disk full");
			return create(path, data);
		});
		await f.modal.submit();
		expect(f.done).not.toHaveBeenCalled();
		expect(f.modal.contentEl.querySelector(".rete-form-error")?.textContent).toBe(
			"Created: People/Giulia Conti.md. Not created: Events/2026-11-19 Fiera Milano.md (disk full). The form keeps what you typed: fix and try again.",
		);
		spy.mockRestore();
		await f.modal.submit();
		expect(f.done).toHaveBeenCalledWith("Events/2026-11-19 Fiera Milano.md", 0);
		expect(await f.v.exists("People/Giulia Conti 1.md")).toBe(false);
		expect(await f.v.read("Events/2026-11-19 Fiera Milano.md")).toContain("- [[Giulia Conti]]: the stand\n");
	});

	it("says what is missing instead of creating anything", async () => {
		const f = await openForm({});
		const create = vi.spyOn(f.v.app.vault, "create");
		await f.modal.submit();
		expect(f.modal.contentEl.querySelector(".rete-form-error")?.textContent).toBe("Write the event's name.");
		expect(create).not.toHaveBeenCalled();
	});

	it("offers an existing person when a new one has the same name", async () => {
		const f = await openForm({ "People/Anna Rossi.md": "---\ncompany: Acme\n---\n" });
		f.text(0).setValue("Dinner");
		f.button("Add a new person").simulateClick__();
		f.text(f.texts.mock.results.length - 6).setValue("anna  ROSSI");
		const hint = f.modal.contentEl.querySelector(".rete-duplicate");
		expect(hint?.textContent).toContain("Already in your notes as Anna Rossi.");
		(hint?.querySelector("button") as HTMLButtonElement).click();
		await f.modal.submit();
		expect(f.done).toHaveBeenCalledWith("Events/2026-11-19 Dinner.md", 0);
		expect(await f.v.exists("People/anna ROSSI.md")).toBe(false);
	});
});
