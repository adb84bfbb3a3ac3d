/**
 * What the verdict says, as the pane shows it: headers that were set aside are named beside the
 * verdict (how many, what they claim, why they were ignored), and the From domain has one form
 * throughout (Unicode, or the A-label for a look-alike).
 */
import { describe, expect, it } from "vitest";
import { analyze, DEMO, fixture } from "./analysis-helpers.js";

const TRUST = ["mx.example.net"];

describe("set-aside headers beside the verdict", () => {
  it("names the untrusted headers that claim passes, with their claims", () => {
    const a = analyze(fixture("04-forged-below.eml", DEMO), TRUST);
    expect(a.verdict.level).toBe("failed");
    const setAside = a.verdict.reasons.filter((r) => r.key.startsWith("verdict_setAside"));
    expect(setAside).toHaveLength(1);
    const [count, claims] = setAside[0]?.params ?? [];
    expect(Number(count)).toBe(2);
    expect(claims?.split(", ")).toEqual(expect.arrayContaining(["dmarc=pass", "spf=pass", "dkim=pass"]));
  });

  it("says nothing of the kind when every header is used, or when no server is trusted yet", () => {
    expect(analyze(fixture("01-authenticated.eml", DEMO), TRUST).verdict.reasons.some((r) => r.key.startsWith("verdict_setAside"))).toBe(false);
    const unconfigured = analyze(fixture("04-forged-below.eml", DEMO), []);
    expect(unconfigured.verdict.level).toBe("unconfigured");
    expect(unconfigured.verdict.reasons.some((r) => r.key.startsWith("verdict_setAside"))).toBe(false);
  });

  it("tells forged headers (a trusted id written before the message reached the trusted servers) from untrusted ones", () => {
    const raw = fixture("forged-exact-id-below.eml");
    const a = analyze(raw, TRUST);
    const forged = a.verdict.reasons.find((r) => r.key === "verdict_setAsideForged");
    expect(forged?.params[1]).toContain("pass");
  });
});

describe("one form of the From domain", () => {
  it("an internationalized domain that is no look-alike is named in Unicode in the reasons too", () => {
    const a = analyze(fixture("07-eai-domain.eml", DEMO), TRUST);
    expect(a.verdict.level).toBe("verified");
    const dmarc = a.verdict.reasons.find((r) => r.key === "verdict_dmarcPass");
    expect(dmarc?.params[0]).toBe("例え.example");
  });

  it("a look-alike is named by its A-label, never by the name it imitates", () => {
    const a = analyze(fixture("05-lookalike-idn.eml", DEMO), TRUST);
    expect(a.verdict.level).toBe("suspicious");
    const dmarc = a.verdict.reasons.find((r) => r.key === "verdict_dmarcPass");
    expect(dmarc?.params[0]).toBe("xn--exmple-4nf.com");
  });
});
