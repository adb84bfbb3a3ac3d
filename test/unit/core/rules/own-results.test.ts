/**
 * Rules on AuthLens's own results (methodResult with source local / either, and domain): evaluated
 * on real signed fixtures verified by the engine, never true without the own checks, and what the
 * schema and the describer say about them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeMessage, type Analysis } from "../../../../src/core/analyze.js";
import { parseHeaderBlock } from "../../../../src/core/headers/header-block.js";
import { englishRules as words } from "../../../../src/cli/rule-words.js";
import { evaluateCondition, needsOwnChecks, ownChecksMatter, ruleFacts, validateRules } from "../../../../src/core/rules/index.js";
import { verifyMessage } from "../../../../src/core/verify/verify-message.js";
import { cond, rule } from "./helpers.js";
import { deps, expectedCases, generatedResolver, GENERATED } from "../verify/helpers.js";


async function analyzed(file: string, trust: string[] = []): Promise<{ plain: Analysis; own: Analysis }> {
  const bytes = readFileSync(join(GENERATED, file));
  const c = expectedCases().find((x) => x.file === file);
  const verification = await verifyMessage(bytes, deps(generatedResolver(), c?.now ?? 1767229200));
  const block = parseHeaderBlock(bytes);
  const settings = { trustedAuthservIds: trust, trustedForwarders: [] };
  return { plain: analyzeMessage(block, settings), own: analyzeMessage(block, settings, verification) };
}

const holds = (c: Record<string, unknown>, a: Analysis) => evaluateCondition(cond(c), ruleFacts(a));

describe("methodResult on AuthLens's own results", () => {
  it("local dkim pass holds on a verified signature, only with the own checks, and for its domain", async () => {
    const { plain, own } = await analyzed("01-rsa2048-relaxed.eml");
    const local = { type: "methodResult", method: "dkim", results: ["pass"], source: "local" };
    expect(holds(local, own)).toBe(true);
    expect(holds(local, plain)).toBe(false);
    expect(holds({ ...local, domain: "example.com" }, own)).toBe(true);
    expect(holds({ ...local, domain: "@EXAMPLE.com" }, own)).toBe(true);
    expect(holds({ ...local, domain: "other.example" }, own)).toBe(false);
    expect(holds({ ...local, domain: "ample.com" }, own)).toBe(false);
    // The default source is the server's report: there is none in this message.
    expect(holds({ type: "methodResult", method: "dkim", results: ["pass"] }, own)).toBe(false);
    expect(holds({ ...local, source: "either" }, own)).toBe(true);
  });

  it("a body changed after signing gives local dkim fail, never pass", async () => {
    const { own } = await analyzed("05-body-changed.eml");
    expect(holds({ type: "methodResult", method: "dkim", results: ["pass"], source: "local" }, own)).toBe(false);
    expect(holds({ type: "methodResult", method: "dkim", results: ["fail"], source: "local" }, own)).toBe(true);
  });

  it("without AuthLens's own check, a local condition holds neither way: its negation is false too", async () => {
    const { plain, own } = await analyzed("05-body-changed.eml");
    const notPass = { type: "methodResult", method: "dkim", results: ["pass"], source: "local", negate: true };
    expect(holds(notPass, plain)).toBe(false);
    expect(holds({ ...notPass, negate: false }, plain)).toBe(false);
    // With the check made, the negation holds where the signature did not pass.
    expect(holds(notPass, own)).toBe(true);
    // "either" still reads the servers' results (none here), and its negation holds as before.
    expect(holds({ ...notPass, source: "either" }, plain)).toBe(true);
  });

  it("a key whose DNS answer failed is temperror", async () => {
    const { own } = await analyzed("21-key-servfail.eml");
    expect(holds({ type: "methodResult", method: "dkim", results: ["temperror"], source: "local" }, own)).toBe(true);
    expect(holds({ type: "methodResult", method: "dkim", results: ["pass"], source: "local" }, own)).toBe(false);
  });

  it("a pass the verdict would not rest on (l= leaves text unsigned, a key in testing mode) is policy for rules, DMARC too", async () => {
    for (const file of ["10-length-limit-appended.eml", "26-key-testing.eml"]) {
      const { own } = await analyzed(file);
      expect(own.own?.dkim.map((d) => d.result), file).toContain("pass");
      expect(holds({ type: "methodResult", method: "dkim", results: ["pass"], source: "local" }, own), file).toBe(false);
      expect(holds({ type: "methodResult", method: "dkim", results: ["policy"], source: "local" }, own), file).toBe(true);
      expect(holds({ type: "methodResult", method: "dkim", results: ["fail"], source: "local" }, own), file).toBe(false);
    }
    // The engine's DMARC passes on the l= signature (as DMARC says); a rule sees policy.
    const { own } = await analyzed("10-length-limit-appended.eml");
    expect(own.own?.dmarc.result).toBe("pass");
    expect(holds({ type: "methodResult", method: "dmarc", results: ["pass"], source: "local" }, own)).toBe(false);
    expect(holds({ type: "methodResult", method: "dmarc", results: ["fail"], source: "local" }, own)).toBe(false);
    expect(holds({ type: "methodResult", method: "dmarc", results: ["policy"], source: "local" }, own)).toBe(true);
  });

  it("local arc reads the chain's cv, local dmarc AuthLens's own DMARC with the From domain", async () => {
    const arc = await analyzed("41-arc-three-hops-list.eml");
    expect(holds({ type: "methodResult", method: "arc", results: ["pass"], source: "local" }, arc.own)).toBe(true);
    const broken = await analyzed("43-arc-body-changed.eml");
    expect(holds({ type: "methodResult", method: "arc", results: ["fail"], source: "local" }, broken.own)).toBe(true);
    const dmarc = await analyzed("50-dmarc-strict-pass.eml");
    expect(holds({ type: "methodResult", method: "dmarc", results: ["pass"], source: "local", domain: "example.com" }, dmarc.own)).toBe(true);
    expect(holds({ type: "methodResult", method: "dmarc", results: ["pass"], source: "local", domain: "example.org" }, dmarc.own)).toBe(false);
  });

  it("server results are narrowed by domain too (dkim header.d, spf smtp.mailfrom, dmarc header.from)", () => {
    const raw = [
      "Authentication-Results: mx.example.net; dkim=pass header.d=lists.example.org header.s=s1; spf=pass smtp.mailfrom=bounce@example.com; dmarc=fail header.from=example.com",
      "From: Alice <alice@example.com>",
      "Subject: test",
      "",
      "body",
    ].join("\r\n");
    const a = analyzeMessage(parseHeaderBlock(raw), { trustedAuthservIds: ["mx.example.net"], trustedForwarders: [] });
    expect(holds({ type: "methodResult", method: "dkim", results: ["pass"], domain: "example.org" }, a)).toBe(true);
    expect(holds({ type: "methodResult", method: "dkim", results: ["pass"], domain: "example.com" }, a)).toBe(false);
    expect(holds({ type: "methodResult", method: "spf", results: ["pass"], domain: "example.com" }, a)).toBe(true);
    expect(holds({ type: "methodResult", method: "dmarc", results: ["fail"], domain: "example.com" }, a)).toBe(true);
    // A method whose results name no domain never matches a condition with one.
    expect(holds({ type: "methodResult", method: "dmarc", results: ["fail"], domain: "example.net" }, a)).toBe(false);
  });

  it("a bounce's spf result is about its HELO domain, as the DMARC analysis reads it", () => {
    const raw = [
      "Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=<> smtp.helo=mail.example.com",
      "From: Alice <alice@example.com>",
      "",
      "body",
    ].join("\r\n");
    const a = analyzeMessage(parseHeaderBlock(raw), { trustedAuthservIds: ["mx.example.net"], trustedForwarders: [] });
    expect(holds({ type: "methodResult", method: "spf", results: ["pass"], domain: "example.com" }, a)).toBe(true);
    expect(holds({ type: "methodResult", method: "spf", results: ["pass"], domain: "example.org" }, a)).toBe(false);
  });

  it("needsOwnChecks: only enabled rules reading local or either results", () => {
    const local = rule({ conditions: [{ type: "methodResult", method: "dkim", results: ["pass"], source: "local" }] });
    const either = rule({ conditions: [{ type: "methodResult", method: "arc", results: ["pass"], source: "either" }] });
    const server = rule({ conditions: [{ type: "methodResult", method: "dkim", results: ["pass"], source: "server" }] });
    expect(needsOwnChecks([server])).toBe(false);
    expect(needsOwnChecks([server, local])).toBe(true);
    expect(needsOwnChecks([either])).toBe(true);
    expect(needsOwnChecks([{ ...local, enabled: false }])).toBe(false);
  });

  it("ownChecksMatter: local results, and the verdict, which the own checks may change", () => {
    const server = rule({ conditions: [{ type: "methodResult", method: "dkim", results: ["pass"] }] });
    const verdict = rule({ conditions: [{ type: "verdict", levels: ["verified"] }] });
    const local = rule({ conditions: [{ type: "methodResult", method: "dkim", results: ["pass"], source: "local" }] });
    expect(ownChecksMatter([server])).toBe(false);
    expect(ownChecksMatter([server, verdict])).toBe(true);
    expect(needsOwnChecks([verdict])).toBe(false);
    expect(ownChecksMatter([local])).toBe(true);
    expect(ownChecksMatter([{ ...verdict, enabled: false }])).toBe(false);
  });

  it("the schema: source local only for the methods AuthLens checks; a domain must look like one", () => {
    const base = { id: "x", name: "x", actions: [{ type: "addTag", tag: "t" }] };
    const spf = validateRules([{ ...base, conditions: [{ type: "methodResult", method: "spf", results: ["pass"], source: "local" }] }]);
    expect(spf.problems.map((p) => p.path)).toEqual(["rules[0].conditions[0].method"]);
    expect(spf.problems[0]?.message).toMatch(/dkim, arc, dmarc/);
    const eitherSpf = validateRules([{ ...base, conditions: [{ type: "methodResult", method: "spf", results: ["pass"], source: "either" }] }]);
    expect(eitherSpf.problems).toEqual([]);
    const badDomain = validateRules([{ ...base, conditions: [{ type: "methodResult", method: "dkim", results: ["pass"], domain: "a b" }] }]);
    expect(badDomain.problems.map((p) => p.path)).toEqual(["rules[0].conditions[0].domain"]);
    const badSource = validateRules([{ ...base, conditions: [{ type: "methodResult", method: "dkim", results: ["pass"], source: "mine" }] }]);
    expect(badSource.problems.map((p) => p.path)).toEqual(["rules[0].conditions[0].source"]);
  });

  it("the describer names the domain and whose check", () => {
    expect(words.condition(cond({ type: "methodResult", method: "dkim", results: ["pass"], source: "local", domain: "bank.example" }))).toBe(
      "DKIM result for bank.example is pass, checked by AuthLens",
    );
    expect(words.condition(cond({ type: "methodResult", method: "arc", results: ["pass"], source: "either" }))).toBe("ARC result is pass, reported by your server or checked by AuthLens");
    expect(words.condition(cond({ type: "methodResult", method: "dmarc", results: ["fail"] }))).toBe("DMARC result is fail");
  });
});
