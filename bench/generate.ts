/**
 * A seeded generator of synthetic vaults. The same size and seed always give the same files.
 *
 * - People notes (`People/<group>/<name>.md`, and 5% elsewhere with a `person` tag): ~10
 *   properties, a few details, ~20 dated bullets (a quarter link someone else), now and then
 *   an open task or a done one.
 * - Daily notes (`Daily/<journal>/<year>/YYYY-MM-DD.md`, 10,000 days per journal back from
 *   today): ~30 lines, about 20 of them list items linking one to three people in the ways
 *   people write links (plain, alias, path, heading, markdown link), some tasks, nested items,
 *   headings and prose.
 * - Other notes (projects, meetings, reading, areas): 20–60 lines of prose, headings, bullets,
 *   links to other (non-person) notes and sometimes a code block; half have 2–4 properties;
 *   one in ten mentions someone in a list item, the rest mention nobody.
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { isoFromDay, ymdFromDay } from "../src/core/dates";
import { Rng, TODAY } from "./rng";

export { Rng, TODAY, TODAY_ISO } from "./rng";

export type SizeName = "S" | "M" | "L";

export interface SizeSpec {
	people: number;
	daily: number;
	other: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
	S: { people: 300, daily: 1_500, other: 1_000 },
	M: { people: 5_000, daily: 20_000, other: 25_000 },
	L: { people: 10_000, daily: 90_000, other: 100_000 },
};

const DAYS_PER_JOURNAL = 10_000;

export interface GenNote {
	path: string;
	text: string;
	kind: "person" | "daily" | "other";
}

const FIRST = [
	"Anna", "Marco", "Giulia", "Luca", "Sara", "Tom", "Emily", "Daniel", "Priya", "Chiara", "Paolo", "Elena", "Francesca", "Roberto", "Davide", "Laura",
	"Michael", "Alessandro", "Maria", "José", "Zoë", "Jürgen", "Ana", "Łukasz", "Sofia", "Noah", "Liam", "Olivia", "Emma", "Ava", "Mia", "Lucas",
	"Hugo", "Léa", "Chloé", "Mateo", "Lena", "Jonas", "Felix", "Clara", "Ines", "Pedro", "Carmen", "Diego", "Lucía", "Hana", "Yuki", "Kenji",
	"Aiko", "Wei", "Mei", "Arjun", "Ravi", "Ananya", "Fatima", "Omar", "Yusuf", "Amina", "Kwame", "Ngozi", "Chidi", "Sipho", "Thandi", "Ingrid",
	"Lars", "Astrid", "Erik", "Freya", "Niamh", "Sean", "Aoife", "Ciara", "Oisín", "Dmitri", "Olga", "Ivan", "Katya", "Mikhail", "Petra", "Tomasz",
	"Zofia", "Agnieszka", "Bence", "Réka", "Matteo", "Lorenzo", "Beatrice", "Martina", "Nicola", "Simone", "Andrea", "Federico", "Valentina", "Irene", "Samuel", "Grace",
	"Isaac", "Ruth", "Nora", "Ella", "Oscar", "Leo", "Arthur", "Alice", "Victor", "Camille", "Jules", "Manon", "Théo", "Inès", "Raphaël", "Louise",
	"Carlos", "Isabel", "Rafael", "Teresa", "Miguel", "Rosa", "Anders", "Sigrid", "Henrik", "Maja", "Viktor", "Elsa", "Karim", "Leila", "Samir", "Nadia",
];
const LAST = [
	"Rossi", "Bianchi", "Conti", "Ferri", "Neri", "Becker", "Carter", "Okafor", "Natarajan", "Moretti", "Esposito", "Marchetti", "Russo", "Galli", "Greco", "Fontana",
	"Brennan", "Verdi", "Lopez", "García", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter",
	"Klein", "Wolf", "Schröder", "Neumann", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Simon", "Michel", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin",
	"Martínez", "Sánchez", "Pérez", "Gómez", "Fernández", "Díaz", "Romero", "Navarro", "Torres", "Ramos", "Gil", "Serrano", "Molina", "Ortiz", "Silva", "Santos",
	"Oliveira", "Costa", "Pereira", "Almeida", "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Nakamura", "Kobayashi", "Chen", "Wang", "Li", "Zhang",
	"Liu", "Yang", "Huang", "Sharma", "Patel", "Singh", "Kumar", "Gupta", "Iyer", "Reddy", "Khan", "Ali", "Hassan", "Ibrahim", "Mensah", "Owusu",
	"Adeyemi", "Nwosu", "Dlamini", "Nkosi", "Andersson", "Johansson", "Karlsson", "Nilsson", "Larsen", "Hansen", "Jensen", "Nielsen", "Murphy", "Kelly", "O'Brien", "Walsh",
	"Ivanov", "Smirnov", "Kuznetsov", "Popov", "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Nagy", "Kovács", "Tóth", "Szabó", "Novak", "Horvat", "Kovačić", "Babić",
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson",
	"White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
];
const GROUPS = ["Clients", "Colleagues", "Friends", "Mentors", "Recruiters", "Investors", "Community", "Family"];
const COMPANIES = ["Acme Robotics", "Nordlicht API GmbH", "Lumen Software", "Harbour Talent", "Canalside Analytics", "Shannon Cloud", "OrtoSmart", "Sistemi Nord S.p.A.", "Talent Bridge", "Blue Fjord", "Kettle & Co", "Orbital Foods"];
const ROLES = ["Head of Sales", "Engineering Manager", "Staff Data Engineer", "Founder & CEO", "Senior Recruiter", "Product Manager", "CTO", "Designer", "Account Executive", "Investor", "Professor", "Consultant"];
const CITIES = ["Milano", "Madrid", "Berlin", "Dublin", "Lisbon", "Paris", "London", "Tokyo", "Bari", "Hamburg", "Stockholm", "Warsaw", "New York", "Toronto"];
const CADENCES = ["2w", "monthly", "90", "3m", "\"2 weeks\"", "quarterly", "6w", "1y", "weekly", "30", "6 months", "biweekly"];
const ACTIVITIES = ["Lunch with", "Coffee with", "Call with", "Met", "Video call with", "Dinner with", "Walk with", "Drinks with", "Quick chat with", "Workshop with"];
const TOPICS = ["about the pilot", "on the hiring plan", "re: Q3 budget", "about the conference", "— new job at a startup", "about the move to Berlin", "on the partnership", "re: the case study", "about kids and schools", "on pricing", "about the book", "about the roadmap"];
const WORDS = "the of and to in a is that for it as with was on be at by this had not are but from or have an they which one you were all we her she there would their will when who him been has more if no out so said what up its about than into them can only other time new some could these two may first then do any like my now over such our man me even most made after also did many off before must well back through years much where your way".split(" ");
const AREAS = ["Projects", "Meetings", "Reading", "Areas", "Ideas", "Archive"];

function shuffle<T>(rng: Rng, list: T[]): T[] {
	for (let i = list.length - 1; i > 0; i--) {
		const j = rng.int(i + 1);
		const t = list[i] as T;
		list[i] = list[j] as T;
		list[j] = t;
	}
	return list;
}

function prose(rng: Rng, words: number): string {
	const out: string[] = [];
	for (let i = 0; i < words; i++) out.push(rng.pick(WORDS));
	const s = out.join(" ");
	return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

interface Person {
	name: string;
	path: string;
	group: string;
}

function people(rng: Rng, count: number): Person[] {
	const names: string[] = [];
	for (const f of FIRST) for (const l of LAST) names.push(`${f} ${l}`);
	if (count > names.length) throw new Error(`at most ${names.length} people`);
	shuffle(rng, names);
	return names.slice(0, count).map((name, i) => {
		const group = rng.pick(GROUPS);
		// One in twenty lives outside the people folder and is a person by tag.
		const path = i % 20 === 7 ? `Contacts/${name}.md` : `People/${group}/${name}.md`;
		return { name, path, group };
	});
}

/** A person, often a popular one: half the mentions go to a skewed pick. */
function someone(rng: Rng, list: readonly Person[]): Person {
	const u = rng.next();
	const i = rng.chance(0.5) ? Math.floor(list.length * u * u) : Math.floor(list.length * u);
	return list[Math.min(i, list.length - 1)] as Person;
}

