// @vitest-environment happy-dom
import type { PluginManifest } from "obsidian";
import { Notice, Plugin } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { builtIndex, settle } from "./app";
import { messagesFor } from "../../src/plugin/i18n";
import { type CommandTargets, registerCommands } from "../../src/plugin/commands";

const manifest: PluginManifest = { id: "rete", name: "Rete", version: "0.1.0", minAppVersion: "1.8.7", description: "", author: "", isDesktopOnly: false };
/** The fake Plugin is abstract, as Obsidian's is: a plugin of no behaviour of its own. */
class HostPlugin extends Plugin {}

const spyNotice = vi.spyOn(Notice.prototype, "constructor__");
afterEach(() => spyNotice.mockClear());
const notices = (): string[] => spyNotice.mock.calls.map(([message]) => (typeof message === "string" ? message : (message.textContent ?? "")));

/** The plugin's commands over `index`; the other targets are never reached by these tests. */
function commands(index: CommandTargets["index"], language = "en") {
	const mock = new HostPlugin({} as never, manifest);
	const unused = {} as never;
	registerCommands(mock.asOriginalType2__(), messagesFor(language), { actions: unused, events: unused, reachOut: unused, openView: () => Promise.resolve(), index });
	return (id: string): void => {
		void mock.commands__.get(id)?.callback?.();
	};
}

describe("Rebuild index", () => {
	it("rebuilds from every note, then says how many people it found", async () => {
		const { index } = await builtIndex({ "People/Anna.md": "# Anna\n", "People/Marco.md": "# Marco\n", "Notes/x.md": "x\n" });
		const rebuild = vi.spyOn(index, "rebuild");
		commands(index)("rebuild-index");
		expect(rebuild).toHaveBeenCalledWith(true);
		await rebuild.mock.results[0]?.value;
		await settle();
		expect(notices()).toEqual(["Rete: index rebuilt, 2 people."]);
	});

	it("speaks only once the rebuild is done, in the singular for one person, and in Italian", async () => {
		let finish = (): void => undefined;
		const people = { value: 1 };
		const index = {
			rebuild: vi.fn(() => new Promise<boolean>((resolve) => (finish = () => resolve(true)))),
			index: { stats: () => ({ notes: 3, people: people.value, interactions: 0, followups: 0, problems: 0 }) },
		} as unknown as CommandTargets["index"];
		commands(index)("rebuild-index");
		await settle();
		expect(notices()).toEqual([]);
		finish();
		await settle();
		expect(notices()).toEqual(["Rete: index rebuilt, 1 person."]);
		spyNotice.mockClear();
		people.value = 3;
		commands(index, "it")("rebuild-index");
		finish();
		await settle();
		expect(notices()).toEqual(["Rete: indice ricostruito, 3 persone."]);
	});

	it("says nothing when the rebuild was given up for a newer one", async () => {
		const index = { rebuild: vi.fn(() => Promise.resolve(false)), index: { stats: () => ({ people: 2 }) } } as unknown as CommandTargets["index"];
		commands(index)("rebuild-index");
		await settle();
		expect(notices()).toEqual([]);
	});
});
