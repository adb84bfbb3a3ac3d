/**
 * Interned lowercase keywords: the method, result, ptype and property names of the registry (and
 * a few more that real headers use). Looking a keyword up here compares char codes in place and
 * returns a shared string, so the common case allocates nothing.
 */
import { METHODS, PTYPES } from "../registry.js";

const MAX_LEN = 31;
/** Index: length * 128 + lowercase first char code. */
const TABLE: (string[] | undefined)[] = [];

function add(word: string): void {
  if (word.length === 0 || word.length > MAX_LEN) return;
  const code = word.charCodeAt(0);
  if (code >= 128) return;
  const key = word.length * 128 + code;
  const bucket = (TABLE[key] ??= []);
  if (!bucket.includes(word)) bucket.push(word);
}

for (const m of METHODS) {
  add(m.name);
  for (const r of m.results) add(r.name);
  for (const p of m.properties) {
    add(p.ptype);
    add(p.property);
  }
  for (const p of m.methodPtypes) add(p);
}
for (const p of PTYPES) add(p.name);
for (const w of ["reason", "none", "action", "unknown", "timeout", "bestguesspass", "remote-ip", "client-ip", "oldest-pass", "x-ptr"]) add(w);

/**
 * The interned lowercase form of the keyword s[start, end) (ASCII letters, digits, "-", "_"),
 * or undefined when it is not in the table.
 */
export function internKeyword(s: string, start: number, end: number): string | undefined {
  const len = end - start;
  if (len <= 0 || len > MAX_LEN) return undefined;
  const bucket = TABLE[len * 128 + (s.charCodeAt(start) | 0x20)];
  if (bucket === undefined) return undefined;
  outer: for (const word of bucket) {
    for (let i = 1; i < len; i++) {
      // Keyword characters only: "| 0x20" lowercases letters and leaves digits and "-" as they are.
      if ((s.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) continue outer;
    }
    return word;
  }
  return undefined;
}

/** Lowercase keyword s[start, end), interned when known. */
export function keywordAt(s: string, start: number, end: number): string {
  return internKeyword(s, start, end) ?? s.slice(start, end).toLowerCase();
}
