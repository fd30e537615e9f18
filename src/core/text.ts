/** Note text for display. */

/** `Send [[People/Anna Rossi|Anna]] the [[Deck#v2]]` → `Send Anna the Deck`: links read as their names. */
export function plainLinks(text: string): string {
	return text
		.replace(/\[\[([^[\]|#]*)(?:#[^[\]|]*)?(?:\|([^[\]]*))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target.slice(target.lastIndexOf("/") + 1))
		.replace(/\[([^[\]]*)\]\([^()]*\)/g, "$1");
}
