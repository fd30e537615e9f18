/**
 * The plugin's `BuildWorker` over a Node worker thread running bench/worker-thread.ts. What a
 * browser does on the main thread for a structured clone is done here explicitly and timed as
 * main-thread work: serializing each request, and deserializing each reply when it arrives
 * (a reply's arrival starts a slice of work, as a timer's callback does: see `sliced`).
 */
import { Worker } from "node:worker_threads";
import type { BuildReply, BuildRequest } from "../src/core/index-builder";
import type { BuildWorker } from "../src/plugin/index-worker";
import { deserialize, serialize } from "./clone";

/** Set by `sliced` while it measures: called when a reply starts a slice of main-thread work. */
export const replyHooks: { begin: (() => void) | null } = { begin: null };

export class ThreadWorker implements BuildWorker {
	onmessage: BuildWorker["onmessage"] = null;
	onerror: BuildWorker["onerror"] = null;
	onmessageerror: BuildWorker["onmessageerror"] = null;
	private readonly thread: Worker;

	constructor(file: string) {
		this.thread = new Worker(file);
		this.thread.on("message", ({ bytes, buffers }: { bytes: Uint8Array; buffers: ArrayBuffer[] }) => {
			replyHooks.begin?.();
			// Memory the worker handed over (the snapshot's typed arrays) is taken, not copied.
			const data = deserialize(bytes, buffers) as BuildReply;
			this.onmessage?.({ data } as MessageEvent<BuildReply>);
		});
		this.thread.on("error", (e) => this.onerror?.(e));
	}

	/** Serialized here (work), but memory in `transfer` is handed over without a copy, as a browser does. */
	postMessage(message: BuildRequest, transfer: Transferable[] = []): void {
		const buffers = transfer.filter((t): t is ArrayBuffer => t instanceof ArrayBuffer);
		const bytes = serialize(message, buffers);
		this.thread.postMessage({ bytes, buffers }, [bytes.buffer, ...buffers]);
	}

	terminate(): void {
		void this.thread.terminate();
	}
}
