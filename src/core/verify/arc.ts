/**
 * ARC chain validation (RFC 8617 §5.2) with the signatures checked, after the structural checks
 * of ../arc.ts (which run first and are reported as they are today):
 *
 * 1. No ARC sets: cv=none.
 * 2. The chain to validate is the longest one (the arc-multi draft: one chain per signing
 *    algorithm; if none of the longest uses a known algorithm, the result is fail). Among several
 *    longest chains, the first that validates wins.
 * 3. A structural problem (gaps, duplicates, cv= values, cv=fail at the top): fail.
 * 4. The newest ARC-Message-Signature (i=N) must validate, or fail.
 * 5. oldest-pass (RFC 8617 §5.2 step 5, §6 header.oldest-pass): checking the message signatures
 *    from N-1 down, the instance after the first one that fails; 0 when all of them validate. A
 *    broken older one does not fail the chain.
 * 6. Every ARC-Seal must validate, each over the sets 1..i in instance order, or fail.
 *
 * Every hop's seal and message signature are checked and reported, also when the chain already
 * failed, so the pane can show where it broke. `brokenAt` is the oldest hop whose seal fails (a
 * later seal covers the earlier sets, so the oldest failing one is where the change was made).
 */
import { analyzeArc, type ArcAnalysis, KNOWN_ARC_ALGORITHMS } from "../arc.js";
import type { ParsedAuthResults } from "../authres/types.js";
import { reason, type Reason } from "../reason.js";
import type { BodyHashes } from "./body-hashes.js";
import { type CheckContext, checkSignature, type SignatureCheck } from "./check-signature.js";
import { type SealedSet, sealData, signedHeaderData } from "./header-hash.js";
import { fieldValue, type RawField } from "./raw-header.js";
import { readSignature, type SignatureReading } from "./signature.js";

export interface ArcHopCheck {
  instance: number;
  /** The sealing domain (ARC-Seal d=, else the message signature's). */
  domain: string;
  selector: string;
  algorithm: string;
  /** null: not checked (the hop's seal or signature is missing). */
  seal: SignatureCheck | null;
  messageSignature: SignatureCheck | null;
}

export interface ArcVerification {
  cv: "none" | "pass" | "fail";
  reason: Reason | null;
  /** Instances of the chain validated (0 when there is none). */
  instances: number;
  algorithm: string | null;
  /**
   * RFC 8617's oldest-pass: the oldest instance whose message signature (and every newer one)
   * still validates, 0 when all do; null unless cv=pass.
   */
  oldestPass: number | null;
  /** The hop where the chain broke, when it did. */
  brokenAt: number | null;
  hops: ArcHopCheck[];
  /** The structural analysis that ran first. */
  structure: ArcAnalysis;
}

interface ArcFields {
  seals: { field: RawField; reading: SignatureReading }[];
  ams: { field: RawField; reading: SignatureReading }[];
  aars: { field: RawField; instance: number | null }[];
}

function algorithmOf(r: SignatureReading): string {
  return r.signature !== null ? r.signature.algorithm : r.summary.algorithm;
}

function instanceOf(r: SignatureReading): number | null {
  return r.signature !== null ? r.signature.instance : r.summary.instance;
}

function aarInstance(f: RawField): number | null {
  const m = /^[ \t\r\n]*i[ \t\r\n]*=[ \t\r\n]*([0-9]{1,6})[ \t\r\n]*;/.exec(f.raw.slice(f.valueStart));
  return m ? Number(m[1]) : null;
}

export function collectArcFields(fields: readonly RawField[]): ArcFields {
  const out: ArcFields = { seals: [], ams: [], aars: [] };
  for (const f of fields) {
    if (f.lname === "arc-seal") out.seals.push({ field: f, reading: readSignature(f, "seal") });
    else if (f.lname === "arc-message-signature") out.ams.push({ field: f, reading: readSignature(f, "ams") });
    else if (f.lname === "arc-authentication-results") out.aars.push({ field: f, instance: aarInstance(f) });
  }
  return out;
}

/** The ARC-Authentication-Results as the structure check needs them: only their instance (read from i=). */
const UNREAD_AAR: ParsedAuthResults = { authservId: null, version: null, instance: null, none: false, results: [], diagnostics: [] };

/**
 * The structural analysis of ../arc.ts over the raw fields. The hops' recorded results are not
 * read here (the message analysis shows them); the verifier needs the chains' shapes.
 */
export function arcStructure(fields: readonly RawField[]): ArcAnalysis {
  const headerFields = fields
    .filter((f) => f.lname.startsWith("arc-"))
    .map((f, index) => ({ name: f.name, lname: f.lname, value: fieldValue(f), index }));
  return analyzeArc(headerFields, () => UNREAD_AAR);
}

interface ChainOutcome {
  cv: "pass" | "fail";
  reason: Reason | null;
  oldestPass: number | null;
  brokenAt: number | null;
  hops: ArcHopCheck[];
}

