/**
 * A structured clone with a transfer list, as a browser's `postMessage` makes one, for the
 * benchmark's worker thread (bench/thread-worker.ts, bench/worker-thread.ts): the message is
 * serialized (work that counts), and memory in the transfer list is handed over, not copied.
 *
 * Node's `v8.DefaultSerializer` hands over a transferred `ArrayBuffer`, but writes a typed array
 * (a view) as a copy of its bytes, even when its buffer is transferred; a browser hands the view
 * over with its buffer. Before the thirteenth round the benchmark copied the index's typed arrays
 * on their way from the worker: ~18 MB on M, read back at every first start (see
 * docs/benchmarks.md). Here a view over a transferred buffer is written as that buffer's number,
 * its type, offset and length, and read back as a view over the buffer received.
 */
import * as v8 from "node:v8";

const VIEWS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array] as const;
/** Marks what follows as a view over a transferred buffer (else it is Node's own host object). */
const MOVED = 1;
const COPIED = 0;

type View = InstanceType<(typeof VIEWS)[number]>;

/** Node's hooks for host objects (documented in node:v8, absent from its type declarations). */
interface HostWriter {
	_writeHostObject: (this: v8.Serializer, value: object) => void;
}
interface HostReader {
	_readHostObject: (this: v8.Deserializer) => unknown;
}
const writeHost = (v8.DefaultSerializer.prototype as unknown as HostWriter)._writeHostObject;
const readHost = (v8.DefaultDeserializer.prototype as unknown as HostReader)._readHostObject;

class TransferSerializer extends v8.DefaultSerializer {
	constructor(private readonly moved: readonly ArrayBufferLike[]) {
		super();
	}

	_writeHostObject(value: object): void {
		const kind = VIEWS.findIndex((V) => value instanceof V);
		const at = kind < 0 ? -1 : this.moved.indexOf((value as View).buffer);
		if (at < 0) {
			this.writeUint32(COPIED);
			writeHost.call(this, value);
			return;
		}
		const view = value as View;
		this.writeUint32(MOVED);
		this.writeUint32(at);
		this.writeUint32(kind);
		this.writeUint32(view.byteOffset);
		this.writeUint32(view.length);
	}
}

class TransferDeserializer extends v8.DefaultDeserializer {
	constructor(
		bytes: Uint8Array,
		private readonly moved: readonly ArrayBuffer[],
	) {
		super(bytes);
	}

	_readHostObject(): unknown {
		if (this.readUint32() !== MOVED) return readHost.call(this);
		const buffer = this.moved[this.readUint32()];
		const View = VIEWS[this.readUint32()];
		const offset = this.readUint32();
		const length = this.readUint32();
		if (!buffer || !View) throw new Error("bench/clone: a view over a buffer that was not sent");
		return new View(buffer, offset, length);
	}
}

/** `message` serialized; the `ArrayBuffer`s in `transfer` (and views over them) go by reference. */
export function serialize(message: unknown, transfer: readonly ArrayBuffer[]): Uint8Array<ArrayBuffer> {
	const serializer = new TransferSerializer(transfer);
	serializer.writeHeader();
	transfer.forEach((b, i) => serializer.transferArrayBuffer(i, b));
	serializer.writeValue(message);
	return new Uint8Array(serializer.releaseBuffer());
}

/** What `serialize` wrote, with `buffers` the transferred memory, received. */
export function deserialize(bytes: Uint8Array, buffers: readonly ArrayBuffer[]): unknown {
	const deserializer = new TransferDeserializer(bytes, buffers);
	deserializer.readHeader();
	buffers.forEach((b, i) => deserializer.transferArrayBuffer(i, b));
	return deserializer.readValue();
}