/** A link to a person, written the way people write them. */
function linkTo(rng: Rng, p: Person): string {
	const r = rng.next();
	if (r < 0.7) return `[[${p.name}]]`;
	if (r < 0.82) return `[[${p.name}|${p.name.split(" ")[0] ?? p.name}]]`;
	if (r < 0.9) return `[[${p.path.slice(0, -3)}]]`;
	if (r < 0.95) return `[[${p.name}#Log]]`;
	return `[${p.name.split(" ")[0] ?? p.name}](${p.path.replace(/ /g, "%20")})`;
}

function randomPast(rng: Rng, maxDaysAgo: number): number {
	return TODAY - rng.int(maxDaysAgo);
}

function personNote(rng: Rng, p: Person, all: readonly Person[]): string {
	const slug = p.name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(/ /g, ".");
	const fm: string[] = ["---"];
	fm.push(p.path.startsWith("Contacts/") ? `tags: [person, ${p.group.toLowerCase()}]` : `tags: [${p.group.toLowerCase()}]`);
	fm.push(`company: ${rng.pick(COMPANIES)}`, `role: ${rng.pick(ROLES)}`, `location: ${rng.pick(CITIES)}`);
	fm.push(`email: ${slug}@example.com`, `phone: "+39 3${rng.int(100)} ${1000000 + rng.int(8999999)}"`, `linkedin: https://www.linkedin.com/in/${slug.replace(/\./g, "-")}`);
	fm.push(`cadence: ${rng.pick(CADENCES)}`, `met: ${isoFromDay(randomPast(rng, 3650))}`);
	const b = ymdFromDay(randomPast(rng, 365));
	fm.push(rng.chance(0.5) ? `birthday: ${String(b.m).padStart(2, "0")}-${String(b.d).padStart(2, "0")}` : `birthday: ${1950 + rng.int(50)}-${String(b.m).padStart(2, "0")}-${String(b.d).padStart(2, "0")}`);
	if (rng.chance(0.3)) fm.push(`last_contact: ${isoFromDay(randomPast(rng, 200))}`);
	if (rng.chance(0.03)) fm.push(`snooze_until: ${isoFromDay(TODAY + rng.int(30))}`);
	fm.push("---");
	const body: string[] = [`# ${p.name}`, "", "## About", prose(rng, 12 + rng.int(20)), `- Partner: ${rng.pick(FIRST)}`, `- Likes ${rng.pick(["hiking", "jazz", "chess", "cycling", "sailing", "cooking"])}`, "", "## Log"];
	const n = 16 + rng.int(9);
	const days: number[] = [];
	for (let i = 0; i < n; i++) days.push(randomPast(rng, 3650));
	days.sort((a, c) => a - c);
	for (const d of days) {
		const other = rng.chance(0.25) ? ` with ${linkTo(rng, someone(rng, all))}` : "";
		body.push(`- ${isoFromDay(d)} ${rng.pick(ACTIVITIES).split(" ")[0] ?? "Met"}${other} ${rng.pick(TOPICS)}`);
	}
	if (rng.chance(0.3)) body.push(`- [x] Sent the deck ✅ ${isoFromDay(randomPast(rng, 400))}`);
	if (rng.chance(0.1)) body.push(`- [ ] Send the case study 📅 ${isoFromDay(TODAY - 10 + rng.int(40))}`);
	return `${fm.join("\n")}\n${body.join("\n")}\n`;
}

