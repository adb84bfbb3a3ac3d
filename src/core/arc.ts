/**
 * ARC chain structure (RFC 8617 §5.2 steps 1-3, with the arc-multi draft's one chain per signing
 * algorithm). This checks the STRUCTURE only: instances, one set per instance and algorithm,
 * cv= values. It does not verify ARC-Seal or ARC-Message-Signature signatures; the reason texts
 * say so. The receiver's own `arc=` result (which did verify signatures) is reported beside it by
 * the analysis.
 *
 * Rules:
 * - ARC sets are grouped by instance `i=` and, for ARC-Seal and ARC-Message-Signature, by signing
 *   algorithm `a=`. ARC-Authentication-Results has no `a=`: one AAR per instance serves every
 *   algorithm's set (or one per algorithm, i.e. as many AARs as algorithms at that instance).
 * - For an algorithm, the chain is valid when each instance 1..N (N <= 50, no gap) has exactly one
 *   AS and one AMS of that algorithm and its AAR(s), AS i=1 has cv=none, higher ones cv=pass (so
 *   the newest is not cv=fail).
 * - With several algorithms, only the longest chain(s) count. If none of the longest uses a known
 *   algorithm (rsa-sha256, ed25519-sha256), the result is fail even if a shorter chain would do.
 */
import type { MethodResult, ParsedAuthResults } from "./authres/types.js";
import type { HeaderField } from "./headers/header-block.js";
import { reason, type Reason } from "./reason.js";

export const KNOWN_ARC_ALGORITHMS: readonly string[] = ["rsa-sha256", "ed25519-sha256"];
export const MAX_ARC_INSTANCES = 50;

export type ArcStatus = "none" | "pass" | "fail";

export interface ArcHop {
  instance: number;
  /** Sealing domain (ARC-Seal d=). */
  domain: string | null;
  selector: string | null;
  algorithm: string | null;
  /** ARC-Seal t=, seconds since the epoch. */
  timestamp: number | null;
  cv: string | null;
  /** The AAR's authserv-id and what that hop recorded. */
  authservId: string | null;
  results: MethodResult[];
  /** The AMS signing domain, when present (normally equal to `domain`). */
  signatureDomain: string | null;
}

export interface ArcAnalysis {
  status: ArcStatus;
  /** Number of instances of the chosen chain (0 when there is none). */
  instances: number;
  algorithm: string | null;
  brokenAt: number | null;
  reason: Reason | null;
  /** Oldest (i=1) first. */
  hops: ArcHop[];
  /** Algorithms seen and the length of each one's chain. */
  chains: { algorithm: string; length: number; valid: boolean }[];
}

interface SealOrSig {
  kind: "AS" | "AMS";
  instance: number | null;
  algorithm: string;
  tags: Map<string, string>;
}

const ARC_TAGS: ReadonlySet<string> = new Set(["i", "a", "cv", "d", "s", "t"]);

/**
 * Parse a DKIM-style tag list (`i=1; a=rsa-sha256; ...`): tag names lower case, values trimmed,
 * first occurrence wins. With `only`, other tags (the long b=, bh=, h=) are skipped unread.
 */
export function parseTagList(value: string, only?: ReadonlySet<string>): Map<string, string> {
  const tags = new Map<string, string>();
  let pos = 0;
  const len = value.length;
  while (pos < len) {
    let semi = value.indexOf(";", pos);
    if (semi === -1) semi = len;
    const eq = value.indexOf("=", pos);
    if (eq !== -1 && eq < semi) {
      const name = value.slice(pos, eq).trim().toLowerCase();
      if (name.length > 0 && !tags.has(name) && (only === undefined || only.has(name))) {
        tags.set(name, value.slice(eq + 1, semi).trim());
      }
    }
    pos = semi + 1;
  }
  return tags;
}

function instanceOf(v: string | undefined): number | null {
  if (v === undefined) return null;
  const t = v.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  return Number(t);
}

function aarInstance(value: string, parsed: ParsedAuthResults): number | null {
  if (parsed.instance !== null) return parsed.instance;
  const m = /^\s*i\s*=\s*(\d{1,6})\s*;/i.exec(value);
  return m ? Number(m[1]) : null;
}

interface Aar {
  instance: number | null;
  parsed: ParsedAuthResults;
}

/** The ARC header fields of a message, read. */
interface ArcHeaders {
  /** ARC-Seal and ARC-Message-Signature fields, in header order. */
  signatures: SealOrSig[];
  /** ARC-Authentication-Results fields, in header order. */
  aars: Aar[];
}

/** What checking one algorithm's chain found: its length and its first problem, if any. */
interface ChainCheck {
  algorithm: string;
  length: number;
  problem: { reason: Reason; at: number } | null;
}

/**
 * Check the ARC chain of a message.
 * @param fields all header fields (only ARC-* ones are read), top first.
 * @param parseAar parses an ARC-Authentication-Results value (the project's AR parser with arc: true).
 */
