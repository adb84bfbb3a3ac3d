/** The verdict rules, end to end through analyzeMessage, on demo and realistic fixtures. */
import { describe, expect, it } from "vitest";
import { analyzeMessage } from "../../../src/core/analyze.js";
import { parseHeaderBlock } from "../../../src/core/headers/header-block.js";
import { renderEnglish } from "../../../src/cli/english.js";
import demoVerdicts from "../../fixtures/demo/verdicts.json";
import { analyze, DEMO, demoFiles, fixture } from "./analysis-helpers.js";

/** The demo messages' verdicts with mx.example.net trusted (also used by the e2e suite). */
const EXPECTED = demoVerdicts as Record<string, string>;

describe("demo fixtures", () => {
  it("covers every demo file", () => {
    expect(demoFiles()).toEqual(Object.keys(EXPECTED));
  });
  for (const [file, level] of Object.entries(EXPECTED)) {
    it(`${file}: ${level} when mx.example.net is trusted`, () => {
      expect(analyze(fixture(file, DEMO), ["mx.example.net"]).verdict.level).toBe(level);
    });
    it(`${file}: ${file.startsWith("08") ? "unverified" : "unconfigured"} when nothing is trusted`, () => {
      const v = analyze(fixture(file, DEMO)).verdict;
      if (file.startsWith("08")) {
        expect(v.level).toBe("unverified");
      } else {
        expect(v.level).toBe("unconfigured");
        expect(v.suggestion).toBe("mx.example.net");
        expect(renderEnglish(v.reasons[0] ?? { key: "", params: [] })).toContain("mx.example.net");
      }
    });
  }

  it("03: verified when the list is a trusted forwarder, with the ARC basis explained", () => {
    const a = analyze(fixture("03-mailing-list-arc.eml", DEMO), ["mx.example.net"], ["lists.example.org"]);
    expect(a.verdict.level).toBe("verified");
    expect(a.verdict.basis).toBe("arc");
    expect(a.verdict.reasons.map((r) => r.key)).toContain("verdict_arcOverride");
    expect(a.arc.receiver).toEqual({ result: "pass", authservId: "mx.example.net" });
  });

  it("03: trusting only the second forwarder is not enough (the oldest hop decides)", () => {
    const a = analyze(fixture("03-mailing-list-arc.eml", DEMO), ["mx.example.net"], ["forward.example.net"]);
    expect(a.verdict.level).toBe("failed");
    expect(a.verdict.reasons.map((r) => r.key)).toContain("verdict_arcNotTrustedForwarder");
  });

  it("05: suspicious reasons name the look-alike", () => {
    const v = analyze(fixture("05-lookalike-idn.eml", DEMO), ["mx.example.net"]).verdict;
    const text = v.reasons.map(renderEnglish).join("\n");
    // The look-alike by its A-label and the domain it imitates; once, and never in the Unicode form that imitates it.
    expect(text).toContain("xn--exmple-4nf.com is not example.com: it only looks like it");
    expect(text).not.toContain("exаmple");
    expect(v.reasons.filter((r) => r.key.startsWith("lookalike_"))).toEqual([]);
  });

  it("04: the untrusted dmarc=pass/tls=pass headers below are ignored", () => {
    const a = analyze(fixture("04-forged-below.eml", DEMO), ["mx.example.net"]);
    expect(a.authResults.map((e) => [e.authservId, e.trusted])).toEqual([
      ["mx.example.net", true],
      ["trusted-looking.example", false],
      ["mx.examp1e.net", false],
    ]);
    expect(a.tls).toMatchObject({ source: "authres", encrypted: "no" });
  });
});

