import { describe, expect, it } from "vitest";
import { linkKey, targetBase } from "../../src/core/link-names";
import { LinkResolver, normalizePath } from "../../src/core/resolver";
import { Lcg } from "./random-notes";

function resolver(...paths: string[]): LinkResolver {
	const r = new LinkResolver();
	for (const p of paths) r.add(p);
	return r;
}

describe("LinkResolver", () => {
	const r = resolver("People/Anna Rossi.md", "Archive/Marco.md", "Work/Marco.md", "Marco.md", "Projects/Work/Marco.md", "People/José.md", "Notes/Dr. J. Smith.md");
	it.each([
		["Anna Rossi", "Journal/x.md", "People/Anna Rossi.md"],
		["anna rossi", "Journal/x.md", "People/Anna Rossi.md"],
		["People/Anna Rossi", "Journal/x.md", "People/Anna Rossi.md"],
		["People/Anna Rossi.md", "Journal/x.md", "People/Anna Rossi.md"],
		["/People/Anna Rossi", "Journal/x.md", "People/Anna Rossi.md"],
		["../People/Anna Rossi.md", "Journal/x.md", "People/Anna Rossi.md"],
		["Marco", "Journal/x.md", "Marco.md"],
		["Marco", "Work/x.md", "Marco.md"],
		["Work/Marco", "Journal/x.md", "Work/Marco.md"],
		["Work/Marco", "Projects/x.md", "Work/Marco.md"],
		["José".normalize("NFD"), "x.md", "People/José.md"],
		["Dr. J. Smith", "x.md", "Notes/Dr. J. Smith.md"],
		["Nobody", "x.md", null],
		["ople/Anna Rossi", "x.md", null],
		["../../etc/passwd", "x.md", null],
	])("%j from %s → %s", (target, source, want) => {
		expect(r.resolve(target, source)).toBe(want);
	});

	it("prefers, among notes of the same name, the linking note's folder, then the shortest path", () => {
		const x = resolver("Archive/Old/Marco.md", "Work/Marco.md", "Team/Marco.md");
		expect(x.resolve("Marco", "Archive/Old/x.md")).toBe("Archive/Old/Marco.md");
		expect(x.resolve("Marco", "Journal/x.md")).toBe("Team/Marco.md");
		expect(x.resolve("Old/Marco", "Archive/x.md")).toBe("Archive/Old/Marco.md");
	});

	it("forgets removed notes", () => {
		const x = resolver("A/Anna.md", "B/Anna.md");
		expect(x.resolve("Anna", "x.md")).toBe("A/Anna.md");
		x.remove("A/Anna.md");
		expect(x.resolve("Anna", "x.md")).toBe("B/Anna.md");
		x.remove("B/Anna.md");
		expect(x.resolve("Anna", "x.md")).toBeNull();
	});

	it("answers the same for notes whose paths differ only by case, whatever their order, and after one goes", () => {
		for (const order of [["People/anna rossi.md", "People/Anna Rossi.md"], ["People/Anna Rossi.md", "People/anna rossi.md"]]) {
			const x = resolver(...order);
			expect(x.resolve("Anna Rossi", "x.md")).toBe("People/Anna Rossi.md");
			expect(x.resolve("People/anna rossi", "x.md")).toBe("People/Anna Rossi.md");
			x.remove("People/Anna Rossi.md");
			expect(x.resolve("Anna Rossi", "x.md")).toBe("People/anna rossi.md");
			expect(x.resolve("people/ANNA ROSSI.md", "x.md")).toBe("People/anna rossi.md");
			x.add("People/Anna Rossi.md");
			x.remove("People/anna rossi.md");
			expect(x.resolve("anna rossi", "x.md")).toBe("People/Anna Rossi.md");
			x.remove("People/Anna Rossi.md");
			expect(x.resolve("Anna Rossi", "x.md")).toBeNull();
			expect(x.has("People/Anna Rossi.md")).toBe(false);
		}
	});

	it("normalises paths and refuses to climb out of the vault", () => {
		expect(normalizePath("a/./b/../c")).toBe("a/c");
		expect(normalizePath("../x")).toBeNull();
	});

	it("greek sigma: a path's key and its name's differ (final ς), and each is still found", () => {
		const x = resolver("Greek/ΟΔΥΣΣΕΥΣ.md", "Greek/Ἀριστοτέλης.md");
		expect(x.resolve("Greek/οδυσσευσ", "x.md")).toBe("Greek/ΟΔΥΣΣΕΥΣ.md");
		expect(x.resolve("ΟΔΥΣΣΕΥΣ", "x.md")).toBe("Greek/ΟΔΥΣΣΕΥΣ.md");
		expect(x.has("greek/ΟΔΥΣΣΕΥΣ.md")).toBe(true);
		x.remove("Greek/ΟΔΥΣΣΕΥΣ.md");
		expect(x.resolve("Greek/οδυσσευσ", "x.md")).toBeNull();
		expect(x.has("Greek/ΟΔΥΣΣΕΥΣ.md")).toBe(false);
	});

	it("answers as a scan of every note by its rules would, over random notes, links and removals", () => {
		const folders = ["", "People", "people", "People/Old", "Archive", "Ελλάδα", "ΣΟΦΙΑ"];
		const names = ["Anna Rossi", "anna rossi", "ANNA ROSSI", "Marco", "marco", "José", "Jose\u0301", "ΟΔΥΣΣΕΥΣ", "οδυσσευσ", "οδυσσευς", "Σ", "index", "a.md"];
		const paths: string[] = [];
		for (const f of folders) for (const n of names) paths.push(f === "" ? `${n}.md` : `${f}/${n}.md`);
		paths.push("People/Marco.MD", "Archive/x.md.md", "ΣΟΦΙΑ/Σ.MD");
		const targets: string[] = [];
		for (const n of [...names, "x.md", "σοφια/σ"]) targets.push(n, `${n}.MD`, `./${n}`, `../${n}`, `Old/${n}`, `People/${n}`, `/people/${n}`, `Archive/../People/${n}`, `people\\old\\${n}`);
		differential(paths, targets, folders, 12, 300);
	});

	it("answers so with many notes of one name (folder notes), their places looked up by path", () => {
		const folders: string[] = [""];
		for (let i = 0; i < 48; i++) folders.push(`Projects/P${i}`, `projects/p${i}/Sub`);
		const paths: string[] = [];
		for (const f of folders) for (const n of ["index", "Index", "README"]) paths.push(f === "" ? `${n}.md` : `${f}/${n}.md`);
		const targets = ["index", "INDEX.md", "README", "./index", "../index", "Sub/index", "Projects/P3/index", "projects/p7/sub/INDEX", "P5/Index", "../Sub/README"];
		differential(paths, targets, folders, 4, 600);
	});
});