async function checkChain(
  arc: ArcFields,
  algorithm: string,
  length: number,
  structure: { valid: boolean; reason: Reason | null; brokenAt: number | null },
  fields: readonly RawField[],
  bodies: BodyHashes,
  ctx: CheckContext,
): Promise<ChainOutcome> {
  const at = <T extends { reading: SignatureReading }>(list: T[], i: number): T | undefined =>
    list.find((x) => instanceOf(x.reading) === i && algorithmOf(x.reading) === algorithm);

  // Message signatures: independent of each other, checked in parallel.
  const amsChecks = await Promise.all(
    Array.from({ length }, async (_, k): Promise<SignatureCheck | null> => {
      const ams = at(arc.ams, k + 1);
      if (ams === undefined) return null;
      const sig = ams.reading.signature;
      if (sig === null) return problemCheck(ams.reading);
      return checkSignature(sig, signedHeaderData(fields, sig), bodies.digestFor(sig), ctx);
    }),
  );

  // Seals, oldest first: each covers the sets before it, so the AAR that an instance's seal
  // verified with (when an instance has one per algorithm) is the one used for the later seals.
  const sets: SealedSet[] = [];
  const sealChecks: (SignatureCheck | null)[] = [];
  let complete = true;
  for (let i = 1; i <= length; i++) {
    const seal = at(arc.seals, i);
    const ams = at(arc.ams, i);
    const aars = arc.aars.filter((a) => a.instance === i);
    if (seal === undefined || ams === undefined || aars.length === 0) {
      complete = false;
      sealChecks.push(null);
      continue;
    }
    const sig = seal.reading.signature;
    if (sig === null || !complete) {
      sealChecks.push(sig === null ? problemCheck(seal.reading) : null);
      sets.push({ aar: (aars[0] as { field: RawField }).field, ams: ams.field, seal: seal.field });
      continue;
    }
    let chosen: { check: SignatureCheck; aar: RawField } | null = null;
    for (const aar of aars) {
      const candidate = [...sets, { aar: aar.field, ams: ams.field, seal: seal.field }];
      const result = await checkSignature(sig, sealData(candidate, sig), null, ctx);
      if (chosen === null || result.result === "pass") chosen = { check: result, aar: aar.field };
      if (result.result === "pass") break;
    }
    const picked = chosen as { check: SignatureCheck; aar: RawField };
    sealChecks.push(picked.check);
    sets.push({ aar: picked.aar, ams: ams.field, seal: seal.field });
  }

  const hops: ArcHopCheck[] = Array.from({ length }, (_, k) => {
    const seal = at(arc.seals, k + 1)?.reading;
    const ams = at(arc.ams, k + 1)?.reading;
    const summary = seal?.signature ?? (seal ? seal.summary : null) ?? ams?.signature ?? (ams ? ams.summary : null);
    return {
      instance: k + 1,
      domain: summary?.domain ?? "",
      selector: summary?.selector ?? "",
      algorithm,
      seal: sealChecks[k] ?? null,
      messageSignature: amsChecks[k] ?? null,
    };
  });

  if (!structure.valid) return { cv: "fail", reason: structure.reason, oldestPass: null, brokenAt: structure.brokenAt, hops };
  const newest = amsChecks[length - 1] ?? null;
  if (newest?.result !== "pass") {
    return { cv: "fail", reason: reason("verify_arcNewestAms", length, hops[length - 1]?.domain ?? ""), oldestPass: null, brokenAt: length, hops };
  }
  const failedSeal = sealChecks.findIndex((c) => c?.result !== "pass");
  if (failedSeal !== -1) {
    const check = sealChecks[failedSeal] ?? null;
    const key = check?.result === "temperror" ? "verify_arcSealUnchecked" : "verify_arcSeal";
    return { cv: "fail", reason: reason(key, failedSeal + 1, hops[failedSeal]?.domain ?? ""), oldestPass: null, brokenAt: failedSeal + 1, hops };
  }
  // RFC 8617 §5.2 step 5: from N-1 down, the first AMS that fails at M gives M+1; all valid gives 0.
  let oldestPass = 0;
  for (let m = length - 1; m >= 1; m--) {
    if (amsChecks[m - 1]?.result !== "pass") {
      oldestPass = m + 1;
      break;
    }
  }
  return { cv: "pass", reason: null, oldestPass, brokenAt: null, hops };
}

function problemCheck(r: SignatureReading): SignatureCheck | null {
  if (r.signature !== null) return null;
  return { result: r.problem.result, reason: r.problem.reason, notes: [], keyBits: null, dnssec: null, testing: false, unsignedBytes: null };
}

export async function verifyArc(fields: readonly RawField[], arc: ArcFields, bodies: BodyHashes, ctx: CheckContext): Promise<ArcVerification> {
  const structure = arcStructure(fields);
  const none = (cv: "none" | "fail", r: Reason | null): ArcVerification => ({
    cv,
    reason: r,
    instances: structure.instances,
    algorithm: structure.algorithm,
    oldestPass: null,
    brokenAt: structure.brokenAt,
    hops: [],
    structure,
  });
  if (structure.status === "none") return none("none", null);
  const longest = structure.chains.reduce((m, c) => Math.max(m, c.length), 0);
  const candidates = structure.chains.filter((c) => c.length === longest && KNOWN_ARC_ALGORITHMS.includes(c.algorithm));
  if (candidates.length === 0) return none("fail", structure.reason);
  // A structural failure that is not about one chain (instances beyond every chain, bad i=).
  const chainWide = structure.status === "fail" && structure.chains.every((c) => c.valid || c.length !== longest || !KNOWN_ARC_ALGORITHMS.includes(c.algorithm));

  let first: (ChainOutcome & { algorithm: string; length: number }) | null = null;
  for (const c of candidates) {
    const valid = c.valid && !chainWide;
    const outcome = await checkChain(
      arc,
      c.algorithm,
      c.length,
      { valid, reason: valid ? null : structure.reason, brokenAt: valid ? null : structure.brokenAt },
      fields,
      bodies,
      ctx,
    );
    const result = { ...outcome, algorithm: c.algorithm, length: c.length };
    first ??= result;
    if (outcome.cv === "pass") {
      first = result;
      break;
    }
  }
  const chosen = first as ChainOutcome & { algorithm: string; length: number };
  return {
    cv: chosen.cv,
    reason: chosen.reason,
    instances: chosen.length,
    algorithm: chosen.algorithm,
    oldestPass: chosen.oldestPass,
    brokenAt: chosen.brokenAt,
    hops: chosen.hops,
    structure,
  };
}
