/**
 * Canonicalization (RFC 6376 §3.4): the RFC's own examples (§3.4.5), the empty-body and
 * missing-CRLF rules, non-ASCII spaces, and the streaming body canonicalizers against a plain
 * line-by-line model of the RFC text, for random bodies cut into random chunks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64, fromBinary, toBinary } from "../../../../src/core/verify/bytes.js";
import { bodyCanonicalizer, LimitedSink } from "../../../../src/core/verify/canonicalize-body.js";
import { type Canonicalization, canonicalizeField } from "../../../../src/core/verify/canonicalize-header.js";
import { type RawField, splitRawHeader } from "../../../../src/core/verify/raw-header.js";
import { FIXTURES } from "./helpers.js";

interface Example {
  name: string;
  kind: "header" | "body";
  algorithm: Canonicalization;
  input: string;
  expected: string;
}

/** The canonical body of `chunks`, as a binary string. */
function canonicalBody(c: Canonicalization, chunks: Uint8Array[]): string {
  let out = "";
  const canon = bodyCanonicalizer(c, { write: (b) => void (out += toBinary(b)) });
  for (const chunk of chunks) canon.write(chunk);
  canon.end();
  return out;
}

function body(c: Canonicalization, text: string): string {
  return canonicalBody(c, [fromBinary(text)]);
}

/** RFC 6376 §3.4.3 / §3.4.4 read line by line, the plainest way (the model the stream must match). */
function modelBody(c: Canonicalization, text: string): string {
  const parts = text.split("\n");
  const partial = parts.pop() as string;
  let lines = parts.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  if (partial.length > 0) lines.push(partial);
  if (c === "relaxed") lines = lines.map((l) => l.replace(/[ \t]+/g, " ").replace(/ $/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) return c === "simple" ? "\r\n" : "";
  return lines.map((l) => l + "\r\n").join("");
}

describe("RFC 6376 §3.4.5 examples", () => {
  const examples = JSON.parse(readFileSync(join(FIXTURES, "rfc6376-canonicalization.json"), "utf8")) as Example[];
  it("has the examples", () => expect(examples.length).toBeGreaterThanOrEqual(9));
  for (const e of examples) {
    it(e.name, () => {
      if (e.kind === "body") {
        expect(body(e.algorithm, e.input)).toBe(e.expected);
      } else {
        const [field] = splitRawHeader(e.input);
        if (field === undefined) throw new Error("no field");
        expect(canonicalizeField(field, e.algorithm)).toBe(e.expected);
      }
    });
  }
});

describe("body canonicalization", () => {
  it("an empty body is CRLF in simple and empty in relaxed", () => {
    expect(body("simple", "")).toBe("\r\n");
    expect(body("relaxed", "")).toBe("");
    expect(body("simple", "\r\n\r\n")).toBe("\r\n");
    expect(body("relaxed", "\r\n \t \r\n")).toBe("");
  });

  it("adds the missing final CRLF", () => {
    expect(body("simple", "Hi \t")).toBe("Hi \t\r\n");
    expect(body("relaxed", "Hi \t")).toBe("Hi\r\n");
  });

  it("drops empty lines at the end only", () => {
    expect(body("simple", "a\r\n\r\nb\r\n\r\n\r\n")).toBe("a\r\n\r\nb\r\n");
    expect(body("relaxed", "a\r\n  \r\nb\r\n \r\n\t\r\n")).toBe("a\r\n\r\nb\r\n");
  });

  it("reads bare LF line ends as CRLF, and keeps a CR that ends no line", () => {
    expect(body("simple", "a\nb\n")).toBe("a\r\nb\r\n");
    expect(body("relaxed", "a \r b\r\n")).toBe("a \r b\r\n");
    expect(body("simple", "a\r")).toBe("a\r\r\n");
  });

  it("keeps U+00A0 and other non-ASCII spaces: they are not white space for DKIM", () => {
    const nbsp = "\xc2\xa0"; // U+00A0 in UTF-8
    const ideographic = "\xe3\x80\x80"; // U+3000
    expect(body("relaxed", `a${nbsp}${nbsp}b ${ideographic} \r\n`)).toBe(`a${nbsp}${nbsp}b ${ideographic}\r\n`);
    expect(body("relaxed", `a\x0b\x0cb\r\n`)).toBe(`a\x0b\x0cb\r\n`);
  });

  it("matches the line-by-line model for any body cut anywhere", () => {
    const byte = fc.constantFrom("a", "b", " ", " ", "\t", "\r", "\n", "\n", "\r\n", "\xa0", "\xc2", "\x0b");
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 20 }), fc.constantFrom<Canonicalization>("simple", "relaxed"), (parts, cuts, c) => {
        const text = parts.join("");
        const bytes = fromBinary(text);
        const chunks: Uint8Array[] = [];
        let at = 0;
        for (let i = 0; at < bytes.length; i++) {
          const size = cuts[i % cuts.length] as number;
          chunks.push(bytes.slice(at, at + size));
          at += size;
        }
        expect(canonicalBody(c, chunks)).toBe(modelBody(c, text));
      }),
      { numRuns: 3000 },
    );
  });

  it("passes long unchanged runs through without copying them", () => {
    const line = "x".repeat(1000) + "\r\n";
    const written: Uint8Array[] = [];
    const input = fromBinary(line.repeat(3));
    const canon = bodyCanonicalizer("relaxed", { write: (b) => void written.push(b.slice()) });
    canon.write(input);
    canon.end();
    expect(written.map(toBinary).join("")).toBe(line.repeat(3));
  });

  it("l= hashes only the first bytes and counts the rest", () => {
    const seen: string[] = [];
    const sink = new LimitedSink((b) => void seen.push(toBinary(b)), 5);
    sink.write(fromBinary("abc"));
    sink.write(fromBinary("defg"));
    sink.write(fromBinary("h"));
    expect(seen.join("")).toBe("abcde");
    expect(sink.total).toBe(8);
  });
});

