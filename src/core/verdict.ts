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
import { senderDomainForDisplay } from "./display-domain.js";
import { SENDER_CONCERN } from "./reason-kinds.js";
import type { ArcAnalysis, ArcHop } from "./arc.js";
import { alignment, domainOf, toDomainAscii } from "./domain.js";
import type { DmarcAnalysis } from "./dmarc.js";
import { dkimIdentity, spfIdentity } from "./dmarc.js";
import type { FromInfo } from "./headers/address.js";
import type { LookalikeFinding } from "./lookalike.js";
import { reason, type Reason } from "./reason.js";
import { isUsableResult, propValue } from "./results.js";
import { isTrustedForwarder } from "./trust.js";
import { ownDkimNotes, ownNotVerifiedReason, ownVerifiedReasons } from "./own-checks.js";
import type { MessageVerification } from "./verify/verify-message.js";

export type VerdictLevel = "verified" | "suspicious" | "failed" | "unconfigured" | "unverified";

export interface Verdict {
  level: VerdictLevel;
  reasons: Reason[];
  /** For "unconfigured": the server the UI offers to trust. */
  suggestion: string | null;
  /** How a verified verdict was reached. */
  basis: "dmarc" | "bestguesspass" | "virtual" | "arc" | "own" | "ownVirtual" | null;
}

