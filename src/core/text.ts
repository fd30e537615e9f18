/** Note text for display, and links to write. */

/**
 * The text of a link to `path`: the note's name when that name resolves to it (per `resolve`,
 * the vault's resolution from the linking note), else its path without `.md`.
 */
export function linkTextFor(path: string, resolve: (name: string) => string | null): string {
	const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
	return resolve(name) === path ? name : path.replace(/\.md$/i, "");
}

/** `Send [[People/Anna Rossi|Anna]] the [[Deck#v2]]` → `Send Anna the Deck`: links read as their names. */
export function plainLinks(text: string): string {
	return text
		.replace(/\[\[([^[\]|#]*)(?:#[^[\]|]*)?(?:\|([^[\]]*))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target.slice(target.lastIndexOf("/") + 1))
		.replace(/\[([^[\]]*)\]\([^()]*\)/g, "$1");
}
