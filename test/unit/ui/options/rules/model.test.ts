/**
 * The rules editor's draft model: every condition and action survives the trip through the form
 * and back (and what comes back passes the core rule schema), lists are split as typed, new rules
 * get fresh ids, and problem paths from the background land on the rule and field they are about.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  actionSchema,
  ACTION_TYPES,
  conditionSchema,
  CONDITION_TYPES,
  ruleSchema,
  type Action,
  type Condition,
  type Rule,
} from "../../../../../src/core/rules/schema.js";
import { validateRules } from "../../../../../src/core/rules/validate.js";
import {
  actionToDraft,
  conditionToDraft,
  draftToAction,
  draftToCondition,
  draftToRule,
  emptyAction,
  emptyCondition,
  moveItem,
  newRule,
  newRuleId,
  pathSegments,
  problemsByRule,
  problemsUnder,
  ruleToDraft,
  splitList,
  type DraftRule,
} from "../../../../../src/ui/options/rules/model.js";

/** One of each condition type (some negated, some allowing derived TLS facts), as the schema stores them. */
const CONDITIONS: Condition[] = [
  { type: "methodResult", method: "dmarc", results: ["fail", "permerror"] },
  { type: "methodResult", negate: true, method: "spf", results: ["pass"] },
  { type: "property", method: "dkim", ptype: "header", property: "d", op: "matchesDomain", value: "example.com" },
  { type: "property", negate: true, method: "spf", ptype: "smtp", property: "mailfrom", op: "endsWith", value: "@example.org" },
  { type: "verdict", levels: ["failed", "suspicious"] },
  { type: "arc", negate: true, status: ["pass", "none"] },
  { type: "tlsEncrypted", value: "no" },
  { type: "tlsEncrypted", allowDerived: true, value: "yes" },
  { type: "tlsVersionAtLeast", allowDerived: true, version: "TLS1.3" },
  { type: "tlsVersionAtLeast", negate: true, version: "TLS1.0" },
  { type: "tlsStrength", levels: ["low", "medium"] },
  { type: "tlsStrength", negate: true, allowDerived: true, levels: ["high"] },
  { type: "dmarcSource", sources: ["virtual", "none"] },
  { type: "fromDomain", op: "contains", value: "paypa1" },
  { type: "fromDomain", negate: true, op: "matchesDomain", value: "example.com" },
  { type: "trustedResult", method: "tls", trusted: false },
  { type: "trustedResult", negate: true, method: "dkim", trusted: true },
];

/** One of each action type, with every optional field used somewhere. */
const ACTIONS: Action[] = [
  { type: "addTag", tag: "$authlens_tls", name: "TLS verified", color: "#2e7d32" },
  { type: "removeTag", tag: "$label1" },
  { type: "moveTo", folder: { path: "AuthLens/DMARC failures" } },
  { type: "moveTo", folder: { accountId: "account2", specialUse: "junk" } },
  { type: "copyTo", folder: { accountId: "account3", path: "Archive/2025" } },
  { type: "copyTo", folder: { specialUse: "archives" } },
  { type: "markRead", read: false },
  { type: "markRead", read: true },
  { type: "flag", flagged: false },
  { type: "markJunk", junk: true },
];

/** A rule around some conditions and actions, as JSON for validateRules. */
function ruleJson(conditions: unknown[], actions: unknown[] = [{ type: "flag", flagged: true }], id = "r1"): Record<string, unknown> {
  return { id, name: `Rule ${id}`, enabled: true, match: "all", conditions, actions, stopAfter: false };
}

describe("model: the samples cover the whole vocabulary", () => {
  it("every condition and action type has a sample, and every sample is valid as written", () => {
    expect(new Set(CONDITIONS.map((c) => c.type))).toEqual(new Set(CONDITION_TYPES));
    expect(new Set(ACTIONS.map((a) => a.type))).toEqual(new Set(ACTION_TYPES));
    for (const c of CONDITIONS) expect(conditionSchema.parse(c)).toEqual(c);
    for (const a of ACTIONS) expect(actionSchema.parse(a)).toEqual(a);
  });
});

