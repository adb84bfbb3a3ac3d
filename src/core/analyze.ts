/**
 * Message analysis: header block in, everything the pane, the filters and `authlens inspect` show,
 * out. Pure: no I/O, no browser APIs. See the modules it ties together for each rule.
 */
import { analyzeArc, type ArcAnalysis } from "./arc.js";
import { parseAuthResults } from "./authres/parse.js";
import type { ParsedAuthResults } from "./authres/types.js";
import { analyzeDmarc, type DmarcAnalysis, type TrustedResult } from "./dmarc.js";
import { hostMatcher } from "./domain.js";
import { type FromInfo, parseFrom } from "./headers/address.js";
import type { HeaderBlock } from "./headers/header-block.js";
import { checkDomain, displayNameAddress, type LookalikeFinding } from "./lookalike.js";
import type { Reason } from "./reason.js";
import type { MessageVerification } from "./verify/verify-message.js";
import { analyzeTls, parseTlsHops, type TlsAnalysis } from "./tls.js";
import { distrustBelowBoundary, effectiveTrustedIds, judgeHeader, newestTrustedResults, setAsideClaims, suggestServer } from "./trust.js";
import { decideVerdict, type Verdict } from "./verdict.js";

export interface AnalysisSettings {
  /** Global trusted authserv-ids (`@domain` includes subdomains). */
  trustedAuthservIds: readonly string[];
  /** Trusted ARC forwarders (sealing domains; `@domain` includes subdomains). */
  trustedForwarders: readonly string[];
  /** Per-account trusted authserv-ids, added to the global ones for that account's messages. */
  accounts?: Readonly<Record<string, readonly string[]>>;
  /** The account the message belongs to. */
  accountId?: string;
}

export interface AuthResultsEntry {
  /** Position among the Authentication-Results headers, 0 = newest (top). */
  index: number;
  /** Position of the field in the header block. */
  fieldIndex: number;
  raw: string;
  authservId: string | null;
  trusted: boolean;
  why: Reason;
  parsed: ParsedAuthResults;
  /** Methods of this header that were used for decisions. */
  used: string[];
  /** Further notes (a newer trusted header reported the same method, unknown results, ...). */
  notes: Reason[];
}

export interface SenderAnalysis extends FromInfo {
  /** Shortcuts to the primary author (null when there is not exactly one usable From address). */
  displayName: string | null;
  address: string | null;
  /** A-label, lower case. */
  domain: string | null;
  domainUnicode: string | null;
  lookalike: LookalikeFinding;
  /** An address shown in the display name that is not the real one. */
  displayNameAddress: string | null;
}

export interface Analysis {
  from: SenderAnalysis;
  authResults: AuthResultsEntry[];
  trust: {
    /** The trusted list in force (empty: nothing configured yet). */
    trustedIds: string[];
    trustedForwarders: string[];
    trustedCount: number;
    /** The server offered for "trust this server". */
    suggestion: string | null;
  };
  arc: ArcAnalysis & {
    /** The trusted receiver's own (signature-verifying) arc= result, beside the structure check. */
    receiver: { result: string; authservId: string } | null;
  };
  tls: TlsAnalysis;
  dmarc: DmarcAnalysis;
  verdict: Verdict;
  /** AuthLens's own checks of the signatures (when turned on and done), beside the servers' results. */
  own: MessageVerification | null;
}

const AR = "authentication-results";

/** The From header: addresses, the primary author, and the look-alike findings. */
function analyzeSender(fields: HeaderBlock["fields"]): SenderAnalysis {
  const fromInfo = parseFrom(fields.filter((f) => f.lname === "from").map((f) => f.value));
  const primary = fromInfo.primary;
  return {
    addresses: fromInfo.addresses,
    primary,
    fieldCount: fromInfo.fieldCount,
    displayName: primary?.displayName ?? null,
    address: primary?.address ?? null,
    domain: primary?.domain ?? null,
    domainUnicode: primary?.domainUnicode ?? null,
    lookalike: primary?.domain ? checkDomain(primary.domain) : { lookalike: false, reasons: [] },
    displayNameAddress: primary ? displayNameAddress(primary.displayName, primary.address) : null,
  };
}

/** Every Authentication-Results header, newest first, parsed and judged against the trusted list. */
function readAuthResults(fields: HeaderBlock["fields"], trustedIds: readonly string[]): AuthResultsEntry[] {
  const entries: AuthResultsEntry[] = [];
  for (const f of fields) {
    if (f.lname !== AR) continue;
    const parsed = parseAuthResults(f.value);
    const decision = judgeHeader(parsed, trustedIds);
    entries.push({
      index: entries.length,
      fieldIndex: f.index,
      raw: f.value,
      authservId: parsed.authservId,
      trusted: decision.trusted,
      why: decision.why,
      parsed,
      used: [],
      notes: [],
    });
  }
  return entries;
}

/** The ARC structure, with the trusted receiver's own arc= result beside it. */
function analyzeArcWithReceiver(fields: HeaderBlock["fields"], effective: readonly TrustedResult[]): Analysis["arc"] {
  const structure = analyzeArc(fields, (v) => parseAuthResults(v, { arc: true }));
  const arcResult = effective.find((t) => t.result.method.toLowerCase() === "arc");
  return Object.assign(structure, {
    receiver: arcResult ? { result: arcResult.result.result.toLowerCase(), authservId: arcResult.authservId } : null,
  });
}

/**
 * @param own AuthLens's own checks of this message's signatures, when the person turned them on and
 *   they are done (the add-on analyzes again when they arrive).
 */
export function analyzeMessage(input: HeaderBlock, settings: AnalysisSettings, own: MessageVerification | null = null): Analysis {
  const trustedIds = effectiveTrustedIds(settings, settings.accountId);
  const trustedForwarders = [...settings.trustedForwarders];
  const fields = input.fields;
  const from = analyzeSender(fields);

  const authResults = readAuthResults(fields, trustedIds);
  // A trusted id below an outside hop was written before the message reached the trusted servers.
  const isTrustedHost = hostMatcher(
    trustedIds,
    authResults.filter((e) => e.trusted).map((e) => e.authservId ?? ""),
  );
  const forged = new Set<object>(distrustBelowBoundary(input, authResults, isTrustedHost));
  const { effective, notes } = newestTrustedResults(authResults);
  const trustedEntries = authResults.filter((e) => e.trusted);
  const suggestion = suggestServer(authResults.map((e) => e.parsed));

  const arc = analyzeArcWithReceiver(fields, effective);
  const tlsResult = effective.find((t) => t.result.method.toLowerCase() === "tls");
  const tls = analyzeTls(
    input,
    tlsResult ? { result: tlsResult.result, authservId: tlsResult.authservId } : null,
    { matchesTrusted: isTrustedHost, topTrustedIndex: trustedEntries[0]?.fieldIndex ?? null },
    parseTlsHops(input),
  );
  const dmarc = analyzeDmarc(effective, from.domain);
  const verdict = decideVerdict({
    authResultsCount: authResults.length,
    trustedCount: trustedEntries.length,
    trustedIds,
    suggestion,
    from,
    dmarc,
    arc,
    trustedForwarders,
    notes: [...dmarc.notes, ...notes, ...setAsideClaims(authResults, forged)],
    own,
  });

  return {
    from,
    authResults,
    trust: { trustedIds, trustedForwarders, trustedCount: trustedEntries.length, suggestion },
    arc,
    tls,
    dmarc,
    verdict,
    own,
  };
}
