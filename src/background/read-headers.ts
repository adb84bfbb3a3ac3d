import { fromThunderbirdHeaders, parseHeaderBlock, type HeaderBlock } from "../core/headers/header-block.js";
import { messenger, type HeadersDictionary } from "../shared/api.js";
import type { HeaderSource } from "../shared/view-types.js";

/** Which Thunderbird API the headers came from, fastest first. */

export interface ReadHeaders {
  source: HeaderSource;
  /** Header name (lower case) -> values in message order (top = newest). */
  headers: HeadersDictionary;
  /** The raw header block, when the API gave one (getRaw): keeps the order across header names. */
  raw: string | null;
}

/**
 * Reads a message's top-level headers with the fastest API the running Thunderbird offers:
 * `messages.getHeaders` (147+), else `messages.getFull` with raw headers (133+), else `messages.getRaw`.
 */
export async function readHeaders(messageId: number): Promise<ReadHeaders> {
  const api = messenger.messages;
  if (typeof api.getHeaders === "function") {
    // Undecoded: about twice as fast (no RFC 2047 decoding of every value, which AuthLens does not
    // need), folding kept, and RFC 6532 UTF-8 bytes intact (the decoded form mangles them).
    const headers = lowerKeys(await api.getHeaders(messageId, { decodeHeaders: false }));
    if (!needsOrder(headers)) return { source: "getHeaders", headers, raw: null };
    return readRaw(messageId);
  }
  try {
    const full = (await api.getFull(messageId, { decodeHeaders: false, decodeContent: false } as never)) as {
      headers?: HeadersDictionary;
      rawHeaders?: HeadersDictionary;
    };
    if (full.rawHeaders) {
      // A dictionary like getHeaders': the same rule (Thunderbird 133-146 otherwise trusted only the
      // newest of several headers from a trusted server, and a Fastmail message read "unverified").
      const headers = lowerKeys(full.rawHeaders);
      if (!needsOrder(headers)) return { source: "getFull", headers, raw: null };
      return readRaw(messageId);
    }
  } catch {
    // Older Thunderbird without the getFull options: fall through to getRaw.
  }
  return readRaw(messageId);
}

/**
 * With several Authentication-Results, their order against the Received lines matters (a forged
 * copy sits below the receiving hop) and only the raw block has it: a header dictionary won't do.
 */
function needsOrder(headers: HeadersDictionary): boolean {
  return (headers["authentication-results"]?.length ?? 0) >= 2;
}

async function readRaw(messageId: number): Promise<ReadHeaders> {
  const raw = await messenger.messages.getRaw(messageId);
  // MV3 gives a File (decoded here as UTF-8); MV2 a binary string.
  const text = typeof raw === "string" ? raw : await raw.text();
  return { source: "getRaw", headers: {}, raw: text.slice(0, headerBlockEnd(text)) };
}

const utf8 = new TextDecoder("utf-8");

/**
 * Undecoded header values come one char per byte: 8-bit bytes (RFC 6532 UTF-8 addresses and
 * domains) are decoded here as UTF-8, as getRaw's text would be. A value with a char above 0xFF is
 * already text and left alone.
 */
export function bytesToText(value: string): string {
  let eightBit = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0xff) return value;
    if (c > 0x7f) eightBit = true;
  }
  if (!eightBit) return value;
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) bytes[i] = value.charCodeAt(i);
  return utf8.decode(bytes);
}

function lowerKeys(dict: HeadersDictionary): HeadersDictionary {
  const out: HeadersDictionary = {};
  for (const [k, v] of Object.entries(dict)) out[k.toLowerCase()] = [...(out[k.toLowerCase()] ?? []), ...v.map(bytesToText)];
  return out;
}

/** Offset of the blank line that ends the top-level header block (or the end of the text). */
function headerBlockEnd(text: string): number {
  const m = /\r?\n\r?\n/.exec(text);
  return m ? m.index : text.length;
}

/** The message's header block for analysis, whichever API gave it. */
export function toHeaderBlock(read: ReadHeaders): HeaderBlock {
  return read.raw !== null ? parseHeaderBlock(read.raw) : fromThunderbirdHeaders(read.headers);
}

/** The headers as text for the "Raw headers" view and reports (order within each name kept). */
export function headersAsText(read: ReadHeaders): string {
  const text =
    read.raw ??
    Object.entries(read.headers)
      .flatMap(([name, values]) => values.map((v) => `${name}: ${v}`))
      .join("\n");
  // Folded values keep their line breaks: one kind of line end throughout.
  return text.replace(/\r\n?/g, "\n");
}
