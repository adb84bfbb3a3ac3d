/**
 * Reading a signature field: DKIM-Signature (RFC 6376 §3.5), ARC-Message-Signature and ARC-Seal
 * (RFC 8617 §4.1.2, §4.1.3). What can be decided from the field alone is decided here (syntax,
 * required tags, algorithm, i= within d=, From signed); what needs the key or the clock is left to
 * the verifier.
 *
 * ARC differences: an ARC-Message-Signature is a DKIM signature whose i= is the instance; it must
 * not cover ARC header fields (§4.1.2; From is not required of it). An ARC-Seal has no body hash,
 * is always relaxed, and an h= tag on it fails it (§4.1.3).
 *
 * A problem with the signature's own text makes it `neutral` (RFC 8601 §2.7.1: "syntax errors or
 * not otherwise able to be processed"); a readable signature that can never verify (From not
 * signed, i= outside d=) is `permerror`.
 */
import { toDomainAscii } from "../domain.js";
import { reason, type Reason } from "../reason.js";
import { binaryToText, decodeBase64 } from "./bytes.js";
import type { Canonicalization } from "./canonicalize-header.js";
import type { KeyType } from "./crypto.js";
import { asciiLower, type RawField } from "./raw-header.js";
import { colonList, parseTagList, stripFws, type TagList } from "./tag-list.js";

export type SignatureKind = "dkim" | "ams" | "seal";
export type ProblemResult = "neutral" | "permerror" | "policy";

export interface SignatureProblem {
  result: ProblemResult;
  reason: Reason;
}

/** What is shown for a signature even when it cannot be read whole. */
export interface SignatureSummary {
  domain: string;
  selector: string;
  algorithm: string;
  /** i= as written (DKIM: the identity, "@d" when absent; ARC: the instance). */
  identity: string;
  /** The first 8 characters of b= (RFC 6008's header.b). */
  bPrefix: string;
  /** ARC instance, when it is a number. */
  instance: number | null;
}

export interface Signature extends SignatureSummary {
  kind: SignatureKind;
  field: RawField;
  tags: TagList;
  keyType: KeyType;
  /** "sha256"; "sha1" only for rsa-sha1, which is never accepted (RFC 8301). */
  hash: "sha256" | "sha1";
  /** d= as an A-label, for DNS and alignment. */
  domainAscii: string;
  headerCanon: Canonicalization;
  bodyCanon: Canonicalization;
  /** h=, lower case, in order (empty for ARC-Seal). */
  signedHeaders: string[];
  bodyHash: Uint8Array | null;
  signature: Uint8Array;
  bodyLength: number | null;
  timestamp: number | null;
  expires: number | null;
  /** ARC-Seal cv=, lower case. */
  cv: string | null;
}

const ALGORITHMS: Record<string, { keyType: KeyType; hash: "sha256" | "sha1" }> = {
  "rsa-sha256": { keyType: "rsa", hash: "sha256" },
  "ed25519-sha256": { keyType: "ed25519", hash: "sha256" },
  "rsa-sha1": { keyType: "rsa", hash: "sha1" },
};

const REQUIRED: Record<SignatureKind, readonly string[]> = {
  dkim: ["v", "a", "b", "bh", "d", "h", "s"],
  ams: ["i", "a", "b", "bh", "d", "h", "s"],
  seal: ["i", "a", "b", "d", "s", "cv"],
};

// A DNS label of letters, digits, "-" and "_" (selectors use "_"), or 8-bit bytes (a U-label).
const LABEL = "[A-Za-z0-9_\\x80-\\xff](?:[A-Za-z0-9_\\x80-\\xff-]{0,61}[A-Za-z0-9_\\x80-\\xff])?";
const DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);

const DIGITS = /^[0-9]{1,76}$/;
const SEAL_CANON = { header: "relaxed", body: "relaxed" } as const;

/** RFC 8617 §4.1.2: an ARC-Message-Signature must not cover ARC header fields. */
const ARC_FIELDS: ReadonlySet<string> = new Set(["arc-authentication-results", "arc-message-signature", "arc-seal"]);

