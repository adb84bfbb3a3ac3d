/** ruleSetVersion: stable, content-addressed, changes when what decides the actions changes. */
import { describe, expect, it } from "vitest";
import { canonicalJson, EXAMPLE_RULES, fnv1a64, type Rule, ruleSetVersion } from "../../../../src/core/rules/index.js";
import { rule } from "./helpers.js";

describe("ruleSetVersion", () => {
  const a = rule({ id: "a", name: "A", conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }] });
  const b = rule({ id: "b", name: "B", conditions: [{ type: "verdict", levels: ["failed"] }], actions: [{ type: "flag", flagged: true }] });

  it("FNV-1a 64 known vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("is stable: same rules, key order irrelevant, a fixed value", () => {
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as Rule;
    expect(ruleSetVersion([a, b])).toBe(ruleSetVersion([reordered, structuredClone(b)]));
    expect(ruleSetVersion([a, b])).toMatch(/^v1-[0-9a-f]{16}$/);
    expect(ruleSetVersion([])).toBe(`v1-${fnv1a64("[]")}`);
    expect(canonicalJson({ b: 1, a: [undefined, { d: undefined, c: "x" }] })).toBe('{"a":[null,{"c":"x"}],"b":1}');
  });

  it("changes when a rule changes, is added, removed, reordered, enabled or disabled", () => {
    const base = ruleSetVersion([a, b]);
    const variants: Rule[][] = [
      [{ ...a, name: "A2" }, b],
      [{ ...a, match: "any" }, b],
      [{ ...a, stopAfter: true }, b],
      [{ ...a, conditions: [{ type: "methodResult", method: "tls", results: ["pass"], negate: true }] }, b],
      [a, { ...b, actions: [{ type: "flag", flagged: false }] }],
      [b, a],
      [a],
      [a, b, rule({ conditions: [{ type: "arc", status: ["pass"] }] })],
      [a, { ...b, enabled: false }],
    ];
    const versions = new Set(variants.map(ruleSetVersion));
    expect(versions.has(base)).toBe(false);
    expect(versions.size).toBe(variants.length - 1); // [a] and [a, b disabled] act the same
    expect(ruleSetVersion([a])).toBe(ruleSetVersion([a, { ...b, enabled: false }]));
  });

  it("edits to disabled rules do not change it (the shipped examples are all disabled)", () => {
    expect(ruleSetVersion(EXAMPLE_RULES)).toBe(ruleSetVersion([]));
    const disabled = { ...b, enabled: false };
    expect(ruleSetVersion([a, disabled])).toBe(ruleSetVersion([a, { ...disabled, name: "renamed" }]));
  });
});
