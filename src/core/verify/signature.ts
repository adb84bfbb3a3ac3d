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

export function readSignature(field: RawField, kind: SignatureKind): SignatureReading {
  const tags = parseTagList(field.raw.slice(field.valueStart));
  const get = (name: string): string | undefined => tags.tags.get(name)?.value;
  const text = (name: string): string => binaryToText(stripFws(get(name) ?? ""));
  const domain = asciiLower(text("d"));
  const summary: SignatureSummary = {
    domain,
    selector: text("s"),
    algorithm: asciiLower(text("a")),
    identity: kind === "dkim" ? (get("i") !== undefined ? text("i") : `@${domain}`) : text("i"),
    bPrefix: stripFws(get("b") ?? "").slice(0, 8),
    instance: null,
  };
  const problem = (result: ProblemResult, r: Reason): SignatureReading => ({ signature: null, problem: { result, reason: r }, summary });

  if (kind !== "dkim") {
    const instance = numberTag(get("i"));
    summary.instance = typeof instance === "number" && instance >= 1 ? instance : null;
  }
  if (!tags.valid) {
    const first = tags.diagnostics.find((d) => d.severity === "error");
    return problem("neutral", first?.reason ?? reason("taglist_emptySpec"));
  }
  for (const name of REQUIRED[kind]) if (get(name) === undefined) return problem("neutral", reason("verify_sigMissingTag", name));
  if (kind === "dkim" && stripFws(get("v") ?? "") !== "1") return problem("neutral", reason("verify_sigVersion", text("v")));
  if (summary.instance === null && kind !== "dkim") return problem("neutral", reason("verify_sigInstance", text("i")));

  const alg = ALGORITHMS[summary.algorithm];
  if (alg === undefined) return problem("neutral", reason("verify_sigAlgorithm", summary.algorithm));
  if (!DNS_NAME.test(stripFws(get("d") ?? ""))) return problem("neutral", reason("verify_sigBadName", "d", domain));
  if (!DNS_NAME.test(stripFws(get("s") ?? ""))) return problem("neutral", reason("verify_sigBadName", "s", summary.selector));
  const canon = kind === "seal" ? { header: "relaxed" as const, body: "relaxed" as const } : parseCanon(get("c"));
  if (canon === null) return problem("neutral", reason("verify_sigCanon", text("c")));
  const q = get("q");
  if (q !== undefined && !colonList(q).some((m) => m.toLowerCase() === "dns/txt")) return problem("neutral", reason("verify_sigQuery", text("q")));

  const signature = decodeBase64(get("b") ?? "");
  const bh = kind === "seal" ? new Uint8Array(0) : decodeBase64(get("bh") ?? "");
  if (signature === null || signature.length === 0) return problem("neutral", reason("verify_sigBase64", "b"));
  if (bh === null) return problem("neutral", reason("verify_sigBase64", "bh"));

  const bodyLength = numberTag(get("l"));
  const timestamp = numberTag(get("t"));
  const expires = numberTag(get("x"));
  if (bodyLength === undefined) return problem("neutral", reason("verify_sigNumber", "l", text("l")));
  if (timestamp === undefined) return problem("neutral", reason("verify_sigNumber", "t", text("t")));
  if (expires === undefined) return problem("neutral", reason("verify_sigNumber", "x", text("x")));
  if (timestamp !== null && expires !== null && expires <= timestamp) return problem("neutral", reason("verify_sigExpiresBeforeSigned"));

  const signedHeaders = kind === "seal" ? [] : colonList(get("h") ?? "").map(asciiLower);
  if (kind !== "seal" && signedHeaders.length === 0) return problem("neutral", reason("verify_sigMissingTag", "h"));
  if (kind === "dkim") {
    if (!signedHeaders.includes("from")) return problem("permerror", reason("verify_fromNotSigned"));
    if (!withinDomain(identityDomain(summary.identity), domain)) return problem("permerror", reason("verify_identityOutsideDomain", summary.identity, domain));
  }
  if (kind === "ams") {
    const arcField = signedHeaders.find((h) => ARC_FIELDS.has(h));
    if (arcField !== undefined) return problem("permerror", reason("verify_amsSignsArc", arcField));
  }
  if (kind === "seal" && get("h") !== undefined) return problem("permerror", reason("verify_sealWithH"));

  return {
    signature: {
      ...summary,
      kind,
      field,
      tags,
      keyType: alg.keyType,
      hash: alg.hash,
      domainAscii: toDomainAscii(domain),
      headerCanon: canon.header,
      bodyCanon: canon.body,
      signedHeaders,
      bodyHash: kind === "seal" ? null : bh,
      signature,
      bodyLength,
      timestamp,
      expires,
      cv: kind === "seal" ? asciiLower(text("cv")) : null,
    },
    problem: null,
  };
}
