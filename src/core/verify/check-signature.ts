/**
 * Checking one signature against its key (RFC 6376 §6.1.2, §6.1.3; RFC 8301; RFC 8463), shared by
 * DKIM-Signature, ARC-Message-Signature and ARC-Seal. The caller gives the header data the
 * signature covers and, unless it is a seal, the body hash computed while the body streamed by.
 *
 * Results (RFC 8601 §2.7.1):
 *   pass       signature and body hash verify with an acceptable key
 *   fail       the body hash or the signature does not match
 *   policy     verifiable, but not acceptable: rsa-sha1 or an RSA key under 1024 bits (RFC 8301),
 *              expired (x=), or dated in the future (t= more than 5 minutes ahead)
 *   permerror  no usable key: none published, revoked, unsuitable, or unreadable
 *   temperror  the key could not be fetched now (DNS failure or time budget)
 * (`neutral` comes from reading the signature itself: ./signature.ts.)
 */
import { reason, type Reason } from "../reason.js";
import { equalBytes } from "./bytes.js";
import type { KeyType, PublicKey, SignatureCrypto } from "./crypto.js";
import { recordText, type TxtAnswer } from "./dns.js";
import { keyRecordOf, keyUnsuitable, type KeyRecord } from "./key-record.js";
import { identityDomain, type Signature } from "./signature.js";
import { toDomainAscii } from "../domain.js";

export type VerifyResult = "pass" | "fail" | "neutral" | "policy" | "temperror" | "permerror";

export interface SignatureCheck {
  result: VerifyResult;
  /** Why, in words; null for a clean pass. */
  reason: Reason | null;
  /** Further facts worth showing (testing mode, unsigned content, several key records). */
  notes: Reason[];
  keyBits: number | null;
  /** Whether the key's DNS answer was DNSSEC-authenticated; null when no key was fetched. */
  dnssec: boolean | null;
  /** The key record's t=y: the domain is testing DKIM (RFC 6376 §3.6.1). */
  testing: boolean;
  /** Canonical body bytes beyond l= (0 when l= covers it all; null without l= or for seals). */
  unsignedBytes: number | null;
}

export interface BodyDigest {
  digest: Uint8Array;
  /** The whole canonical body's length (beyond l= too). */
  length: number;
}

export interface CheckContext {
  lookupTxt(name: string): Promise<TxtAnswer>;
  crypto: SignatureCrypto;
  /** Seconds since the epoch. */
  now: number;
}

/** How far in the future a t= may lie (clocks differ). */
export const FUTURE_SKEW_SECONDS = 300;
export const MIN_RSA_BITS = 1024;

export function keyName(sig: Signature): string {
  return `${toDomainAscii(sig.selector)}._domainkey.${sig.domainAscii}`;
}

function check(result: VerifyResult, r: Reason | null, extra: Partial<SignatureCheck> = {}): SignatureCheck {
  return { result, reason: r, notes: [], keyBits: null, dnssec: null, testing: false, unsignedBytes: null, ...extra };
}

type KeyFetch = { record: KeyRecord; dnssec: boolean; notes: Reason[] } | { failure: SignatureCheck };

async function fetchKey(sig: Signature, ctx: CheckContext): Promise<KeyFetch> {
  const name = keyName(sig);
  const answer = await ctx.lookupTxt(name);
  if (answer.status === "error") return { failure: check("temperror", answer.reason) };
  const dnssec = answer.authenticated;
  if (answer.status === "missing") return { failure: check("permerror", reason("verify_keyMissing", name), { dnssec }) };
  let firstProblem: Reason | null = null;
  for (const strings of answer.records) {
    const reading = keyRecordOf(recordText(strings));
    if ("record" in reading) {
      const notes = answer.records.length > 1 ? [reason("verify_keySeveral", name, answer.records.length)] : [];
      return { record: reading.record, dnssec, notes };
    }
    firstProblem ??= reading.problem;
  }
  return { failure: check("permerror", firstProblem ?? reason("verify_keyMissing", name), { dnssec }) };
}

