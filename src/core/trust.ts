/**
 * Which Authentication-Results headers count (RFC 8601 §5, §7.1, §7.2).
 *
 * - A header counts only when its authserv-id is in the trusted list and its version is supported
 *   (absent or 1). Matching is case-insensitive; IDN ids are compared as A-labels. An entry
 *   `@example.org` trusts `example.org` and every subdomain of it.
 * - The list starts empty (§7.1): with nothing trusted, a message with headers is "unconfigured"
 *   and the suggestion is the authserv-id of the newest header that names one.
 * - A receiving MTA must remove headers claiming its own authserv-id that arrived from outside
 *   (§5); AuthLens adds two defences for when it did not:
 *   1. `distrustBelowBoundary`: when the order of the header fields is unknown (Thunderbird's
 *      header dictionary), only the newest header with a trusted id counts. When it is known, a trusted-id header that sits
 *      below a Received header recording a hop from an outside host (its HELO name or reverse-DNS
 *      name is neither local nor a trusted server) was added before the message entered the
 *      trusted servers, so it is not trusted. Position alone is not enough (Gmail writes its
 *      header below its own Received line, Postfix above), hence "below the topmost trusted
 *      header AND below an outside hop".
 *   2. When several trusted headers report the same method, only the newest (topmost) one is used
 *      for that method (`newestTrustedResults`).
 */
import { SET_ASIDE } from "./reason-kinds.js";
import type { ParsedAuthResults } from "./authres/types.js";
import type { TrustedResult } from "./dmarc.js";
import { isUsableResult } from "./results.js";
import type { HeaderBlock } from "./headers/header-block.js";
import { matchingEntry, toDomainAscii } from "./domain.js";
import { reason, type Reason } from "./reason.js";

export interface TrustSettings {
  /** Global trusted authserv-ids. */
  trustedAuthservIds: readonly string[];
  /** Per-account additions, keyed by account id. */
  accounts?: Readonly<Record<string, readonly string[]>>;
  /** ARC sealing domains whose first-hop results may stand in for a failed DMARC. */
  trustedForwarders?: readonly string[];
}