/** Random adds and removals of `paths`; after each, `targets` resolved from random folders as `reference` does. */
function differential(paths: readonly string[], targets: readonly string[], folders: readonly string[], seeds: number, steps: number): void {
	for (let seed = 1; seed <= seeds; seed++) {
		const rng = new Lcg(seed);
		const r = new LinkResolver();
		const live = new Set<string>();
		for (let step = 0; step < steps; step++) {
			const path = rng.pick(paths);
			if (rng.next() < 0.65) {
				r.add(path);
				live.add(path);
			} else {
				r.remove(path);
				live.delete(path);
			}
			for (let q = 0; q < 4; q++) {
				const target = rng.pick(targets);
				const folder = rng.pick(folders);
				const source = folder === "" ? "note.md" : `${folder}/note.md`;
				expect(r.resolve(target, source), `seed ${seed}, step ${step}: ${target} from ${source}`).toBe(reference([...live], target, source));
			}
			const probe = rng.pick(paths);
			expect(r.has(probe)).toBe([...live].some((p) => linkKey(p) === linkKey(probe)));
		}
	}
}

/** The rules, by a scan of every note: by path (absolute, then relative to the linking note), else by name. */
function reference(notes: string[], target: string, source: string): string | null {
	const folder = source.includes("/") ? source.slice(0, source.lastIndexOf("/")) : "";
	const firstWithKey = (key: string): string | null => notes.filter((p) => linkKey(p) === key).sort()[0] ?? null;
	let t = target.replace(/\\/g, "/");
	if (!t.toLowerCase().endsWith(".md")) t += ".md";
	if (t.startsWith("./") || t.startsWith("../")) {
		const rel = normalizePath(folder === "" ? t : `${folder}/${t}`);
		return rel === null ? null : firstWithKey(linkKey(rel));
	}
	const abs = t.includes("/") ? normalizePath(t) : t;
	if (abs === null || abs === "") return null;
	const absKey = linkKey(abs);
	const exact = firstWithKey(absKey);
	if (exact !== null) return exact;
	const rel = folder !== "" ? firstWithKey(linkKey(`${folder}/${abs}`)) : null;
	if (rel !== null) return rel;
	const here = (p: string): boolean => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "") === folder;
	const matching = notes.filter((p) => targetBase(p) === targetBase(abs) && (linkKey(p) === absKey || linkKey(p).endsWith(`/${absKey}`)));
	matching.sort((a, b) => (here(a) !== here(b) ? (here(a) ? -1 : 1) : a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0));
	return matching[0] ?? null;
}
