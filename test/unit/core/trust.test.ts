import { describe, expect, it } from "vitest";
import type { ParsedAuthResults } from "../../../src/core/authres/types.js";
import { renderEnglish } from "../../../src/cli/english.js";
import { effectiveTrustedIds, isTrustedForwarder, judgeHeader, matchTrusted, suggestServer } from "../../../src/core/trust.js";

function ar(authservId: string | null, version: number | null = null): ParsedAuthResults {
  return { authservId, version, instance: null, none: false, results: [], diagnostics: [] };
}

describe("matchTrusted", () => {
  it("matches case-insensitively, ignoring a trailing dot", () => {
    expect(matchTrusted("MX.Example.NET", ["mx.example.net"])).toBe("mx.example.net");
    expect(matchTrusted("mx.example.net.", ["MX.EXAMPLE.NET"])).toBe("MX.EXAMPLE.NET");
  });
  it("an exact entry does not trust subdomains or look-alikes", () => {
    expect(matchTrusted("a.mx.example.net", ["mx.example.net"])).toBeNull();
    expect(matchTrusted("mx.examp1e.net", ["mx.example.net"])).toBeNull();
    expect(matchTrusted("mx.example.net.attacker.example", ["mx.example.net"])).toBeNull();
  });
  it("@domain trusts the domain and its subdomains only", () => {
    expect(matchTrusted("example.org", ["@example.org"])).toBe("@example.org");
    expect(matchTrusted("mx1.eu.example.org", ["@Example.org"])).toBe("@Example.org");
    expect(matchTrusted("badexample.org", ["@example.org"])).toBeNull();
    expect(matchTrusted("example.org.attacker.example", ["@example.org"])).toBeNull();
    expect(matchTrusted("example.org", ["@"])).toBeNull();
  });
  it("compares IDN ids as A-labels", () => {
    expect(matchTrusted("mx.例え.example", ["mx.xn--r8jz45g.example"])).not.toBeNull();
  });
  it("null ids never match", () => {
    expect(matchTrusted(null, ["mx.example.net"])).toBeNull();
  });
});

describe("judgeHeader", () => {
  it("trusted with a reason naming the entry", () => {
    const d = judgeHeader(ar("mx.example.net"), ["@example.net"]);
    expect(d).toEqual({ trusted: true, why: { key: "trust_trusted", params: ["mx.example.net", "@example.net"] } });
    expect(renderEnglish(d.why)).toBe("Trusted: authserv-id mx.example.net matches the trusted entry @example.net");
  });
  it("empty list: not configured (RFC 8601 §7.1)", () => {
    expect(judgeHeader(ar("mx.example.net"), []).why.key).toBe("trust_noneConfigured");
  });
  it("not in the list", () => {
    const d = judgeHeader(ar("trusted-looking.example"), ["mx.example.net"]);
    expect(d.trusted).toBe(false);
    expect(renderEnglish(d.why)).toBe("Ignored: trusted-looking.example is not a trusted server");
  });
  it("no authserv-id (Microsoft 365) is never trusted", () => {
    expect(judgeHeader(ar(null), ["mx.example.net"]).why.key).toBe("trust_noAuthservId");
  });
  it("unsupported version is ignored even for a trusted id; version 1 is fine", () => {
    expect(judgeHeader(ar("mx.example.net", 2), ["mx.example.net"])).toMatchObject({
      trusted: false,
      why: { key: "trust_versionUnsupported", params: ["2"] },
    });
    expect(judgeHeader(ar("mx.example.net", 1), ["mx.example.net"]).trusted).toBe(true);
  });
});

describe("settings", () => {
  it("merges global and per-account entries", () => {
    const s = { trustedAuthservIds: ["mx.example.net"], accounts: { a1: ["@example.org", "MX.example.net"] } };
    expect(effectiveTrustedIds(s, "a1")).toEqual(["mx.example.net", "@example.org"]);
    expect(effectiveTrustedIds(s, "a2")).toEqual(["mx.example.net"]);
    expect(effectiveTrustedIds(s)).toEqual(["mx.example.net"]);
  });
  it("suggests the newest header's authserv-id, skipping headers without one", () => {
    expect(suggestServer([ar(null), ar("MX.example.net"), ar("other.example")])).toBe("mx.example.net");
    expect(suggestServer([ar(null)])).toBeNull();
  });
  it("forwarders match like authserv-ids", () => {
    expect(isTrustedForwarder("lists.example.org", ["@example.org"])).toBe(true);
    expect(isTrustedForwarder("lists.example.org", ["example.org"])).toBe(false);
    expect(isTrustedForwarder(null, ["@example.org"])).toBe(false);
  });
});
