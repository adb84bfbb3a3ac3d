/**
 * The rule set in force: the administrator's rules first, the user's when allowed, and a version
 * that depends on the rules alone, so turning "Check signatures myself" on or off never makes the
 * rules act again on messages they already handled.
 */
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../../../src/core/settings/schema.js";
import type { Rule } from "../../../../src/core/rules/schema.js";
import type { EffectiveSettings } from "../../../../src/shared/data-types.js";

vi.mock("webextension-polyfill", () => ({ default: {} }));

const rule = (id: string, conditions: Rule["conditions"]): Rule => ({
  id,
  name: id,
  enabled: true,
  match: "all",
  conditions,
  actions: [{ type: "markRead", read: true }],
  stopAfter: false,
});

function effective(rules: Rule[], adminRules: Rule[] = [], allowUserRules = true): EffectiveSettings {
  return { settings: { ...DEFAULT_SETTINGS, rules }, user: {}, policy: {}, problems: [], adminRules, allowUserRules, locked: [], policyProblems: [] };
}

const ON = { dohServer: "https://dns.quad9.net/dns-query", checkMaxMegabytes: 25 };
const LOCAL = rule("local", [{ type: "methodResult", method: "dkim", results: ["pass"], source: "local" }]);
const TLS = rule("tls", [{ type: "methodResult", method: "tls", results: ["pass"] }]);

describe("ruleSetFrom", () => {
  it("the version is the rules' alone: checking on or off gives the same one", async () => {
    const { ruleSetFrom } = await import("../../../../src/background/rules/rule-set.js");
    const on = ruleSetFrom(effective([TLS, LOCAL]), ON);
    const off = ruleSetFrom(effective([TLS, LOCAL]), null);
    expect(on.version).toBe(off.version);
    expect(on.ownChecks).toEqual(ON);
    expect(off.ownChecks).toBeNull();
    expect(ruleSetFrom(effective([TLS]), ON).version).not.toBe(on.version);
  });

  it("own checks only when a rule needs them; the administrator's rules first, a user rule cannot shadow one", async () => {
    const { ruleSetFrom } = await import("../../../../src/background/rules/rule-set.js");
    expect(ruleSetFrom(effective([TLS]), ON).ownChecks).toBeNull();
    const admin = { ...TLS, name: "admin" };
    const set = ruleSetFrom(effective([TLS, LOCAL], [admin]), ON);
    expect(set.rules.map((r) => [r.id, r.name])).toEqual([["tls", "admin"], ["local", "local"]]);
    expect([...set.adminRuleIds]).toEqual(["tls"]);
    expect(ruleSetFrom(effective([TLS, LOCAL], [admin], false), ON).rules.map((r) => r.name)).toEqual(["admin"]);
  });
});