describe("model: conditions through the form and back", () => {
  it.each(CONDITIONS.map((c) => [`${c.type}${c.negate === true ? " (negated)" : ""}`, c] as const))(
    "%s comes back as it was",
    (_name, c) => {
      expect(draftToCondition(conditionToDraft(c))).toStrictEqual(c);
    },
  );

  it("what comes back passes the core rule schema unchanged", () => {
    const back = CONDITIONS.map((c) => draftToCondition(conditionToDraft(c)));
    const { rules, problems } = validateRules([ruleJson(back)]);
    expect(problems).toEqual([]);
    expect(rules[0]?.conditions).toEqual(CONDITIONS);
  });

  it("a draft keeps the list as typed; the condition has it split", () => {
    const d = conditionToDraft({ type: "methodResult", method: "dkim", results: ["pass", "policy"] });
    expect(d.results).toBe("pass, policy");
    expect(draftToCondition({ ...d, results: " pass ,, neutral , " })).toEqual({ type: "methodResult", method: "dkim", results: ["pass", "neutral"] });
  });

  it("negate and allowDerived are written only when set, never as false", () => {
    const c = draftToCondition({ ...emptyCondition("tlsEncrypted"), negate: false, allowDerived: false, encrypted: "no" });
    expect(c).toStrictEqual({ type: "tlsEncrypted", value: "no" });
    expect(conditionToDraft({ type: "tlsEncrypted", value: "no" })).toMatchObject({ negate: false, allowDerived: false });
    // A type without allowDerived ignores the checkbox left on from another type.
    expect(draftToCondition({ ...emptyCondition("verdict"), allowDerived: true, levels: ["failed"] })).toStrictEqual({ type: "verdict", levels: ["failed"] });
  });

  it("a draft's lists are copies: editing the draft does not change the rule it came from", () => {
    const c: Condition = { type: "verdict", levels: ["failed"] };
    const d = conditionToDraft(c);
    d.levels.push("suspicious");
    expect(c.levels).toEqual(["failed"]);
    const back = draftToCondition(d);
    d.levels.push("verified");
    expect(back).toEqual({ type: "verdict", levels: ["failed", "suspicious"] });
  });

  it("switching a draft's type keeps the fields typed for the other type", () => {
    const typed = { ...emptyCondition("methodResult"), method: "dmarc", results: "fail" };
    // The method typed for one type is the method of the next.
    expect(draftToCondition({ ...typed, type: "trustedResult" })).toStrictEqual({ type: "trustedResult", method: "dmarc", trusted: true });
    // And switching back finds the results still there.
    const away = { ...typed, type: "verdict" as const, levels: ["failed" as const] };
    expect(draftToCondition({ ...away, type: "methodResult" })).toStrictEqual({ type: "methodResult", method: "dmarc", results: ["fail"] });
  });

  it("an empty draft of each type is written with only that type's keys (the strict schema accepts no others)", () => {
    for (const type of CONDITION_TYPES) {
      const { problems } = validateRules([ruleJson([draftToCondition(emptyCondition(type))])]);
      // Empty fields may be invalid, but never an unknown key.
      expect(problems.filter((p) => p.message.startsWith("unknown key"))).toEqual([]);
    }
  });
});

describe("model: actions through the form and back", () => {
  it.each(ACTIONS.map((a, i) => [`${a.type} #${i}`, a] as const))("%s comes back as it was", (_name, a) => {
    expect(draftToAction(actionToDraft(a))).toStrictEqual(a);
  });

  it("what comes back passes the core rule schema unchanged", () => {
    const back = ACTIONS.map((a) => draftToAction(actionToDraft(a)));
    const { rules, problems } = validateRules([ruleJson([{ type: "verdict", levels: ["failed"] }], back)]);
    expect(problems).toEqual([]);
    expect(rules[0]?.actions).toEqual(ACTIONS);
  });

  it("a tag key is trimmed and lower-cased, a blank name left out, a colour kept only when #rrggbb", () => {
    const d = { ...emptyAction("addTag"), tag: "  $My_Tag ", tagName: "  Mine  ", tagColor: "#AbCdEf" };
    expect(draftToAction(d)).toStrictEqual({ type: "addTag", tag: "$my_tag", name: "Mine", color: "#abcdef" });
    expect(draftToAction({ ...d, tagName: "   ", tagColor: "red" })).toStrictEqual({ type: "addTag", tag: "$my_tag" });
    expect(draftToAction({ ...emptyAction("removeTag"), tag: " $Old " })).toStrictEqual({ type: "removeTag", tag: "$old" });
  });

  it("a folder path loses its leading slashes; the message's own account is written as no accountId", () => {
    const d = { ...emptyAction("moveTo"), folderKind: "path" as const, path: "//Lists/ietf", accountId: "" };
    expect(draftToAction(d)).toStrictEqual({ type: "moveTo", folder: { path: "Lists/ietf" } });
    expect(draftToAction({ ...d, type: "copyTo", folderKind: "specialUse", specialUse: "trash", accountId: "account9" })).toStrictEqual({
      type: "copyTo",
      folder: { accountId: "account9", specialUse: "trash" },
    });
  });

  it("a folder draft remembers which kind it is, and the account", () => {
    expect(actionToDraft({ type: "copyTo", folder: { accountId: "a1", specialUse: "sent" } })).toMatchObject({
      folderKind: "specialUse",
      specialUse: "sent",
      accountId: "a1",
    });
    expect(actionToDraft({ type: "moveTo", folder: { path: "X/Y" } })).toMatchObject({ folderKind: "path", path: "X/Y", accountId: "" });
  });
});