/** The global list plus the account's own entries, de-duplicated. */
export function effectiveTrustedIds(settings: TrustSettings, accountId?: string): string[] {
  const extra = accountId !== undefined ? (settings.accounts?.[accountId] ?? []) : [];
  const out: string[] = [];
  const seen = new Set<string>(); // lower case
  for (const e of [...settings.trustedAuthservIds, ...extra]) {
    const t = e.trim();
    const key = t.toLowerCase();
    if (t.length > 0 && !seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}

/** The entry of `list` that trusts `id`, or null. */
export function matchTrusted(id: string | null, list: readonly string[]): string | null {
  if (id === null) return null;
  const norm = toDomainAscii(id);
  if (norm.length === 0) return null;
  return matchingEntry(norm, list);
}

export interface TrustDecision {
  trusted: boolean;
  why: Reason;
}

export function judgeHeader(parsed: ParsedAuthResults, list: readonly string[]): TrustDecision {
  const id = parsed.authservId;
  if (id === null || id.trim().length === 0) return { trusted: false, why: reason("trust_noAuthservId") };
  if (parsed.version !== null && parsed.version !== 1) {
    return { trusted: false, why: reason("trust_versionUnsupported", parsed.version) };
  }
  if (list.length === 0) return { trusted: false, why: reason("trust_noneConfigured", id) };
  const entry = matchTrusted(id, list);
  if (entry === null) return { trusted: false, why: reason("trust_notInList", id) };
  return { trusted: true, why: reason("trust_trusted", id, entry) };
}

/** The server to offer for "trust this server": the newest header's authserv-id, when it names one. */
export function suggestServer(headersNewestFirst: readonly ParsedAuthResults[]): string | null {
  for (const p of headersNewestFirst) {
    const id = p.authservId?.trim();
    if (id !== undefined && id.length > 0) return id.toLowerCase();
  }
  return null;
}

export function isTrustedForwarder(domain: string | null, forwarders: readonly string[]): boolean {
  if (domain === null) return false;
  return matchTrusted(domain, forwarders) !== null;
}

/** The HELO name and the reverse-DNS name of a Received header's `from` clause (lower case). */
export function receivedFromHosts(value: string): { helo: string | null; rdns: string | null; local: boolean } {
  const v = value.length > 2000 ? value.slice(0, 2000) : value;
  const m = /^\s*from\s+([^\s(;]+)(?:\s*\(([^)]*)\))?/i.exec(v);
  if (!m) return { helo: null, rdns: null, local: true }; // no from clause: local submission
  const helo = (m[1] ?? "").replace(/\.$/, "").toLowerCase();
  const paren = m[2] ?? "";
  const first = /^\s*([A-Za-z0-9][A-Za-z0-9.-]*)/.exec(paren)?.[1]?.replace(/\.$/, "").toLowerCase() ?? null;
  const rdns = first !== null && first !== "unknown" && first.includes(".") ? first : null;
  const local =
    /^(localhost|127\.0\.0\.1|\[127\.0\.0\.1\]|\[?::1\]?|\[ipv6:::1\])$/.test(helo) || /\[(127\.0\.0\.1|::1|IPv6:::1)\]/i.test(paren);
  return { helo, rdns, local };
}

export interface BoundaryEntry {
  fieldIndex: number;
  trusted: boolean;
  authservId: string | null;
  why: Reason;
}

/**
 * Defence 1 of the module comment: un-trust trusted-id headers found below an outside hop that is
 * itself below the topmost trusted header. `isTrustedHost` says whether a host name belongs to a
 * trusted server. Returns the entries it changed.
 */
export function distrustBelowBoundary(
  block: HeaderBlock,
  entries: BoundaryEntry[],
  isTrustedHost: (host: string) => boolean,
): BoundaryEntry[] {
  const trusted = entries.filter((e) => e.trusted);
  const top = trusted[0];
  if (top === undefined) return [];
  if (!block.crossNameOrderKnown) {
    // Without the order against the Received lines, a forged copy cannot be told from a real one:
    // only the newest header with a trusted id counts.
    for (const e of trusted.slice(1)) {
      e.trusted = false;
      e.why = reason("trust_orderUnknown", e.authservId ?? "");
    }
    return trusted.slice(1);
  }
  const changed: BoundaryEntry[] = [];
  let boundary: string | null = null;
  const byField = new Map(trusted.map((e) => [e.fieldIndex, e]));
  for (const f of block.fields) {
    if (f.index <= top.fieldIndex) continue;
    if (f.lname === "received" && boundary === null) {
      const h = receivedFromHosts(f.value);
      if (h.local) continue;
      const hosts = [h.helo, h.rdns].filter((x): x is string => x !== null);
      if (hosts.length === 0 || !hosts.every(isTrustedHost)) boundary = h.rdns ?? h.helo ?? "?";
      continue;
    }
    const e = byField.get(f.index);
    if (e !== undefined && boundary !== null) {
      e.trusted = false;
      e.why = reason("trust_belowReceivingHop", e.authservId ?? "", boundary);
      changed.push(e);
    }
  }
  return changed;
}

/** An Authentication-Results header as trust sees it (analyze.ts's entries have more). */
export interface JudgedHeader {
  /** 0 = newest. */
  index: number;
  trusted: boolean;
  authservId: string | null;
  parsed: ParsedAuthResults;
  /** Methods of this header that were used for decisions (filled in here). */
  used: string[];
  /** Notes on this header (filled in here). */
  notes: Reason[];
}

/** Methods whose unusable (unregistered) results, and whose claims when set aside, are worth a note in the verdict. */
const VERDICT_METHODS: ReadonlySet<string> = new Set(["dmarc", "spf", "dkim", "arc", "tls"]);

/**
 * Defence 2 of the module comment: per method, only the newest trusted header's results count (a
 * forged copy below the real one cannot override it). Results the registry does not know are left
 * out with a note (RFC 8601 §4.1). Marks each header's `used` methods and notes.
 */
export function newestTrustedResults(headers: readonly JudgedHeader[]): { effective: TrustedResult[]; notes: Reason[] } {
  const effective: TrustedResult[] = [];
  const claimed = new Map<string, number>();
  const notes: Reason[] = [];
  for (const entry of headers) {
    if (!entry.trusted || entry.authservId === null) continue;
    for (const r of entry.parsed.results) {
      const method = r.method.toLowerCase();
      const owner = claimed.get(method);
      if (owner !== undefined && owner !== entry.index) {
        if (!entry.notes.some((n) => n.key === "trust_olderDuplicate" && n.params[0] === method)) entry.notes.push(reason("trust_olderDuplicate", method));
        continue;
      }
      claimed.set(method, entry.index);
      if (!isUsableResult(r)) {
        const note = reason("verdict_unknownIgnored", r.method, r.result);
        entry.notes.push(note);
        if (VERDICT_METHODS.has(method)) notes.push(note);
        continue;
      }
      if (!entry.used.includes(method)) entry.used.push(method);
      effective.push({ result: r, authservId: entry.authservId, headerIndex: entry.index });
    }
  }
  return { effective, notes };
}

/**
 * What the headers that were not used claim, said beside the verdict ("2 other headers claim
 * dmarc=pass; they come from servers you do not trust and were ignored"): one reason for headers
 * from servers not trusted, one for headers with a trusted id that were added before the message
 * reached the trusted servers (`forged`: what distrustBelowBoundary un-trusted). Nothing when no header is trusted (the verdict is then
 * "not set up" and says so), and nothing for headers that claim none of the methods that matter.
 */
export function setAsideClaims(headers: readonly JudgedHeader[], forged: ReadonlySet<object>): Reason[] {
  if (!headers.some((h) => h.trusted)) return [];
  const groups: Record<"untrusted" | "forged", { count: number; claims: Set<string> }> = {
    untrusted: { count: 0, claims: new Set() },
    forged: { count: 0, claims: new Set() },
  };
  for (const h of headers) {
    if (h.trusted) continue;
    const claims = h.parsed.results.filter((r) => VERDICT_METHODS.has(r.method.toLowerCase())).map((r) => `${r.method.toLowerCase()}=${r.result.toLowerCase()}`);
    if (claims.length === 0) continue;
    const g = groups[forged.has(h) ? "forged" : "untrusted"];
    g.count++;
    for (const c of claims) g.claims.add(c);
  }
  const out: Reason[] = [];
  if (groups.untrusted.count > 0) out.push(reason(SET_ASIDE.untrusted, groups.untrusted.count, [...groups.untrusted.claims].join(", ")));
  if (groups.forged.count > 0) out.push(reason(SET_ASIDE.forged, groups.forged.count, [...groups.forged.claims].join(", ")));
  return out;
}
