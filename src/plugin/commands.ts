/** The command palette entries. None has a default hotkey. */
import { Notice, type Plugin } from "obsidian";
import type { ReteActions } from "./actions";
import type { EventFlows } from "./event-flows";
import type { ReachOut } from "./reach-out";
import type { Messages } from "./i18n";
import type { ReteIndex } from "./people-index";

export interface CommandTargets {
	actions: ReteActions;
	events: EventFlows;
	reachOut: ReachOut;
	openView: () => Promise<void>;
	/** "Rebuild index" rebuilds it from every note, then says how many people it found. */
	index: Pick<ReteIndex, "rebuild" | "index">;
}

/** Rebuilds the index from every note; when done, says so with the number of people. */
export async function rebuildIndex(index: CommandTargets["index"], { t }: Messages): Promise<void> {
	try {
		// Given up for a newer rebuild (settings changed meanwhile): that one has the final word.
		if (!(await index.rebuild(true))) return;
	} catch (e) {
		console.error("Rete: the index could not be rebuilt", e);
		return;
	}
	new Notice(t("notice.rebuilt", { count: index.index.stats().people }));
}

export function registerCommands(plugin: Plugin, m: Messages, { actions, events, reachOut, openView, index }: CommandTargets): void {
	const { t } = m;
	plugin.addCommand({ id: "open-people-due", name: t("command.open"), callback: () => void openView() });
	plugin.addCommand({ id: "log-interaction", name: t("command.log"), callback: () => actions.pickPerson((p) => actions.log(p.path)) });
	plugin.addCommand({
		id: "log-interaction-active",
		name: t("command.logThis"),
		checkCallback: (checking) => {
			const person = actions.activePerson();
			if (!person) return false;
			if (!checking) actions.log(person.path);
			return true;
		},
	});
	plugin.addCommand({ id: "snooze-person", name: t("command.snooze"), callback: () => actions.pickPerson((p) => actions.snoozeUntilChosen(p.path)) });
	plugin.addCommand({ id: "set-cadence", name: t("command.cadence"), callback: () => actions.pickPerson((p) => actions.setCadence(p.path)) });
	plugin.addCommand({ id: "mark-follow-up-done", name: t("command.done"), callback: () => actions.pickFollowupDone() });
	plugin.addCommand({ id: "rebuild-index", name: t("command.rebuild"), callback: () => void rebuildIndex(index, m) });
	plugin.addCommand({ id: "add-reach-outs-to-daily-note", name: t("command.reachOut"), callback: () => void reachOut.addToToday() });
	plugin.addCommand({ id: "new-post-event-note", name: t("command.newEvent"), callback: () => events.newEvent() });
	plugin.addCommand({ id: "new-person", name: t("command.newPerson"), callback: () => events.newPerson() });
	plugin.addCommand({
		id: "add-people-to-event",
		name: t("command.addPeople"),
		checkCallback: (checking) => {
			const file = events.activeEvent();
			if (!file) return false;
			if (!checking) events.addPeople(file);
			return true;
		},
	});
}
