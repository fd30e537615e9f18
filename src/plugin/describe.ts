/** A due item's reason in words, in the user's language. */
import { DateTime } from "luxon";
import { readCadence } from "../core/cadence";
import { plainLinks } from "../core/text";
import { type Day, parseIsoDay, ymdFromDay } from "../core/dates";
import type { DueItem } from "../core/types";
import type { Messages } from "./i18n";

function dayToLuxon(day: Day, locale: string): DateTime {
	const { y, m, d } = ymdFromDay(day);
	return DateTime.fromObject({ year: y, month: m, day: d }, { zone: "utc", locale });
}

/** "today", "tomorrow", "3 days ago", "in 5 days". */
export function relativeDays(days: number, { t }: Messages): string {
	if (days === 0) return t("when.today");
	if (days === 1) return t("when.tomorrow");
	if (days === -1) return t("when.yesterday");
	return days > 0 ? t("when.inDays", { count: days }) : t("when.daysAgo", { count: -days });
}

/** Within the coming week: "on Friday"; further: "on 2 December"; near: "tomorrow". */
export function whenWords(due: Day, today: Day, m: Messages): string {
	const days = due - today;
	if (days >= -1 && days <= 1) return relativeDays(days, m);
	if (days > 1 && days < 7) return m.t("when.onWeekday", { weekday: dayToLuxon(due, m.locale).toFormat("cccc") });
	if (days < 0) return relativeDays(days, m);
	return m.t("when.onDate", { date: dayToLuxon(due, m.locale).toLocaleString({ day: "numeric", month: "long" }) });
}

export function cadenceWords(written: string | undefined, { t }: Messages): string {
	const r = readCadence(written ?? "");
	if (!r || !("cadence" in r)) return written ?? "";
	const { count, unit } = r.cadence;
	if (count === 1) return t(`every.${unit}`);
	return t(`every.${unit}s`, { count });
}

/** Links read as their names (see core/text). */
export const plainText = plainLinks;

/** The reason a person is listed, as one line of words. */
export function reasonWords(item: DueItem, today: Day, m: Messages): string {
	const { t } = m;
	switch (item.reason) {
		case "cadence": {
			const last = item.lastContact ? parseIsoDay(item.lastContact) : null;
			const parts = [last === null ? t("reason.never") : t("reason.lastContact", { ago: relativeDays(last - today, m) }), cadenceWords(item.cadence, m)];
			if (item.snoozedUntil) {
				const snooze = parseIsoDay(item.snoozedUntil);
				if (snooze !== null) parts.push(t("reason.snoozed", { date: dayToLuxon(snooze, m.locale).toLocaleString({ day: "numeric", month: "long" }) }));
			}
			return parts.join(" · ");
		}
		case "followup": {
			const text = plainText(item.text ?? "").trim();
			const head = text === "" ? t("reason.followupNoText") : t("reason.followup", { text });
			const due = item.day;
			return `${head} · ${due === null ? t("reason.undated") : t("reason.due", { when: whenWords(due, today, m) })}`;
		}
		case "birthday": {
			const due = item.day;
			const head = t("reason.birthday", { when: due === null ? "" : whenWords(due, today, m) });
			return item.age !== undefined ? `${head} · ${t(item.age === 1 ? "reason.turns.one" : "reason.turns", { age: item.age })}` : head;
		}
	}
}

/** The reason of a reach-out line in the daily note: "last contact 42 days ago". */
export function reachOutWords(item: DueItem, today: Day, m: Messages): string {
	const lower = (s: string): string => s.charAt(0).toLocaleLowerCase(m.locale) + s.slice(1);
	if (item.reason === "cadence") {
		const last = item.lastContact ? parseIsoDay(item.lastContact) : null;
		return last === null ? m.t("reachout.never") : lower(m.t("reason.lastContact", { ago: relativeDays(last - today, m) }));
	}
	if (item.reason === "birthday") return lower(reasonWords(item, today, m));
	return plainLinks(item.text ?? "");
}
