/** readPolicy: the policy's schema, what Thunderbird's policy engine delivers, and problems with paths. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPolicy, LOCKABLE_KEYS, policyBoolean, policyNumber, POLICY_KEYS, readPolicy, underPath } from "../../../../src/core/policy/index.js";

const TLS_RULE = {
  id: "org-tls",
  name: "Tag TLS",
  conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }],
  actions: [{ type: "addTag", tag: "$org_tls" }],
};

describe("policy booleans and numbers", () => {
  it.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ["true", true],
    ["false", false],
    ["1", true],
    ["0", false],
  ])("%j reads as %j", (input, expected) => {
    expect(policyBoolean.parse(input)).toBe(expected);
    expect(readPolicy({ showBadge: input, allowUserRules: input, newMailSpecialFolders: input })).toEqual({
      policy: { showBadge: expected, allowUserRules: expected, newMailSpecialFolders: expected },
      problems: [],
    });
  });

  it.each([2, -1, "yes", "TRUE ", null, [], {}])("refuses %j with the key's path", (input) => {
    const { policy, problems } = readPolicy({ showBadge: input });
    expect(policy).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("showBadge");
    expect(problems[0]?.message).toMatch(/expected a boolean/);
  });

  it("numbers may be strings (registry REG_SZ)", () => {
    expect(policyNumber.parse("42")).toBe(42);
    expect(policyNumber.parse(" 7 ")).toBe(7);
    expect(policyNumber.parse(3)).toBe(3);
    expect(policyNumber.safeParse("seven").success).toBe(false);
  });
});

describe("readPolicy", () => {
  it("reads a complete valid policy", () => {
    const input = {
      trustedAuthservIds: ["mx.example.net", "@example.org"],
      accountTrust: [{ match: { emailDomain: "Corp.Example" }, trustedAuthservIds: ["mx.corp.example"] }],
      trustedForwarders: ["lists.example.org"],
      adminRules: [TLS_RULE],
      allowUserRules: false,
      bannerMode: "always",
      showBadge: true,
      newMailSpecialFolders: false,
      locked: ["bannerMode", "trustedAuthservIds"],
    };
    const { policy, problems } = readPolicy(input);
    expect(problems).toEqual([]);
    expect(policy.trustedAuthservIds).toEqual(["mx.example.net", "@example.org"]);
    expect(policy.accountTrust).toEqual([{ match: { emailDomain: "corp.example" }, trustedAuthservIds: ["mx.corp.example"] }]);
    expect(policy.adminRules?.[0]).toMatchObject({ id: "org-tls", enabled: true, stopAfter: false, match: "all" });
    expect(policy.locked).toEqual(["bannerMode", "trustedAuthservIds"]);
    expect(Object.keys(policy).sort()).toEqual(Object.keys(input).sort());
  });

  it("no policy is an empty policy without problems", () => {
    expect(readPolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(readPolicy(null)).toEqual({ policy: {}, problems: [] });
    expect(readPolicy({})).toEqual({ policy: {}, problems: [] });
  });

  it("a policy that is not an object is one problem at the top", () => {
    expect(readPolicy([1, 2])).toEqual({ policy: {}, problems: [{ path: "", message: "the policy must be a JSON object, found array" }] });
    expect(readPolicy("x").problems[0]?.path).toBe("");
  });

  it("locked: a list of keys, or all", () => {
    expect(readPolicy({ locked: "all" }).policy.locked).toBe("all");
    expect(readPolicy({ locked: [...LOCKABLE_KEYS] }).policy.locked).toEqual([...LOCKABLE_KEYS]);
    expect(readPolicy({ locked: ["showBadge", "showBadge"] }).policy.locked).toEqual(["showBadge"]);
    const bad = readPolicy({ locked: ["showBadge", "rules", "nonsense", 3] });
    expect(bad.policy.locked).toEqual(["showBadge"]);
    expect(bad.problems.map((p) => p.path)).toEqual(["locked[1]", "locked[2]", "locked[3]"]);
    expect(bad.problems[0]?.message).toMatch(/allowUserRules/);
    expect(readPolicy({ locked: "everything" }).problems).toEqual([{ path: "locked", message: expect.stringMatching(/expected "all" or a list/) as string }]);
  });

  it("a bad policy: every problem with its path, the valid parts applied", () => {
    const { policy, problems } = readPolicy({
      trustedAuthservIds: ["mx.example.net", "bad server;", 7],
      bannerMode: "sometimes",
      showBadge: "yes",
      locked: ["bannerMode", "colour"],
      accountTrust: [
        { match: {}, trustedAuthservIds: ["x.example"] },
        { match: { emailDomain: "corp.example" }, trustedAuthservIds: ["mx.corp.example"] },
        { match: { emailDomain: "corp.example", server: "x" }, trustedAuthservIds: [] },
        { match: { incomingServer: "imap.corp.example" }, trustedAuthservIds: "mx.corp.example" },
      ],
      adminRules: [{ ...TLS_RULE, actions: [] }, { ...TLS_RULE, id: "good" }, { ...TLS_RULE, id: "bad-op", negated: true }],
      allowUserRules: 2,
      trustedForwarders: "lists.example.org",
      colour: "red",
    });
    expect(problems.map((p) => p.path)).toEqual([
      "trustedAuthservIds[1]",
      "trustedAuthservIds[2]",
      "bannerMode",
      "showBadge",
      "locked[1]",
      "accountTrust[0].match",
      "accountTrust[2].match",
      "accountTrust[3].trustedAuthservIds",
      "adminRules[0].actions",
      "adminRules[2]",
      "allowUserRules",
      "trustedForwarders",
      "colour",
    ]);
    expect(problems.find((p) => p.path === "trustedAuthservIds[2]")?.message).toBe("expected string, found number");
    expect(problems.find((p) => p.path === "accountTrust[2].match")?.message).toBe("unknown key: server");
    expect(problems.find((p) => p.path === "adminRules[2]")?.message).toBe("unknown key: negated");
    expect(problems.find((p) => p.path === "colour")?.message).toMatch(/^unknown key: use one of trustedAuthservIds/);
    expect(policy).toEqual({
      trustedAuthservIds: ["mx.example.net"],
      locked: ["bannerMode"],
      accountTrust: [{ match: { emailDomain: "corp.example" }, trustedAuthservIds: ["mx.corp.example"] }],
      adminRules: [expect.objectContaining({ id: "good" })],
    });
  });

  it("reads the Windows registry form: lists and objects as JSON text", () => {
    const { policy, problems } = readPolicy({
      trustedAuthservIds: '["mx.example.net"]',
      accountTrust: '[{"match": {"emailDomain": "corp.example"}, "trustedAuthservIds": ["mx.corp.example"]}]',
      adminRules: JSON.stringify([TLS_RULE]),
      locked: '["bannerMode"]',
      showBadge: "0",
    });
    expect(problems).toEqual([]);
    expect(policy).toMatchObject({ trustedAuthservIds: ["mx.example.net"], locked: ["bannerMode"], showBadge: false });
    expect(policy.accountTrust).toHaveLength(1);
    expect(policy.adminRules?.map((r) => r.id)).toEqual(["org-tls"]);
    expect(readPolicy({ trustedAuthservIds: "[not json" }).problems).toEqual([{ path: "trustedAuthservIds", message: "expected a list (array), found string" }]);
  });

  it("booleans inside admin rules may be 0/1 or strings (macOS plists, registry)", () => {
    const rule = {
      ...TLS_RULE,
      enabled: 0,
      stopAfter: "1",
      conditions: [{ type: "methodResult", method: "tls", results: ["pass"], negate: 0 }],
      actions: [
        { type: "markRead", read: 1 },
        { type: "flag", flagged: "true" },
      ],
    };
    const { policy, problems } = readPolicy({ adminRules: [rule] });
    expect(problems).toEqual([]);
    const read = policy.adminRules?.[0];
    expect(read?.enabled).toBe(false);
    expect(read?.stopAfter).toBe(true);
    expect(read?.conditions[0]).toMatchObject({ negate: false });
    expect(read?.actions).toEqual([
      { type: "markRead", read: true },
      { type: "flag", flagged: true },
    ]);
    // Strings that are not booleans stay strings: a value "1" of a string condition is untouched.
    const fromDomain = readPolicy({
      adminRules: [{ ...TLS_RULE, conditions: [{ type: "fromDomain", op: "equals", value: "1" }] }],
    });
    expect(fromDomain.policy.adminRules?.[0]?.conditions[0]).toMatchObject({ value: "1" });
  });

  it("accountTrust matches are normalised (lower case, no @, no trailing dot)", () => {
    const { policy } = readPolicy({
      accountTrust: [{ match: { emailDomain: "@Corp.Example.", incomingServer: "IMAP.corp.example" }, trustedAuthservIds: ["mx.corp.example"] }],
    });
    expect(policy.accountTrust?.[0]?.match).toEqual({ emailDomain: "corp.example", incomingServer: "imap.corp.example" });
  });

  it("never throws, and keeps only known keys, on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const { policy, problems } = readPolicy(v);
        for (const key of Object.keys(policy)) expect(POLICY_KEYS).toContain(key);
        for (const p of problems) expect(typeof p.path).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on policies built from the real keys with random values", () => {
    const value = fc.oneof(fc.jsonValue(), fc.constantFrom(0, 1, "0", "1", "true", "all", [], {}, [TLS_RULE]));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...POLICY_KEYS, "other"), value), (input) => {
        const { policy, problems } = readPolicy(input);
        for (const key of Object.keys(input)) {
          // Each key is either applied or reported (a list may be both: valid entries kept, bad ones reported).
          const reported = problems.some((p) => p.path === key || p.path.startsWith(`${key}[`) || p.path.startsWith(`${key}.`));
          expect(key in policy || reported || (Array.isArray(input[key]) && (input[key] as unknown[]).length === 0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("findPolicy", () => {
  it("finds the AuthLens entry of a policies.json", () => {
    const doc = { policies: { "3rdparty": { Extensions: { "authlens@authlens.org": { showBadge: false } } } } };
    expect(findPolicy(doc)).toEqual({ entry: { showBadge: false }, path: 'policies["3rdparty"].Extensions["authlens@authlens.org"]' });
  });

  it("takes a bare object as the policy itself", () => {
    expect(findPolicy({ showBadge: false })).toEqual({ entry: { showBadge: false }, path: "" });
  });

  it("says what is missing", () => {
    expect(findPolicy({ policies: {} })).toMatch(/no policies\["3rdparty"\]/);
    expect(findPolicy({ policies: { "3rdparty": { Extensions: { "other@example.org": {} } } } })).toMatch(/found entries for: other@example.org/);
    expect(findPolicy([])).toMatch(/expected a JSON object/);
  });

  it("puts problem paths under the entry's path", () => {
    expect(underPath("base", { path: "a[0]", message: "m" }).path).toBe("base.a[0]");
    expect(underPath("base", { path: "", message: "m" }).path).toBe("base");
    expect(underPath("", { path: "a", message: "m" }).path).toBe("a");
  });
});

describe("the signature-check keys", () => {
  it("reads checkSignatures, dohServer and checkMaxMegabytes, and refuses what is not usable", () => {
    expect(readPolicy({ checkSignatures: "1", dohServer: "https://doh.example.org/dns-query", checkMaxMegabytes: "40" }).policy).toEqual({
      checkSignatures: true,
      dohServer: "https://doh.example.org/dns-query",
      checkMaxMegabytes: 40,
    });
    const bad = readPolicy({ dohServer: "http://doh.example.org/dns-query", checkMaxMegabytes: 0 });
    expect(bad.policy).toEqual({});
    expect(bad.problems.map((p) => p.path)).toEqual(["dohServer", "checkMaxMegabytes"]);
  });

  it("false and locked forbids the checks", () => {
    const { policy } = readPolicy({ checkSignatures: false, locked: ["checkSignatures"] });
    expect(policy).toEqual({ checkSignatures: false, locked: ["checkSignatures"] });
  });
});
