/**
 * A message as stored, for AuthLens's own checks: `messages.getRaw` as a File where Thunderbird
 * offers it (read as a stream, so a large message is never held whole), else the binary string.
 * Encrypted or signed S/MIME and PGP parts are read as stored (never decrypted): that is what the
 * signatures cover.
 */
import { fromBinary } from "../../core/verify/bytes.js";
import { messenger } from "../../shared/api.js";

export interface RawMessage {
  size: number;
  chunks: AsyncIterable<Uint8Array>;
}

async function* fileChunks(file: Blob): AsyncIterable<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function* single(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

export async function readRawMessage(messageId: number): Promise<RawMessage> {
  let raw: string | File;
  try {
    raw = await messenger.messages.getRaw(messageId, { data_format: "File", decrypt: false });
  } catch {
    // A Thunderbird that does not take these options gives the binary string.
    raw = await messenger.messages.getRaw(messageId);
  }
  if (typeof raw === "string") {
    const bytes = fromBinary(raw);
    return { size: bytes.length, chunks: single(bytes) };
  }
  return { size: raw.size, chunks: fileChunks(raw) };
}
