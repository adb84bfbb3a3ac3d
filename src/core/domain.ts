/**
 * Domain name normalisation and organizational domains.
 * - `toDomainAscii`: lower case, NFC, trailing dot removed, U-labels converted to A-labels.
 * - `orgDomain`: the organizational domain from the Public Suffix List (ICANN section only, as
 *   DMARC asks), via tldts-icann (tldts's build without the private section).
 */
import { getDomain } from "tldts-icann";
import { toASCII, toUnicode } from "punycode/";

const PLAIN_ASCII_DOMAIN = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;

/**
 * A small memo for the slow paths below (IDN conversion with punycode, NFC): the same few domains
 * (the user's correspondents, the trusted servers) come back in message after message. Cleared
 * when full, and only names up to a DNS name's length are kept, so memory stays bounded whatever
 * the input.
 */
class DomainMemo {
  readonly #map = new Map<string, string>();
  constructor(private readonly max: number) {}
  get(key: string, compute: (key: string) => string): string {
    if (key.length > 255) return compute(key);
    let v = this.#map.get(key);
    if (v === undefined) {
      v = compute(key);
      if (this.#map.size >= this.max) this.#map.clear();
      this.#map.set(key, v);
    }
    return v;
  }
}

const asciiMemo = new DomainMemo(2000);
const unicodeMemo = new DomainMemo(2000);

export function toDomainAscii(domain: string): string {
  if (PLAIN_ASCII_DOMAIN.test(domain)) return domain; // already normalised: the common case
  return asciiMemo.get(domain, normaliseDomain);
}

function normaliseDomain(domain: string): string {
  let d = domain.trim().replace(/\.$/, "").toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(d)) {
    try {
      d = toASCII(d.normalize("NFC")).toLowerCase();
    } catch {
      // keep as is: not a convertible IDN
    }
  }
  return d;
}

export function toDomainUnicode(domain: string): string {
  if (!domain.includes("xn--")) return domain;
  return unicodeMemo.get(domain, aLabelsToUnicode);
}

function aLabelsToUnicode(domain: string): string {
  try {
    return toUnicode(domain).toLowerCase();
  } catch {
    return domain;
  }
}

/** The domain part of `local@domain`, `@domain` or a bare domain; null when empty. */
export function domainOf(identity: string): string | null {
  let v = identity.trim();
  if (v.startsWith("<") && v.endsWith(">")) v = v.slice(1, -1);
  const at = v.lastIndexOf("@");
  if (at !== -1) v = v.slice(at + 1);
  v = v.trim();
  return v.length > 0 ? toDomainAscii(v) : null;
}

const orgCache = new Map<string, string>();

export function orgDomain(domainAscii: string): string {
  const hit = orgCache.get(domainAscii);
  if (hit !== undefined) return hit;
  let org: string | null;
  try {
    org = getDomain(domainAscii, { allowPrivateDomains: false });
  } catch {
    org = null;
  }
  const result = org ?? domainAscii;
  if (orgCache.size > 5000) orgCache.clear();
  orgCache.set(domainAscii, result);
  return result;
}

export type Alignment = "strict" | "relaxed" | "none";

/** DMARC identifier alignment of `domain` with the From domain (both as A-labels). */
export function alignment(domain: string | null, fromDomain: string | null): Alignment {
  if (domain === null || fromDomain === null || domain.length === 0) return "none";
  if (domain === fromDomain) return "strict";
  return orgDomain(domain) === orgDomain(fromDomain) ? "relaxed" : "none";
}

/** A list entry, normalised: an exact name, or `@parent` (parent and its subdomains); neither if empty. */
interface ListEntry {
  entry: string;
  exact: string | null;
  parent: string | null;
  dotParent: string;
}

function compileEntry(entry: string): ListEntry {
  const t = entry.trim();
  if (t.startsWith("@")) {
    const p = toDomainAscii(t.slice(1));
    return { entry, exact: null, parent: p.length > 0 ? p : null, dotParent: "." + p };
  }
  return { entry, exact: t.length > 0 ? toDomainAscii(t) : null, parent: null, dotParent: "" };
}

/**
 * The entries of a list (trusted servers, trusted forwarders), normalised. Those lists come from
 * the settings and are the same message after message, so the last few are kept instead of
 * normalising every entry again for every header; they are compared by content, so an edited list
 * is never served from here.
 */
const compiledLists: { source: string[]; entries: ListEntry[] }[] = [];

function compiledList(list: readonly string[]): ListEntry[] {
  for (const c of compiledLists) {
    if (c.source.length === list.length && c.source.every((e, i) => e === list[i])) return c.entries;
  }
  const entries = list.map(compileEntry);
  if (compiledLists.length >= 4) compiledLists.shift();
  compiledLists.push({ source: [...list], entries });
  return entries;
}

/** The first entry of `list` that `id` (already an A-label, lower case) matches, as written; or null. */
export function matchingEntry(id: string, list: readonly string[]): string | null {
  for (const e of compiledList(list)) {
    if (e.parent !== null ? id === e.parent || id.endsWith(e.dotParent) : e.exact !== null && id === e.exact) return e.entry;
  }
  return null;
}

/**
 * A precomputed matcher for many lookups against one list: exact entries and `@parent` entries
 * (parent and its subdomains), plus exact ids that also cover their subdomains (`suffixIds`).
 */
export function hostMatcher(entries: readonly string[], suffixIds: readonly string[] = []): (host: string) => boolean {
  const exact = new Set<string>();
  const parents: { parent: string; dotParent: string }[] = [];
  for (const e of compiledList(entries)) {
    if (e.parent !== null) parents.push({ parent: e.parent, dotParent: e.dotParent });
    else if (e.exact !== null) exact.add(e.exact);
  }
  for (const id of suffixIds) {
    const p = toDomainAscii(id);
    // "." + parent, built once: the matcher runs for every Received hop of a message.
    if (p.length > 0) parents.push({ parent: p, dotParent: "." + p });
  }
  return (host: string): boolean => {
    const h = toDomainAscii(host);
    if (exact.has(h)) return true;
    for (const { parent, dotParent } of parents) if (h === parent || h.endsWith(dotParent)) return true;
    return false;
  };
}
