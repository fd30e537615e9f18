/**
 * A bulk load of the people index: notes are read as they come, and linked only once all are
 * known, each once, against the final set of notes. A queue of the notes still to link (marked
 * `deferred`), not another set: one table fewer growing at each note.
 */
import type { NoteFacts } from "./index-state";

export class BulkLoad {
	active = false;
	private queue: string[] = [];
	private at = 0;

	/** Queues a note to be linked (once, however often it is queued). */
	add(facts: NoteFacts): void {
		if (facts.deferred) return;
		facts.deferred = true;
		this.queue.push(facts.path);
	}

	/**
	 * Links up to `max` of the queued notes still in `notes` with `link`. True once none are
	 * left: the load is over.
	 */
	settle(notes: { get(path: string): NoteFacts | undefined }, link: (facts: NoteFacts) => void, max: number): boolean {
		let done = 0;
		while (this.at < this.queue.length) {
			if (done >= max) return false;
			const facts = notes.get(this.queue[this.at++] ?? "");
			// Removed since, or queued twice: only a note still deferred counts.
			if (!facts?.deferred) continue;
			facts.deferred = false;
			link(facts);
			done++;
		}
		this.active = false;
		this.queue = [];
		this.at = 0;
		return true;
	}
}
