/** The due list as readable text, grouped by status, and as JSON. */
import { readCadence } from "../core/cadence";
import { type Day, isoFromDay, parseIsoDay } from "../core/dates";
import { dueDays, dueStatus } from "../core/due";
import type { DueItem, DueStatus, Problem } from "../core/types";

const GROUPS: Array<[DueStatus, string]> = [
	["overdue", "Overdue"],
	["today", "Today"],
	["upcoming", "Upcoming"],
	["open", "Open follow-ups"],
];

function ago(days: number): string {
	if (days === 0) return "today";
	const n = Math.abs(days);
	const unit = n === 1 ? "day" : "days";
	return days < 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
}

function daysBetween(iso: string, today: Day): number {
	return (parseIsoDay(iso) ?? today) - today;
}

/** `2w` → "every 2 weeks", `monthly` → "every month". */
export function cadenceWords(written: string | undefined): string {
	const r = readCadence(written ?? "");
	if (!r || !("cadence" in r)) return `every ${written ?? "?"}`;
	const { count, unit } = r.cadence;
	return count === 1 ? `every ${unit}` : `every ${count} ${unit}s`;
}

/** Why the item is listed, in words. */
export function reasonText(item: DueItem, today: Day): string {
	switch (item.reason) {
		case "cadence": {
			const last = item.lastContact ? `last contact ${item.lastContact} (${ago(daysBetween(item.lastContact, today))})` : "never contacted";
			const snoozed = item.snoozedUntil ? ` · snoozed until ${item.snoozedUntil}` : "";
			return `${last} · ${cadenceWords(item.cadence)}${snoozed}`;
		}
		case "followup": {
			const where = item.source ? ` (${item.source}:${item.line ?? "?"})` : "";
			return `follow-up: ${item.text || "(no text)"}${where}`;
		}
		case "birthday":
			return item.age !== undefined ? `birthday, turns ${item.age}` : "birthday";
	}
}

export function formatText(items: DueItem[], problems: Problem[], today: Day, horizon: number): string {
	const ahead = horizon === 0 ? "today only" : `next ${horizon} ${horizon === 1 ? "day" : "days"}`;
	const lines: string[] = [`People due on ${isoFromDay(today)} (${ahead})`];
	if (items.length === 0) lines.push("", "Nobody is due. Give people a cadence property (cadence: 2w, monthly, 90), or link them from open tasks.");
	for (const [status, title] of GROUPS) {
		const group = items.filter((i) => dueStatus(i, today) === status);
		if (group.length === 0) continue;
		lines.push("", `${title} (${group.length})`);
		for (const item of group) {
			const days = dueDays(item, today);
			const when = item.due === null ? "undated" : `${item.due} ${days === null ? "" : `(${ago(days)})`}`;
			const who = [item.company, item.role].filter(Boolean).join(", ");
			lines.push(`  ${item.person}${who ? ` · ${who}` : ""}`);
			lines.push(`      ${when} · ${reasonText(item, today)}`);
		}
	}
	if (problems.length > 0) {
		lines.push("", `Problems (${problems.length})`);
		for (const p of problems) lines.push(`  ${p.path}${p.line === null ? "" : `:${p.line}`}  ${p.message}`);
	}
	return `${lines.join("\n")}\n`;
}

/** An item as the JSON output shows it: with its status and days on `today`, not its day number. */
function jsonItem(item: DueItem, today: Day): Record<string, unknown> {
	const { person, path, reason, due, day: _day, ...rest } = item;
	return { person, path, reason, due, status: dueStatus(item, today), days: dueDays(item, today), ...rest };
}

export function formatJson(items: DueItem[], problems: Problem[], today: Day, horizon: number): string {
	return `${JSON.stringify({ today: isoFromDay(today), horizon, items: items.map((item) => jsonItem(item, today)), problems }, null, 2)}\n`;
}
