/**
 * The TR39 skeleton of a string when it is plain ASCII, from the reduced confusables table
 * (./ascii-skeleton-data.ts, generated from the `unhomoglyph` package by
 * scripts/gen-ascii-skeleton.mjs). Same result as `unhomoglyph(s.normalize("NFD")).normalize("NFC")
 * .toLowerCase()` whenever that is ASCII; null when it is not.
 */
import { ASCII_PROTOTYPES, NON_ASCII_PROTOTYPE } from "./ascii-skeleton-data.js";

/** Code point -> its ASCII prototype, or null when its prototype is not ASCII. Built on first use. */
let table: Map<number, string | null> | undefined;

function prototypes(): Map<number, string | null> {
  if (table !== undefined) return table;
  table = new Map();
  for (const [prototype, list] of ASCII_PROTOTYPES) {
    let cp = 0;
    for (const step of list.split(" ")) {
      const [delta = "", times = "1"] = step.split("*");
      for (let n = Number(times); n > 0; n--) {
        cp += parseInt(delta, 36);
        table.set(cp, prototype);
      }
    }
  }
  for (const cp of NON_ASCII_PROTOTYPE) table.set(cp, null);
  return table;
}

/** The lower-case ASCII skeleton of `s`, or null when its skeleton is not ASCII. */
export function asciiSkeleton(s: string): string | null {
  const map = prototypes();
  let out = "";
  for (const ch of s.normalize("NFD")) {
    const cp = ch.codePointAt(0) ?? 0;
    const prototype = map.get(cp);
    if (prototype === null) return null;
    if (prototype !== undefined) out += prototype;
    else if (cp < 0x80) out += ch;
    else return null;
  }
  return out.toLowerCase();
}

/**
 * The ASCII name a label imitates: each non-ASCII character replaced by the ASCII it is confusable
 * with, ASCII characters kept as written ("еxample" with a Cyrillic е gives "example"; unlike the
 * skeleton, "m" stays "m"). Null when some non-ASCII character has no ASCII look-alike.
 */
export function imitatedAscii(label: string): string | null {
  const map = prototypes();
  let out = "";
  for (const ch of label.normalize("NFD")) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out += ch;
      continue;
    }
    const prototype = map.get(cp);
    if (prototype === null || prototype === undefined) return null;
    out += prototype;
  }
  return out.toLowerCase();
}