describe("model: rules through the form and back", () => {
  const RULES: Rule[] = [
    ruleSchema.parse({ id: "user-0123456789ab", name: "Everything", enabled: false, match: "any", stopAfter: true, conditions: CONDITIONS, actions: ACTIONS }),
    ruleSchema.parse({ id: "example-dmarc-fail", name: "Move DMARC failures", conditions: [CONDITIONS[0]], actions: [ACTIONS[2]] }),
  ];

  it("every field of a rule comes back as it was", () => {
    for (const r of RULES) expect(draftToRule(ruleToDraft(r))).toStrictEqual(r);
  });

  it("a list of rules back from the form validates with no problems and equals the original", () => {
    const { rules, problems } = validateRules(RULES.map((r) => draftToRule(ruleToDraft(r))));
    expect(problems).toEqual([]);
    expect(rules).toEqual(RULES);
  });

  it("the draft of a rule has one draft per condition and per action, in order", () => {
    const d = ruleToDraft(RULES[0] ?? ruleSchema.parse(ruleJson([CONDITIONS[0]])));
    expect(d.conditions.map((c) => c.type)).toEqual(CONDITIONS.map((c) => c.type));
    expect(d.actions.map((a) => a.type)).toEqual(ACTIONS.map((a) => a.type));
    expect(d).toMatchObject({ id: "user-0123456789ab", name: "Everything", enabled: false, match: "any", stopAfter: true });
  });
});

describe("model: splitList", () => {
  it("splits at commas, trims, and drops empty items", () => {
    expect(splitList("pass, softfail")).toEqual(["pass", "softfail"]);
    expect(splitList(" pass ,softfail,, neutral ,")).toEqual(["pass", "softfail", "neutral"]);
    expect(splitList("pass")).toEqual(["pass"]);
  });

  it("nothing typed is an empty list", () => {
    expect(splitList("")).toEqual([]);
    expect(splitList(" , ,")).toEqual([]);
  });
});

describe("model: new rules", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("an id is user- and 12 hex digits, and two in a row differ", () => {
    const a = newRuleId(new Set());
    const b = newRuleId(new Set([a]));
    expect(a).toMatch(/^user-[0-9a-f]{12}$/);
    expect(b).toMatch(/^user-[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
  });

  it("an id already taken is never given out, however the random draw falls", () => {
    const draws = [0x00, 0xab, 0x01];
    vi.spyOn(crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const fill = draws.shift() ?? 0xff;
      if (array instanceof Uint8Array) array.fill(fill);
      return array;
    });
    expect(newRuleId(new Set(["user-000000000000", "user-abababababab"]))).toBe("user-010101010101");
  });

  it("a new rule is enabled, named, valid as it stands, and has an id not taken", () => {
    const taken = new Set(["user-aaaaaaaaaaaa"]);
    const r = newRule(taken, "New rule");
    expect(r).toMatchObject({ name: "New rule", enabled: true, match: "all", stopAfter: false });
    expect(taken.has(r.id)).toBe(false);
    const { rules, problems } = validateRules([draftToRule(r)]);
    expect(problems).toEqual([]);
    expect(rules[0]?.conditions).toEqual([{ type: "methodResult", method: "dmarc", results: ["fail"] }]);
    expect(rules[0]?.actions).toEqual([{ type: "flag", flagged: true }]);
  });

  it("rules added one after another all get different ids, and the list validates (no duplicate id)", () => {
    const drafts: DraftRule[] = [];
    for (let i = 0; i < 50; i++) drafts.push(newRule(new Set(drafts.map((d) => d.id)), `Rule ${i}`));
    expect(new Set(drafts.map((d) => d.id)).size).toBe(50);
    expect(validateRules(drafts.map(draftToRule)).problems).toEqual([]);
  });
});

describe("model: pathSegments", () => {
  it("reads brackets, dots and quoted keys alike", () => {
    expect(pathSegments("rules[2].conditions[0].value")).toEqual(["rules", "2", "conditions", "0", "value"]);
    expect(pathSegments("rules.2.conditions.0.value")).toEqual(["rules", "2", "conditions", "0", "value"]);
    expect(pathSegments('rules[2]["odd key"]')).toEqual(["rules", "2", "odd key"]);
  });

  it("unescapes quoted keys, and keeps a dot inside quotes in one segment", () => {
    expect(pathSegments('a["say \\"hi\\""].b')).toEqual(["a", 'say "hi"', "b"]);
    expect(pathSegments('policy["3rdparty"]["a.b"]')).toEqual(["policy", "3rdparty", "a.b"]);
  });

  it("an empty path has no segments", () => {
    expect(pathSegments("")).toEqual([]);
  });
});

