/**
 * The index worker (bundled into main.js as text by esbuild.config.mjs, started from a blob by
 * `plugin/index-worker`): answers the main thread's build requests with `core/index-builder`.
 */
import { type BuildReply, type BuildRequest, IndexBuilder, snapshotBuffers } from "../core/index-builder";

interface WorkerScope {
	onmessage: ((event: MessageEvent<BuildRequest>) => void) | null;
	postMessage(message: BuildReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const builder = new IndexBuilder();
scope.onmessage = (event) => {
	const reply = builder.handle(event.data);
	if (reply === null) return;
	// The snapshot's typed arrays are handed over, not copied.
	scope.postMessage(reply, reply.kind === "built" ? snapshotBuffers(reply.snapshot) : []);
};