function dailyNote(rng: Rng, day: number, all: readonly Person[]): string {
	const recent = TODAY - day < 60;
	const lines: string[] = [`# ${isoFromDay(day)}`, "", "## Meetings"];
	let linked = 0;
	const target = 18 + rng.int(5);
	while (linked < target) {
		const r = rng.next();
		const a = linkTo(rng, someone(rng, all));
		if (r < 0.55) {
			lines.push(`- ${rng.pick(ACTIVITIES)} ${a} ${rng.pick(TOPICS)}`);
		} else if (r < 0.7) {
			lines.push(`- ${rng.pick(ACTIVITIES)} ${a} and ${linkTo(rng, someone(rng, all))} ${rng.pick(TOPICS)}`);
			linked++;
		} else if (r < 0.8) {
			lines.push(`- ${rng.pick(ACTIVITIES)} ${a}`, `  - ${prose(rng, 6 + rng.int(6))}`);
		} else if (r < 0.9) {
			lines.push(`- [x] Introduced ${a} to ${linkTo(rng, someone(rng, all))} ✅ ${isoFromDay(day + rng.int(3))}`);
			linked++;
		} else if (recent && r < 0.95) {
			lines.push(`- [ ] Send ${a} the notes 📅 ${isoFromDay(day + 3 + rng.int(20))}`);
		} else if (r < 0.95) {
			lines.push(`- [x] Send ${a} the notes`);
		} else {
			lines.push(`- 2026-${String(1 + rng.int(12)).padStart(2, "0")}-${String(1 + rng.int(28)).padStart(2, "0")} — ${rng.pick(ACTIVITIES)} ${a}`);
		}
		linked++;
	}
	lines.push("", "## Notes", prose(rng, 15 + rng.int(25)), `- ${prose(rng, 5 + rng.int(8))}`, `- ${prose(rng, 5 + rng.int(8))}`, "", prose(rng, 10 + rng.int(20)));
	return `${lines.join("\n")}\n`;
}

