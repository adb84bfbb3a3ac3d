import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseHeaderBlock } from "../../../src/core/headers/header-block.js";
import { analyzeTls, parseTlsHops } from "../../../src/core/tls.js";
import { estimateStrength, keywordSaysTls, normaliseTlsVersion, parseReceivedTls } from "../../../src/core/tls-received.js";
import { analyze, FIXTURES, fixture } from "./analysis-helpers.js";

interface Case {
  name: string;
  value: string;
  expect: Record<string, unknown>;
}
const cases = JSON.parse(readFileSync(new URL("received-tls.json", FIXTURES), "utf8")) as Case[];

describe("parseReceivedTls: every Received format", () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = parseReceivedTls(c.value);
      const withStrength = { ...r, strength: estimateStrength(r.version, r.cipher) };
      expect(withStrength).toMatchObject(c.expect);
    });
  }
  it("marks local hops", () => {
    expect(parseReceivedTls("from localhost (localhost [127.0.0.1]) by mx.example.net (Postfix) with ESMTP id 1").local).toBe(true);
    expect(parseReceivedTls("from mx.example.net (localhost [127.0.0.1]) by imap.example.net with LMTP").local).toBe(true);
    expect(parseReceivedTls("from a.example.com (a.example.com [192.0.2.1]) by mx.example.net with ESMTP").local).toBe(false);
  });
  it("stays linear on hostile input", () => {
    const hostile = "from " + "with ".repeat(20000) + "(using TLSv1.3 with cipher " + "A".repeat(50000);
    const t0 = performance.now();
    parseReceivedTls(hostile);
    parseReceivedTls("by x with esmtps  (" + " ".repeat(100000));
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe("helpers", () => {
  it("normalises versions", () => {
    expect(["TLSv1.3", "TLS1_3", "tlsv1.2", "TLSv1", "SSLv3", "TLS1.1"].map(normaliseTlsVersion)).toEqual([
      "TLS1.3",
      "TLS1.3",
      "TLS1.2",
      "TLS1.0",
      "SSL3.0",
      "TLS1.1",
    ]);
    expect(normaliseTlsVersion(null)).toBeNull();
  });
  it("estimates strength", () => {
    expect(estimateStrength("TLS1.3", null)).toBe("high");
    expect(estimateStrength("TLS1.2", "ECDHE-RSA-AES256-GCM-SHA384")).toBe("high");
    expect(estimateStrength("TLS1.2", "ECDHE-RSA-CHACHA20-POLY1305")).toBe("high");
    expect(estimateStrength("TLS1.2", "ECDHE-RSA-AES256-SHA384")).toBe("medium");
    expect(estimateStrength("TLS1.2", "DES-CBC3-SHA")).toBe("low");
    expect(estimateStrength("TLS1.2", "TLS_RSA_WITH_NULL_SHA256")).toBe("low");
    expect(estimateStrength("TLS1.2", "EXP-RC4-MD5")).toBe("low");
    expect(estimateStrength("TLS1.0", "ECDHE-RSA-AES256-GCM-SHA384")).toBe("low");
    expect(estimateStrength("TLS1.1", null)).toBe("low");
    expect(estimateStrength("SSL3.0", null)).toBe("low");
    expect(estimateStrength(null, "TLS_RSA_WITH_RC4_128_SHA")).toBe("low");
    expect(estimateStrength(null, "TLS_AES_256_GCM_SHA384")).toBe("high");
    expect(estimateStrength(null, null)).toBeNull();
  });
  it("RFC 3848 keywords", () => {
    expect(["ESMTPS", "ESMTPSA", "LMTPS", "LMTPSA", "UTF8SMTPS", "UTF8SMTPSA", "UTF8LMTPS", "SMTPS"].map(keywordSaysTls)).toEqual(
      Array(8).fill(true),
    );
    expect(["ESMTP", "SMTP", "ESMTPA", "LMTP", "UTF8SMTP", "UTF8SMTPA"].map(keywordSaysTls)).toEqual(Array(6).fill(false));
    expect(keywordSaysTls("Microsoft")).toBeNull();
  });
});

describe("analyzeTls through the analysis", () => {
  it("a trusted tls= result wins, with certificate and reported strength", () => {
    const t = analyze(fixture("01-authenticated.eml", new URL("../../fixtures/demo/", import.meta.url)), ["mx.example.net"]).tls;
    expect(t).toMatchObject({
      source: "authres",
      encrypted: "yes",
      result: "pass",
      version: "TLS1.3",
      cipher: "TLS_AES_256_GCM_SHA384",
      strength: "high",
      strengthSource: "reported",
      reportedBy: "mx.example.net",
    });
    expect(t.certificate).toMatchObject({ client: "CN=mail.example.com", verification: "CA" });
    expect(t.hops).toHaveLength(3);
    expect(t.hops.every((h) => !h.verified)).toBe(true);
  });

  it("tls=fail still means encrypted; tls=none means clear text", () => {
    const demo = new URL("../../fixtures/demo/", import.meta.url);
    expect(analyze(fixture("05-lookalike-idn.eml", demo), ["mx.example.net"]).tls).toMatchObject({ result: "fail", encrypted: "yes" });
    expect(analyze(fixture("02-dmarc-fail-cleartext.eml", demo), ["mx.example.net"]).tls).toMatchObject({
      result: "none",
      encrypted: "no",
      strength: null,
    });
  });

  it("an untrusted tls=pass is never used: the receiving hop's Received decides", () => {
    const demo = new URL("../../fixtures/demo/", import.meta.url);
    const t = analyze(fixture("04-forged-below.eml", demo), []).tls;
    expect(t.source).toBe("received");
    expect(t.encrypted).toBe("no");
  });

  it("Gmail: the Received by mx.google.com (above its AR) is the receiving hop", () => {
    const t = analyze(fixture("gmail.eml"), ["mx.google.com"]).tls;
    expect(t).toMatchObject({ source: "received", encrypted: "yes", version: "TLS1.3", cipher: "TLS_AES_128_GCM_SHA256", strength: "high" });
    expect(t.strengthSource).toBe("estimated");
  });

  it("Fastmail: skips internal LMTP hops, uses the Postfix hop into mx6", () => {
    const t = analyze(fixture("fastmail.eml"), ["mx6.messagingengine.com"]).tls;
    expect(t).toMatchObject({ source: "received", version: "TLS1.2", cipher: "ECDHE-RSA-AES128-GCM-SHA256" });
  });

  it("Exim with a local LMTP hop on top", () => {
    const t = analyze(fixture("exim-lmtp-internal.eml"), ["mail.example.org"]).tls;
    expect(t).toMatchObject({ source: "received", encrypted: "yes", version: "TLS1.3", cipher: "TLS_AES_256_GCM_SHA384" });
  });

  it("Yahoo: 'with SMTP' and no TLS comment is clear text", () => {
    expect(analyze(fixture("yahoo.eml"), ["atlas-production.v2-mail-prod1-gq1.omega.yahoo.com"]).tls.encrypted).toBe("no");
  });

  it("without a by-match: the Received just below the topmost trusted header", () => {
    const raw = [
      "Received: from localhost by store.example.net with LMTP",
      "Authentication-Results: filter.example.net; spf=pass smtp.mailfrom=example.com",
      "Received: from a.example.com (a.example.com [192.0.2.1]) (using TLSv1.2 with cipher ECDHE-RSA-AES128-SHA (128/128 bits)) by mx.example.net with ESMTPS",
      "",
      "",
    ].join("\n");
    const t = analyze(raw, ["filter.example.net"]).tls;
    expect(t).toMatchObject({ source: "received", version: "TLS1.2", strength: "medium", receivedIndex: 2 });
  });

  it("unknown cross-name order (getHeaders): the newest non-local Received", () => {
    const block = parseHeaderBlock("Received: from x.example (x.example [192.0.2.1]) by y.example with ESMTP\n\n");
    const t = analyzeTls({ ...block, crossNameOrderKnown: false }, null, { matchesTrusted: () => false, topTrustedIndex: 0 });
    expect(t).toMatchObject({ source: "received", encrypted: "no" });
  });

  it("no Received at all: none / unknown", () => {
    const block = parseHeaderBlock("From: a@example.com\n\n");
    expect(analyzeTls(block, null, { matchesTrusted: () => false, topTrustedIndex: null })).toMatchObject({
      source: "none",
      encrypted: "unknown",
    });
    expect(parseTlsHops(block)).toEqual([]);
  });
});
