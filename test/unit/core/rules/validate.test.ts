/** Schema and validateRules: invalid rules are skipped whole, with paths; valid ones are kept. */
import { describe, expect, it } from "vitest";
import { EXAMPLE_RULES, findRules, formatPath, rulesSchema, validateRules } from "../../../../src/core/rules/index.js";

const good = {
  id: "tls",
  name: "Tag TLS",
  conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }],
  actions: [{ type: "addTag", tag: "$authlens_tls", name: "TLS verified", color: "#2E7D32" }],
};

function problemsOf(rule: unknown): { path: string; message: string }[] {
  const { rules, problems } = validateRules([rule]);
  expect(rules).toEqual([]);
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) expect(p.ruleIndex).toBe(0);
  return problems.map(({ path, message }) => ({ path, message }));
}

describe("validateRules", () => {
  it("fills defaults and normalises keywords", () => {
    const { rules, problems } = validateRules([
      { ...good, conditions: [{ type: "methodResult", method: " TLS ", results: ["Pass"] }] },
    ]);
    expect(problems).toEqual([]);
    expect(rules[0]).toEqual({
      id: "tls",
      name: "Tag TLS",
      enabled: true,
      match: "all",
      stopAfter: false,
      conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }],
      actions: [{ type: "addTag", tag: "$authlens_tls", name: "TLS verified", color: "#2e7d32" }],
    });
  });

  it("the example rules are valid and disabled", () => {
    expect(validateRules(structuredClone(EXAMPLE_RULES))).toEqual({ rules: EXAMPLE_RULES, problems: [] });
    expect(EXAMPLE_RULES).toHaveLength(3);
    expect(EXAMPLE_RULES.every((r) => !r.enabled)).toBe(true);
    expect(EXAMPLE_RULES.map((r) => r.actions[0])).toEqual([
      { type: "addTag", tag: "$authlens_tls", name: "TLS verified", color: "#2e7d32" },
      { type: "moveTo", folder: { path: "AuthLens/DMARC failures" } },
      { type: "addTag", tag: "$authlens_arc", name: "Forwarded (ARC intact)", color: "#1565c0" },
    ]);
  });

  it("keeps valid rules and skips invalid ones whole, in order", () => {
    const bad = { ...good, id: "bad", actions: [{ type: "addTag", tag: "ok" }, { type: "moveTo", folder: { path: "" } }] };
    const { rules, problems } = validateRules([good, bad, { ...good, id: "third" }]);
    expect(rules.map((r) => r.id)).toEqual(["tls", "third"]);
    expect(problems).toEqual([{ path: "rules[1].actions[1].folder.path", message: "path must not be empty", ruleIndex: 1 }]);
  });

  it("unknown condition type", () => {
    expect(problemsOf({ ...good, conditions: [{ type: "spfPass" }] })).toEqual([
      { path: "rules[0].conditions[0].type", message: expect.stringMatching(/unknown condition type: use one of methodResult, property/) as unknown as string },
    ]);
  });

  it("unknown action type, and no delete", () => {
    const p = problemsOf({ ...good, actions: [{ type: "delete" }] });
    expect(p[0]?.path).toBe("rules[0].actions[0].type");
    expect(p[0]?.message).toMatch(/there is no delete/);
  });

  it("unknown keys are errors (a typo is not silently ignored)", () => {
    expect(problemsOf({ ...good, conditions: [{ type: "methodResult", method: "tls", results: ["pass"], negated: true }] })).toEqual([
      { path: "rules[0].conditions[0]", message: "unknown key: negated" },
    ]);
    expect(problemsOf({ ...good, colour: "red" })).toEqual([{ path: "rules[0]", message: "unknown key: colour" }]);
  });

  it("missing fields and wrong types", () => {
    const p = problemsOf({ name: "x", conditions: [], actions: [] });
    expect(p).toEqual(
      expect.arrayContaining([
        { path: "rules[0].id", message: "missing (expected string)" },
        { path: "rules[0].conditions", message: "a rule needs at least one condition" },
        { path: "rules[0].actions", message: "a rule needs at least one action" },
      ]),
    );
    expect(problemsOf({ ...good, enabled: "yes" })).toEqual([{ path: "rules[0].enabled", message: "expected boolean, found string" }]);
    expect(validateRules([null]).problems[0]?.message).toBe("expected object, found null");
    expect(problemsOf({ ...good, match: "most" })[0]?.path).toBe("rules[0].match");
  });

  it("bad operator, bad enum values, empty lists", () => {
    const prop = { type: "property", method: "dkim", ptype: "header", property: "d", op: "like", value: "x" };
    expect(problemsOf({ ...good, conditions: [prop] })[0]?.path).toBe("rules[0].conditions[0].op");
    expect(problemsOf({ ...good, conditions: [{ type: "verdict", levels: ["great"] }] })[0]?.path).toBe("rules[0].conditions[0].levels[0]");
    expect(problemsOf({ ...good, conditions: [{ type: "tlsVersionAtLeast", version: "TLS1.4" }] })[0]?.path).toBe(
      "rules[0].conditions[0].version",
    );
    expect(problemsOf({ ...good, conditions: [{ type: "methodResult", method: "tls", results: [] }] })).toEqual([
      { path: "rules[0].conditions[0].results", message: "results: give at least one" },
    ]);
    expect(problemsOf({ ...good, conditions: [{ type: "methodResult", method: "t l s", results: ["pass"] }] })[0]?.message).toMatch(
      /method must be a keyword/,
    );
  });

  it("matchesDomain needs a domain", () => {
    expect(problemsOf({ ...good, conditions: [{ type: "fromDomain", op: "matchesDomain", value: "not a domain" }] })).toEqual([
      { path: "rules[0].conditions[0].value", message: expect.stringMatching(/must be a domain/) as unknown as string },
    ]);
    expect(validateRules([{ ...good, conditions: [{ type: "fromDomain", op: "contains", value: "not a domain" }] }]).problems).toEqual([]);
  });

  it("tag keys must be Thunderbird-safe; colours #rrggbb", () => {
    const p = problemsOf({ ...good, actions: [{ type: "addTag", tag: "My Tag" }] });
    expect(p).toEqual([{ path: "rules[0].actions[0].tag", message: expect.stringMatching(/Thunderbird tag key/) as unknown as string }]);
    expect(problemsOf({ ...good, actions: [{ type: "removeTag", tag: "$label/1" }] })[0]?.path).toBe("rules[0].actions[0].tag");
    // Keys are case-insensitive and stored in lower case (docs/rules.md), as Thunderbird's are.
    expect(validateRules([{ ...good, actions: [{ type: "removeTag", tag: "$Label1" }] }]).rules[0]?.actions[0]).toEqual({ type: "removeTag", tag: "$label1" });
    expect(problemsOf({ ...good, actions: [{ type: "addTag", tag: "x", color: "green" }] })[0]?.path).toBe("rules[0].actions[0].color");
  });

  it("folders: a path or a special use, with the best explanation", () => {
    const ok = validateRules([
      {
        ...good,
        actions: [
          { type: "moveTo", folder: { path: "/AuthLens/DMARC failures/" } },
          { type: "copyTo", folder: { accountId: "account1", specialUse: "trash" } },
        ],
      },
    ]);
    expect(ok.problems).toEqual([]);
    expect(ok.rules[0]?.actions).toEqual([
      { type: "moveTo", folder: { path: "AuthLens/DMARC failures" } },
      { type: "copyTo", folder: { accountId: "account1", specialUse: "trash" } },
    ]);
    expect(problemsOf({ ...good, actions: [{ type: "moveTo", folder: { specialUse: "bin" } }] })[0]?.path).toBe(
      "rules[0].actions[0].folder.specialUse",
    );
    expect(problemsOf({ ...good, actions: [{ type: "moveTo", folder: { path: "a/../b" } }] })[0]?.path).toBe("rules[0].actions[0].folder.path");
    expect(problemsOf({ ...good, actions: [{ type: "moveTo", folder: {} }] })).toEqual([
      { path: "rules[0].actions[0].folder", message: expect.stringMatching(/folder must be \{"path"/) as unknown as string },
    ]);
    expect(problemsOf({ ...good, actions: [{ type: "moveTo", folder: "Junk" }] })[0]?.path).toBe("rules[0].actions[0].folder");
  });

  it("duplicate ids: the later rule is skipped", () => {
    const { rules, problems } = validateRules([good, { ...good, name: "again" }]);
    expect(rules.map((r) => r.name)).toEqual(["Tag TLS"]);
    expect(problems).toEqual([{ path: "rules[1].id", message: expect.stringMatching(/duplicate id "tls" \(already used by rules\[0\]\)/) as unknown as string, ruleIndex: 1 }]);
  });

  it("not a list, non-object entries, too many rules", () => {
    expect(validateRules({ rules: [] })).toEqual({ rules: [], problems: [{ path: "rules", message: "expected a list (array) of rules", ruleIndex: null }] });
    expect(validateRules([null, 3]).problems.map((p) => p.path)).toEqual(["rules[0]", "rules[1]"]);
    const many = Array.from({ length: 4 }, (_, i) => ({ ...good, id: `r${i}` }));
    const limited = validateRules(many, { maxRules: 2, path: "adminRules" });
    expect(limited.rules).toHaveLength(2);
    expect(limited.problems).toEqual([{ path: "adminRules[2]", message: "more than 2 rules: the rest are ignored", ruleIndex: null }]);
  });

  it("never throws, whatever the input", () => {
    for (const input of [undefined, null, 1, "x", [], [[]], [{}], [{ conditions: "x" }], [Object.create(null) as object]]) {
      expect(() => validateRules(input)).not.toThrow();
    }
  });

  it("rulesSchema is what settings can embed", () => {
    expect(rulesSchema.safeParse([good]).success).toBe(true);
  });
});

describe("findRules and formatPath", () => {
  it("reads a bare array, {rules}, {adminRules}, or a policies.json", () => {
    expect(findRules([good])).toEqual({ rules: [good], path: "" });
    expect(findRules({ rules: [good] })).toEqual({ rules: [good], path: "rules" });
    expect(findRules({ adminRules: [good] })).toEqual({ rules: [good], path: "adminRules" });
    const policies = { policies: { "3rdparty": { Extensions: { "authlens@authlens.org": { adminRules: [good] } } } } };
    expect(findRules(policies)).toEqual({ rules: [good], path: 'policies["3rdparty"].Extensions["authlens@authlens.org"].adminRules' });
    expect(findRules({ policies: {} })).toMatch(/has no policies\["3rdparty"\]/);
    expect(findRules({ policies: { "3rdparty": { Extensions: { "authlens@authlens.org": {} } } } })).toMatch(/adminRules$/);
    expect(findRules(42)).toMatch(/expected/);
  });

  it("formats paths", () => {
    expect(formatPath("", [0, "conditions", 1])).toBe("[0].conditions[1]");
    expect(formatPath("rules", [2, "a-b"])).toBe('rules[2]["a-b"]');
  });
});
