import { describe, expect, it } from "vitest";
import { checkDomain, displayNameAddress, isHighlyRestrictive, labelScripts } from "../../../src/core/lookalike.js";

describe("checkDomain", () => {
  it("plain ASCII domains are never look-alikes", () => {
    expect(checkDomain("example.com")).toEqual({ lookalike: false, reasons: [], imitates: null });
    expect(checkDomain("rnail.example.com").lookalike).toBe(false);
  });

  it("flags Latin+Cyrillic mixing and ASCII-confusable labels (A-label or Unicode input)", () => {
    for (const d of ["xn--exmple-4nf.com", "exаmple.com"]) {
      const r = checkDomain(d);
      expect(r.lookalike).toBe(true);
      expect(r.reasons.map((x) => x.key)).toEqual(["lookalike_mixedScript", "lookalike_confusable"]);
      // The scripts, never the look-alike label itself (which reads as the name it imitates).
      expect(r.reasons[0]?.params).toEqual(["Latin, Cyrillic"]);
      expect(r.imitates).toBe("example.com");
    }
  });

  it("names the domain imitated, never the TR39 skeleton (m stays m)", () => {
    expect(checkDomain("xn--exmple-4nf.com").imitates).toBe("example.com");
    expect(checkDomain("gοogle.example").imitates).toBe("google.example");
    for (const r of checkDomain("exаmple.com").reasons) for (const p of r.params) expect(p).not.toMatch(/exarnple|\u0430/);
  });

  it("imitates nothing when a look-alike letter has no ASCII twin", () => {
    expect(checkDomain("例え.example").imitates).toBeNull();
  });

  it("flags a whole-script confusable (all Cyrillic, looks like ASCII)", () => {
    const r = checkDomain("аррӏе.example");
    expect(r.lookalike).toBe(true);
    expect(r.reasons.map((x) => x.key)).toEqual(["lookalike_confusable"]);
  });

  it("flags Greek omicron in a Latin label", () => {
    expect(checkDomain("gοogle.example").lookalike).toBe(true);
  });

  it("accepts legitimate single-script and CJK IDNs", () => {
    for (const d of ["例え.example", "bücher.example", "münchen.example", "日本語とカタカナ.example", "пример.example", "δοκιμή.example"]) {
      expect(checkDomain(d).lookalike, d).toBe(false);
    }
  });

  it("flags compatibility (full-width) characters", () => {
    const r = checkDomain("ｅｘａｍｐｌｅ.com");
    expect(r.lookalike).toBe(true);
    expect(r.reasons.map((x) => x.key)).toContain("lookalike_notNormalized");
  });

  it("never throws on broken A-labels", () => {
    expect(() => checkDomain("xn--.example")).not.toThrow();
    expect(() => checkDomain("xn--zz-\u00ff.example")).not.toThrow();
  });
});

describe("script rules (TR39 Highly Restrictive)", () => {
  it("identifies scripts", () => {
    expect(labelScripts("exаmple")).toEqual(["Latin", "Cyrillic"]);
    expect(labelScripts("a1-例え")).toEqual(["Latin", "Han", "Hiragana"]);
  });
  it("allows the CJK combinations only", () => {
    expect(isHighlyRestrictive(["Latin", "Han", "Hiragana", "Katakana"])).toBe(true);
    expect(isHighlyRestrictive(["Latin", "Han", "Hangul"])).toBe(true);
    expect(isHighlyRestrictive(["Latin", "Cyrillic"])).toBe(false);
    expect(isHighlyRestrictive(["Hangul", "Hiragana"])).toBe(false);
  });
});

describe("displayNameAddress", () => {
  it("reports an address in the display name that differs from the real one", () => {
    expect(displayNameAddress("support@example.com", "support@attacker.example")).toBe("support@example.com");
    expect(displayNameAddress("Bank (service@bank.example)", "x@attacker.example")).toBe("service@bank.example");
  });
  it("is quiet when the display name shows the real address or none", () => {
    expect(displayNameAddress("alice@Example.com", "Alice@example.com")).toBeNull();
    expect(displayNameAddress("Alice Example", "alice@example.com")).toBeNull();
    expect(displayNameAddress(null, "alice@example.com")).toBeNull();
    expect(displayNameAddress("@ home", "a@example.com")).toBeNull();
  });
});
