/**
 * The header block as the signer hashed it: fields as binary strings (one char per byte), never
 * decoded or unfolded, with every line break written as CRLF (a file with bare LF line ends is
 * read as the CRLF message it stands for, as mail is on the wire). Lines that are not fields (no
 * colon, or white space inside the name, like an mbox "From " line) are skipped, as in
 * ../headers/header-block.ts.
 */
import { binaryToText } from "./bytes.js";

export interface RawField {
  /** The field name as written, without white space before the colon. */
  name: string;
  /** The name in ASCII lower case, for lookups. */
  lname: string;
  /** The whole field, name to the end of its last line, without the final CRLF. */
  raw: string;
  /** Where the value starts in `raw` (just after the colon). */
  valueStart: number;
  /** The relaxed canonical form, once computed (several signatures cover the same fields). */
  relaxed?: string;
}

function isWsp(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** ASCII-only lower case: a binary string's 8-bit chars must not change. */
export function asciiLower(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

function toField(lines: string[]): RawField | null {
  const first = lines[0] ?? "";
  const colon = first.indexOf(":");
  if (colon <= 0) return null;
  let nameEnd = colon;
  while (nameEnd > 0 && isWsp(first.charCodeAt(nameEnd - 1))) nameEnd--;
  const name = first.slice(0, nameEnd);
  if (name.length === 0 || /[ \t]/.test(name)) return null;
  return { name, lname: asciiLower(name), raw: lines.join("\r\n"), valueStart: colon + 1 };
}

/**
 * Split a header block (a binary string, ending at the empty line or at the end of the text)
 * into raw fields, top first.
 */
export function splitRawHeader(block: string): RawField[] {
  const fields: RawField[] = [];
  let current: string[] | null = null;
  const flush = (): void => {
    if (current === null) return;
    const f = toField(current);
    if (f !== null) fields.push(f);
    current = null;
  };
  let pos = 0;
  const len = block.length;
  while (pos < len) {
    let eol = block.indexOf("\n", pos);
    if (eol === -1) eol = len;
    const end = eol > pos && block.charCodeAt(eol - 1) === 0x0d ? eol - 1 : eol;
    const line = block.slice(pos, end);
    pos = eol + 1;
    if (line.length === 0) break;
    if (isWsp(line.charCodeAt(0))) {
      if (current !== null) current.push(line);
      continue;
    }
    flush();
    current = [line];
  }
  flush();
  return fields;
}

/** The field's value (after the colon), unfolded and decoded from UTF-8, for display and parsing. */
export function fieldValue(f: RawField): string {
  return binaryToText(f.raw.slice(f.valueStart).replace(/\r\n/g, "").trim());
}
