/** fast-check: evaluation never throws and is deterministic on random valid rules and random messages. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeMessage } from "../../../../src/core/analyze.js";
import { parseHeaderBlock } from "../../../../src/core/headers/header-block.js";
import {
  ARC_STATUSES,
  DMARC_SOURCES,
  evaluateRules,
  planActions,
  type RuleInput,
  ruleSchema,
  ruleSetVersion,
  STRING_OPS,
  TLS_ENCRYPTED,
  TLS_STRENGTHS,
  TLS_VERSIONS,
  validateRules,
  VERDICT_LEVELS,
} from "../../../../src/core/rules/index.js";
import { headerBlock } from "../header-arbitraries.js";

const METHODS = ["tls", "dkim", "spf", "dmarc", "arc", "compauth", "x-custom", "auth", "iprev"];
const RESULTS = ["pass", "fail", "none", "softfail", "neutral", "temperror", "permerror", "bestguesspass", "weird"];
const PIECES = [
  "mx.example.net;",
  "other.example;",
  " dkim=pass",
  " dmarc=fail",
  " dmarc=none",
  " spf=softfail",
  " tls=pass",
  " tls=none",
  " arc=pass",
  " x-custom=okay",
  " header.from=example.com",
  " header.d=example.com",
  " key.strength=high",
  " tls.v=TLS1.2",
  " smtp.mailfrom=a@example.com",
  "i=1;",
  " a=rsa-sha256;",
  " cv=none;",
  " d=lists.example.org;",
  "from a.example (a.example [192.0.2.1])",
  " by mx.example.net",
  " with ESMTPS",
  " (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))",
  "Alice <alice@example.com>",
  "<x@xn--exmple-4nf.com>",
  "用户@例え.example",
  "(",
  ")",
  '"',
  ";",
  "=",
  "@",
  "\r\n ",
];

const rawMessage = headerBlock(PIECES, { maxPieces: 16, maxRandom: 6, maxFields: 12, body: "body\r\n" });

const negate = fc.option(fc.boolean(), { nil: undefined });
const someOf = <T>(xs: readonly T[]) => fc.uniqueArray(fc.constantFrom(...xs), { minLength: 1, maxLength: xs.length });
const text = fc.oneof(fc.constantFrom("example.com", "com", "EXAMPLE", "例え", "high", "x"), fc.string({ minLength: 1, maxLength: 8 }));

const condition = fc.oneof(
  fc.record({ type: fc.constant("methodResult"), negate, method: fc.constantFrom(...METHODS), results: someOf(RESULTS) }),
  fc.record({
    type: fc.constant("property"),
    negate,
    method: fc.constantFrom(...METHODS),
    ptype: fc.constantFrom("header", "smtp", "key", "tls"),
    property: fc.constantFrom("d", "from", "mailfrom", "strength", "v"),
    op: fc.constantFrom(...STRING_OPS),
    value: text,
  }),
  fc.record({ type: fc.constant("verdict"), negate, levels: someOf(VERDICT_LEVELS) }),
  fc.record({ type: fc.constant("arc"), negate, status: someOf(ARC_STATUSES) }),
  fc.record({ type: fc.constant("tlsEncrypted"), negate, allowDerived: fc.boolean(), value: fc.constantFrom(...TLS_ENCRYPTED) }),
  fc.record({ type: fc.constant("tlsVersionAtLeast"), negate, version: fc.constantFrom(...TLS_VERSIONS) }),
  fc.record({ type: fc.constant("tlsStrength"), negate, levels: someOf(TLS_STRENGTHS) }),
  fc.record({ type: fc.constant("dmarcSource"), negate, sources: someOf(DMARC_SOURCES) }),
  fc.record({ type: fc.constant("fromDomain"), negate, op: fc.constantFrom(...STRING_OPS), value: text }),
  fc.record({ type: fc.constant("trustedResult"), negate, method: fc.constantFrom(...METHODS), trusted: fc.boolean() }),
);

const folder = fc.oneof(
  fc.record({ path: fc.constantFrom("A", "A/B", "AuthLens/DMARC failures") }),
  fc.record({ specialUse: fc.constantFrom("trash", "junk", "archives") }),
);
const action = fc.oneof(
  fc.record({ type: fc.constant("addTag"), tag: fc.constantFrom("$a", "$b", "c") }),
  fc.record({ type: fc.constant("removeTag"), tag: fc.constantFrom("$a", "$b", "c") }),
  fc.record({ type: fc.constant("moveTo"), folder }),
  fc.record({ type: fc.constant("copyTo"), folder }),
  fc.record({ type: fc.constant("markRead"), read: fc.boolean() }),
  fc.record({ type: fc.constant("flag"), flagged: fc.boolean() }),
  fc.record({ type: fc.constant("markJunk"), junk: fc.boolean() }),
);

const rules = fc
  .array(
    fc.record({
      enabled: fc.boolean(),
      match: fc.constantFrom("all", "any"),
      stopAfter: fc.boolean(),
      conditions: fc.array(condition, { minLength: 1, maxLength: 4 }),
      actions: fc.array(action, { minLength: 1, maxLength: 4 }),
    }),
    { maxLength: 6 },
  )
  .map((rs) =>
    rs
      .map((r, i) => ({ id: `r${i}`, name: `Rule ${i}`, ...r }) as RuleInput)
      // Random text values may not be valid for matchesDomain: keep only what the schema accepts.
      .flatMap((r) => {
        const parsed = ruleSchema.safeParse(r);
        return parsed.success ? [parsed.data] : [];
      }),
  );

const trustLists = fc.constantFrom([], ["mx.example.net"], ["@example.net"], ["other.example", "mx.example.net"]);

describe("rules: properties", () => {
  it("evaluateRules never throws, is deterministic, and honours enabled/stopAfter/match", () => {
    fc.assert(
      fc.property(rules, rawMessage, trustLists, (rs, raw, trust) => {
        const analysis = analyzeMessage(parseHeaderBlock(raw), { trustedAuthservIds: trust, trustedForwarders: [] });
        const matches = evaluateRules(rs, analysis);
        expect(evaluateRules(rs, analysis)).toEqual(matches);
        const enabled = rs.filter((r) => r.enabled);
        expect(matches.length).toBeLessThanOrEqual(enabled.length);
        matches.forEach((m, i) => {
          const r = enabled[i];
          expect(m.ruleId).toBe(r?.id);
          const outcomes = m.conditions.map((c) => c.matched);
          expect(m.matched).toBe(r?.match === "all" ? outcomes.every(Boolean) : outcomes.some(Boolean));
          expect(m.actions).toEqual(m.matched ? r?.actions : []);
          // Only the last evaluated rule may have stopped evaluation.
          if (i < matches.length - 1) expect(m.stopped).toBe(false);
        });
        if (matches.length < enabled.length) expect(matches.at(-1)?.stopped).toBe(true);

        const plan = planActions(matches);
        expect(plan.actions.filter((p) => p.action.type === "moveTo").length).toBeLessThanOrEqual(1);
        const moveAt = plan.actions.findIndex((p) => p.action.type === "moveTo");
        if (moveAt !== -1) expect(moveAt).toBe(plan.actions.length - 1);
        const total = matches.reduce((n, m) => n + m.actions.length, 0);
        expect(plan.actions.length + plan.skipped.length).toBe(total);
      }),
      { numRuns: 300 },
    );
  });

  it("without any trusted server, result and property conditions never match", () => {
    fc.assert(
      fc.property(rawMessage, fc.constantFrom(...METHODS), someOf(RESULTS), (raw, method, results) => {
        const analysis = analyzeMessage(parseHeaderBlock(raw), { trustedAuthservIds: [], trustedForwarders: [] });
        const r = ruleSchema.parse({
          id: "x",
          name: "x",
          match: "any",
          conditions: [
            { type: "methodResult", method, results },
            { type: "property", method, ptype: "header", property: "d", op: "contains", value: "e" },
            { type: "trustedResult", method, trusted: true },
            { type: "tlsEncrypted", value: "yes" },
          ],
          actions: [{ type: "flag", flagged: true }],
        });
        expect(evaluateRules([r], analysis)[0]?.matched).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("validation round-trips: valid rules validate to themselves, with the same version", () => {
    fc.assert(
      fc.property(rules, (rs) => {
        const unique = rs.map((r, i) => ({ ...r, id: `id${i}` }));
        const again = validateRules(JSON.parse(JSON.stringify(unique)));
        expect(again.problems).toEqual([]);
        expect(again.rules).toEqual(unique);
        expect(ruleSetVersion(again.rules)).toBe(ruleSetVersion(unique));
      }),
      { numRuns: 200 },
    );
  });

  it("validateRules never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const out = validateRules(v);
        expect(Array.isArray(out.rules)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
