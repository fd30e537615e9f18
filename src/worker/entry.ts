/**
 * The index worker (bundled into main.js as text by esbuild.config.mjs, started from a blob by
 * `plugin/index-worker`): answers the main thread's build requests with `core/index-builder`.
 */
import { type BuildReply, type BuildRequest, IndexBuilder, replyBuffers } from "../core/index-builder";

interface WorkerScope {
	onmessage: ((event: MessageEvent<BuildRequest>) => void) | null;
	postMessage(message: BuildReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const builder = new IndexBuilder();
scope.onmessage = (event) => {
	// The snapshot's typed arrays are handed over, not copied.
	for (const reply of builder.handle(event.data)) scope.postMessage(reply, replyBuffers(reply));
};