function numberTag(v: string | undefined): number | null | undefined {
  if (v === undefined) return null;
  const t = stripFws(v);
  if (!DIGITS.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER;
}

function parseCanon(v: string | undefined): { header: Canonicalization; body: Canonicalization } | null {
  if (v === undefined) return { header: "simple", body: "simple" };
  const [h, b, extra] = stripFws(v).toLowerCase().split("/");
  const ok = (c: string | undefined): c is Canonicalization => c === "simple" || c === "relaxed";
  if (extra !== undefined || !ok(h)) return null;
  if (b === undefined) return { header: h, body: "simple" };
  return ok(b) ? { header: h, body: b } : null;
}

/** Is `identityDomain` the signing domain or one of its subdomains? */
export function withinDomain(identityDomain: string, domain: string): boolean {
  const i = toDomainAscii(identityDomain);
  const d = toDomainAscii(domain);
  return i === d || i.endsWith("." + d);
}

export function identityDomain(identity: string): string {
  const at = identity.lastIndexOf("@");
  return at === -1 ? identity : identity.slice(at + 1);
}

export type SignatureReading = { signature: Signature; problem: null } | { signature: null; problem: SignatureProblem; summary: SignatureSummary };

function tagValue(tags: TagList, name: string): string | undefined {
  return tags.tags.get(name)?.value;
}

function tagText(tags: TagList, name: string): string {
  const v = tags.tags.get(name)?.value;
  return v === undefined ? "" : binaryToText(stripFws(v));
}

function failed(summary: SignatureSummary, result: ProblemResult, r: Reason): SignatureReading {
  return { signature: null, problem: { result, reason: r }, summary };
}

/** The whole check of the field's own text (no spreads or closures: this runs for every signature). */
export function readSignature(field: RawField, kind: SignatureKind): SignatureReading {
  const tags = parseTagList(field.raw.slice(field.valueStart));
  const domain = asciiLower(tagText(tags, "d"));
  const rawI = tagValue(tags, "i");
  let instance: number | null = null;
  if (kind !== "dkim") {
    const n = numberTag(rawI);
    instance = typeof n === "number" && n >= 1 ? n : null;
  }
  const summary: SignatureSummary = {
    domain,
    selector: tagText(tags, "s"),
    algorithm: asciiLower(tagText(tags, "a")),
    identity: kind === "dkim" && rawI === undefined ? `@${domain}` : tagText(tags, "i"),
    bPrefix: stripFws(tagValue(tags, "b") ?? "").slice(0, 8),
    instance,
  };

  if (!tags.valid) {
    const first = tags.diagnostics.find((d) => d.severity === "error");
    return failed(summary, "neutral", first?.reason ?? reason("taglist_emptySpec"));
  }
  for (const name of REQUIRED[kind]) if (!tags.tags.has(name)) return failed(summary, "neutral", reason("verify_sigMissingTag", name));
  if (kind === "dkim" && stripFws(tagValue(tags, "v") ?? "") !== "1") return failed(summary, "neutral", reason("verify_sigVersion", tagText(tags, "v")));
  if (instance === null && kind !== "dkim") return failed(summary, "neutral", reason("verify_sigInstance", tagText(tags, "i")));

  const alg = ALGORITHMS[summary.algorithm];
  if (alg === undefined) return failed(summary, "neutral", reason("verify_sigAlgorithm", summary.algorithm));
  if (!DNS_NAME.test(stripFws(tagValue(tags, "d") ?? ""))) return failed(summary, "neutral", reason("verify_sigBadName", "d", domain));
  if (!DNS_NAME.test(stripFws(tagValue(tags, "s") ?? ""))) return failed(summary, "neutral", reason("verify_sigBadName", "s", summary.selector));
  const canon = kind === "seal" ? SEAL_CANON : parseCanon(tagValue(tags, "c"));
  if (canon === null) return failed(summary, "neutral", reason("verify_sigCanon", tagText(tags, "c")));
  const q = tagValue(tags, "q");
  if (q !== undefined && !colonList(q).some((m) => m.toLowerCase() === "dns/txt")) return failed(summary, "neutral", reason("verify_sigQuery", tagText(tags, "q")));

  const signature = decodeBase64(tagValue(tags, "b") ?? "");
  const bh = kind === "seal" ? null : decodeBase64(tagValue(tags, "bh") ?? "");
  if (signature === null || signature.length === 0) return failed(summary, "neutral", reason("verify_sigBase64", "b"));
  if (kind !== "seal" && bh === null) return failed(summary, "neutral", reason("verify_sigBase64", "bh"));

  const bodyLength = numberTag(tagValue(tags, "l"));
  const timestamp = numberTag(tagValue(tags, "t"));
  const expires = numberTag(tagValue(tags, "x"));
  if (bodyLength === undefined) return failed(summary, "neutral", reason("verify_sigNumber", "l", tagText(tags, "l")));
  if (timestamp === undefined) return failed(summary, "neutral", reason("verify_sigNumber", "t", tagText(tags, "t")));
  if (expires === undefined) return failed(summary, "neutral", reason("verify_sigNumber", "x", tagText(tags, "x")));
  if (timestamp !== null && expires !== null && expires <= timestamp) return failed(summary, "neutral", reason("verify_sigExpiresBeforeSigned"));

  const signedHeaders = kind === "seal" ? [] : colonList(tagValue(tags, "h") ?? "").map(asciiLower);
  if (kind !== "seal" && signedHeaders.length === 0) return failed(summary, "neutral", reason("verify_sigMissingTag", "h"));
  if (kind === "dkim") {
    if (!signedHeaders.includes("from")) return failed(summary, "permerror", reason("verify_fromNotSigned"));
    if (!withinDomain(identityDomain(summary.identity), domain)) return failed(summary, "permerror", reason("verify_identityOutsideDomain", summary.identity, domain));
  }
  if (kind === "ams") {
    const arcField = signedHeaders.find((h) => ARC_FIELDS.has(h));
    if (arcField !== undefined) return failed(summary, "permerror", reason("verify_amsSignsArc", arcField));
  }
  if (kind === "seal" && tags.tags.has("h")) return failed(summary, "permerror", reason("verify_sealWithH"));

  const sig: Signature = {
    domain,
    selector: summary.selector,
    algorithm: summary.algorithm,
    identity: summary.identity,
    bPrefix: summary.bPrefix,
    instance,
    kind,
    field,
    tags,
    keyType: alg.keyType,
    hash: alg.hash,
    domainAscii: toDomainAscii(domain),
    headerCanon: canon.header,
    bodyCanon: canon.body,
    signedHeaders,
    bodyHash: bh,
    signature,
    bodyLength,
    timestamp,
    expires,
    cv: kind === "seal" ? asciiLower(tagText(tags, "cv")) : null,
  };
  return { signature: sig, problem: null };
}