export function analyzeArc(fields: readonly HeaderField[], parseAar: (value: string) => ParsedAuthResults): ArcAnalysis {
  const headers = collectArcHeaders(fields, parseAar);
  if (headers.signatures.length === 0 && headers.aars.length === 0) {
    return { status: "none", instances: 0, algorithm: null, brokenAt: null, reason: reason("arc_none"), hops: [], chains: [] };
  }
  const badInstance = badInstanceReason(headers);
  if (badInstance !== null) return arcFail(badInstance, null);
  const maxInstance = highestInstance(headers);
  if (maxInstance > MAX_ARC_INSTANCES) return arcFail(reason("arc_tooMany", maxInstance), MAX_ARC_INSTANCES + 1);

  // One chain per algorithm named by an AS or AMS.
  const algorithms = [...new Set(headers.signatures.map((s) => s.algorithm))];
  const checks = algorithms.map((algorithm) => checkChain(headers, algorithm));
  return chooseChain(headers, checks, maxInstance);
}

/** Reads the ARC-Seal, ARC-Message-Signature and ARC-Authentication-Results fields; other fields are skipped. */
function collectArcHeaders(fields: readonly HeaderField[], parseAar: (value: string) => ParsedAuthResults): ArcHeaders {
  const signatures: SealOrSig[] = [];
  const aars: Aar[] = [];
  for (const f of fields) {
    if (f.lname === "arc-seal" || f.lname === "arc-message-signature") {
      const tags = parseTagList(f.value, ARC_TAGS);
      signatures.push({
        kind: f.lname === "arc-seal" ? "AS" : "AMS",
        instance: instanceOf(tags.get("i")),
        algorithm: (tags.get("a") ?? "").toLowerCase(),
        tags,
      });
    } else if (f.lname === "arc-authentication-results") {
      const parsed = parseAar(f.value);
      aars.push({ instance: aarInstance(f.value, parsed), parsed });
    }
  }
  return { signatures, aars };
}

/** A failed analysis. Built field by field: object spreads were measurably slow on this hot path. */
function arcFail(r: Reason, brokenAt: number | null, partial: Partial<ArcAnalysis> = {}): ArcAnalysis {
  return {
    status: "fail",
    instances: partial.instances ?? 0,
    algorithm: partial.algorithm ?? null,
    brokenAt,
    reason: r,
    hops: partial.hops ?? [],
    chains: partial.chains ?? [],
  };
}

/** The reason for the first missing or unreadable instance (i= below 1), seals and signatures first; null when all are sane. */
function badInstanceReason(headers: ArcHeaders): Reason | null {
  for (const s of headers.signatures) {
    if (s.instance === null || s.instance < 1) return reason("arc_badInstance", s.tags.get("i") ?? "");
  }
  for (const a of headers.aars) {
    if (a.instance === null || a.instance < 1) return reason("arc_badInstance", a.instance ?? "");
  }
  return null;
}

/** The highest instance of any ARC header. */
function highestInstance(headers: ArcHeaders): number {
  let maxInstance = 0;
  for (const s of headers.signatures) maxInstance = Math.max(maxInstance, s.instance ?? 0);
  for (const a of headers.aars) maxInstance = Math.max(maxInstance, a.instance ?? 0);
  return maxInstance;
}

function aarsAt(headers: ArcHeaders, instance: number): Aar[] {
  return headers.aars.filter((a) => a.instance === instance);
}

/** The length of an algorithm's chain: the highest instance of its AS and AMS. */
function chainLength(headers: ArcHeaders, algorithm: string): number {
  return headers.signatures.filter((s) => s.algorithm === algorithm).reduce((m, s) => Math.max(m, s.instance ?? 0), 0);
}

/** How many algorithms have an AS at an instance: as many AARs are allowed there. */
function algorithmsAt(headers: ArcHeaders, instance: number): number {
  return new Set(headers.signatures.filter((s) => s.instance === instance && s.kind === "AS").map((s) => s.algorithm)).size;
}

/** Checks one algorithm's chain, instance by instance from i=1; the first problem found is the one reported. */
function checkChain(headers: ArcHeaders, algorithm: string): ChainCheck {
  const length = chainLength(headers, algorithm);
  for (let i = 1; i <= length; i++) {
    const problem = instanceProblem(headers, algorithm, i, length);
    if (problem !== null) return { algorithm, length, problem };
  }
  return { algorithm, length, problem: null };
}

/**
 * The problem of one instance of an algorithm's chain of `length`, or null: exactly one AS and
 * one AMS of the algorithm, one AAR (or one per algorithm at that instance), and the AS's cv=:
 * none at i=1, pass above, and never fail on the newest.
 */
