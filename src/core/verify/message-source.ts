/**
 * A message as bytes, whole or as a stream of chunks (a file read piece by piece, Thunderbird's
 * raw message as a File): the header block is collected (up to a limit), the body is handed on
 * chunk by chunk and never held whole. A stream may reuse its buffer: each chunk is used (or
 * copied) before the next is asked for.
 */
import { toBinary } from "./bytes.js";

export type MessageSource = Uint8Array | AsyncIterable<Uint8Array>;

/** A header block larger than this is not checked (no real header comes near it). */
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/**
 * Where the header block ends in `buf` (searching from `from`): the index of the empty line's
 * first byte and of the body's first byte; null when no empty line is there yet.
 */
export function findHeaderEnd(buf: Uint8Array, from = 0): { headerEnd: number; bodyStart: number } | null {
  if (from === 0) {
    if (buf[0] === LF) return { headerEnd: 0, bodyStart: 1 };
    if (buf[0] === CR && buf[1] === LF) return { headerEnd: 0, bodyStart: 2 };
  }
  let i = buf.indexOf(LF, from);
  while (i !== -1) {
    const next = buf[i + 1];
    if (next === LF) return { headerEnd: i + 1, bodyStart: i + 2 };
    if (next === CR && buf[i + 2] === LF) return { headerEnd: i + 1, bodyStart: i + 3 };
    i = buf.indexOf(LF, i + 1);
  }
  return null;
}

export interface SplitMessage {
  /** The header block as a binary string (without the empty line). */
  header: string;
  /** True when the header block was larger than MAX_HEADER_BYTES and was cut there. */
  headerTooLarge: boolean;
  /** The body's chunks, read on demand (once). */
  body: AsyncIterable<Uint8Array>;
}

async function* single(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  if (bytes.length > 0) yield bytes;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export async function splitMessage(source: MessageSource): Promise<SplitMessage> {
  if (source instanceof Uint8Array) {
    const end = findHeaderEnd(source);
    if (end === null) return { header: toBinary(source.subarray(0, MAX_HEADER_BYTES)), headerTooLarge: source.length > MAX_HEADER_BYTES, body: single(new Uint8Array(0)) };
    return { header: toBinary(source.subarray(0, end.headerEnd)), headerTooLarge: false, body: single(source.subarray(end.bodyStart)) };
  }
  const iterator = source[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  for (;;) {
    const next = await iterator.next();
    if (next.done === true) {
      const end = findHeaderEnd(head);
      const header = end === null ? head : head.subarray(0, end.headerEnd);
      return { header: toBinary(header), headerTooLarge: false, body: single(end === null ? new Uint8Array(0) : head.subarray(end.bodyStart)) };
    }
    const searchFrom = Math.max(0, head.length - 2);
    head = concat(head, next.value);
    const end = findHeaderEnd(head, searchFrom);
    if (end !== null) {
      const rest = head.subarray(end.bodyStart);
      return {
        header: toBinary(head.subarray(0, end.headerEnd)),
        headerTooLarge: false,
        body: (async function* () {
          if (rest.length > 0) yield rest;
          for (;;) {
            const n = await iterator.next();
            if (n.done === true) return;
            yield n.value;
          }
        })(),
      };
    }
    if (head.length > MAX_HEADER_BYTES) {
      await iterator.return?.();
      return { header: toBinary(head.subarray(0, MAX_HEADER_BYTES)), headerTooLarge: true, body: single(new Uint8Array(0)) };
    }
  }
}