describe("header canonicalization", () => {
  const field = (raw: string): RawField => {
    const [f] = splitRawHeader(raw + "\r\n");
    if (f === undefined) throw new Error("no field");
    return f;
  };
  it("relaxed: lower-case name, unfolded, runs of WSP to one SP, no WSP around the colon or at the end", () => {
    expect(canonicalizeField(field("SUBJECT  : \t Hello   \r\n\t world \t"), "relaxed")).toBe("subject:Hello world\r\n");
  });
  it("relaxed keeps U+00A0 and 8-bit bytes as they are, and does not lower-case them", () => {
    expect(canonicalizeField(field("Subject: \xc3\x84b\xc2\xa0 c"), "relaxed")).toBe("subject:\xc3\x84b\xc2\xa0 c\r\n");
  });
  it("simple keeps the field byte for byte, folding included, with CRLF line breaks", () => {
    expect(canonicalizeField(field("Subject :  a\n  b "), "simple")).toBe("Subject :  a\r\n  b \r\n");
  });
});

describe("base64 as DKIM writes it", () => {
  it("ignores folding white space and accepts missing padding", () => {
    expect(decodeBase64("AQ\r\n\tID")).toEqual(new Uint8Array([1, 2, 3]));
    expect(decodeBase64("AQI")).toEqual(new Uint8Array([1, 2]));
    expect(decodeBase64("AQI=")).toEqual(new Uint8Array([1, 2]));
  });
  it("rejects other characters, misplaced padding and non-zero bits after the last byte", () => {
    expect(decodeBase64("AQ*D")).toBeNull();
    expect(decodeBase64("AQ=D")).toBeNull();
    expect(decodeBase64("AQJ=")).toBeNull(); // "J" leaves bits set: two texts would decode alike
    expect(decodeBase64("A")).toBeNull();
    expect(decodeBase64("AQ===")).toBeNull();
  });
});
