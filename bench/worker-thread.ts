/**
 * The index worker in a Node worker thread, for the benchmark (bundled by run.mjs): the same
 * builder as the plugin's Web Worker. Messages travel as V8 serializations, so that the main
 * thread's share of a structured clone (serializing what it sends, deserializing what it gets)
 * is work the benchmark sees (bench/thread-worker.ts).
 */
import { parentPort } from "node:worker_threads";
import { type BuildRequest, IndexBuilder, replyBuffers } from "../src/core/index-builder";
import { deserialize, serialize } from "./clone";

const port = parentPort;
if (!port) throw new Error("bench/worker-thread.ts runs in a worker thread");
const builder = new IndexBuilder();
port.on("message", ({ bytes, buffers }: { bytes: Uint8Array; buffers: ArrayBuffer[] }) => {
	const request = deserialize(bytes, buffers) as BuildRequest;
	for (const reply of builder.handle(request)) {
		// The snapshot's typed arrays are handed over, not copied, as the plugin's Web Worker
		// hands them (src/worker/entry.ts); the rest is serialized, into an array of its own.
		const transfer = replyBuffers(reply);
		const out = serialize(reply, transfer);
		port.postMessage({ bytes: out, buffers: transfer }, [out.buffer, ...transfer]);
	}
});
