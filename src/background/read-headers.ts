import { messenger, type HeadersDictionary } from "./api.js";

/** Which Thunderbird API the headers came from, fastest first. */
export type HeaderSource = "getHeaders" | "getFull" | "getRaw";

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
    return { source: "getHeaders", headers: lowerKeys(await api.getHeaders(messageId)), raw: null };
  }
  try {
    const full = (await api.getFull(messageId, { decodeHeaders: false, decodeContent: false } as never)) as {
      headers?: HeadersDictionary;
      rawHeaders?: HeadersDictionary;
    };
    if (full.rawHeaders) return { source: "getFull", headers: lowerKeys(full.rawHeaders), raw: null };
  } catch {
    // Older Thunderbird without the getFull options: fall through to getRaw.
  }
  const raw = await api.getRaw(messageId);
  const text = typeof raw === "string" ? raw : await raw.text();
  const end = headerBlockEnd(text);
  return { source: "getRaw", headers: {}, raw: text.slice(0, end) };
}

function lowerKeys(dict: HeadersDictionary): HeadersDictionary {
  const out: HeadersDictionary = {};
  for (const [k, v] of Object.entries(dict)) out[k.toLowerCase()] = [...(out[k.toLowerCase()] ?? []), ...v];
  return out;
}

/** Offset of the blank line that ends the top-level header block (or the end of the text). */
function headerBlockEnd(text: string): number {
  const m = /\r?\n\r?\n/.exec(text);
  return m ? m.index : text.length;
}
