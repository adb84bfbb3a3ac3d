/**
 * Header canonicalization, RFC 6376 §3.4.1 and §3.4.2, over binary strings whose line breaks are
 * CRLF (./raw-header.ts). "White space" is SP and HTAB only: U+00A0 and other non-ASCII spaces are
 * bytes like any other here (no `\s`, no `trim()`).
 */
import type { RawField } from "./raw-header.js";

export type Canonicalization = "simple" | "relaxed";

function isWsp(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * relaxed (§3.4.2): name in lower case; the value unfolded (CRLFs removed), runs of WSP turned
 * into one SP, WSP at the start and end removed; no WSP around the colon.
 */
export function relaxedHeader(lname: string, rawValue: string): string {
  let out = "";
  let pendingSpace = false;
  let runStart = -1;
  const len = rawValue.length;
  for (let i = 0; i < len; i++) {
    const c = rawValue.charCodeAt(i);
    if (isWsp(c) || c === 0x0d || c === 0x0a) {
      if (runStart !== -1) {
        out += rawValue.slice(runStart, i);
        runStart = -1;
      }
      // A CRLF is a fold: it disappears; the WSP that follows it joins the run.
      if (isWsp(c)) pendingSpace = out.length > 0;
      continue;
    }
    if (runStart === -1) {
      if (pendingSpace) out += " ";
      pendingSpace = false;
      runStart = i;
    }
  }
  if (runStart !== -1) out += rawValue.slice(runStart);
  return `${lname}:${out}`;
}

/** One field in the form it is hashed, with its terminating CRLF. */
export function canonicalizeField(f: RawField, c: Canonicalization): string {
  if (c === "simple") return f.raw + "\r\n";
  return (f.relaxed ??= relaxedHeader(f.lname, f.raw.slice(f.valueStart)) + "\r\n");
}

/**
 * A field's canonical text without the CRLF, for a field given as `raw` (the signature field
 * being verified, with its b= value cut out, is hashed this way: §3.7).
 */
export function canonicalizeFieldText(f: RawField, raw: string, c: Canonicalization): string {
  if (c === "simple") return raw;
  return relaxedHeader(f.lname, raw.slice(f.valueStart));
}
