/**
 * The reduced confusables table (src/core/ascii-skeleton-data.ts) against unhomoglyph itself: the
 * same skeleton for every character whose skeleton is ASCII, "not ASCII" for every other one, and
 * the same for strings of them.
 */
import fc from "fast-check";
import unhomoglyph from "unhomoglyph";
import { describe, expect, it } from "vitest";
import { asciiSkeleton } from "../../../src/core/ascii-skeleton.js";

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** The look-alike check's skeleton as it was, with unhomoglyph's whole table. */
function fullSkeleton(s: string): string {
  return unhomoglyph(s.normalize("NFD")).normalize("NFC").toLowerCase();
}

const expected = (s: string): string | null => {
  const sk = fullSkeleton(s);
  return ASCII.test(sk) ? sk : null;
};

describe("asciiSkeleton", () => {
  it("agrees with unhomoglyph on every Unicode character", () => {
    const mismatches: string[] = [];
    let ascii = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const want = expected(ch);
      if (want !== null) ascii++;
      const got = asciiSkeleton(ch);
      if (got !== want) mismatches.push(`U+${cp.toString(16).toUpperCase()}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    // The confusables data maps well over a thousand characters to ASCII (Cyrillic а, Greek ο, ...).
    expect(ascii).toBeGreaterThan(1500);
  });

  it("agrees with unhomoglyph on labels mixing confusables, ASCII and combining marks", () => {
    const interesting = ["a", "p", "l", "e", "0", "1", "m", "I", "%", "-", "а", "р", "ӏ", "е", "ο", "ı", "ｅ", "é", "\u0301", "\u0308", "Å", "ǆ", "ﬁ", "Ꭺ", "𝐚", "ß", "İ"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...interesting), { maxLength: 12 }), (chars) => {
        const label = chars.join("");
        expect(asciiSkeleton(label)).toBe(expected(label));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the classic look-alikes", () => {
    expect(asciiSkeleton("gооglе")).toBe("google"); // Cyrillic о
    expect(asciiSkeleton("аррӏе")).toBe("appie"); // Cyrillic palochka: the skeleton of I, lower-cased
    expect(asciiSkeleton("раypаl")).toBe("paypal");
    expect(asciiSkeleton("bücher")).toBeNull();
  });
});
