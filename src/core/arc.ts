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

/**
 * Check the ARC chain of a message.
 * @param fields all header fields (only ARC-* ones are read), top first.
 * @param parseAar parses an ARC-Authentication-Results value (the project's AR parser with arc: true).
 */
export function analyzeArc(fields: readonly HeaderField[], parseAar: (value: string) => ParsedAuthResults): ArcAnalysis {
  const sigs: SealOrSig[] = [];
  const aars: Aar[] = [];
  for (const f of fields) {
    if (f.lname === "arc-seal" || f.lname === "arc-message-signature") {
      const tags = parseTagList(f.value, ARC_TAGS);
      sigs.push({
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
  // Built field by field: object spreads were measurably slow on this hot path.
  const fail = (r: Reason, brokenAt: number | null, partial: Partial<ArcAnalysis> = {}): ArcAnalysis => ({
    status: "fail",
    instances: partial.instances ?? 0,
    algorithm: partial.algorithm ?? null,
    brokenAt,
    reason: r,
    hops: partial.hops ?? [],
    chains: partial.chains ?? [],
  });
  if (sigs.length === 0 && aars.length === 0) {
    return { status: "none", instances: 0, algorithm: null, brokenAt: null, reason: reason("arc_none"), hops: [], chains: [] };
  }

  // Instance sanity across all ARC headers.
  for (const s of sigs) {
    if (s.instance === null || s.instance < 1) return fail(reason("arc_badInstance", s.tags.get("i") ?? ""), null);
  }
  for (const a of aars) {
    if (a.instance === null || a.instance < 1) return fail(reason("arc_badInstance", a.instance ?? ""), null);
  }
  let maxInstance = 0;
  for (const s of sigs) maxInstance = Math.max(maxInstance, s.instance ?? 0);
  for (const a of aars) maxInstance = Math.max(maxInstance, a.instance ?? 0);
  if (maxInstance > MAX_ARC_INSTANCES) return fail(reason("arc_tooMany", maxInstance), MAX_ARC_INSTANCES + 1);

  const aarsAt = (i: number): Aar[] => aars.filter((a) => a.instance === i);

  // One chain per algorithm named by an AS or AMS.
  const algorithms = [...new Set(sigs.map((s) => s.algorithm))];
  const chainLength = (alg: string): number =>
    sigs.filter((s) => s.algorithm === alg).reduce((m, s) => Math.max(m, s.instance ?? 0), 0);
  const algorithmsAt = (i: number): number =>
    new Set(sigs.filter((s) => s.instance === i && s.kind === "AS").map((s) => s.algorithm)).size;

  interface ChainCheck {
    algorithm: string;
    length: number;
    problem: { reason: Reason; at: number } | null;
  }
  const check = (alg: string): ChainCheck => {
    const length = chainLength(alg);
    for (let i = 1; i <= length; i++) {
      const as = sigs.filter((s) => s.kind === "AS" && s.instance === i && s.algorithm === alg);
      const ams = sigs.filter((s) => s.kind === "AMS" && s.instance === i && s.algorithm === alg);
      const aar = aarsAt(i);
      const name = alg.length > 0 ? alg : "(no a=)";
      if (as.length === 0) return { algorithm: alg, length, problem: { reason: reason("arc_missing", i, "ARC-Seal", name), at: i } };
      if (as.length > 1) return { algorithm: alg, length, problem: { reason: reason("arc_duplicate", i, "ARC-Seal", name), at: i } };
      if (ams.length === 0)
        return { algorithm: alg, length, problem: { reason: reason("arc_missing", i, "ARC-Message-Signature", name), at: i } };
      if (ams.length > 1)
        return { algorithm: alg, length, problem: { reason: reason("arc_duplicate", i, "ARC-Message-Signature", name), at: i } };
      if (aar.length === 0)
        return { algorithm: alg, length, problem: { reason: reason("arc_missing", i, "ARC-Authentication-Results", name), at: i } };
      if (aar.length > 1 && aar.length !== algorithmsAt(i))
        return { algorithm: alg, length, problem: { reason: reason("arc_duplicate", i, "ARC-Authentication-Results", name), at: i } };
      const cv = (as[0]?.tags.get("cv") ?? "").toLowerCase();
      if (i === length && cv === "fail") return { algorithm: alg, length, problem: { reason: reason("arc_newestFail", i), at: i } };
      if (i === 1 && cv !== "none") return { algorithm: alg, length, problem: { reason: reason("arc_firstCv", cv || "(missing)"), at: 1 } };
      if (i > 1 && cv !== "pass") return { algorithm: alg, length, problem: { reason: reason("arc_laterCv", i, cv || "(missing)"), at: i } };
    }
    return { algorithm: alg, length, problem: null };
  };

  const checks = algorithms.map(check);
  const chains = checks.map((c) => ({ algorithm: c.algorithm, length: c.length, valid: c.problem === null }));
  const longest = checks.reduce((m, c) => Math.max(m, c.length), 0);

  const hopsFor = (alg: string | null, length: number): ArcHop[] => {
    const hops: ArcHop[] = [];
    const n = Math.max(length, maxInstance);
    for (let i = 1; i <= n; i++) {
      const as = sigs.find((s) => s.kind === "AS" && s.instance === i && (alg === null || s.algorithm === alg));
      const ams = sigs.find((s) => s.kind === "AMS" && s.instance === i && (alg === null || s.algorithm === alg));
      const aar = aarsAt(i)[0];
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
  };

  // AARs beyond every chain have no seal at all.
  if (maxInstance > longest) {
    const at = longest + 1;
    return fail(reason("arc_orphanAar", at), at, { chains, hops: hopsFor(null, maxInstance), instances: maxInstance });
  }

  const candidates = checks.filter((c) => c.length === longest);
  const known = candidates.filter((c) => KNOWN_ARC_ALGORITHMS.includes(c.algorithm));
  if (known.length === 0) {
    const algs = candidates.map((c) => c.algorithm || "(no a=)").join(", ");
    return fail(reason("arc_unsupportedAlgorithm", algs), null, {
      chains,
      instances: longest,
      algorithm: candidates[0]?.algorithm || null,
      hops: hopsFor(candidates[0]?.algorithm ?? null, longest),
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
      hops: hopsFor(valid.algorithm, valid.length),
      chains,
    };
  }
  const broken = known[0];
  if (!broken || !broken.problem) return fail(reason("arc_none"), null, { chains });
  return fail(broken.problem.reason, broken.problem.at, {
    chains,
    instances: broken.length,
    algorithm: broken.algorithm,
    hops: hopsFor(broken.algorithm, broken.length),
  });
}
