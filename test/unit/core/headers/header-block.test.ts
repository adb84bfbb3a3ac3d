import { describe, expect, it } from "vitest";
import { fieldsNamed, fromThunderbirdHeaders, parseHeaderBlock, unfold } from "../../../../src/core/headers/header-block.js";
import { fixture } from "../analysis-helpers.js";

describe("parseHeaderBlock", () => {
  it("splits, unfolds and keeps order (top first)", () => {
    const b = parseHeaderBlock("A: 1\r\nB: two\r\n  lines\r\nA: 3\r\n\r\nbody: not a header\r\n");
    expect(b.crossNameOrderKnown).toBe(true);
    expect(b.fields.map((f) => [f.name, f.value, f.index])).toEqual([
      ["A", "1", 0],
      ["B", "two  lines", 1],
      ["A", "3", 2],
    ]);
  });

  it("accepts LF, tabs in folds, no body and no final newline", () => {
    const b = parseHeaderBlock("Subject: a\n\tb\nX-Y:z");
    expect(b.fields.map((f) => f.value)).toEqual(["a\tb", "z"]);
  });

  it("keeps obs-fold white-space-only continuation lines in the field", () => {
    const b = parseHeaderBlock("Received: from a\n   \n by b\nTo: x\n\n");
    expect(b.fields.map((f) => f.value)).toEqual(["from a    by b", "x"]);
  });

  it("stops at the first empty line: attached messages' headers are never read", () => {
    const raw = [
      "Authentication-Results: mx.example.net; dmarc=fail header.from=example.com",
      "Content-Type: message/rfc822",
      "",
      "Authentication-Results: mx.example.net; dmarc=pass header.from=example.com",
      "From: a@example.com",
      "",
    ].join("\r\n");
    const b = parseHeaderBlock(raw);
    expect(fieldsNamed(b, "authentication-results").map((f) => f.value)).toEqual([
      "mx.example.net; dmarc=fail header.from=example.com",
    ]);
  });

  it("reads raw UTF-8 bytes (RFC 6532) and strings alike", () => {
    const text = "From: 用户 <用户@例え.example>\n\n";
    const fromBytes = parseHeaderBlock(new TextEncoder().encode(text));
    expect(fromBytes.fields[0]?.value).toBe("用户 <用户@例え.example>");
    expect(parseHeaderBlock(text).fields[0]?.value).toBe("用户 <用户@例え.example>");
  });

  it("skips an mbox From_ line, lines without a colon, and white space before the colon", () => {
    const b = parseHeaderBlock("From alice@example.com Tue May 14 09:12:03 2024\nnot a header\nSubject : hi\n\n");
    expect(b.fields.map((f) => [f.name, f.value])).toEqual([["Subject", "hi"]]);
  });

  it("a leading empty line means an empty header block", () => {
    expect(parseHeaderBlock("\r\nFrom: a@example.com\r\n").fields).toEqual([]);
  });

  it("reads a realistic fixture in order", () => {
    const b = parseHeaderBlock(fixture("gmail.eml"));
    const names = b.fields.map((f) => f.lname);
    expect(names.indexOf("arc-authentication-results")).toBeLessThan(names.indexOf("authentication-results"));
    expect(fieldsNamed(b, "received")).toHaveLength(3);
    expect(fieldsNamed(b, "x-received")).toHaveLength(1);
    expect(fieldsNamed(b, "arc-seal")[0]?.value).toMatch(/cv=none;\s+d=google\.com/);
  });

  it("unfold removes only line breaks before white space", () => {
    expect(unfold("a\r\n b\r\n\tc")).toBe("a b\tc");
    expect(unfold("no fold")).toBe("no fold");
  });
});

describe("fromThunderbirdHeaders", () => {
  it("keeps per-name order and says the cross-name order is unknown", () => {
    const b = fromThunderbirdHeaders({
      "authentication-results": ["mx.example.net; dmarc=pass", "other.example; dmarc=fail"],
      received: ["from a by b", "from c by d"],
      from: ["Alice <alice@example.com>"],
    });
    expect(b.crossNameOrderKnown).toBe(false);
    expect(fieldsNamed(b, "authentication-results").map((f) => f.value)).toEqual([
      "mx.example.net; dmarc=pass",
      "other.example; dmarc=fail",
    ]);
    expect(fieldsNamed(b, "received").map((f) => f.value)).toEqual(["from a by b", "from c by d"]);
  });

  it("tolerates single strings, undefined and folded values", () => {
    const b = fromThunderbirdHeaders({ Subject: "a\r\n b", x: undefined });
    expect(b.fields).toEqual([{ name: "Subject", lname: "subject", value: "a b", index: 0 }]);
  });
});
