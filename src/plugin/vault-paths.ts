/** Paths as the vault spells them: a note or folder that differs only in case or NFC/NFD is the same one. */
import { type TAbstractFile, TFolder, type Vault } from "obsidian";
import { pathKey } from "../core/names";

/**
 * `path` as it is in the vault: each part matched to an existing folder or file ignoring case
 * and NFC/NFD (the exact spelling first), the parts past the last existing folder as asked.
 * Costs one lookup per part, plus a look through one folder's children when a part is not
 * spelt exactly as on disk; never a scan of the whole vault.
 */
export function locate(vault: Vault, path: string): { path: string; found: TAbstractFile | null } {
	const exact = vault.getAbstractFileByPath(path);
	if (exact) return { path: exact.path, found: exact };
	let folder: TFolder | null = vault.getRoot();
	let found: TAbstractFile | null = null;
	const parts: string[] = [];
	for (const part of path.split("/")) {
		found = null;
		if (folder) {
			const key = pathKey(part);
			found = vault.getAbstractFileByPath([...parts, part].join("/")) ?? folder.children.find((c) => pathKey(c.name) === key) ?? null;
		}
		parts.push(found ? found.name : part);
		folder = found instanceof TFolder ? found : null;
	}
	return { path: parts.join("/"), found };
}

/**
 * Makes sure `folder` exists, reusing one spelt in another case or normalisation, and returns
 * its path as it is in the vault. "Already exists" (a sync or another action created it
 * meanwhile, maybe spelt differently) is no error when the folder is then there.
 */
export async function ensureFolderIn(vault: Vault, folder: string): Promise<string> {
	if (folder === "") return "";
	const at = locate(vault, folder);
	if (at.found instanceof TFolder) return at.path;
	try {
		await vault.createFolder(at.path);
	} catch (e) {
		const now = locate(vault, at.path);
		if (now.found instanceof TFolder) return now.path;
		throw e;
	}
	return at.path;
}
