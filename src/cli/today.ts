/** `rete today`: the reach-out section of today's daily note, as markdown. */
import type { Day } from "../core/dates";
import type { PeopleIndex } from "../core/network";
import { DEFAULT_REACH_OUT_HEADINGS, reachOutLine, reachOutSection } from "../core/reachout";
import { LinkResolver } from "../core/resolver";
import { linkTextFor } from "../core/text";
import { reachOutWords } from "../plugin/describe";
import { messagesFor } from "../plugin/i18n";

export interface TodayOptions {
	index: PeopleIndex;
	/** Every note path of the vault, to write the shortest link that still resolves. */
	paths: string[];
	/** The daily note the section is meant for (links resolve from there). */
	dailyPath: string;
	today: Day;
	horizon: number;
	/** The heading setting (`""`: the default for the language). */
	heading: string;
	locale: string;
}

/** The section, or `""` when nobody is due: as the plugin, which then writes nothing. */
export function todaySection(o: TodayOptions): string {
	const messages = messagesFor(o.locale);
	const resolver = new LinkResolver();
	for (const p of o.paths) resolver.add(p);
	const link = (path: string): string => linkTextFor(path, (name) => resolver.resolve(name, o.dailyPath));
	const heading = o.heading || (messages.locale === "it" ? DEFAULT_REACH_OUT_HEADINGS[1] : DEFAULT_REACH_OUT_HEADINGS[0]) || "## Reach out";
	const lines = o.index.due(o.today, o.horizon).map((item) => reachOutLine(item, link(item.path), reachOutWords(item, o.today, messages)));
	return lines.length === 0 ? "" : reachOutSection(heading, lines);
}
