// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { ensureFolderIn, locate } from "../../src/plugin/vault-paths";
import { caseInsensitiveDisk, testVault } from "./writes-helpers";

afterEach(() => vi.restoreAllMocks());

function vaultOf(files: Record<string, string>) {
	const v = testVault(files);
	return { ...v, vault: v.obsidian.vault };
}

describe("locate and ensureFolderIn", () => {
	it("spells each existing part as on disk and the rest as asked", async () => {
		const v = vaultOf({ "Work/Notes/a.md": "" });
		expect(locate(v.vault, "work/notes/A.md")).toMatchObject({ path: "Work/Notes/a.md" });
		expect(locate(v.vault, "WORK/new/b.md")).toEqual({ path: "Work/new/b.md", found: null });
		expect(locate(v.vault, "Work/Notes/a.md/b.md")).toEqual({ path: "Work/Notes/a.md/b.md", found: null });
	});

	it("returns an existing folder, in its own case, without creating it", async () => {
		const v = vaultOf({ "People/a.md": "" });
		const createFolder = vi.spyOn(v.app.vault, "createFolder");
		expect(await ensureFolderIn(v.vault, "people")).toBe("People");
		expect(await ensureFolderIn(v.vault, "")).toBe("");
		expect(createFolder).not.toHaveBeenCalled();
	});

	it("creates what is missing below an existing folder spelt otherwise", async () => {
		const v = vaultOf({ "People/a.md": "" });
		caseInsensitiveDisk(v);
		expect(await ensureFolderIn(v.vault, "PEOPLE/Clients")).toBe("People/Clients");
		expect(v.app.vault.getFolderByPath("People/Clients")).not.toBeNull();
	});
});
