/**
 * Which Authentication-Results headers count (RFC 8601 §5, §7.1, §7.2).
 *
 * - A header counts only when its authserv-id is in the trusted list and its version is supported
 *   (absent or 1). Matching is case-insensitive; IDN ids are compared as A-labels. An entry
 *   `@example.org` trusts `example.org` and every subdomain of it.
 * - The list starts empty (§7.1): with nothing trusted, a message with headers is "unconfigured"
 *   and the suggestion is the authserv-id of the newest header that names one.
 * - A receiving MTA must remove headers claiming its own authserv-id that arrived from outside
 *   (§5). AuthLens cannot tell such a forgery from a real header by its position (Gmail puts its
 *   header below its own Received line, Postfix above), so when several trusted headers report
 *   the same method, only the newest (topmost) one is used for that method.
 */
import type { ParsedAuthResults } from "./authres/types.js";
import { domainMatches, toDomainAscii } from "./domain.js";
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
  for (const e of [...settings.trustedAuthservIds, ...extra]) {
    const t = e.trim();
    if (t.length > 0 && !out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  return out;
}

/** The entry of `list` that trusts `id`, or null. */
export function matchTrusted(id: string | null, list: readonly string[]): string | null {
  if (id === null) return null;
  const norm = toDomainAscii(id);
  if (norm.length === 0) return null;
  for (const entry of list) if (domainMatches(norm, entry)) return entry;
  return null;
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