function instanceProblem(headers: ArcHeaders, algorithm: string, i: number, length: number): { reason: Reason; at: number } | null {
  const as = headers.signatures.filter((s) => s.kind === "AS" && s.instance === i && s.algorithm === algorithm);
  const ams = headers.signatures.filter((s) => s.kind === "AMS" && s.instance === i && s.algorithm === algorithm);
  const aar = aarsAt(headers, i);
  const name = algorithm.length > 0 ? algorithm : "(no a=)";
  if (as.length === 0) return { reason: reason("arc_missing", i, "ARC-Seal", name), at: i };
  if (as.length > 1) return { reason: reason("arc_duplicate", i, "ARC-Seal", name), at: i };
  if (ams.length === 0) return { reason: reason("arc_missing", i, "ARC-Message-Signature", name), at: i };
  if (ams.length > 1) return { reason: reason("arc_duplicate", i, "ARC-Message-Signature", name), at: i };
  if (aar.length === 0) return { reason: reason("arc_missing", i, "ARC-Authentication-Results", name), at: i };
  if (aar.length > 1 && aar.length !== algorithmsAt(headers, i)) {
    return { reason: reason("arc_duplicate", i, "ARC-Authentication-Results", name), at: i };
  }
  const cv = (as[0]?.tags.get("cv") ?? "").toLowerCase();
  if (i === length && cv === "fail") return { reason: reason("arc_newestFail", i), at: i };
  if (i === 1 && cv !== "none") return { reason: reason("arc_firstCv", cv || "(missing)"), at: 1 };
  if (i > 1 && cv !== "pass") return { reason: reason("arc_laterCv", i, cv || "(missing)"), at: i };
  return null;
}

/**
 * The hops 1..max(length, maxInstance) that have any ARC header, with the AS and AMS of
 * `algorithm` (of any algorithm when null) and the first AAR of each instance.
 */
function buildHops(headers: ArcHeaders, algorithm: string | null, length: number, maxInstance: number): ArcHop[] {
  const hops: ArcHop[] = [];
  const n = Math.max(length, maxInstance);
  for (let i = 1; i <= n; i++) {
    const as = headers.signatures.find((s) => s.kind === "AS" && s.instance === i && (algorithm === null || s.algorithm === algorithm));
    const ams = headers.signatures.find((s) => s.kind === "AMS" && s.instance === i && (algorithm === null || s.algorithm === algorithm));
    const aar = aarsAt(headers, i)[0];
    if (!as && !ams && !aar) continue;
    const t = as?.tags.get("t");
    hops.push({
      instance: i,
      domain: as?.tags.get("d")?.toLowerCase() ?? null,
      selector: as?.tags.get("s") ?? null,
      algorithm: as?.algorithm || ams?.algorithm || null,
      timestamp: t !== undefined && /^\d{1,12}$/.test(t) ? Number(t) : null,
      cv: as?.tags.get("cv")?.toLowerCase() ?? null,
      authservId: aar?.parsed.authservId ?? null,
      results: aar?.parsed.results ?? [],
      signatureDomain: ams?.tags.get("d")?.toLowerCase() ?? null,
    });
  }
  return hops;
}

/**
 * The result from the checked chains. AARs above every chain fail (they have no seal at all).
 * Only the longest chains count: the first valid one of a known algorithm passes; when none of
 * them uses a known algorithm the result fails even if a shorter chain would do; otherwise the
 * first one of a known algorithm is broken, at its first problem.
 */
function chooseChain(headers: ArcHeaders, checks: readonly ChainCheck[], maxInstance: number): ArcAnalysis {
  const chains = checks.map((c) => ({ algorithm: c.algorithm, length: c.length, valid: c.problem === null }));
  const longest = checks.reduce((m, c) => Math.max(m, c.length), 0);
  if (maxInstance > longest) {
    const at = longest + 1;
    return arcFail(reason("arc_orphanAar", at), at, { chains, hops: buildHops(headers, null, maxInstance, maxInstance), instances: maxInstance });
  }

  const candidates = checks.filter((c) => c.length === longest);
  const known = candidates.filter((c) => KNOWN_ARC_ALGORITHMS.includes(c.algorithm));
  if (known.length === 0) {
    const algs = candidates.map((c) => c.algorithm || "(no a=)").join(", ");
    return arcFail(reason("arc_unsupportedAlgorithm", algs), null, {
      chains,
      instances: longest,
      algorithm: candidates[0]?.algorithm || null,
      hops: buildHops(headers, candidates[0]?.algorithm ?? null, longest, maxInstance),
    });
  }
  const valid = known.find((c) => c.problem === null);
  if (valid) {
    return {
      status: "pass",
      instances: valid.length,
      algorithm: valid.algorithm,
      brokenAt: null,
      reason: reason("arc_pass", valid.length, valid.algorithm),
      hops: buildHops(headers, valid.algorithm, valid.length, maxInstance),
      chains,
    };
  }
  const broken = known[0];
  if (!broken || !broken.problem) return arcFail(reason("arc_none"), null, { chains });
  return arcFail(broken.problem.reason, broken.problem.at, {
    chains,
    instances: broken.length,
    algorithm: broken.algorithm,
    hops: buildHops(headers, broken.algorithm, broken.length, maxInstance),
  });
}
