/** RFC 6376 §3.2 tag=value lists: white space, duplicates, unknown tags, offsets, never throwing. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { colonList, parseTagList, stripFws } from "../../../../src/core/verify/tag-list.js";

describe("tag lists", () => {
  it("takes white space around names, '=' and values as not part of them, and keeps inner white space", () => {
    const list = parseTagList(" v = 1 ;\r\n\ta=rsa-sha256;  h = from : to ;\tz=x|y ;");
    expect(list.valid).toBe(true);
    expect(list.tags.get("v")?.value).toBe("1");
    expect(list.tags.get("h")?.value).toBe("from : to");
    expect(colonList(list.tags.get("h")?.value ?? "")).toEqual(["from", "to"]);
    expect(list.tags.get("z")?.value).toBe("x|y");
  });

  it("gives offsets that point into the text", () => {
    const text = "a=1; bb = two ;c=";
    const list = parseTagList(text);
    const bb = list.tags.get("bb");
    if (bb === undefined) throw new Error("no bb");
    expect(text.slice(bb.nameStart, bb.nameStart + 2)).toBe("bb");
    expect(text.slice(bb.valueStart, bb.valueEnd)).toBe("two");
    expect(text[bb.specEnd]).toBe(";");
    expect(list.tags.get("c")).toMatchObject({ value: "", valueStart: text.length, specEnd: text.length });
  });

  it("makes the whole list invalid when a name appears twice", () => {
    const list = parseTagList("d=example.com; s=x; d=example.com");
    expect(list.valid).toBe(false);
    expect(list.diagnostics).toEqual([{ severity: "error", offset: 20, reason: { key: "taglist_duplicate", params: ["d"] } }]);
  });

  it("keeps unknown tags (callers ignore them) and is case-sensitive", () => {
    const list = parseTagList("x_future=1; A=upper; a=lower");
    expect(list.valid).toBe(true);
    expect(list.tags.get("A")?.value).toBe("upper");
    expect(list.tags.get("a")?.value).toBe("lower");
  });

  it("rejects a bad name, a missing '=' and control characters, with the offset", () => {
    expect(parseTagList("1a=x").diagnostics[0]).toMatchObject({ severity: "error", offset: 0, reason: { key: "taglist_badName" } });
    expect(parseTagList("a=1; b").diagnostics[0]).toMatchObject({ severity: "error", offset: 6, reason: { key: "taglist_noEquals" } });
    expect(parseTagList("a=x\x01y").diagnostics[0]).toMatchObject({ severity: "error", offset: 3, reason: { key: "taglist_badChar" } });
  });

  it("tolerates an empty tag-spec with a warning, and a final ';'", () => {
    const list = parseTagList("a=1;; b=2;");
    expect(list.valid).toBe(true);
    expect(list.diagnostics).toEqual([{ severity: "warning", offset: 4, reason: { key: "taglist_emptySpec", params: [] } }]);
  });

  it("strips folding white space from base64-like values", () => {
    expect(stripFws("ab c\r\n\tde")).toBe("abcde");
  });

  it("never throws and keeps offsets in range, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "=", ";", " ", "\t", "\r\n", "1", "_", "\x00", "é", "\xff") , maxLength: 80 }), (text) => {
        const list = parseTagList(text);
        for (const t of list.tags.values()) {
          expect(t.valueStart).toBeLessThanOrEqual(t.valueEnd);
          expect(t.specEnd).toBeLessThanOrEqual(text.length);
          expect(text.slice(t.valueStart, t.valueEnd)).toBe(t.value);
        }
        for (const d of list.diagnostics) expect(d.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});
