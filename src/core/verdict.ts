/**
 * One summary per message.
 *
 * - unconfigured: Authentication-Results headers are present but none is trusted (the reasons
 *   name the suggested server: the newest header's authserv-id).
 * - verified: a DMARC pass for the From domain (reported, bestguesspass, or virtual; the reasons
 *   say which); or DMARC failed but the trusted receiver reports arc=pass, the chain's structure
 *   is valid, its oldest hop recorded an aligned pass for the From domain, and that hop's sealing
 *   domain is a trusted forwarder.
 * - suspicious: would be verified, but the From domain is a look-alike or the display name holds a
 *   different address.
 * - failed: a trusted dmarc=fail (without the ARC exception above); or, with no DMARC pass, a
 *   trusted SPF fail/softfail or DKIM fail for a domain aligned (strict or relaxed) with From.
 * - unverified: everything else.
 * Only results the registry knows reach this module (RFC 8601 §4.1).
 */
import type { ArcAnalysis, ArcHop } from "./arc.js";
import { alignment, domainOf, toDomainAscii } from "./domain.js";
import type { DmarcAnalysis } from "./dmarc.js";
import { dkimIdentity, spfIdentity } from "./dmarc.js";
import type { FromInfo } from "./headers/address.js";
import type { LookalikeFinding } from "./lookalike.js";
import { reason, type Reason } from "./reason.js";
import { isUsableResult, propValue } from "./results.js";
import { isTrustedForwarder } from "./trust.js";

export type VerdictLevel = "verified" | "suspicious" | "failed" | "unconfigured" | "unverified";

export interface Verdict {
  level: VerdictLevel;
  reasons: Reason[];
  /** For "unconfigured": the server the UI offers to trust. */
  suggestion: string | null;
  /** How a verified verdict was reached. */
  basis: "dmarc" | "bestguesspass" | "virtual" | "arc" | null;
}

export interface VerdictInput {
  authResultsCount: number;
  trustedCount: number;
  trustedIds: readonly string[];
  suggestion: string | null;
  from: FromInfo;
  lookalike: LookalikeFinding;
  displayNameAddress: string | null;
  dmarc: DmarcAnalysis;
  arc: ArcAnalysis;
  arcReceiver: { result: string; authservId: string } | null;
  trustedForwarders: readonly string[];
  /** Notes about trusted results that were not used (unknown results, ...). */
  notes: readonly Reason[];
}

/** Did this ARC hop record a pass aligned with the From domain? */
export function hopRecordedAlignedPass(hop: ArcHop, fromDomain: string): boolean {
  for (const r of hop.results) {
    if (!isUsableResult(r) || r.result.toLowerCase() !== "pass") continue;
    const method = r.method.toLowerCase();
    if (method === "dmarc") {
      const hf = propValue(r, "header", "from");
      if (hf !== null && toDomainAscii(hf) === fromDomain) return true;
    } else if (method === "dkim") {
      const id = dkimIdentity(r);
      if (id !== null && alignment(domainOf(id), fromDomain) !== "none") return true;
    } else if (method === "spf") {
      const id = spfIdentity(r);
      if (id !== null && alignment(domainOf(id), fromDomain) !== "none") return true;
    }
  }
  return false;
}

