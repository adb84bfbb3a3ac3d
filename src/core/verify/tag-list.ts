/**
 * The tag=value lists of DKIM signatures, DKIM key records and DMARC records (RFC 6376 §3.2):
 *
 *   tag-list  = tag-spec *( ";" tag-spec ) [ ";" ]
 *   tag-spec  = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
 *   tag-name  = ALPHA *ALNUMPUNC
 *   tag-value = [ tval *( 1*(WSP / FWS) tval ) ]     tval = 1*VALCHAR (%x21-3A / %x3C-7E)
 *
 * - White space around names, "=" and values is not part of them; white space inside a value is.
 * - Names are case-sensitive. A duplicated name makes the whole list invalid. Unknown names are
 *   kept (the caller ignores what it does not know).
 * - Bytes above 0x7F are accepted in values without complaint (RFC 8616 lets i= carry UTF-8).
 * - An empty tag-spec (";;") is a warning only: the grammar does not allow it, but nothing is lost.
 *
 * Never throws. Offsets are positions in the parsed string, so a caller can point at the problem
 * and cut a tag's value out of the header it came from (the `b=` of a signature being verified).
 */
import { reason, type Reason } from "../reason.js";

export interface Tag {
  name: string;
  /** The value without surrounding white space (inner folding kept as written). */
  value: string;
  nameStart: number;
  /** Just after the "=". */
  eqEnd: number;
  valueStart: number;
  valueEnd: number;
  /** The ";" that ends this tag-spec, or the end of the list. */
  specEnd: number;
}

export interface TagDiagnostic {
  severity: "error" | "warning";
  offset: number;
  reason: Reason;
}

export interface TagList {
  tags: Map<string, Tag>;
  diagnostics: TagDiagnostic[];
  /** False when any diagnostic is an error: the list must not be used (RFC 6376 §3.2). */
  valid: boolean;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return isAlpha(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** Not VALCHAR, not folding white space inside a value, not an 8-bit byte (";" ends the value first). */
// eslint-disable-next-line no-control-regex
const BAD_VALUE_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const HAS_FWS = /[ \t\r\n]/;

export function parseTagList(text: string): TagList {
  const tags = new Map<string, Tag>();
  // Most lists have no character that is never allowed: then values need no check of their own.
  const checkValues = BAD_VALUE_CHAR.test(text);
  const diagnostics: TagDiagnostic[] = [];
  const len = text.length;
  const error = (offset: number, r: Reason): void => void diagnostics.push({ severity: "error", offset, reason: r });
  const nextSemicolon = (from: number): number => {
    const semi = text.indexOf(";", from);
    return semi === -1 ? len : semi;
  };

  let pos = 0;
  while (pos < len) {
    while (pos < len && isWs(text.charCodeAt(pos))) pos++;
    if (pos >= len) break;
    if (text.charCodeAt(pos) === 0x3b) {
      diagnostics.push({ severity: "warning", offset: pos, reason: reason("taglist_emptySpec") });
      pos++;
      continue;
    }
    const nameStart = pos;
    if (!isAlpha(text.charCodeAt(pos))) {
      error(pos, reason("taglist_badName", text.slice(pos, Math.min(nextSemicolon(pos), pos + 20)).trim()));
      pos = nextSemicolon(pos) + 1;
      continue;
    }
    while (pos < len && isNameChar(text.charCodeAt(pos))) pos++;
    const name = text.slice(nameStart, pos);
    while (pos < len && isWs(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) !== 0x3d) {
      error(pos, reason("taglist_noEquals", name));
      pos = nextSemicolon(pos) + 1;
      continue;
    }
    pos++;
    const eqEnd = pos;
    while (pos < len && isWs(text.charCodeAt(pos))) pos++;
    const valueStart = pos;
    const specEnd = nextSemicolon(pos);
    let valueEnd = specEnd;
    while (valueEnd > valueStart && isWs(text.charCodeAt(valueEnd - 1))) valueEnd--;
    const bad = checkValues && valueEnd > valueStart ? BAD_VALUE_CHAR.exec(text.slice(valueStart, valueEnd)) : null;
    if (bad !== null) error(valueStart + bad.index, reason("taglist_badChar", name, valueStart + bad.index));
    if (tags.has(name)) error(nameStart, reason("taglist_duplicate", name));
    else tags.set(name, { name, value: text.slice(valueStart, valueEnd), nameStart, eqEnd, valueStart, valueEnd, specEnd });
    pos = specEnd + 1;
  }
  return { tags, diagnostics, valid: !diagnostics.some((d) => d.severity === "error") };
}

/** Remove folding white space (SP, HTAB, CR, LF) from a value, as b=, bh= and p= are read. */
export function stripFws(value: string): string {
  if (!HAS_FWS.test(value)) return value;
  let out = "";
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    if (isWs(value.charCodeAt(i))) {
      out += value.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}

/** A colon-separated list (h=, key h=, s=, t=), each entry without surrounding white space. */
export function colonList(value: string): string[] {
  return value
    .split(":")
    .map((s) => stripFws(s))
    .filter((s) => s.length > 0);
}
