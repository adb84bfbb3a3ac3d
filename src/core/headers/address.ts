/**
 * The From header: display names (RFC 2047 decoded), addresses and domains (IDN both as A-label
 * and as Unicode). Parsing is postal-mime's RFC 5322 address parser; this module only validates
 * and normalises what it returns, and never throws.
 */
import { addressParser, decodeWords } from "postal-mime";
import { toDomainAscii, toDomainUnicode } from "../domain.js";

export interface MailAddress {
  /** Display name, RFC 2047 decoded; null when there is none. */
  displayName: string | null;
  /** The address as written (local part kept as is, domain as written); null when unusable. */
  address: string | null;
  localPart: string | null;
  /** Domain as A-label, lower case (the form used for comparisons); null when unusable. */
  domain: string | null;
  /** Domain in Unicode (U-labels), lower case. */
  domainUnicode: string | null;
}

export interface FromInfo {
  /** Every mailbox found in all From fields, groups flattened. */
  addresses: MailAddress[];
  /** The single author when there is exactly one usable address; else null. */
  primary: MailAddress | null;
  /** Number of From fields. */
  fieldCount: number;
}

interface ParsedEntry {
  name?: string;
  address?: string;
  group?: ParsedEntry[];
}

function flatten(entries: ParsedEntry[], out: ParsedEntry[]): void {
  for (const e of entries) {
    if (Array.isArray(e.group)) flatten(e.group, out);
    else out.push(e);
  }
}

function decodeName(name: string | undefined): string | null {
  if (name === undefined) return null;
  let n = name;
  if (n.includes("=?")) {
    try {
      n = decodeWords(n);
    } catch {
      // keep the raw name
    }
  }
  n = n.trim();
  return n.length > 0 ? n : null;
}

/** Validate and split one address; the domain is normalised to A-label and to Unicode. */
export function toMailAddress(displayName: string | null, rawAddress: string | undefined): MailAddress {
  const addr = (rawAddress ?? "").trim();
  const at = addr.lastIndexOf("@");
  const local = at > 0 ? addr.slice(0, at) : "";
  const dom = at > 0 ? addr.slice(at + 1).replace(/\.$/, "") : "";
  const valid =
    at > 0 && local.length > 0 && dom.length > 0 && !/[\s<>@,;:]/.test(dom) && !local.startsWith("@") && dom.includes(".");
  if (!valid) {
    return { displayName, address: addr.length > 0 ? addr : null, localPart: null, domain: null, domainUnicode: null };
  }
  const ascii = toDomainAscii(dom);
  return {
    displayName,
    address: addr,
    localPart: local,
    domain: ascii,
    domainUnicode: toDomainUnicode(ascii),
  };
}

/** Parse the values of every From field of a message. */
export function parseFrom(values: string[]): FromInfo {
  const addresses: MailAddress[] = [];
  for (const value of values) {
    let parsed: ParsedEntry[];
    try {
      parsed = addressParser(value) as ParsedEntry[];
    } catch {
      parsed = [];
    }
    const flat: ParsedEntry[] = [];
    flatten(parsed, flat);
    for (const e of flat) addresses.push(toMailAddress(decodeName(e.name), e.address));
  }
  const usable = addresses.filter((a) => a.domain !== null);
  const primary = usable.length === 1 && addresses.length === 1 ? (usable[0] ?? null) : null;
  return { addresses, primary, fieldCount: values.length };
}
