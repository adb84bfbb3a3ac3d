/**
 * The `authlens inspect --json` contract: the analysis as plain JSON with every reason rendered as
 * text by `render` (English in the CLI). The add-on's "Copy report" puts the same object on the
 * clipboard, its reasons in the user's language.
 */
import type { Analysis } from "./analyze.js";
import type { ParsedAuthResults } from "./authres/types.js";
import type { RenderReason } from "./reason.js";
import type { Verdict } from "./verdict.js";

export interface InspectJson {
  from: { address: string | null; domain: string | null; domainUnicode: string | null; displayName: string | null; lookalike: boolean };
  authResults: { index: number; authservId: string | null; trusted: boolean; why: string; parsed: ParsedAuthResults }[];
  arc: {
    status: "none" | "pass" | "fail";
    instances: number;
    algorithm: string | null;
    brokenAt: number | null;
    reason: string | null;
    receiverResult: string | null;
    hops: {
      instance: number;
      domain: string | null;
      selector: string | null;
      algorithm: string | null;
      cv: string | null;
      timestamp: number | null;
      authservId: string | null;
      results: ParsedAuthResults["results"];
    }[];
  };
  tls: {
    source: "authres" | "received" | "none";
    encrypted: "yes" | "no" | "unknown";
    result: string | null;
    version: string | null;
    cipher: string | null;
    strength: "low" | "medium" | "high" | null;
    reason: string;
    hops: {
      index: number;
      from: string | null;
      by: string | null;
      protocol: string | null;
      encrypted: "yes" | "no" | "unknown";
      version: string | null;
      cipher: string | null;
      strength: "low" | "medium" | "high" | null;
      verified: false;
    }[];
  };
  dmarc: {
    result: string | null;
    source: "authres" | "virtual" | "none";
    reportedBy: string | null;
    policy: string | null;
    alignment: { spf: "strict" | "relaxed" | "none"; dkim: "strict" | "relaxed" | "none" };
  };
  verdict: { level: Verdict["level"]; reasons: string[]; suggestion: string | null };
}

export function toInspectJson(a: Analysis, render: RenderReason): InspectJson {
  const p = a.from.primary ?? a.from.addresses[0] ?? null;
  return {
    from: {
      address: p?.address ?? null,
      domain: p?.domain ?? null,
      domainUnicode: p?.domainUnicode ?? null,
      displayName: p?.displayName ?? null,
      lookalike: a.from.lookalike.lookalike,
    },
    authResults: a.authResults.map((e) => ({
      index: e.index,
      authservId: e.authservId,
      trusted: e.trusted,
      why: [e.why, ...e.notes].map(render).join("; "),
      parsed: e.parsed,
    })),
    arc: {
      status: a.arc.status,
      instances: a.arc.instances,
      algorithm: a.arc.algorithm,
      brokenAt: a.arc.brokenAt,
      reason: a.arc.reason ? render(a.arc.reason) : null,
      receiverResult: a.arc.receiver?.result ?? null,
      hops: a.arc.hops.map((h) => ({
        instance: h.instance,
        domain: h.domain,
        selector: h.selector,
        algorithm: h.algorithm,
        cv: h.cv,
        timestamp: h.timestamp,
        authservId: h.authservId,
        results: h.results,
      })),
    },
    tls: {
      source: a.tls.source,
      encrypted: a.tls.encrypted,
      result: a.tls.result,
      version: a.tls.version,
      cipher: a.tls.cipher,
      strength: a.tls.strength,
      reason: render(a.tls.reason),
      hops: a.tls.hops.map((h) => ({
        index: h.index,
        from: h.from,
        by: h.by,
        protocol: h.protocol,
        encrypted: h.encrypted,
        version: h.version,
        cipher: h.cipher,
        strength: h.strength,
        verified: false,
      })),
    },
    dmarc: {
      result: a.dmarc.result,
      source: a.dmarc.source,
      reportedBy: a.dmarc.reportedBy,
      policy: a.dmarc.policy,
      alignment: { ...a.dmarc.alignment },
    },
    verdict: { level: a.verdict.level, reasons: a.verdict.reasons.map(render), suggestion: a.verdict.suggestion },
  };
}
