/**
 * Character classes for the Authentication-Results scanner, as a lookup table over char codes
 * (no regular expressions in the hot path). Codes >= 128 are handled by the callers: they are
 * UTF-8 text (RFC 6532) wherever the grammar allows it and never a delimiter.
 */

/** SP, HTAB, CR, LF. CR and LF are treated as (folding) white space wherever FWS may appear. */
export const WS = 1;
/** ALPHA / DIGIT / "-" / "_" : the characters of a keyword as real servers write them. */
export const KEYWORD = 2;
/** MIME token characters (RFC 2045 §5.1): CHAR except SPACE, CTLs and tspecials. */
export const TOKEN = 4;
/** RFC 5322 atext. */
export const ATEXT = 8;
/** Ends an unquoted value run: white space, ";" and "(" (comment start). */
export const VALUE_STOP = 16;
/** Ends an unquoted authserv-id or stray token: VALUE_STOP plus "=" and DQUOTE. */
export const ID_STOP = 32;
/** ALPHA / DIGIT. */
export const ALNUM = 64;

export const CHAR_CLASS: Uint8Array = buildTable();

function buildTable(): Uint8Array {
  const t = new Uint8Array(128);
  const tspecials = '()<>@,;:\\"/[]?=';
  for (let c = 0x21; c < 0x7f; c++) {
    if (!tspecials.includes(String.fromCharCode(c))) t[c] = (t[c] ?? 0) | TOKEN;
  }
  const atextSpecials = "!#$%&'*+-/=?^_`{|}~";
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    let v = t[c] ?? 0;
    if (alnum) v |= ALNUM | KEYWORD | ATEXT;
    if (ch === "-" || ch === "_") v |= KEYWORD;
    if (atextSpecials.includes(ch)) v |= ATEXT;
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) v |= WS | VALUE_STOP | ID_STOP;
    if (ch === ";" || ch === "(") v |= VALUE_STOP | ID_STOP;
    if (ch === "=" || ch === '"') v |= ID_STOP;
    t[c] = v;
  }
  return t;
}

/** Class bits of a UTF-16 code unit; 0 for non-ASCII. */
export function cls(code: number): number {
  return code < 128 ? (CHAR_CLASS[code] ?? 0) : 0;
}

export const CH_SEMI = 0x3b;
export const CH_LPAREN = 0x28;
export const CH_RPAREN = 0x29;
export const CH_DQUOTE = 0x22;
export const CH_BACKSLASH = 0x5c;
export const CH_EQ = 0x3d;
export const CH_DOT = 0x2e;
export const CH_SLASH = 0x2f;
export const CH_AT = 0x40;
export const CH_CR = 0x0d;
export const CH_LF = 0x0a;

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