describe("model: problemsByRule and problemsUnder", () => {
  it("the background's problem paths land on the rule (by position in the save) and the field", () => {
    const ids = ["user-a", "user-b", "user-c"];
    const bad = [
      ruleJson([{ type: "verdict", levels: ["failed"] }], undefined, "user-a"),
      ruleJson([{ type: "methodResult", method: "dmarc", results: [] }], [{ type: "addTag", tag: "Bad Tag" }], "user-b"),
      ruleJson([{ type: "fromDomain", op: "matchesDomain", value: "not a domain" }], undefined, "user-c"),
    ];
    const { problems } = validateRules(bad);
    const { byRule, other } = problemsByRule(problems, ids);
    expect(other).toEqual([]);
    expect(byRule.has("user-a")).toBe(false);
    expect(byRule.get("user-b")?.map((p) => p.at)).toEqual(["conditions.0.results", "actions.0.tag"]);
    expect(byRule.get("user-c")?.map((p) => p.at)).toEqual(["conditions.0.value"]);
    expect(byRule.get("user-c")?.[0]?.message).toContain("matchesDomain");
  });

  it("a problem with the rule itself is at '', and problems not about one rule go to other", () => {
    const problems = [
      { path: "rules[1]", message: "expected an object" },
      { path: "rules", message: "expected a list" },
      { path: "rules[7].name", message: "no such rule in this save" },
      { path: "bannerMode", message: "bad value" },
      { path: "policy.rules[0].name", message: "not ours" },
    ];
    const { byRule, other } = problemsByRule(problems, ["x", "y"]);
    expect([...byRule.entries()]).toEqual([["y", [{ at: "", message: "expected an object" }]]]);
    expect(other.map((p) => p.path)).toEqual(["rules", "rules[7].name", "bannerMode", "policy.rules[0].name"]);
  });

  it("another base names the list (adminRules)", () => {
    const { byRule, other } = problemsByRule([{ path: "adminRules[0].id", message: "m" }, { path: "rules[0].id", message: "n" }], ["admin-1"], "adminRules");
    expect(byRule.get("admin-1")).toEqual([{ at: "id", message: "m" }]);
    expect(other).toEqual([{ path: "rules[0].id", message: "n" }]);
  });

  it("problemsUnder finds the problems at a place and below it, not at a sibling with a longer number", () => {
    const list = [
      { at: "conditions.0", message: "a" },
      { at: "conditions.0.value", message: "b" },
      { at: "conditions.01", message: "not a child" },
      { at: "conditions.10.value", message: "c" },
      { at: "actions.0.tag", message: "d" },
    ];
    expect(problemsUnder(list, "conditions.0").map((p) => p.message)).toEqual(["a", "b"]);
    expect(problemsUnder(list, "conditions.1")).toEqual([]);
    expect(problemsUnder(list, "actions").map((p) => p.message)).toEqual(["d"]);
    expect(problemsUnder(undefined, "conditions.0")).toEqual([]);
  });
});

describe("model: moveItem", () => {
  const list = ["a", "b", "c", "d"] as const;

  it("moves an item up or down to the given place, keeping the others in order", () => {
    expect(moveItem(list, 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(list, 3, 1)).toEqual(["a", "d", "b", "c"]);
    expect(moveItem(list, 1, 0)).toEqual(["b", "a", "c", "d"]);
    expect(moveItem(list, 2, 2)).toEqual(["a", "b", "c", "d"]);
  });

  it("a target outside the list changes nothing", () => {
    expect(moveItem(list, 0, -1)).toEqual(["a", "b", "c", "d"]);
    expect(moveItem(list, 0, 4)).toEqual(["a", "b", "c", "d"]);
    expect(moveItem(list, 1, 9)).toEqual(["a", "b", "c", "d"]);
  });

  it("returns a new list and leaves the given one alone", () => {
    const input = ["x", "y"];
    const out = moveItem(input, 0, 1);
    expect(out).toEqual(["y", "x"]);
    expect(input).toEqual(["x", "y"]);
    expect(moveItem(input, 0, 5)).not.toBe(input);
  });
});

describe("a tag action without a colour", () => {
  it("stays without one through the editor (editing a rule must not change others)", async () => {
    const { actionToDraft, draftToAction } = await import("../../../../../src/ui/options/rules/model.js");
    expect(draftToAction(actionToDraft({ type: "addTag", tag: "$x" }))).toEqual({ type: "addTag", tag: "$x" });
  });
});
