import { describe, expect, it } from "vitest";
import { parseIsoDay } from "../../src/core/dates";
import { cadenceWords, plainText, relativeDays, whenWords } from "../../src/plugin/describe";
import { MESSAGE_KEYS, messagesFor } from "../../src/plugin/i18n";

const D = (iso: string): number => parseIsoDay(iso) ?? NaN;

describe("the message catalogue", () => {
	it("has every English message in Italian, with the same placeholders", () => {
		const en = messagesFor("en");
		const italian = messagesFor("it");
		for (const key of MESSAGE_KEYS) {
			const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			expect(vars(italian.t(key)), key).toEqual(vars(en.t(key)));
			expect(italian.t(key).trim(), key).not.toBe("");
		}
	});
	it("picks the language from Obsidian's code and falls back to English", () => {
		expect(messagesFor("it").t("view.title")).toBe("Persone da contattare");
		expect(messagesFor("it-IT").locale).toBe("it");
		expect(messagesFor("de").t("view.title")).toBe("People due");
		expect(messagesFor("").locale).toBe("en");
	});
	it("fills placeholders and leaves unknown ones alone", () => {
		expect(messagesFor("en").t("notice.logged", { name: "Anna" })).toBe("Logged with Anna.");
		expect(messagesFor("en").t("notice.logged")).toBe("Logged with {name}.");
	});
});

describe("dates and cadences in words", () => {
	const en = messagesFor("en");
	const itMsg = messagesFor("it");
	it.each([
		[0, "today", "oggi"],
		[1, "tomorrow", "domani"],
		[-1, "yesterday", "ieri"],
		[5, "in 5 days", "tra 5 giorni"],
		[-42, "42 days ago", "42 giorni fa"],
	])("%i days", (days, wantEn, wantIt) => {
		expect(relativeDays(days, en)).toBe(wantEn);
		expect(relativeDays(days, itMsg)).toBe(wantIt);
	});
	it("names the weekday within a week and the date further away", () => {
		expect(whenWords(D("2026-11-27"), D("2026-11-22"), en)).toBe("on Friday");
		expect(whenWords(D("2026-11-27"), D("2026-11-22"), itMsg)).toBe("venerdì");
		expect(whenWords(D("2026-12-02"), D("2026-11-22"), en)).toBe("on December 2");
		expect(whenWords(D("2026-12-02"), D("2026-11-22"), itMsg)).toBe("il 2 dicembre");
	});
	it.each([
		["2w", "every 2 weeks", "ogni 2 settimane"],
		["monthly", "every month", "ogni mese"],
		["30", "every 30 days", "ogni 30 giorni"],
		["1y", "every year", "ogni anno"],
	])("cadence %s", (written, wantEn, wantIt) => {
		expect(cadenceWords(written, en)).toBe(wantEn);
		expect(cadenceWords(written, itMsg)).toBe(wantIt);
	});
	it("reads links in task texts as names", () => {
		expect(plainText("Send [[People/Anna Rossi|Anna]] the [[Deck#v2]] and [notes](x.md)")).toBe("Send Anna the Deck and notes");
		expect(plainText("Call [[People/Marco Bianchi]]")).toBe("Call Marco Bianchi");
	});
});
