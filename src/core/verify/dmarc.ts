/**
 * DMARC from AuthLens's own evidence (RFC 7489): the policy record found in DNS, and DKIM
 * identifier alignment against the signatures AuthLens itself verified.
 *
 * - Policy discovery (§6.6.3): the TXT records at `_dmarc.<From domain>`; records that do not
 *   start with `v=DMARC1` are not DMARC records. None there: the same at the organizational domain
 *   (Public Suffix List, via ../domain.ts). Several DMARC records: DMARC does not apply (permerror).
 *   A record without a valid p= counts as p=none when it has a rua=, else it is unusable.
 * - The policy in force is sp= when the record came from the organizational domain and From is a
 *   subdomain (and sp= is given), else p=.
 * - Alignment (§3.1.1): a DKIM pass whose d= equals the From domain (strict), or shares its
 *   organizational domain (relaxed), as adkim= asks (relaxed by default).
 * - It rests on DKIM alone: a mail client cannot check SPF, because the connecting address is only
 *   a claim in a Received header. So "fail" here means no aligned DKIM signature verified; the
 *   sender's server may still pass DMARC through SPF.
 * - No record anywhere: virtual DMARC (draft-akagiri-dmarc-virtual-verification; `v=DMARC1; p=none;
 *   adkim=s; aspf=s`): a strictly aligned DKIM pass gives pass, labelled virtual; otherwise none.
 * - Signatures from a key in testing mode (t=y) are treated as unsigned mail (RFC 6376 §3.6.1).
 */
import { alignment as alignmentOf, orgDomain, toDomainAscii } from "../domain.js";
import { reason, type Reason } from "../reason.js";
import type { DkimCheck } from "./dkim.js";
import { recordText, type TxtAnswer } from "./dns.js";
import { parseTagList, stripFws } from "./tag-list.js";

export type DmarcResult = "pass" | "fail" | "none" | "temperror" | "permerror";

export interface OwnDmarc {
  result: DmarcResult;
  source: "record" | "virtual" | "none";
  /** The policy in force (p=, or sp= for a subdomain), "none" for virtual DMARC. */
  policy: string | null;
  /** d= of the aligned DKIM signature that passed, as written. */
  alignedDkim: string | null;
  fromDomain: string | null;
  /** Where the record was found. */
  recordDomain: string | null;
  /** adkim= in force. */
  dkimAlignment: "strict" | "relaxed";
  /** Whether the record's DNS answer was DNSSEC-authenticated. */
  dnssec: boolean | null;
  reason: Reason;
}

export interface DmarcRecord {
  policy: string;
  subdomainPolicy: string | null;
  adkim: "strict" | "relaxed";
}

const POLICIES = new Set(["none", "quarantine", "reject"]);

/** A DMARC record from a TXT value; null when it is not one (no leading v=DMARC1); a reason when unusable. */
export function parseDmarcRecord(text: string): DmarcRecord | Reason | null {
  const list = parseTagList(text);
  const v = list.tags.get("v");
  const first = [...list.tags.values()].sort((a, b) => a.nameStart - b.nameStart)[0];
  if (v === undefined || v !== first || v.value !== "DMARC1") return null;
  if (!list.valid) return reason("dmarcOwn_recordSyntax");
  const p = stripFws(list.tags.get("p")?.value ?? "").toLowerCase();
  const sp = list.tags.get("sp");
  const spValue = sp !== undefined ? stripFws(sp.value).toLowerCase() : null;
  const adkim = stripFws(list.tags.get("adkim")?.value ?? "r").toLowerCase() === "s" ? "strict" : "relaxed";
  const validSp = spValue === null || POLICIES.has(spValue);
  if (!POLICIES.has(p) || !validSp) {
    const rua = list.tags.get("rua");
    if (rua !== undefined && /mailto:[^,\s]+@/i.test(rua.value)) return { policy: "none", subdomainPolicy: null, adkim };
    return reason("dmarcOwn_recordNoPolicy");
  }
  return { policy: p, subdomainPolicy: spValue, adkim };
}

type Discovery =
  | { kind: "record"; record: DmarcRecord; domain: string; dnssec: boolean }
  | { kind: "none" }
  | { kind: "temperror"; reason: Reason }
  | { kind: "permerror"; reason: Reason; domain: string };