function otherNote(rng: Rng, i: number, otherTitles: readonly string[], all: readonly Person[]): string {
	const out: string[] = [];
	if (rng.chance(0.5)) {
		out.push("---", `tags: [${rng.pick(["project", "meeting", "book", "idea", "area"])}]`, `created: ${isoFromDay(randomPast(rng, 2000))}`);
		if (rng.chance(0.5)) out.push(`status: ${rng.pick(["active", "done", "someday"])}`);
		if (rng.chance(0.3)) out.push(`aliases: ["Note ${i}"]`);
		out.push("---");
	}
	out.push(`# ${otherTitles[i] ?? `Note ${i}`}`, "");
	const lines = 20 + rng.int(40);
	const mentions = rng.chance(0.1);
	for (let k = 0; k < lines; k++) {
		const r = rng.next();
		if (r < 0.1) out.push("", `## ${prose(rng, 2 + rng.int(3)).slice(0, -1)}`);
		else if (r < 0.5) out.push(prose(rng, 8 + rng.int(20)));
		else if (r < 0.8) out.push(`- ${prose(rng, 4 + rng.int(10))}`);
		else if (r < 0.92) out.push(`- See [[${rng.pick(otherTitles)}]] ${prose(rng, 3 + rng.int(5))}`);
		else if (r < 0.95) out.push("```js", `const x = ${rng.int(100)}; // [[not a link]]`, "```");
		else out.push(`> ${prose(rng, 6 + rng.int(10))}`);
	}
	if (mentions) {
		out.push("", "## People");
		const n = 1 + rng.int(4);
		for (let k = 0; k < n; k++) {
			const dated = rng.chance(0.5) ? `${isoFromDay(randomPast(rng, 1000))} ` : "";
			out.push(`- ${dated}Discussed with ${linkTo(rng, someone(rng, all))}`);
		}
	}
	return `${out.join("\n")}\n`;
}

/** Every note of a vault of this size, in a fixed order. */
export function* generateNotes(spec: SizeSpec, seed = 42): Generator<GenNote> {
	const rng = new Rng(seed);
	const all = people(rng, spec.people);
	const otherTitles: string[] = [];
	for (let i = 0; i < spec.other; i++) otherTitles.push(`${rng.pick(AREAS)}/${prose(rng, 2 + rng.int(3)).slice(0, -1)} ${i}`);
	for (const p of all) yield { path: p.path, text: personNote(rng, p, all), kind: "person" };
	const journals = Math.ceil(spec.daily / DAYS_PER_JOURNAL);
	for (let i = 0; i < spec.daily; i++) {
		const journal = i % journals;
		const day = TODAY - Math.floor(i / journals);
		const prefix = journals === 1 ? "Daily" : `Daily/Journal ${journal + 1}`;
		yield { path: `${prefix}/${ymdFromDay(day).y}/${isoFromDay(day)}.md`, text: dailyNote(rng, day, all), kind: "daily" };
	}
	for (let i = 0; i < spec.other; i++) yield { path: `${otherTitles[i] ?? `Notes/${i}`}.md`, text: otherNote(rng, i, otherTitles, all), kind: "other" };
}

export interface Written {
	files: number;
	bytes: number;
	byKind: Record<GenNote["kind"], number>;
}

/** Writes the vault under `root` (which must exist and be empty). */
export function writeVault(root: string, spec: SizeSpec, seed = 42): Written {
	const made = new Set<string>();
	const ensure = (dir: string): void => {
		if (made.has(dir)) return;
		fs.mkdirSync(dir, { recursive: true });
		made.add(dir);
	};
	ensure(nodePath.join(root, ".obsidian"));
	fs.writeFileSync(nodePath.join(root, ".obsidian", "daily-notes.json"), JSON.stringify({ folder: "Daily", format: "YYYY-MM-DD" }));
	const out: Written = { files: 0, bytes: 0, byKind: { person: 0, daily: 0, other: 0 } };
	for (const note of generateNotes(spec, seed)) {
		const abs = nodePath.join(root, note.path);
		ensure(nodePath.dirname(abs));
		const data = Buffer.from(note.text, "utf8");
		fs.writeFileSync(abs, data);
		out.files++;
		out.bytes += data.length;
		out.byKind[note.kind]++;
	}
	return out;
}