describe("verdict rules on realistic fixtures", () => {
  it("a forged header with the exact trusted id below the receiving hop is not trusted", () => {
    const a = analyze(fixture("forged-exact-id-below.eml"), ["mx.example.net"]);
    expect(a.verdict.level).toBe("failed");
    expect(a.dmarc.result).toBe("fail");
    expect(a.authResults.map((e) => e.trusted)).toEqual([true, false]);
    expect(renderEnglish(a.authResults[1]?.why ?? { key: "", params: [] })).toContain("sits below the hop from bad.attacker.example");
    // Its tls=pass is not used either: the Received into mx.example.net says clear text.
    expect(a.tls).toMatchObject({ source: "received", encrypted: "no" });
  });

  it("when the order is unknown (getHeaders), only the newest header with a trusted id counts", () => {
    const raw = fixture("forged-exact-id-below.eml");
    const block = parseHeaderBlock(raw);
    const a = analyzeMessage({ ...block, crossNameOrderKnown: false }, { trustedAuthservIds: ["mx.example.net"], trustedForwarders: [] });
    expect(a.authResults.map((e) => e.trusted)).toEqual([true, false]);
    expect(a.authResults[1]?.why.key).toBe("trust_orderUnknown");
    expect(a.verdict.level).toBe("failed");
    // Not even a method only the forged header reports (tls) is taken from it.
    expect(a.authResults[1]?.used).toEqual([]);
    expect(a.tls.source).not.toBe("authres");
  });

  it("a forged dmarc=pass below the real header cannot verify a message whose server reports no DMARC", () => {
    const raw = [
      "Authentication-Results: mx.example.net; spf=fail smtp.mailfrom=bank.example; dkim=none",
      "Received: from evil.example (evil.example [203.0.113.9]) by mx.example.net with ESMTP",
      "Authentication-Results: mx.example.net; dmarc=pass header.from=bank.example",
      "From: <ceo@bank.example>",
      "",
      "",
    ].join("\n");
    const settings = { trustedAuthservIds: ["mx.example.net"], trustedForwarders: [] };
    const block = parseHeaderBlock(raw);
    for (const b of [block, { ...block, crossNameOrderKnown: false }]) {
      const a = analyzeMessage(b, settings);
      expect(a.verdict.level).toBe("failed");
      expect(a.authResults[1]?.trusted).toBe(false);
    }
  });

  it("internal hops between trusted servers are not a boundary", () => {
    const raw = [
      "Authentication-Results: store.example.net; dkim=pass header.d=example.com",
      "Received: from mx1.example.net (mx1.example.net [10.0.0.1]) by store.example.net with ESMTP",
      "Received: from localhost (localhost [127.0.0.1]) by mx1.example.net with ESMTP",
      "Authentication-Results: mx1.example.net; dmarc=pass header.from=example.com",
      "Received: from mail.example.com (mail.example.com [192.0.2.25]) by mx1.example.net with ESMTPS",
      "Authentication-Results: mx1.example.net; dmarc=pass header.from=example.com",
      "From: <a@example.com>",
      "",
      "",
    ].join("\n");
    const a = analyze(raw, ["store.example.net", "mx1.example.net"]);
    expect(a.authResults.map((e) => e.trusted)).toEqual([true, true, false]);
    expect(a.verdict.level).toBe("verified");
    // A HELO that claims to be the trusted server, from an outside reverse-DNS name, is a boundary.
    const spoof = raw.replace("from mx1.example.net (mx1.example.net [10.0.0.1])", "from mx1.example.net (evil.example [203.0.113.1])");
    expect(analyze(spoof, ["store.example.net", "mx1.example.net"]).authResults.map((e) => e.trusted)).toEqual([true, false, false]);
  });

  it("Gmail: verified", () => {
    const a = analyze(fixture("gmail.eml"), ["mx.google.com"]);
    expect(a.verdict.level).toBe("verified");
    expect(a.arc.status).toBe("pass");
  });

  it("Microsoft 365 without authserv-id: unconfigured with no suggestion; never trusted", () => {
    const a = analyze(fixture("microsoft365-inbound.eml"));
    expect(a.verdict.level).toBe("unconfigured");
    expect(a.verdict.suggestion).toBeNull();
    expect(a.verdict.reasons[0]?.key).toBe("verdict_unconfiguredNoId");
    const trustingSomething = analyze(fixture("microsoft365-inbound.eml"), ["example.net"]);
    expect(trustingSomething.authResults[0]?.trusted).toBe(false);
    expect(trustingSomething.verdict.level).toBe("unconfigured");
  });

  it("bestguesspass from a trusted server is verified and says so", () => {
    const raw =
      "Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=fabrikam.example; dmarc=bestguesspass action=none header.from=fabrikam.example\n" +
      "From: <orders@fabrikam.example>\n\n";
    const v = analyze(raw, ["mx.example.net"]).verdict;
    expect(v.level).toBe("verified");
    expect(v.basis).toBe("bestguesspass");
    expect(renderEnglish(v.reasons[0] ?? { key: "", params: [] })).toContain("best-guess");
  });

  it("Fastmail: several headers from one server merge; dmarc=none + strict DKIM pass = virtual DMARC", () => {
    const a = analyze(fixture("fastmail.eml"), ["mx6.messagingengine.com"]);
    expect(a.dmarc).toMatchObject({ result: "pass", source: "virtual", reportedResult: "none" });
    expect(a.verdict.level).toBe("verified");
    expect(a.verdict.basis).toBe("virtual");
    expect(renderEnglish(a.verdict.reasons[0] ?? { key: "", params: [] })).toContain("the domain publishes no DMARC policy");
    expect(a.authResults.filter((e) => e.trusted)).toHaveLength(4);
  });

  it("virtual DMARC fixture", () => {
    const a = analyze(fixture("virtual-dmarc.eml"), ["mx.example.net"]);
    expect(a.verdict).toMatchObject({ level: "verified", basis: "virtual" });
    expect(a.dmarc.virtual).toMatchObject({ method: "dkim", domain: "shop.example.org" });
  });

  it("Yahoo: dmarc=unknown is not registered, so it is not used; no aligned failure -> unverified, and the note says why", () => {
    const a = analyze(fixture("yahoo.eml"), ["atlas-production.v2-mail-prod1-gq1.omega.yahoo.com"]);
    // DKIM and SPF pass strictly aligned but dmarc reported an unknown result: DMARC is absent for
    // decisions, so virtual DMARC applies.
    expect(a.dmarc.reportedResult).toBeNull();
    expect(a.verdict.level).toBe("verified");
    expect(a.verdict.basis).toBe("virtual");
    expect(a.verdict.reasons.map((r) => r.key)).toContain("verdict_unknownIgnored");
  });

  it("rspamd: arc=reject is unknown and ignored; dmarc=pass decides", () => {
    const a = analyze(fixture("rspamd-arc-reject.eml"), ["mail.example.net"]);
    expect(a.arc.receiver).toBeNull();
    expect(a.verdict.level).toBe("verified");
  });

  it("display name holding another address: suspicious", () => {
    const a = analyze(fixture("display-name-address.eml"), ["mx.example.net"]);
    expect(a.verdict.level).toBe("suspicious");
    expect(a.from.displayNameAddress).toBe("support@example.com");
  });

  it("failed on an aligned SPF softfail without any DMARC result", () => {
    const raw = "Authentication-Results: mx.example.net; spf=softfail smtp.mailfrom=news@mail.example.com\nFrom: <news@example.com>\n\n";
    const v = analyze(raw, ["mx.example.net"]).verdict;
    expect(v.level).toBe("failed");
    expect(v.reasons.map(renderEnglish)).toContain("SPF softfail for mail.example.com, which is aligned with the From domain");
  });

  it("an unaligned DKIM fail is not a failure", () => {
    const raw = "Authentication-Results: mx.example.net; dkim=fail header.d=esp.example.net\nFrom: <news@example.com>\n\n";
    expect(analyze(raw, ["mx.example.net"]).verdict.level).toBe("unverified");
  });

  it("multiple From addresses are never verified", () => {
    const raw = "Authentication-Results: mx.example.net; dmarc=pass header.from=example.com\nFrom: a@example.com, b@example.org\n\n";
    const v = analyze(raw, ["mx.example.net"]).verdict;
    expect(v.level).toBe("unverified");
    expect(v.reasons[0]?.key).toBe("verdict_multipleFrom");
  });

  it("trusted list set but no header matches: unconfigured naming what is trusted", () => {
    const v = analyze(fixture("gmail.eml"), ["mx.example.net"]).verdict;
    expect(v.level).toBe("unconfigured");
    expect(renderEnglish(v.reasons[0] ?? { key: "", params: [] })).toBe("The 1 Authentication-Results header does not come from a trusted server (mx.example.net); it was added by mx.google.com");
  });

  it("per-account trust", () => {
    const raw = fixture("01-authenticated.eml", DEMO);
    expect(analyze(raw, [], [], { accounts: { acc1: ["@example.net"] }, accountId: "acc1" }).verdict.level).toBe("verified");
    expect(analyze(raw, [], [], { accounts: { acc1: ["@example.net"] }, accountId: "acc2" }).verdict.level).toBe("unconfigured");
  });

  it("a header with an unsupported version is ignored", () => {
    const raw = "Authentication-Results: mx.example.net 2; dmarc=pass header.from=example.com\nFrom: <a@example.com>\n\n";
    const a = analyze(raw, ["mx.example.net"]);
    expect(a.authResults[0]?.why.key).toBe("trust_versionUnsupported");
    expect(a.verdict.level).toBe("unconfigured");
  });
});
