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
	it("says one in the singular, in both languages", () => {
		const en = messagesFor("en").t;
		const italian = messagesFor("it").t;
		expect(en("notice.eventCreated", { count: 1 })).toBe("Event note created; 1 new person.");
		expect(en("notice.eventCreated", { count: 2 })).toBe("Event note created; 2 new people.");
		expect(en("notice.peopleAdded", { count: 1 })).toBe("Added 1 person to the event.");
		expect(en("notice.reachOutAdded", { count: 1, path: "d.md" })).toBe("Added 1 reach-out to d.md.");
		expect(en("view.more", { count: 1 })).toBe("Show one more");
		expect(en("notice.rebuilt", { count: 1 })).toBe("Rete: index rebuilt, 1 person.");
		expect(italian("notice.eventCreated", { count: 1 })).toBe("Nota dell'evento creata; 1 nuova persona.");
		expect(italian("notice.peopleAdded", { count: 1 })).toBe("Aggiunta 1 persona all'evento.");
		expect(italian("notice.peopleAdded", { count: 0 })).toBe("Aggiunte 0 persone all'evento.");
		expect(italian("notice.reachOutAdded", { count: 1, path: "d.md" })).toBe("Aggiunta 1 persona da contattare in d.md.");
		expect(italian("view.problems", { count: 1 })).toBe("Problema in una nota (1)");
		expect(italian("reason.turns.one", { age: 1 })).toBe("compie 1 anno");
		expect(italian("reason.turns", { age: 2 })).toBe("compie 2 anni");
		// A singular belongs to a message.
		for (const key of MESSAGE_KEYS.filter((k) => k.endsWith(".one"))) expect(MESSAGE_KEYS, key).toContain(key.slice(0, -".one".length));
	});
	it("says vault in Italian, and shows a logged line with the hyphen that is written", () => {
		const italian = messagesFor("it");
		for (const key of MESSAGE_KEYS) expect(italian.t(key), key).not.toMatch(/cassaforte/i);
		expect(italian.t("settings.eventsFolder.desc")).toMatch(/dentro il vault\./);
		expect(messagesFor("en").t("settings.logTarget.desc")).toContain(" - [[Name]] what happened");
		expect(italian.t("settings.logTarget.desc")).toContain(" - [[Nome]] cosa è successo");
	});
	it("has the messages other parts of the plugin show", () => {
		const en = messagesFor("en").t;
		const italian = messagesFor("it").t;
		expect(en("notice.alreadyLogged", { name: "Anna", date: "2026-11-20" })).toBe("Already logged with Anna on 2026-11-20; nothing was written.");
		expect(italian("notice.alreadyLogged", { name: "Anna", date: "2026-11-20" })).toBe("Già registrato con Anna il 2026-11-20; non è stato scritto nulla.");
		expect(en("notice.badProperties", { path: "a.md" })).toBe("Did not change a.md: its properties are not a closed block of key: value lines. Fix them in the note first.");
		expect(italian("notice.badProperties", { path: "a.md" })).toBe("a.md non è stato modificato: le sue proprietà non sono un blocco chiuso di righe chiave: valore. Correggile prima nella nota.");
		expect(en("notice.recurring")).toBe("This follow-up repeats (🔁): tick it in the note with the Tasks plugin, so that the next one is created.");
		expect(italian("notice.recurring")).toBe("Questo follow-up si ripete (🔁): spuntalo nella nota con il plugin Tasks, così viene creato il prossimo.");
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
