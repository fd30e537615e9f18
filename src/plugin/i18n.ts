/** Every user-facing text of the plugin, in English and Italian, chosen from Obsidian's language. */
import { en, type MessageKey } from "./messages-en";
import { it } from "./messages-it";

export type { MessageKey };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface Messages {
	t: Translate;
	/** The locale for dates in words (`en`, `it`). */
	locale: string;
}

const CATALOGUES: Record<string, Record<MessageKey, string>> = { en, it };

/**
 * Plurals: a message with a `.one` form (`view.more` and `view.more.one`) is given that form
 * when its `count` is 1. Messages whose number is not `count` pick their `.one` key themselves.
 */
function singularOf(key: MessageKey, vars: Record<string, string | number> | undefined): MessageKey {
	const one = `${key}.one`;
	return vars?.count === 1 && one in en ? (one as MessageKey) : key;
}

/** Messages for an Obsidian language code (`it`, `en`, `en-GB`…); English when not translated. */
export function messagesFor(language: string): Messages {
	const base = (language || "en").toLowerCase().split(/[-_]/)[0] ?? "en";
	const catalogue = CATALOGUES[base] ?? en;
	const locale = CATALOGUES[base] ? base : "en";
	const t: Translate = (key, vars) => {
		const chosen = singularOf(key, vars);
		const template = catalogue[chosen] ?? en[chosen];
		return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
	};
	return { t, locale };
}

export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];
