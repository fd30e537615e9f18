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

/** Messages for an Obsidian language code (`it`, `en`, `en-GB`…); English when not translated. */
export function messagesFor(language: string): Messages {
	const base = (language || "en").toLowerCase().split(/[-_]/)[0] ?? "en";
	const catalogue = CATALOGUES[base] ?? en;
	const locale = CATALOGUES[base] ? base : "en";
	const t: Translate = (key, vars) => {
		const template = catalogue[key] ?? en[key];
		return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
	};
	return { t, locale };
}

export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];
