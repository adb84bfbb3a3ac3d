/** fast-check generators of header blocks built from pieces that matter to the parsers, shared by the property tests. */
import fc from "fast-check";

/** Header field names the analysis reads, and one it does not. */
export const HEADER_NAMES = ["Authentication-Results", "ARC-Authentication-Results", "ARC-Seal", "ARC-Message-Signature", "Received", "From", "X-Other"];

/**
 * A raw message: up to `maxFields` fields named from HEADER_NAMES, each value up to `maxPieces`
 * of `pieces` and short random strings (up to `maxRandom` characters), then a body.
 */
export function headerBlock(pieces: readonly string[], o: { maxPieces: number; maxRandom: number; maxFields: number; body: string }): fc.Arbitrary<string> {
  const value = headerValue(pieces, o);
  const field = fc.tuple(fc.constantFrom(...HEADER_NAMES), value).map(([n, v]) => `${n}: ${v}`);
  return fc.array(field, { maxLength: o.maxFields }).map((f) => f.join("\r\n") + "\r\n\r\n" + o.body);
}

/** A header value: up to `maxPieces` of `pieces` and random strings of up to `maxRandom` characters. */
export function headerValue(pieces: readonly string[], o: { maxPieces: number; maxRandom: number }): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: o.maxRandom })), { maxLength: o.maxPieces }).map((a) => a.join(""));
}
