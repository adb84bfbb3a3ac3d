/**
 * DKIM key records (RFC 6376 §3.6.1), as published at `<selector>._domainkey.<domain>`:
 * v= (must be first and "DKIM1" when present), h= (acceptable hashes), k= (key type, rsa by
 * default), n= (notes), p= (the key; empty = revoked), s= (service types; "email" or "*" needed),
 * t= (flags: y = testing, s = i= must be exactly d=). Unknown tags are ignored.
 */
import { reason, type Reason } from "../reason.js";
import { decodeBase64 } from "./bytes.js";
import type { KeyType } from "./crypto.js";
import { colonList, parseTagList, stripFws } from "./tag-list.js";

export interface KeyRecord {
  keyType: string;
  /** Acceptable hash algorithms (h=); null when any is. */
  hashes: string[] | null;
  /** The key bytes; null when revoked (empty p=). */
  key: Uint8Array | null;
  services: string[];
  testing: boolean;
  strict: boolean;
}

export type KeyReading = { record: KeyRecord } | { problem: Reason };

const parsed = new Map<string, KeyReading>();
const MAX_PARSED = 512;

/** parseKeyRecord, remembered by text: the same few keys sign most mail (the result is not mutated). */
export function keyRecordOf(text: string): KeyReading {
  let r = parsed.get(text);
  if (r === undefined) {
    r = parseKeyRecord(text);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(text, r);
  }
  return r;
}

export function parseKeyRecord(text: string): KeyReading {
  const list = parseTagList(text);
  if (!list.valid) {
    const first = list.diagnostics.find((d) => d.severity === "error");
    return { problem: reason("verify_keySyntax", first?.offset ?? 0) };
  }
  const v = list.tags.get("v");
  if (v !== undefined && (v.value !== "DKIM1" || v.nameStart !== Math.min(...[...list.tags.values()].map((t) => t.nameStart)))) {
    return { problem: reason("verify_keyVersion", v.value) };
  }
  const p = list.tags.get("p");
  if (p === undefined) return { problem: reason("verify_keyNoP") };
  const pText = stripFws(p.value);
  let key: Uint8Array | null = null;
  if (pText.length > 0) {
    key = decodeBase64(pText);
    if (key === null) return { problem: reason("verify_keyBase64") };
  }
  const h = list.tags.get("h");
  const s = list.tags.get("s");
  const flags = colonList(list.tags.get("t")?.value ?? "");
  return {
    record: {
      keyType: stripFws(list.tags.get("k")?.value ?? "rsa").toLowerCase(),
      hashes: h !== undefined ? colonList(h.value).map((x) => x.toLowerCase()) : null,
      key,
      services: s !== undefined ? colonList(s.value).map((x) => x.toLowerCase()) : ["*"],
      testing: flags.includes("y"),
      strict: flags.includes("s"),
    },
  };
}

/** Why this record cannot verify a signature of this key type and hash; null when it can. */
export function keyUnsuitable(record: KeyRecord, keyType: KeyType, hash: string): Reason | null {
  if (record.key === null) return reason("verify_keyRevoked");
  if (record.keyType !== keyType) return reason("verify_keyType", record.keyType, keyType);
  if (record.hashes !== null && !record.hashes.includes(hash)) return reason("verify_keyHash", record.hashes.join(":"), hash);
  if (!record.services.includes("*") && !record.services.includes("email")) return reason("verify_keyService", record.services.join(":"));
  return null;
}
