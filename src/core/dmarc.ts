/**
 * DMARC for the From domain, SPF/DKIM identifier alignment, and virtual DMARC.
 *
 * - Reported result: the trusted `dmarc=` result whose `header.from` is the From domain (a result
 *   without header.from is taken as being for it; one for another domain is ignored, with a
 *   note). Several for the same domain: the worst wins (fail > temperror/permerror > none > pass).
 *   `bestguesspass` (Microsoft 365) is recognised and kept as its own result.
 * - SPF identity: `smtp.mailfrom` (its domain), else `smtp.helo`. DKIM identity: `header.d`, else
 *   the domain of `header.i`. Alignment with From: strict (equal), relaxed (same organizational
 *   domain by the Public Suffix List, ICANN section), none.
 * - Virtual DMARC (draft-akagiri-dmarc-virtual-verification, record
 *   `v=DMARC1; p=none; adkim=s; aspf=s`): when the trusted dmarc result is `none` or absent and a
 *   trusted SPF or DKIM pass is STRICTLY aligned with From, the result is `pass` with source
 *   `virtual`, always labelled as such.
 */
import type { MethodResult } from "./authres/types.js";
import { type Alignment, alignment, domainOf, toDomainAscii } from "./domain.js";
import { reason, type Reason } from "./reason.js";
import { propValue } from "./results.js";

export interface TrustedResult {
  result: MethodResult;
  authservId: string;
  /** Index of the Authentication-Results header (0 = newest). */
  headerIndex: number;
}

export interface IdentifierCheck {
  method: "spf" | "dkim";
  result: string;
  /** The identity as written (smtp.mailfrom, smtp.helo, header.d or header.i). */
  identity: string | null;
  /** Its domain as an A-label. */
  domain: string | null;
  alignment: Alignment;
  authservId: string;
}

export interface DmarcAnalysis {
  /** pass / fail / none / bestguesspass / temperror / permerror, "pass" for virtual; null if nothing. */
  result: string | null;
  source: "authres" | "virtual" | "none";
  /** What the trusted server reported for the From domain (null when it reported nothing usable). */
  reportedResult: string | null;
  reportedBy: string | null;
  /** The published policy when the server said (`p=` in a comment, or policy.published-domain-policy). */
  policy: string | null;
  /** For a virtual pass: which aligned pass it rests on, and why DMARC itself did not decide. */
  virtual: { method: "spf" | "dkim"; domain: string; basis: "noPolicy" | "noResult" } | null;
  alignment: { spf: Alignment; dkim: Alignment };
  spf: IdentifierCheck[];
  dkim: IdentifierCheck[];
  notes: Reason[];
}

const RANK: Record<string, number> = { fail: 5, permerror: 4, temperror: 3, none: 2, bestguesspass: 1, pass: 0 };
const ALIGN_RANK: Record<Alignment, number> = { strict: 2, relaxed: 1, none: 0 };

function bestAlignment(checks: IdentifierCheck[]): Alignment {
  const passing = checks.filter((c) => c.result === "pass");
  const pool = passing.length > 0 ? passing : checks;
  let best: Alignment = "none";
  for (const c of pool) if (ALIGN_RANK[c.alignment] > ALIGN_RANK[best]) best = c.alignment;
  return best;
}

function policyOf(r: MethodResult): string | null {
  const published = propValue(r, "policy", "published-domain-policy");
  if (published !== null) return published.toLowerCase();
  for (const c of r.comments) {
    const m = /(?:^|[\s,(])p=([a-z]+)/i.exec(c);
    if (m?.[1] !== undefined) return m[1].toLowerCase();
  }
  return null;
}

export function spfIdentity(r: MethodResult): string | null {
  const mailfrom = propValue(r, "smtp", "mailfrom");
  if (mailfrom !== null && domainOf(mailfrom) !== null && mailfrom.trim() !== "<>") return mailfrom;
  return propValue(r, "smtp", "helo") ?? mailfrom;
}

export function dkimIdentity(r: MethodResult): string | null {
  return propValue(r, "header", "d") ?? propValue(r, "header", "i");
}

/**
 * @param trusted the usable results of the trusted headers (newest header wins per method).
 * @param fromDomain the From domain as an A-label, or null when there is no single usable From.
 */
export function analyzeDmarc(trusted: readonly TrustedResult[], fromDomain: string | null): DmarcAnalysis {
  const notes: Reason[] = [];
  const spf: IdentifierCheck[] = [];
  const dkim: IdentifierCheck[] = [];
  let reported: TrustedResult | null = null;

  for (const t of trusted) {
    const method = t.result.method.toLowerCase();
    const result = t.result.result.toLowerCase();
    if (method === "spf") {
      const identity = spfIdentity(t.result);
      const domain = identity !== null ? domainOf(identity) : null;
      spf.push({ method: "spf", result, identity, domain, alignment: alignment(domain, fromDomain), authservId: t.authservId });
    } else if (method === "dkim") {
      const identity = dkimIdentity(t.result);
      const domain = identity !== null ? domainOf(identity) : null;
      dkim.push({ method: "dkim", result, identity, domain, alignment: alignment(domain, fromDomain), authservId: t.authservId });
    } else if (method === "dmarc") {
      const hf = propValue(t.result, "header", "from");
      const hfDomain = hf !== null ? toDomainAscii(hf.includes("@") ? (domainOf(hf) ?? hf) : hf) : null;
      if (hfDomain !== null && fromDomain !== null && hfDomain !== fromDomain) {
        notes.push(reason("dmarc_otherDomain", t.authservId, hfDomain, fromDomain));
        continue;
      }
      if (reported === null || (RANK[result] ?? 0) > (RANK[reported.result.result.toLowerCase()] ?? 0)) reported = t;
    }
  }

  const reportedResult = reported?.result.result.toLowerCase() ?? null;
  const base: DmarcAnalysis = {
    result: reportedResult,
    source: reported !== null ? "authres" : "none",
    reportedResult,
    reportedBy: reported?.authservId ?? null,
    policy: reported !== null ? policyOf(reported.result) : null,
    virtual: null,
    alignment: { spf: bestAlignment(spf), dkim: bestAlignment(dkim) },
    spf,
    dkim,
    notes,
  };

  if (fromDomain !== null && (reportedResult === null || reportedResult === "none")) {
    const strict =
      dkim.find((c) => c.result === "pass" && c.alignment === "strict") ??
      spf.find((c) => c.result === "pass" && c.alignment === "strict");
    if (strict !== undefined && strict.domain !== null) {
      base.result = "pass";
      base.source = "virtual";
      base.virtual = { method: strict.method, domain: strict.domain, basis: reportedResult === "none" ? "noPolicy" : "noResult" };
    }
  }
  return base;
}
