import { describe, expect, it } from "vitest";
import { formatParsedTable, sanitizeForTerminal, toContractObject } from "../../../../src/core/authres/format.js";
import { parseAuthResults } from "../../../../src/core/authres/parse.js";
import {
  METHODS,
  PTYPES,
  isKnownProperty,
  isKnownPtype,
  isKnownResult,
  lookupMethod,
  methodStatus,
  resultStatus,
} from "../../../../src/core/registry.js";

describe("registry", () => {
  it("lists the IANA methods with their status, and the extensions", () => {
    const status = Object.fromEntries(METHODS.map((m) => [m.name, m.status]));
    expect(status).toEqual({
      auth: "active",
      dkim: "active",
      domainkeys: "deprecated",
      iprev: "active",
      "sender-id": "deprecated",
      spf: "active",
      "dkim-adsp": "deprecated",
      vbr: "active",
      rrvs: "active",
      smime: "active",
      dmarc: "active",
      arc: "active",
      dnswl: "active",
      "dkim-atps": "active",
      tls: "extension",
      bimi: "extension",
      compauth: "extension",
    });
    expect(PTYPES.map((p) => p.name)).toEqual(["smtp", "header", "body", "policy", "dns"]);
  });

  it("methodStatus", () => {
    expect(methodStatus("DKIM")).toBe("active");
    expect(methodStatus("sender-id")).toBe("deprecated");
    expect(methodStatus("tls")).toBe("extension");
    expect(methodStatus("x-ptr")).toBe("experimental");
    expect(methodStatus("x-")).toBe("unknown");
    expect(methodStatus("foo")).toBe("unknown");
    expect(lookupMethod("x-ptr")).toBeUndefined();
    expect(lookupMethod("Spf")?.name).toBe("spf");
  });

  it("results per method (RFC 8601 §2.7, RFC 8617)", () => {
    expect(isKnownResult("spf", "softfail")).toBe(true);
    expect(isKnownResult("dkim", "softfail")).toBe(false);
    expect(isKnownResult("iprev", "none")).toBe(false); // §2.7.3: no "none" for iprev
    expect(isKnownResult("arc", "pass")).toBe(true);
    expect(isKnownResult("arc", "reject")).toBe(false);
    expect(isKnownResult("dmarc", "bestguesspass")).toBe(false);
    expect(isKnownResult("tls", "selfsigned")).toBe(true);
    expect(isKnownResult("compauth", "softpass")).toBe(true);
    expect(isKnownResult("x-foo", "pass")).toBe(false);
    expect(resultStatus("spf", "hardfail")).toBe("deprecated");
    expect(resultStatus("spf", "PASS")).toBe("active");
  });

  it("ptypes and properties", () => {
    expect(isKnownPtype("dkim", "header")).toBe(true);
    expect(isKnownPtype("dnswl", "dns")).toBe(true);
    expect(isKnownPtype("tls", "cert")).toBe(true);
    expect(isKnownPtype("dkim", "cert")).toBe(false);
    expect(isKnownProperty("dkim", "header", "s")).toBe(true);
    expect(isKnownProperty("spf", "smtp", "remote-ip")).toBe(false);
    expect(isKnownProperty("arc", "smtp", "remote-ip")).toBe(true);
    expect(isKnownProperty("tls", "key", "ciphersuite")).toBe(true);
  });
});

describe("format", () => {
  it("table shows results, properties, comments and diagnostics", () => {
    const text = formatParsedTable(parseAuthResults('a.example 1; spf=pass (ok) smtp.mailfrom=b.example; x-foo=bar reason="two words"'));
    expect(text).toContain("authserv-id: a.example   version: 1");
    expect(text).toMatch(/1\s+spf\s+pass\s+active\s+smtp\.mailfrom=b\.example/);
    expect(text).toContain("(ok)");
    expect(text).toMatch(/2\s+x-foo\s+bar\s+experimental\s+reason="two words"/);
  });

  it("none, missing authserv-id, ARC instance", () => {
    expect(formatParsedTable(parseAuthResults("a.example; none"))).toContain("no authentication done");
    expect(formatParsedTable(parseAuthResults("spf=pass"))).toContain("authserv-id: (none)");
    expect(formatParsedTable(parseAuthResults("i=4; a.example; none", { arc: true }))).toContain("ARC instance: 4");
  });

  it("untrusted text cannot drive the terminal", () => {
    const text = formatParsedTable(parseAuthResults('a.example; spf=pass (\u001b[31mred\u202e) smtp.mailfrom="x\u0007y"'));
    const raw = [...text].filter((ch) => (ch < " " && ch !== "\n") || ch === "\u007f" || ch === "\u202e");
    expect(raw).toEqual([]);
    expect(text).toContain("\\x1b[31mred\\u202e");
    expect(sanitizeForTerminal("ok\n")).toBe("ok\\x0a");
  });

  it("toContractObject keeps the contract keys only, in order", () => {
    const p = parseAuthResults("a.example; spf=pass");
    const extra = { ...p, extra: 1 };
    expect(Object.keys(toContractObject(extra))).toEqual(["authservId", "version", "instance", "none", "results", "diagnostics"]);
  });
});
