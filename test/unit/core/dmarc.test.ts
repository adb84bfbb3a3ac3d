import { describe, expect, it } from "vitest";
import type { MethodResult } from "../../../src/core/authres/types.js";
import { analyzeDmarc, type TrustedResult } from "../../../src/core/dmarc.js";
import { alignment, orgDomain } from "../../../src/core/domain.js";

function r(method: string, result: string, props: [string, string, string][] = [], comments: string[] = []): TrustedResult {
  const mr: MethodResult = {
    method,
    methodVersion: null,
    result,
    reason: null,
    properties: props.map(([ptype, property, value]) => ({ ptype, property, value })),
    comments,
  };
  return { result: mr, authservId: "mx.example.net", headerIndex: 0 };
}

describe("alignment", () => {
  it("strict, relaxed (PSL, ICANN section), none", () => {
    expect(alignment("example.com", "example.com")).toBe("strict");
    expect(alignment("bounce.example.com", "example.com")).toBe("relaxed");
    expect(alignment("a.example.co.uk", "b.example.co.uk")).toBe("relaxed");
    expect(alignment("example.co.uk", "other.co.uk")).toBe("none");
    expect(alignment("example.net", "example.com")).toBe("none");
    expect(alignment(null, "example.com")).toBe("none");
  });
  it("ignores the private PSL section (allowPrivateDomains false)", () => {
    expect(orgDomain("alice.github.io")).toBe("github.io");
    expect(alignment("alice.github.io", "bob.github.io")).toBe("relaxed");
  });
});

describe("analyzeDmarc", () => {
  it("reported pass with alignment details", () => {
    const d = analyzeDmarc(
      [
        r("dkim", "pass", [["header", "d", "example.com"]]),
        r("spf", "pass", [["smtp", "mailfrom", "bounce@bounce.example.com"]]),
        r("dmarc", "pass", [["header", "from", "example.com"]], ["p=reject"]),
      ],
      "example.com",
    );
    expect(d).toMatchObject({ result: "pass", source: "authres", policy: "reject", alignment: { spf: "relaxed", dkim: "strict" } });
  });

  it("DKIM identity falls back to header.i; SPF to smtp.helo for a null sender", () => {
    const d = analyzeDmarc(
      [r("dkim", "pass", [["header", "i", "@mail.example.com"]]), r("spf", "pass", [["smtp", "mailfrom", "<>"], ["smtp", "helo", "example.com"]])],
      "example.com",
    );
    expect(d.dkim[0]).toMatchObject({ domain: "mail.example.com", alignment: "relaxed" });
    expect(d.spf[0]).toMatchObject({ identity: "example.com", alignment: "strict" });
  });

  it("virtual DMARC: dmarc=none plus a strictly aligned pass", () => {
    const d = analyzeDmarc(
      [r("dkim", "pass", [["header", "d", "shop.example.org"]]), r("dmarc", "none", [["header", "from", "shop.example.org"]])],
      "shop.example.org",
    );
    expect(d).toMatchObject({ result: "pass", source: "virtual", reportedResult: "none", virtual: { method: "dkim", basis: "noPolicy" } });
  });

  it("virtual DMARC needs STRICT alignment", () => {
    const d = analyzeDmarc([r("spf", "pass", [["smtp", "mailfrom", "x@bounce.example.org"]])], "shop.example.org");
    expect(d).toMatchObject({ result: null, source: "none", virtual: null });
  });

  it("virtual DMARC when no dmarc result was reported at all", () => {
    const d = analyzeDmarc([r("spf", "pass", [["smtp", "mailfrom", "x@example.org"]])], "example.org");
    expect(d.virtual).toEqual({ method: "spf", domain: "example.org", basis: "noResult" });
  });

  it("no virtual pass over a reported fail", () => {
    const d = analyzeDmarc([r("dkim", "pass", [["header", "d", "example.com"]]), r("dmarc", "fail", [["header", "from", "example.com"]])], "example.com");
    expect(d).toMatchObject({ result: "fail", source: "authres" });
  });

  it("bestguesspass is kept as its own result", () => {
    expect(analyzeDmarc([r("dmarc", "bestguesspass", [["header", "from", "example.com"]])], "example.com").result).toBe("bestguesspass");
  });

  it("a dmarc result for another domain is ignored, with a note", () => {
    const d = analyzeDmarc([r("dmarc", "pass", [["header", "from", "other.example"]])], "example.com");
    expect(d.result).toBeNull();
    expect(d.notes[0]?.key).toBe("dmarc_otherDomain");
  });

  it("IDN header.from compares as A-label", () => {
    expect(analyzeDmarc([r("dmarc", "pass", [["header", "from", "例え.example"]])], "xn--r8jz45g.example").result).toBe("pass");
  });

  it("the worst of several results for the From domain wins", () => {
    const d = analyzeDmarc([r("dmarc", "pass", [["header", "from", "example.com"]]), r("dmarc", "fail", [["header", "from", "example.com"]])], "example.com");
    expect(d.result).toBe("fail");
  });
});
