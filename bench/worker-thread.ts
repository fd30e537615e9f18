/**
 * The index worker in a Node worker thread, for the benchmark (bundled by run.mjs): the same
 * builder as the plugin's Web Worker. Messages travel as V8 serializations, so that the main
 * thread's share of a structured clone (serializing what it sends, deserializing what it gets)
 * is work the benchmark sees (bench/thread-worker.ts).
 */
import * as v8 from "node:v8";
import { parentPort } from "node:worker_threads";
import { type BuildRequest, IndexBuilder, replyBuffers } from "../src/core/index-builder";

const port = parentPort;
if (!port) throw new Error("bench/worker-thread.ts runs in a worker thread");
const builder = new IndexBuilder();
port.on("message", ({ bytes, buffers }: { bytes: Uint8Array; buffers: ArrayBuffer[] }) => {
	const deserializer = new v8.DefaultDeserializer(bytes);
	deserializer.readHeader();
	buffers.forEach((b, i) => deserializer.transferArrayBuffer(i, b));
	const request = deserializer.readValue() as BuildRequest;
	for (const reply of builder.handle(request)) {
		// The snapshot's typed arrays are handed over, not copied, as the plugin's Web Worker
		// hands them (src/worker/entry.ts); the rest is serialized, into an array of its own.
		const transfer = replyBuffers(reply);
		const serializer = new v8.DefaultSerializer();
		serializer.writeHeader();
		transfer.forEach((b, i) => serializer.transferArrayBuffer(i, b));
		serializer.writeValue(reply);
		const out = new Uint8Array(serializer.releaseBuffer());
		port.postMessage({ bytes: out, buffers: transfer }, [out.buffer, ...transfer]);
	}
});