function recordsAt(domain: string, answer: TxtAnswer): Discovery | null {
  if (answer.status === "error") return { kind: "temperror", reason: answer.reason };
  if (answer.status === "missing") return null;
  const found: (DmarcRecord | Reason)[] = [];
  for (const strings of answer.records) {
    const r = parseDmarcRecord(recordText(strings));
    if (r !== null) found.push(r);
  }
  if (found.length === 0) return null;
  if (found.length > 1) return { kind: "permerror", reason: reason("dmarcOwn_severalRecords", `_dmarc.${domain}`, found.length), domain };
  const only = found[0] as DmarcRecord | Reason;
  if ("key" in only) return { kind: "permerror", reason: only, domain };
  return { kind: "record", record: only, domain, dnssec: answer.authenticated };
}

/** The DNS names DMARC may need for this From domain (asked together, in parallel). */
export function dmarcNames(fromDomain: string): string[] {
  const org = orgDomain(fromDomain);
  return org !== fromDomain ? [`_dmarc.${fromDomain}`, `_dmarc.${org}`] : [`_dmarc.${fromDomain}`];
}

async function discover(fromDomain: string, lookupTxt: (name: string) => Promise<TxtAnswer>): Promise<Discovery> {
  const org = orgDomain(fromDomain);
  const names = dmarcNames(fromDomain);
  const answers = await Promise.all(names.map((n) => lookupTxt(n)));
  const atFrom = recordsAt(fromDomain, answers[0] as TxtAnswer);
  if (atFrom !== null) return atFrom;
  if (answers.length > 1) {
    const atOrg = recordsAt(org, answers[1] as TxtAnswer);
    if (atOrg !== null) return atOrg;
  }
  return { kind: "none" };
}

function usable(d: DkimCheck): boolean {
  return d.result === "pass" && !d.testing;
}

export async function evaluateDmarc(
  fromDomain: string | null,
  dkim: readonly DkimCheck[],
  lookupTxt: (name: string) => Promise<TxtAnswer>,
): Promise<OwnDmarc> {
  const base = { policy: null, alignedDkim: null, fromDomain, recordDomain: null, dkimAlignment: "relaxed" as const, dnssec: null };
  if (fromDomain === null) return { ...base, result: "none", source: "none", reason: reason("dmarcOwn_noFrom") };
  const from = toDomainAscii(fromDomain);
  const found = await discover(from, lookupTxt);

  const aligned = (mode: "strict" | "relaxed"): DkimCheck | null => {
    const ok = dkim.filter((d) => {
      if (!usable(d)) return false;
      const a = alignmentOf(toDomainAscii(d.domain), from);
      return a === "strict" || (mode === "relaxed" && a === "relaxed");
    });
    // A signature that covers the whole body is the better evidence (testing keys are not usable).
    return ok.find((d) => d.unsignedBytes === null || d.unsignedBytes === 0) ?? ok[0] ?? null;
  };

  if (found.kind === "temperror") return { ...base, result: "temperror", source: "none", reason: found.reason };
  if (found.kind === "permerror") return { ...base, result: "permerror", source: "record", recordDomain: found.domain, reason: found.reason };
  if (found.kind === "none") {
    const strict = aligned("strict");
    if (strict !== null) {
      return { ...base, result: "pass", source: "virtual", policy: "none", alignedDkim: strict.domain, dkimAlignment: "strict", reason: reason("dmarcOwn_virtualPass", strict.domain) };
    }
    return { ...base, result: "none", source: "none", reason: reason("dmarcOwn_noRecord", from) };
  }

  const { record, domain } = found;
  const policy = domain !== from && record.subdomainPolicy !== null ? record.subdomainPolicy : record.policy;
  const common = { ...base, source: "record" as const, policy, recordDomain: domain, dkimAlignment: record.adkim, dnssec: found.dnssec };
  const pass = aligned(record.adkim);
  if (pass !== null) return { ...common, result: "pass", alignedDkim: pass.domain, reason: reason("dmarcOwn_pass", pass.domain) };
  const pending = dkim.some((d) => d.result === "temperror" && alignmentOf(toDomainAscii(d.domain), from) !== "none");
  if (pending) return { ...common, result: "temperror", reason: reason("dmarcOwn_dkimUnchecked") };
  return { ...common, result: "fail", reason: reason("dmarcOwn_fail", from) };
}
