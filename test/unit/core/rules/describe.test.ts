/**
 * The one rule describer: English for the CLI (the _locales/en messages), any language for the
 * options page and the action log, values shown through the caller's sanitizer.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { englishRules } from "../../../../src/cli/rule-words.js";
import { reason, type MessageLookup } from "../../../../src/core/reason.js";
import { ruleDescriber } from "../../../../src/core/rules/describe.js";
import { EXAMPLE_RULES, type Action, type Condition } from "../../../../src/core/rules/index.js";
import { cond } from "./helpers.js";

const CONDITIONS: Condition[] = [
  cond({ type: "methodResult", method: "dkim", results: ["pass", "neutral", "policy"] }),
  cond({ type: "property", method: "dkim", ptype: "header", property: "d", op: "endsWith", value: "example.com" }),
  cond({ type: "verdict", levels: ["verified"] }),
  cond({ type: "arc", status: ["pass"] }),
  cond({ type: "tlsEncrypted", value: "no", allowDerived: true }),
  cond({ type: "tlsVersionAtLeast", version: "TLS1.2" }),
  cond({ type: "tlsStrength", levels: ["high", "medium"] }),
  cond({ type: "dmarcSource", sources: ["virtual", "authres"] }),
  cond({ type: "fromDomain", op: "matchesDomain", value: "example.com" }),
  cond({ type: "trustedResult", method: "tls", trusted: false }),
  cond({ type: "methodResult", method: "tls", results: ["pass"], negate: true }),
  cond({ type: "methodResult", method: "x-mycompany", results: ["ok"] }),
];

const ACTIONS: Action[] = [
  { type: "addTag", tag: "$authlens_tls", name: "TLS verified", color: "#2e7d32" },
  { type: "addTag", tag: "x" },
  { type: "removeTag", tag: "x" },
  { type: "moveTo", folder: { path: "AuthLens/DMARC failures" } },
  { type: "copyTo", folder: { accountId: "account1", specialUse: "archives" } },
  { type: "markRead", read: false },
  { type: "flag", flagged: true },
  { type: "markJunk", junk: false },
];

describe("the describer in English (the CLI)", () => {
  it("renders every condition type in readable words, and negation", () => {
    expect(CONDITIONS.map((c) => englishRules.condition(c))).toEqual([
      "DKIM result is pass, neutral, or policy",
      "DKIM property header.d ends with “example.com”",
      "the verdict is Verified",
      "the ARC status is pass (your server verified an intact chain)",
      "the hop into your server was in clear text (Received headers count too, though they are not verified)",
      "the TLS version is at least TLS 1.2",
      "the TLS strength is high or medium",
      "the DMARC result comes from virtual DMARC or your server's report",
      "the From domain is example.com or a subdomain of it",
      "TLS results appear only in headers from servers you do not trust",
      "not (TLS result is pass)",
      "x-mycompany result is ok",
    ]);
  });

  it("renders every action in words, without tag keys or colours", () => {
    expect(ACTIONS.map((a) => englishRules.action(a))).toEqual([
      "add the tag “TLS verified”",
      "add the tag “x”",
      "remove the tag “x”",
      "move to the folder “AuthLens/DMARC failures” of the message's own account",
      "copy to the Archives folder of the account account1",
      "mark as unread",
      "flag",
      "mark as not junk",
    ]);
  });

  it("summarises a rule in two sentences", () => {
    const example = EXAMPLE_RULES[0];
    if (example === undefined) throw new Error("no example");
    expect(englishRules.summary(example)).toEqual({ when: "When all of these hold: TLS result is pass.", then: "Then: add the tag “TLS verified”." });
    expect(englishRules.summary({ match: "any", conditions: CONDITIONS.slice(0, 2), actions: ACTIONS.slice(5, 7) })).toEqual({
      when: "When any of these holds: DKIM result is pass, neutral, or policy; DKIM property header.d ends with “example.com”.",
      then: "Then: mark as unread; flag.",
    });
  });

  it("renders the plan's skip notes", () => {
    expect(englishRules.reason(reason("rules_skipContradicts", "Tag it"))).toBe("It contradicts the rule “Tag it”, which comes first and wins");
  });
});

describe("the describer in any language", () => {
  /** Messages that show their key and parameters, to see what the describer asks for. */
  const keys: MessageLookup = (key, params) => (params.length === 0 ? `<${key}>` : `<${key}: ${params.join(" | ")}>`);
  const words = ruleDescriber({
    messages: keys,
    locale: "en",
    orList: (items) => items.join(" / "),
    shown: (v) => `[${v}]`,
    accountName: (id) => (id === "account1" ? "Work" : undefined),
    tagName: (key) => (key === "$authlens_tls" ? "TLS ok" : undefined),
  });

  it("passes every value from the rule through the sanitizer, and uses the list format", () => {
    expect(words.condition(CONDITIONS[0] as Condition)).toBe("<rules_descMethodResult: DKIM | [pass] / [neutral] / [policy]>");
    expect(words.condition(CONDITIONS[11] as Condition)).toBe("<rules_descMethodResult: [x-mycompany] | [ok]>");
    expect(words.condition(CONDITIONS[8] as Condition)).toBe("<rules_descFromDomain: <rules_opPhraseMatchesDomain: [example.com]>>");
  });

  it("names accounts and tags by the names the caller knows, Thunderbird's tag name first", () => {
    expect(words.action(ACTIONS[0] as Action)).toBe("<rules_descAddTag: [TLS ok]>");
    expect(words.action(ACTIONS[4] as Action)).toBe("<rules_descCopyTo: <rules_folderSpecialIn: <rules_specialArchives> | [Work]>>");
    expect(words.action({ type: "moveTo", folder: { accountId: "gone", path: "X" } })).toBe("<rules_descMoveTo: <rules_folderPathIn: [X] | [gone]>>");
  });

  it("shows a reason's parameters through the sanitizer (a rule name may come from a policy)", () => {
    expect(words.reason(reason("rules_skipMoved", "Org rule"))).toBe("<rules_skipMoved: [Org rule]>");
  });

  const LOCALES = ["en", "de", "fr", "ja"];
  it.each(LOCALES)("%s has every message the describer uses", (lang) => {
    const table = JSON.parse(readFileSync(new URL(`../../../../_locales/${lang}/messages.json`, import.meta.url), "utf8")) as Record<string, { message: string }>;
    const missing: string[] = [];
    const messages: MessageLookup = (key, params) => {
      const m = table[key]?.message;
      if (m === undefined) missing.push(key);
      return m?.replace(/\$([1-9])/g, (_x, d: string) => params[Number(d) - 1] ?? "");
    };
    const local = ruleDescriber({ messages, locale: lang, orList: (items) => items.join(", "), shown: (v) => v, accountName: () => "A" });
    for (const c of CONDITIONS) local.condition(c);
    for (const a of ACTIONS) local.action(a);
    for (const r of EXAMPLE_RULES) local.summary(r);
    for (const k of ["rules_skipMoved", "rules_skipCopyMoved", "rules_skipCopied", "rules_skipRepeated", "rules_skipContradicts"]) local.reason(reason(k, "R"));
    expect(missing).toEqual([]);
  });
});