/** Everything the verdict rests on, as the analysis found it (each fact once). */
export interface VerdictFacts {
  authResultsCount: number;
  trustedCount: number;
  trustedIds: readonly string[];
  suggestion: string | null;
  /** The sender: addresses, the primary author, and the look-alike findings. */
  from: FromInfo & { lookalike: LookalikeFinding; displayNameAddress: string | null };
  dmarc: DmarcAnalysis;
  /** The ARC chain's structure, with the trusted receiver's own (signature-verifying) arc= result. */
  arc: ArcAnalysis & { receiver: { result: string; authservId: string } | null };
  trustedForwarders: readonly string[];
  /** Notes about trusted results that were not used (unknown results, ...). */
  notes: readonly Reason[];
  /** AuthLens's own checks of the signatures, when the person turned them on and they are done. */
  own?: MessageVerification | null;
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

function verdict(level: VerdictLevel, reasons: Reason[], basis: Verdict["basis"] = null, suggestion: string | null = null): Verdict {
  return { level, reasons, suggestion, basis };
}

/** No header, or no trusted one: unverified or unconfigured (with the server to trust). */
function withoutTrustedHeaders(f: VerdictFacts): Verdict | null {
  if (f.authResultsCount === 0) return verdict("unverified", [reason("verdict_noAuthResults")]);
  if (f.trustedCount > 0) return null;
  const why =
    f.suggestion === null
      ? reason("verdict_unconfiguredNoId", f.authResultsCount)
      : f.trustedIds.length === 0
        ? reason("verdict_unconfigured", f.authResultsCount, f.suggestion)
        : reason("verdict_untrustedOnly", f.authResultsCount, f.trustedIds.join(", "), f.suggestion);
  return verdict("unconfigured", [why], null, f.suggestion);
}

/** Why the sender may not be who it seems: a look-alike domain, another address in the display name. */
function senderConcerns(from: VerdictFacts["from"]): Reason[] {
  const primary = from.primary;
  const out: Reason[] = [];
  // One line naming what it imitates (the sender card lists what makes it a look-alike).
  if (from.lookalike.lookalike && primary?.domain) {
    const imitates = from.lookalike.imitates ?? null;
    out.push(imitates !== null ? reason(SENDER_CONCERN.lookalike, primary.domain, imitates) : reason(SENDER_CONCERN.lookalikeUnknown, primary.domain));
  }
  if (from.displayNameAddress !== null && primary?.address) out.push(reason(SENDER_CONCERN.displayNameAddress, from.displayNameAddress, primary.address));
  return out;
}

/** No single From domain: DMARC cannot speak for the sender (a reported fail still fails). */
function withoutFromDomain(f: VerdictFacts): Verdict {
  const usable = f.from.addresses.filter((a) => a.domain !== null).length;
  const reasons = [usable > 1 ? reason("verdict_multipleFrom", usable) : reason("verdict_noFrom")];
  if (f.dmarc.reportedResult === "fail") {
    reasons.push(reason("verdict_dmarcFail", "(no single From domain)", f.dmarc.reportedBy ?? ""));
    return verdict("failed", reasons);
  }
  return verdict("unverified", reasons);
}

/**
 * A DMARC fail overridden by ARC: the trusted receiver verified the chain (arc=pass), its structure
 * is valid, the oldest hop recorded an aligned pass, and that hop is a trusted forwarder.
 */
function arcOverride(f: VerdictFacts, fromDomain: string, reasons: Reason[]): boolean {
  // fromDomain names the domain; the alignment check compares A-labels.
  const oldest = f.arc.hops[0];
  const by = f.dmarc.reportedBy ?? "";
  const ascii = f.from.primary?.domain ?? "";
  const intact = f.arc.receiver?.result === "pass" && f.arc.status === "pass" && oldest?.instance === 1 && hopRecordedAlignedPass(oldest, ascii);
  if (!intact || oldest === undefined) return false;
  if (!isTrustedForwarder(oldest.domain, f.trustedForwarders)) {
    reasons.push(reason("verdict_arcNotTrustedForwarder", oldest.domain ?? "?", fromDomain));
    return false;
  }
  reasons.push(reason("verdict_dmarcFail", fromDomain, by));
  reasons.push(reason("verdict_arcOverride", f.arc.receiver?.authservId ?? by, oldest.domain ?? "?", fromDomain));
  return true;
}

/** What a verified verdict rests on (reported DMARC, best guess, virtual DMARC, ARC), or null. */
function verifiedBasis(f: VerdictFacts, fromDomain: string, reasons: Reason[]): Verdict["basis"] {
  const { dmarc } = f;
  const by = dmarc.reportedBy ?? "";
  if (dmarc.result === "pass" && dmarc.source === "authres") {
    reasons.push(reason("verdict_dmarcPass", fromDomain, by));
    return "dmarc";
  }
  if (dmarc.result === "bestguesspass") {
    reasons.push(reason("verdict_dmarcBestGuess", fromDomain, by));
    return "bestguesspass";
  }
  if (dmarc.result === "pass" && dmarc.source === "virtual" && dmarc.virtual !== null) {
    const what = `${dmarc.virtual.method.toUpperCase()} (${dmarc.virtual.domain})`;
    reasons.push(reason(dmarc.virtual.basis === "noPolicy" ? "verdict_dmarcVirtual" : "verdict_dmarcVirtualAbsent", fromDomain, what));
    return "virtual";
  }
  if (dmarc.reportedResult === "fail" && arcOverride(f, fromDomain, reasons)) return "arc";
  return null;
}

/** Without a verified basis: failed (DMARC fail, or an aligned SPF/DKIM failure) or unverified. */
function withoutBasis(f: VerdictFacts, fromDomain: string, reasons: Reason[], concerns: Reason[]): Verdict {
  const { dmarc } = f;
  if (dmarc.reportedResult === "fail") {
    reasons.unshift(reason("verdict_dmarcFail", fromDomain, dmarc.reportedBy ?? ""));
    return verdict("failed", [...reasons, ...concerns, ...f.notes]);
  }
  const alignedFail =
    dmarc.spf.find((c) => (c.result === "fail" || c.result === "softfail") && c.alignment !== "none") ??
    dmarc.dkim.find((c) => c.result === "fail" && c.alignment !== "none");
  reasons.push(reason("verdict_noDmarc"));
  if (alignedFail !== undefined) {
    reasons.push(reason("verdict_alignedFail", alignedFail.method.toUpperCase(), alignedFail.result, alignedFail.domain ?? "?"));
    return verdict("failed", [...reasons, ...concerns, ...f.notes]);
  }
  if (dmarc.reportedResult === null && dmarc.spf.length === 0 && dmarc.dkim.length === 0) {
    reasons.push(reason("verdict_trustedNoResults", [...new Set(f.trustedIds)].join(", ")));
  }
  return verdict("unverified", [...reasons, ...concerns, ...f.notes]);
}

/**
 * No trusted server to go by: AuthLens's own checks may verify the message ("checked by AuthLens");
 * otherwise the verdict without them, with the reason they did not help.
 */
function fromOwnChecks(f: VerdictFacts, own: MessageVerification, without: Verdict): Verdict {
  const primary = f.from.primary;
  if (!primary?.domain) return without;
  const fromDomain = senderDomainForDisplay(f) ?? "";
  const verified = ownVerifiedReasons(own, fromDomain);
  if (verified === null) return { ...without, reasons: [...without.reasons, ownNotVerifiedReason(own)] };
  const concerns = senderConcerns(f.from);
  const basis = verified.virtual ? "ownVirtual" : "own";
  return verdict(concerns.length > 0 ? "suspicious" : "verified", [...verified.reasons, ...concerns, ...without.reasons], basis, without.suggestion);
}

export function decideVerdict(f: VerdictFacts): Verdict {
  const early = withoutTrustedHeaders(f);
  if (early !== null) return f.own ? fromOwnChecks(f, f.own, early) : early;
  const result = decideFromServers(f);
  if (!f.own) return result;
  return { ...result, reasons: [...result.reasons, ...ownDkimNotes(f.own, f.dmarc)] };
}

function decideFromServers(f: VerdictFacts): Verdict {
  if (f.from.primary?.domain == null) return withoutFromDomain(f);
  // The From domain in the form the pane names it everywhere: Unicode, or the A-label for a
  // look-alike (whose Unicode form is built to read as another domain).
  const fromDomain = senderDomainForDisplay(f) ?? "";
  const concerns = senderConcerns(f.from);
  const reasons: Reason[] = [];
  const basis = verifiedBasis(f, fromDomain, reasons);
  if (basis === null) return withoutBasis(f, fromDomain, reasons, concerns);
  return verdict(concerns.length > 0 ? "suspicious" : "verified", [...reasons, ...concerns, ...f.notes], basis);
}
