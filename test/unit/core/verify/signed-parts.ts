/**
 * For tests: which bytes of a message a signature covers, found independently of the code under
 * test (plain string scanning), and a byte change that always changes the canonical form.
 */

interface FieldSpan {
  name: string;
  start: number;
  end: number;
}

export function fieldSpans(text: string): { fields: FieldSpan[]; bodyStart: number } {
  const headerEnd = text.indexOf("\r\n\r\n");
  const fields: FieldSpan[] = [];
  let offset = 0;
  for (const line of text.slice(0, headerEnd + 2).split("\r\n")) {
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last !== undefined) last.end = offset + line.length;
    else if (line.includes(":")) fields.push({ name: line.slice(0, line.indexOf(":")).trim().toLowerCase(), start: offset, end: offset + line.length });
    offset += line.length + 2;
  }
  return { fields, bodyStart: headerEnd + 4 };
}

/** The h= names of the first field called `signatureField`. */
export function signedNames(text: string, signatureField: string): Set<string> {
  const f = fieldSpans(text).fields.find((x) => x.name === signatureField);
  const h = /[;\s]h=([^;]*)/.exec(text.slice(f?.start ?? 0, f?.end ?? 0))?.[1] ?? "";
  return new Set(h.split(":").map((s) => s.replace(/\s+/g, "").toLowerCase()));
}

function counts(text: string, p: number, wsp: RegExp): boolean {
  const ch = text[p] as string;
  if (ch === "\r" || ch === "\n") return false;
  // White space next to white space (or a colon or line end) is not visible in relaxed form.
  return !((ch === " " || ch === "\t") && (wsp.test(text[p - 1] ?? "") || wsp.test(text[p + 1] ?? "")));
}

/**
 * Positions whose change changes the canonical form: the fields named (and every field whose name
 * passes `alsoField`), and the body up to its last non-empty line.
 */
export function signedPositions(text: string, names: Set<string>, alsoField: (name: string) => boolean, bodyLimit?: number): number[] {
  const { fields, bodyStart } = fieldSpans(text);
  const out: number[] = [];
  for (const f of fields) {
    if (!names.has(f.name) && !alsoField(f.name)) continue;
    for (let p = f.start; p < f.end; p++) if (counts(text, p, /[ \t\r\n:]/)) out.push(p);
  }
  const body = text.slice(bodyStart);
  const end = Math.min(body.replace(/(\r\n)+$/, "").length, bodyLimit ?? Infinity);
  for (let i = 0; i < end; i++) if (counts(body, i, /[ \t\r\n]/)) out.push(bodyStart + i);
  return out;
}

/** A different byte that also changes the canonical form (no case flip, no white space for white space). */
export function mutateAt(text: string, p: number): string {
  // Not "x" for an "x" or an "X": header names are compared without case.
  const replacement = /[xX]/.test(text[p] ?? "") ? "y" : "x";
  return text.slice(0, p) + replacement + text.slice(p + 1);
}