export function decideVerdict(input: VerdictInput): Verdict {
  const reasons: Reason[] = [];
  const out = (level: VerdictLevel, basis: Verdict["basis"] = null, suggestion: string | null = null): Verdict => ({
    level,
    reasons,
    suggestion,
    basis,
  });

  if (input.authResultsCount === 0) {
    reasons.push(reason("verdict_noAuthResults"));
    return out("unverified");
  }
  if (input.trustedCount === 0) {
    if (input.trustedIds.length === 0) {
      reasons.push(
        input.suggestion !== null
          ? reason("verdict_unconfigured", input.authResultsCount, input.suggestion)
          : reason("verdict_unconfiguredNoId", input.authResultsCount),
      );
    } else {
      reasons.push(
        input.suggestion !== null
          ? reason("verdict_untrustedOnly", input.authResultsCount, input.trustedIds.join(", "), input.suggestion)
          : reason("verdict_unconfiguredNoId", input.authResultsCount),
      );
    }
    return out("unconfigured", null, input.suggestion);
  }

  const primary = input.from.primary;
  const fromDomain = primary?.domain ?? null;
  const { dmarc } = input;
  const by = dmarc.reportedBy ?? "";
  const lookalikeReasons: Reason[] = [];
  if (input.lookalike.lookalike && primary?.domainUnicode && primary.domain) {
    lookalikeReasons.push(reason("verdict_lookalike", primary.domainUnicode, primary.domain), ...input.lookalike.reasons);
  }
  if (input.displayNameAddress !== null && primary?.address) {
    lookalikeReasons.push(reason("verdict_displayNameAddress", input.displayNameAddress, primary.address));
  }

  if (fromDomain === null) {
    const usable = input.from.addresses.filter((a) => a.domain !== null).length;
    reasons.push(usable > 1 ? reason("verdict_multipleFrom", usable) : reason("verdict_noFrom"));
    if (dmarc.reportedResult === "fail") {
      reasons.push(reason("verdict_dmarcFail", "(no single From domain)", by));
      return out("failed");
    }
    return out("unverified");
  }

  let basis: Verdict["basis"] = null;
  if (dmarc.result === "pass" && dmarc.source === "authres") {
    basis = "dmarc";
    reasons.push(reason("verdict_dmarcPass", fromDomain, by));
  } else if (dmarc.result === "bestguesspass") {
    basis = "bestguesspass";
    reasons.push(reason("verdict_dmarcBestGuess", fromDomain, by));
  } else if (dmarc.result === "pass" && dmarc.source === "virtual" && dmarc.virtual !== null) {
    basis = "virtual";
    const what = `${dmarc.virtual.method.toUpperCase()} (${dmarc.virtual.domain})`;
    reasons.push(
      reason(dmarc.virtual.basis === "noPolicy" ? "verdict_dmarcVirtual" : "verdict_dmarcVirtualAbsent", fromDomain, what),
    );
  } else if (dmarc.reportedResult === "fail") {
    const oldest = input.arc.hops[0];
    const arcOk =
      input.arcReceiver?.result === "pass" &&
      input.arc.status === "pass" &&
      oldest !== undefined &&
      oldest.instance === 1 &&
      hopRecordedAlignedPass(oldest, fromDomain);
    if (arcOk && oldest) {
      if (isTrustedForwarder(oldest.domain, input.trustedForwarders)) {
        basis = "arc";
        reasons.push(reason("verdict_dmarcFail", fromDomain, by));
        reasons.push(reason("verdict_arcOverride", input.arcReceiver?.authservId ?? by, oldest.domain ?? "?", fromDomain));
      } else {
        reasons.push(reason("verdict_arcNotTrustedForwarder", oldest.domain ?? "?", fromDomain));
      }
    }
  }

  if (basis !== null) {
    reasons.push(...lookalikeReasons, ...input.notes);
    return out(lookalikeReasons.length > 0 ? "suspicious" : "verified", basis);
  }

  if (dmarc.reportedResult === "fail") {
    reasons.unshift(reason("verdict_dmarcFail", fromDomain, by));
    reasons.push(...lookalikeReasons, ...input.notes);
    return out("failed");
  }
  const alignedFail =
    dmarc.spf.find((c) => (c.result === "fail" || c.result === "softfail") && c.alignment !== "none") ??
    dmarc.dkim.find((c) => c.result === "fail" && c.alignment !== "none");
  if (alignedFail !== undefined) {
    reasons.push(reason("verdict_noDmarc"));
    reasons.push(reason("verdict_alignedFail", alignedFail.method.toUpperCase(), alignedFail.result, alignedFail.domain ?? "?"));
    reasons.push(...lookalikeReasons, ...input.notes);
    return out("failed");
  }
  reasons.push(reason("verdict_noDmarc"));
  if (dmarc.reportedResult === null && dmarc.spf.length === 0 && dmarc.dkim.length === 0) {
    reasons.push(reason("verdict_trustedNoResults", [...new Set(input.trustedIds)].join(", ")));
  }
  reasons.push(...lookalikeReasons, ...input.notes);
  return out("unverified");
}
