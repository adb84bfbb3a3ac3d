/**
 * The verdict with AuthLens's own checks (held-out-style cases on the signed fixtures): verified,
 * "checked by AuthLens", only on a sound aligned DKIM pass with a DMARC record (or virtual DMARC,
 * labelled); never on a failed DNS answer, rsa-sha1, a key in testing mode, or a signature whose
 * l= leaves content unsigned; a server's dkim=pass that AuthLens finds broken is explained.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeMessage } from "../../../src/core/analyze.js";
import { parseHeaderBlock } from "../../../src/core/headers/header-block.js";
import { fromBinary, toBinary } from "../../../src/core/verify/bytes.js";
import { verifyMessage } from "../../../src/core/verify/verify-message.js";
import { renderEnglish } from "../../../src/cli/english.js";
import { deps, expectedCases, fixtureBytes, generatedResolver, GENERATED, resolverFrom } from "./verify/helpers.js";

const resolver = generatedResolver();

async function analyzed(file: string, trust: string[] = [], extraHeader = "", dns = resolver) {
  const c = expectedCases().find((x) => x.file === file);
  if (!c) throw new Error(`no fixture ${file}`);
  const bytes = fromBinary(extraHeader + toBinary(fixtureBytes(join(GENERATED, file))));
  const own = await verifyMessage(bytes, deps(dns, c.now));
  const block = parseHeaderBlock(bytes);
  return { own, analysis: analyzeMessage(block, { trustedAuthservIds: trust, trustedForwarders: [] }, own), without: analyzeMessage(block, { trustedAuthservIds: trust, trustedForwarders: [] }) };
}

const keys = (a: { verdict: { reasons: { key: string }[] } }) => a.verdict.reasons.map((r) => r.key);

describe("verified, checked by AuthLens (no trusted server)", () => {
  it("a verified, aligned DKIM signature and the domain's DMARC record", async () => {
    const { analysis, without } = await analyzed("50-dmarc-strict-pass.eml");
    expect(without.verdict.level).toBe("unverified");
    expect(analysis.verdict).toMatchObject({ level: "verified", basis: "own" });
    expect(keys(analysis)[0]).toBe("verdict_ownDmarcPass");
    expect(renderEnglish(analysis.verdict.reasons[0] ?? { key: "", params: [] })).toBe(
      "Checked by AuthLens: a DKIM signature of example.com verifies and is aligned with example.com, whose DMARC policy is reject",
    );
    expect(keys(analysis)).toContain("verdict_ownDnssecNo");
  });

  it("virtual DMARC, labelled as such, when the domain publishes no record", async () => {
    const { analysis } = await analyzed("54-dmarc-virtual.eml");
    expect(analysis.verdict).toMatchObject({ level: "verified", basis: "ownVirtual" });
    expect(keys(analysis)[0]).toBe("verdict_ownVirtualPass");
  });

  it("never on a DNS answer that failed or timed out", async () => {
    const { analysis } = await analyzed("56-dmarc-temperror.eml");
    expect(analysis.verdict.level).toBe("unverified");
    expect(keys(analysis)).toContain("verdict_ownDnsFailed");
    const down = resolverFrom({ "s2048._domainkey.example.com": { error: "SERVFAIL" }, "_dmarc.example.com": { error: "SERVFAIL" } });
    const timedOut = await analyzed("50-dmarc-strict-pass.eml", [], "", down);
    expect(timedOut.analysis.verdict.level).toBe("unverified");
    expect(keys(timedOut.analysis)).toContain("verdict_ownDnsFailed");
  });

  it("never on rsa-sha1", async () => {
    const { analysis } = await analyzed("07-rsa-sha1.eml");
    expect(analysis.verdict.level).not.toBe("verified");
    expect(keys(analysis)).toContain("verdict_ownNoPass");
  });

  it("never on a signature whose l= leaves content unsigned", async () => {
    const { own, analysis } = await analyzed("10-length-limit-appended.eml");
    expect(own.dkim[0]?.result).toBe("pass");
    expect(analysis.verdict.level).not.toBe("verified");
    expect(keys(analysis)).toContain("verdict_ownPartialBody");
  });

  it("never on a key in testing mode", async () => {
    const { analysis } = await analyzed("26-key-testing.eml");
    expect(analysis.verdict.level).not.toBe("verified");
  });
});

describe("beside a trusted server's results", () => {
  const header = (dkim: string) => `Authentication-Results: mx.example.net; dkim=${dkim} header.d=example.com; spf=none; dmarc=pass header.from=example.com\r\n`;

  it("the server's verdict stands, and AuthLens's own pass is named as its own", async () => {
    const { analysis } = await analyzed("50-dmarc-strict-pass.eml", ["mx.example.net"], header("pass"));
    expect(analysis.verdict).toMatchObject({ level: "verified", basis: "dmarc" });
    expect(keys(analysis)).toContain("verdict_ownDkimPass");
  });

  it("a server's dkim=pass that AuthLens finds broken is explained, not hidden", async () => {
    const { analysis } = await analyzed("05-body-changed.eml", ["mx.example.net"], header("pass"));
    const note = analysis.verdict.reasons.find((r) => r.key === "verdict_ownDisagreesServerPass");
    expect(note?.params).toEqual(["example.com", "mx.example.net", "fail"]);
    expect(renderEnglish(note ?? { key: "", params: [] })).toContain("does not verify when AuthLens checks it (fail)");
  });

  it("a server's dkim=fail that AuthLens verifies is explained too", async () => {
    const { analysis } = await analyzed("50-dmarc-strict-pass.eml", ["mx.example.net"], header("fail"));
    expect(keys(analysis)).toContain("verdict_ownDisagreesServerFail");
  });
});

describe("rules on AuthLens's own results", () => {
  const rule = (condition: Record<string, unknown>) => ({
    id: "r",
    name: "r",
    enabled: true,
    match: "all" as const,
    stopAfter: false,
    conditions: [condition],
    actions: [{ type: "markRead", read: true }],
  });

  async function matches(file: string, condition: Record<string, unknown>, trust: string[] = [], header = ""): Promise<boolean> {
    const { analysis } = await analyzed(file, trust, header);
    const { validateRules } = await import("../../../src/core/rules/validate.js");
    const { evaluateRules } = await import("../../../src/core/rules/evaluate.js");
    const { rules, problems } = validateRules([rule(condition)]);
    expect(problems).toEqual([]);
    return evaluateRules(rules, analysis).some((m) => m.matched);
  }

  it("source local reads AuthLens's DKIM, ARC and DMARC results; server (the default) does not", async () => {
    expect(await matches("50-dmarc-strict-pass.eml", { type: "methodResult", method: "dkim", results: ["pass"], source: "local" })).toBe(true);
    expect(await matches("50-dmarc-strict-pass.eml", { type: "methodResult", method: "dkim", results: ["pass"] })).toBe(false);
    expect(await matches("50-dmarc-strict-pass.eml", { type: "methodResult", method: "dmarc", results: ["pass"], source: "local" })).toBe(true);
    expect(await matches("40-arc-one-hop.eml", { type: "methodResult", method: "arc", results: ["pass"], source: "local" })).toBe(true);
    expect(await matches("05-body-changed.eml", { type: "methodResult", method: "dkim", results: ["fail"], source: "local" })).toBe(true);
  });

  it("a domain narrows the results to that domain's signatures", async () => {
    const c = { type: "methodResult", method: "dkim", results: ["pass"], source: "local" };
    expect(await matches("50-dmarc-strict-pass.eml", { ...c, domain: "example.com" })).toBe(true);
    expect(await matches("50-dmarc-strict-pass.eml", { ...c, domain: "other.example" })).toBe(false);
  });

  it("either takes a trusted server's result or AuthLens's own", async () => {
    const header = "Authentication-Results: mx.example.net; dkim=fail header.d=example.com\r\n";
    const c = { type: "methodResult", method: "dkim", results: ["pass"], source: "either" };
    expect(await matches("50-dmarc-strict-pass.eml", c, ["mx.example.net"], header)).toBe(true);
    expect(await matches("50-dmarc-strict-pass.eml", { ...c, source: "server" }, ["mx.example.net"], header)).toBe(false);
  });

  it("needsOwnChecks says when a bulk run must read raw messages", async () => {
    const { needsOwnChecks } = await import("../../../src/core/rules/evaluate.js");
    const base = { enabled: true, conditions: [{ type: "methodResult", method: "dkim", results: ["pass"] }] } as const;
    expect(needsOwnChecks([base as never])).toBe(false);
    expect(needsOwnChecks([{ ...base, conditions: [{ ...base.conditions[0], source: "local" }] } as never])).toBe(true);
    expect(needsOwnChecks([{ ...base, enabled: false, conditions: [{ ...base.conditions[0], source: "either" }] } as never])).toBe(false);
  });
});
