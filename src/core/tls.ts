/**
 * Transport security of the hop into the trusted receiving server.
 *
 * 1. A trusted `tls=` result (draft-martin-authentication-results-tls, docs/tls-method.md) is used
 *    as reported: only `none` means clear text; every other result means the hop was encrypted.
 *    Strength is the reported `key.strength`, else estimated locally.
 * 2. Without one, the Received header added by the trusted receiving hop is read (source
 *    "received": a derived claim, never a verified result). That hop is, in order of preference:
 *    the newest Received whose `by` host is a trusted authserv-id (or a subdomain of it) and whose
 *    `from` is not the local host; else the Received just below the topmost trusted header; else
 *    the newest Received (local-host hops such as LMTP delivery or content-filter re-injection
 *    are skipped where another hop exists). When the order across header names is unknown (Thunderbird's
 *    getHeaders), the second rule is skipped.
 * Every Received header is also parsed into `hops`, all marked as unverified claims.
 */
import type { MethodResult } from "./authres/types.js";
import type { HeaderBlock } from "./headers/header-block.js";
import { reason, type Reason } from "./reason.js";
import { type Encrypted, estimateStrength, normaliseTlsVersion, parseReceivedTls, type ReceivedTls, type Strength } from "./tls-received.js";

export interface TlsHop extends ReceivedTls {
  /** Index of the Received field in the header block. */
  index: number;
  strength: Strength | null;
  /** Always false: a Received header is a claim by whoever wrote it. */
  verified: false;
}

export interface TlsCertificate {
  client: string | null;
  clientIssuer: string | null;
  server: string | null;
  verification: string | null;
  fingerprint: string | null;
}

export interface TlsAnalysis {
  source: "authres" | "received" | "none";
  encrypted: Encrypted;
  /** The tls= result when source is "authres". */
  result: string | null;
  version: string | null;
  cipher: string | null;
  strength: Strength | null;
  strengthSource: "reported" | "estimated" | null;
  certificate: TlsCertificate | null;
  /** authserv-id of the header that reported it (source "authres"). */
  reportedBy: string | null;
  /** Field index of the Received header used (source "received"). */
  receivedIndex: number | null;
  reason: Reason;
  /** Every Received header, newest first. */
  hops: TlsHop[];
}

export interface TrustedTlsResult {
  result: MethodResult;
  authservId: string;
}

function prop(r: MethodResult, ptype: string, property: string): string | null {
  for (const p of r.properties) {
    if (p.ptype !== null && p.ptype.toLowerCase() === ptype && p.property.toLowerCase() === property) return p.value;
  }
  return null;
}

function asStrength(v: string | null): Strength | null {
  const s = v?.toLowerCase();
  return s === "low" || s === "medium" || s === "high" ? s : null;
}

export interface ReceivingHopHints {
  /** Trusted authserv-ids reported on this message, and the trusted list entries. */
  matchesTrusted: (host: string) => boolean;
  /** Field index of the topmost trusted Authentication-Results header, or null. */
  topTrustedIndex: number | null;
}

export function parseTlsHops(block: HeaderBlock): TlsHop[] {
  const hops: TlsHop[] = [];
  for (const f of block.fields) {
    if (f.lname !== "received") continue;
    const r = parseReceivedTls(f.value);
    // Explicit fields: an object spread here cost more than parsing the header.
    hops.push({
      from: r.from,
      by: r.by,
      protocol: r.protocol,
      encrypted: r.encrypted,
      version: r.version,
      cipher: r.cipher,
      bits: r.bits,
      verify: r.verify,
      format: r.format,
      local: r.local,
      index: f.index,
      strength: estimateStrength(r.version, r.cipher),
      verified: false,
    });
  }
  return hops;
}

/** The Received header added by the trusted receiving server (see the module comment). */
export function receivingHop(block: HeaderBlock, hops: TlsHop[], hints: ReceivingHopHints): TlsHop | null {
  if (hops.length === 0) return null;
  // The newest hop by a trusted server that came from outside; usually one of the first hops, so
  // the (domain-normalising) trusted check stops there instead of running on every hop.
  let firstByTrusted: TlsHop | null = null;
  for (const h of hops) {
    if (h.by === null || !hints.matchesTrusted(h.by)) continue;
    if (!h.local) return h;
    firstByTrusted ??= h;
  }
  if (block.crossNameOrderKnown && hints.topTrustedIndex !== null) {
    const top = hints.topTrustedIndex;
    const below = hops.find((h) => h.index > top && !h.local) ?? hops.find((h) => h.index > top);
    if (below) return below;
  }
  return firstByTrusted ?? hops.find((h) => !h.local) ?? hops[0] ?? null;
}

export function analyzeTls(
  block: HeaderBlock,
  trustedTls: TrustedTlsResult | null,
  hints: ReceivingHopHints,
  hops: TlsHop[] = parseTlsHops(block),
): TlsAnalysis {
  if (trustedTls !== null) {
    const r = trustedTls.result;
    const result = r.result.toLowerCase();
    const version = normaliseTlsVersion(prop(r, "tls", "v"));
    const cipher = prop(r, "key", "ciphersuite");
    const reported = asStrength(prop(r, "key", "strength"));
    const estimated = estimateStrength(version, cipher);
    const encrypted: Encrypted = result === "none" ? "no" : "yes";
    const certificate: TlsCertificate = {
      client: prop(r, "cert", "client"),
      clientIssuer: prop(r, "cert", "clientissuer"),
      server: prop(r, "cert", "server"),
      verification: prop(r, "cert", "verif"),
      fingerprint: prop(r, "key", "fingerprint"),
    };
    const hasCert = Object.values(certificate).some((v) => v !== null);
    return {
      source: "authres",
      encrypted,
      result,
      version,
      cipher,
      strength: encrypted === "no" ? null : (reported ?? estimated),
      strengthSource: encrypted === "no" ? null : reported !== null ? "reported" : estimated !== null ? "estimated" : null,
      certificate: hasCert ? certificate : null,
      reportedBy: trustedTls.authservId,
      receivedIndex: null,
      reason: reason("tls_authres", trustedTls.authservId),
      hops,
    };
  }
  const hop = receivingHop(block, hops, hints);
  if (hop === null) {
    return {
      source: "none",
      encrypted: "unknown",
      result: null,
      version: null,
      cipher: null,
      strength: null,
      strengthSource: null,
      certificate: null,
      reportedBy: null,
      receivedIndex: null,
      reason: reason("tls_none"),
      hops,
    };
  }
  return {
    source: "received",
    encrypted: hop.encrypted,
    result: null,
    version: hop.version,
    cipher: hop.cipher,
    strength: hop.encrypted === "yes" ? hop.strength : null,
    strengthSource: hop.encrypted === "yes" && hop.strength !== null ? "estimated" : null,
    certificate: null,
    reportedBy: null,
    receivedIndex: hop.index,
    reason: reason("tls_received", hop.by ?? "?"),
    hops,
  };
}