/**
 * Check `sig` over `headerData` (a binary string) and, for DKIM and ARC-Message-Signature, the
 * body digest of its canonicalization and l=.
 */
export async function checkSignature(sig: Signature, headerData: string, body: BodyDigest | null, ctx: CheckContext): Promise<SignatureCheck> {
  if (sig.hash === "sha1") return check("policy", reason("verify_rsaSha1"));
  if (sig.expires !== null && sig.expires < ctx.now) return check("policy", reason("verify_expired", utcTime(sig.expires)));
  if (sig.timestamp !== null && sig.timestamp > ctx.now + FUTURE_SKEW_SECONDS) return check("policy", reason("verify_future", utcTime(sig.timestamp)));

  const fetched = await fetchKey(sig, ctx);
  if ("failure" in fetched) return fetched.failure;
  const { record, dnssec, notes } = fetched;
  const base: Partial<SignatureCheck> = { dnssec, notes, testing: record.testing };
  if (record.testing) notes.push(reason("verify_testing", sig.domain));

  const unsuitable = keyUnsuitable(record, sig.keyType, sig.hash);
  if (unsuitable !== null) return check("permerror", unsuitable, base);
  if (record.strict && sig.kind === "dkim" && toDomainAscii(identityDomain(sig.identity)) !== sig.domainAscii) {
    return check("permerror", reason("verify_keyStrict", sig.identity, sig.domain), base);
  }
  const imported = await importKey(ctx.crypto, record, sig.keyType);
  if (!isKey(imported)) return check("permerror", imported, base);
  base.keyBits = imported.bits;
  if (imported.type === "rsa" && imported.bits < MIN_RSA_BITS) return check("policy", reason("verify_keyTooSmall", imported.bits), base);

  if (body !== null && sig.bodyHash !== null) {
    if (sig.bodyLength !== null) {
      if (sig.bodyLength > body.length) return check("fail", reason("verify_lengthBeyondBody", sig.bodyLength, body.length), base);
      base.unsignedBytes = body.length - sig.bodyLength;
    }
    if (!equalBytes(body.digest, sig.bodyHash)) return check("fail", reason("verify_bodyChanged"), base);
  }

  let ok: boolean;
  try {
    ok = await imported.verify(sig.signature, headerData);
  } catch {
    ok = false;
  }
  if (!ok) return check("fail", reason("verify_headersChanged"), base);
  if (base.unsignedBytes !== null && base.unsignedBytes !== undefined && base.unsignedBytes > 0) {
    return check("pass", reason("verify_passPartialBody", sig.bodyLength ?? 0, base.unsignedBytes), base);
  }
  return check("pass", null, base);
}

/** A signature time for a reason: "2026-01-01 01:00:00 UTC". */
function utcTime(seconds: number): string {
  const d = new Date(Math.min(seconds, 8.64e9) * 1000);
  return Number.isNaN(d.getTime()) ? String(seconds) : `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/**
 * Keys imported once per key record and crypto backend: records are shared by text
 * (keyRecordOf), and the same few keys sign most mail.
 */
const importedKeys = new WeakMap<SignatureCrypto, WeakMap<KeyRecord, Promise<PublicKey | Reason>>>();

function importKey(crypto: SignatureCrypto, record: KeyRecord, keyType: KeyType): Promise<PublicKey | Reason> {
  let perRecord = importedKeys.get(crypto);
  if (perRecord === undefined) importedKeys.set(crypto, (perRecord = new WeakMap()));
  let key = perRecord.get(record);
  if (key === undefined) {
    key = crypto.importKey(keyType, record.key ?? new Uint8Array(0));
    perRecord.set(record, key);
  }
  return key;
}

function isKey(k: PublicKey | Reason): k is PublicKey {
  return "verify" in k;
}
