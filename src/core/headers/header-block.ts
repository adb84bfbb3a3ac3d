/**
 * A message's own header block, as ordered fields (top = newest for trace fields).
 *
 * Only the top-level header block is read: splitting stops at the first empty line, so header
 * fields of attached message/rfc822 parts or digests are never seen.
 */

export interface HeaderField {
  /** The field name as written (without trailing white space). */
  name: string;
  /** The field name in lower case, for lookups. */
  lname: string;
  /** The unfolded value, without the leading white space after the colon or trailing white space. */
  readonly value: string;
  /** Position in the block, 0 = top. */
  index: number;
}

export interface HeaderBlock {
  fields: HeaderField[];
  /**
   * True when the relative order of fields with different names is known (raw headers). False for
   * Thunderbird's `messages.getHeaders` dictionary, which keeps the order only within one name:
   * consumers must not reason about "the Received just below this Authentication-Results" then.
   */
  crossNameOrderKnown: boolean;
}

const utf8 = new TextDecoder("utf-8");

/** Unfold a field value: remove each line break that is followed by white space (RFC 5322 §2.2.3). */
export function unfold(value: string): string {
  if (value.indexOf("\n") === -1) return value;
  return value.replace(/\r?\n(?=[ \t])/g, "").replace(/\r?\n/g, " ");
}

function isWsp(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * Unfold a raw field value: inside one field every line break starts a continuation line, so
 * unfolding is removing the CRLF / LF pairs (a lone CR stays). The text between breaks is
 * concatenated directly: this runs for every field that is read, and a global regex replace cost
 * several times more.
 */
function removeLineBreaks(text: string, start: number, end: number): string {
  let lf = text.indexOf("\n", start);
  if (lf === -1 || lf >= end) return text.slice(start, end);
  let out = "";
  let from = start;
  while (lf !== -1 && lf < end) {
    out += text.slice(from, lf > from && text.charCodeAt(lf - 1) === 0x0d ? lf - 1 : lf);
    from = lf + 1;
    lf = text.indexOf("\n", from);
  }
  return out + text.slice(from, end);
}

/**
 * A field of a raw block. The value is unfolded on first use only: most fields of a message
 * (signatures, anti-spam blobs) are never read, and unfolding them all dominated the cost.
 */
class RawField implements HeaderField {
  readonly lname: string;
  #value: string | null = null;
  constructor(
    readonly name: string,
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    readonly index: number,
  ) {
    this.lname = name.toLowerCase();
  }
  get value(): string {
    if (this.#value === null) {
      // Unfolding starts after the white space that follows the colon (trim() would cut it
      // anyway): then trim() usually has nothing to cut and returns the joined string itself,
      // where a cut would return a slice of it that the parsers then read more slowly.
      let start = this.start;
      while (start < this.end && isWsp(this.text.charCodeAt(start))) start++;
      this.#value = removeLineBreaks(this.text, start, this.end).trim();
    }
    return this.#value;
  }
  toJSON(): HeaderField {
    return { name: this.name, lname: this.lname, value: this.value, index: this.index };
  }
}

/**
 * Split a raw header block (or a whole message; the body is ignored) into fields. Accepts CRLF or
 * LF, obs-fold (continuation lines, including white-space-only ones), raw 8-bit UTF-8, a missing
 * body and a leading mbox `From ` line. Lines that are not fields (no colon, or white space inside
 * the name) are skipped. Never throws.
 */
export function parseHeaderBlock(raw: string | Uint8Array): HeaderBlock {
  const text = typeof raw === "string" ? raw : utf8.decode(raw);
  const fields: HeaderField[] = [];
  const len = text.length;
  let pos = 0;
  // The current field (name null: none): its name, and where its value starts and ends.
  let name: string | null = null;
  let valueStart = 0;
  let valueEnd = 0;

  while (pos < len) {
    let eol = text.indexOf("\n", pos);
    if (eol === -1) eol = len;
    let lineEnd = eol;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    if (lineEnd === pos) break; // the empty line: end of the header block
    if (isWsp(text.charCodeAt(pos))) {
      // Continuation (obs-fold allows white-space-only lines too).
      if (name !== null) valueEnd = lineEnd;
    } else {
      if (name !== null) fields.push(new RawField(name, text, valueStart, valueEnd, fields.length));
      name = null;
      const colon = text.indexOf(":", pos);
      if (colon !== -1 && colon < lineEnd) {
        let nameEnd = colon;
        while (nameEnd > pos && isWsp(text.charCodeAt(nameEnd - 1))) nameEnd--;
        const n = text.slice(pos, nameEnd);
        if (n.length > 0 && n.indexOf(" ") === -1 && n.indexOf("\t") === -1) {
          name = n;
          valueStart = colon + 1;
          valueEnd = lineEnd;
        }
      }
    }
    pos = eol + 1;
  }
  if (name !== null) fields.push(new RawField(name, text, valueStart, valueEnd, fields.length));
  return { fields, crossNameOrderKnown: true };
}

/**
 * Thunderbird's `messages.getHeaders` result: header names in lower case, each with its values in
 * message order. The order across names is unknown, which the block says with
 * `crossNameOrderKnown: false`.
 */
export type ThunderbirdHeaders = Record<string, string[] | string | undefined>;

export function fromThunderbirdHeaders(headers: ThunderbirdHeaders): HeaderBlock {
  const fields: HeaderField[] = [];
  for (const [name, values] of Object.entries(headers)) {
    if (values === undefined) continue;
    const list = Array.isArray(values) ? values : [values];
    for (const v of list) {
      if (typeof v !== "string") continue;
      fields.push({ name, lname: name.toLowerCase(), value: unfold(v).trim(), index: fields.length });
    }
  }
  return { fields, crossNameOrderKnown: false };
}

/** All fields with this (case-insensitive) name, top first. */
export function fieldsNamed(block: HeaderBlock, name: string): HeaderField[] {
  const l = name.toLowerCase();
  return block.fields.filter((f) => f.lname === l);
}
