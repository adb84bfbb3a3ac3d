/**
 * RFC 8601 (seed draft-ietf-dmarc-rfc7601bis-06) Appendix B examples, the TLS method examples
 * from the seeds, and the grammar corner by corner in strict and tolerant mode.
 */
import { describe, expect, it } from "vitest";
import { parseAuthResults } from "../../../../src/core/authres/parse.js";
import { errors, parseChecked, prop, summary, warnings } from "./helpers.js";

const strict = { strict: true } as const;

describe("Appendix B examples (strict, no diagnostics)", () => {
  it("B.2 nearly trivial case: version and none", () => {
    const p = parseChecked("example.org 1; none", strict);
    expect(p).toEqual({ authservId: "example.org", version: 1, instance: null, none: true, results: [], diagnostics: [] });
  });

  it("B.3 SPF", () => {
    const p = parseChecked("example.com;\r\n                        spf=pass smtp.mailfrom=example.net", strict);
    expect(p.diagnostics).toEqual([]);
    expect(p.results).toEqual([
      { method: "spf", methodVersion: null, result: "pass", reason: null, properties: [{ ptype: "smtp", property: "mailfrom", value: "example.net" }], comments: [] },
    ]);
  });

  it("B.4 several results from one MTA, two fields", () => {
    const a = parseChecked("example.com;\r\n    auth=pass (cram-md5) smtp.auth=sender@example.net;\r\n    spf=pass smtp.mailfrom=example.net", strict);
    expect(a.diagnostics).toEqual([]);
    expect(summary(a)).toEqual(["auth=pass", "spf=pass"]);
    expect(a.results[0]?.comments).toEqual(["cram-md5"]);
    expect(prop(a, 0, "smtp.auth")).toBe("sender@example.net");
    const b = parseChecked("example.com; iprev=pass\r\n    policy.iprev=192.0.2.200", strict);
    expect(b.diagnostics).toEqual([]);
    expect(prop(b, 0, "policy.iprev")).toBe("192.0.2.200");
  });

  it("B.5 different MTAs", () => {
    const a = parseChecked("example.com;\r\n                        dkim=pass (good signature) header.d=example.com", strict);
    expect(a.diagnostics).toEqual([]);
    expect(a.results[0]).toMatchObject({ method: "dkim", result: "pass", comments: ["good signature"] });
    const b = parseChecked(
      "example.com;\r\n                        auth=pass (cram-md5) smtp.auth=sender@example.com;\r\n                        spf=fail smtp.mailfrom=example.com",
      strict,
    );
    expect(b.diagnostics).toEqual([]);
    expect(summary(b)).toEqual(["auth=pass", "spf=fail"]);
  });

  it("B.6 multi-tiered: reason= quoted, header.i=@domain", () => {
    const a = parseChecked(
      'example.com;\r\n    dkim=pass reason="good signature"\r\n    header.i=@mail-router.example.net;\r\n    dkim=fail reason="bad signature"\r\n    header.i=@newyork.example.com',
      strict,
    );
    expect(a.diagnostics).toEqual([]);
    expect(a.results.map((r) => [r.result, r.reason, prop(a, a.results.indexOf(r), "header.i")])).toEqual([
      ["pass", "good signature", "@mail-router.example.net"],
      ["fail", "bad signature", "@newyork.example.com"],
    ]);
    const b = parseChecked("example.net;\r\n    dkim=pass (good signature) header.i=@newyork.example.com", strict);
    expect(b.diagnostics).toEqual([]);
    expect(prop(b, 0, "header.i")).toBe("@newyork.example.com");
  });

  it("B.7 comment-heavy example", () => {
    const p = parseChecked(
      "foo.example.net (foobar) 1 (baz);\r\n    dkim (Because I like it) / 1 (One yay) = (wait for it) fail\r\n    policy (A dot can go here) . (like that) expired\r\n    (this surprised me) = (as I wasn't expecting it) 1362471462",
      strict,
    );
    expect(p).toEqual({
      authservId: "foo.example.net",
      version: 1,
      instance: null,
      none: false,
      results: [
        {
          method: "dkim",
          methodVersion: 1,
          result: "fail",
          reason: null,
          properties: [{ ptype: "policy", property: "expired", value: "1362471462" }],
          comments: ["Because I like it", "One yay", "wait for it", "A dot can go here", "like that", "this surprised me", "as I wasn't expecting it"],
        },
      ],
      diagnostics: [],
    });
  });

  it("§2.4 policy ptype with a local property", () => {
    const p = parseChecked("example.com; dkim=policy policy.dkim-rules=unsigned-subject", strict);
    expect(p.diagnostics).toEqual([]);
    expect(prop(p, 0, "policy.dkim-rules")).toBe("unsigned-subject");
  });

  it("§2.7.4 auth with both identities", () => {
    const p = parseChecked("example.com; auth=pass smtp.auth=client@c.example smtp.mailfrom=bob@b.example", strict);
    expect(p.diagnostics).toEqual([]);
    expect([prop(p, 0, "smtp.auth"), prop(p, 0, "smtp.mailfrom")]).toEqual(["client@c.example", "bob@b.example"]);
  });

  it("§2.7.6 extension method example", () => {
    const p = parseChecked("example.com;\r\n                        foo=pass bar.baz=blob (2 of 3 tests OK)");
    expect(summary(p)).toEqual(["foo=pass"]);
    expect(prop(p, 0, "bar.baz")).toBe("blob");
    expect(p.results[0]?.comments).toEqual(["2 of 3 tests OK"]);
  });
});

describe("tls method examples (seeds)", () => {
  it("the draft's example, cleaned (docs/tls-method.md)", () => {
    const value = [
      "mail-router.example.net;",
      "      dkim=pass (good signature) header.d=newyork.example.com header.b=oINEO8hg;",
      "      tls=pass (verified, expires 20140505) cert.verif=CA",
      '      cert.client="CN=smtp.example.com, O=ACME, L=ToonTown, ST=CA, C=US"',
      '      cert.clientalt="DNS:smtp.example.com, DNS:newyork.example.com"',
      '      cert.clientissuer="C=US, O=AcmeCert Inc, CN=AcmeCert CA"',
      "      key.ciphersuite=TLS_RSA_WITH_RC4_128_SHA tls.v=TLS1.0",
      '      key.fingerprint="68:B3:29:DA:98:93:E3:40:99:C7:D8:AD:5C:B9:C9:40"',
      "      key.length=128 key.strength=MEDIUM",
    ].join("\r\n");
    const p = parseChecked(value, strict);
    expect(p.diagnostics).toEqual([]);
    expect(summary(p)).toEqual(["dkim=pass", "tls=pass"]);
    expect(p.results[1]?.comments).toEqual(["verified, expires 20140505"]);
    expect(p.results[1]?.properties).toEqual([
      { ptype: "cert", property: "verif", value: "CA" },
      { ptype: "cert", property: "client", value: "CN=smtp.example.com, O=ACME, L=ToonTown, ST=CA, C=US" },
      { ptype: "cert", property: "clientalt", value: "DNS:smtp.example.com, DNS:newyork.example.com" },
      { ptype: "cert", property: "clientissuer", value: "C=US, O=AcmeCert Inc, CN=AcmeCert CA" },
      { ptype: "key", property: "ciphersuite", value: "TLS_RSA_WITH_RC4_128_SHA" },
      { ptype: "tls", property: "v", value: "TLS1.0" },
      { ptype: "key", property: "fingerprint", value: "68:B3:29:DA:98:93:E3:40:99:C7:D8:AD:5C:B9:C9:40" },
      { ptype: "key", property: "length", value: "128" },
      { ptype: "key", property: "strength", value: "MEDIUM" },
    ]);
  });

  it("slides: no TLS (tls=none)", () => {
    const value =
      'xxxxx.linkedin.com;\r\n iprev=pass policy.iprev="204.232.133.74";\r\n spf=pass\r\n smtp.mailfrom="xxxxx@messagesystems.com"\r\n' +
      ' smtp.helo="b.mx.messagesystems.com";\r\n dkim=pass header.d=messagesystems.com;\r\n tls=none;\r\n dmarc=pass (p=none; dis=none)\r\n header.from=messagesystems.com';
    const p = parseChecked(value, strict);
    expect(p.diagnostics).toEqual([]);
    expect(summary(p)).toEqual(["iprev=pass", "spf=pass", "dkim=pass", "tls=none", "dmarc=pass"]);
    expect(p.results[4]?.comments).toEqual(["p=none; dis=none"]);
  });

  it("slides: TLS without CA (tls=fail (unverified)), folded quoted string", () => {
    const value =
      'xxxxx.linkedin.com;\r\n iprev=pass policy.iprev="2001:1900:3001:11::2c";\r\n spf=pass smtp.mailfrom="dmarc-bounces@ietf.org"\r\n' +
      ' smtp.helo="mail.ietf.org";\r\n dkim=pass header.d=ietf.org; dkim=fail (signature\r\n verification failed) header.d=gmail.com;\r\n' +
      ' tls=fail (unverified)\r\n key.ciphersuite="TLS_RSA_WITH_AES_256_GCM_SHA384" key.length="256" tls.v="tlsv1.2" cert.client=""\r\n' +
      ' cert.clientissuer="";\r\n dmarc=fail (p=none; dis=mailing_list)\r\n header.from=gmail.com';
    const p = parseChecked(value, strict);
    expect(p.diagnostics).toEqual([]);
    expect(summary(p)).toEqual(["iprev=pass", "spf=pass", "dkim=pass", "dkim=fail", "tls=fail", "dmarc=fail"]);
    expect(prop(p, 0, "policy.iprev")).toBe("2001:1900:3001:11::2c");
    expect(p.results[3]?.comments).toEqual(["signature verification failed"]);
    expect(p.results[4]?.comments).toEqual(["unverified"]);
    expect(prop(p, 4, "tls.v")).toBe("tlsv1.2");
    expect(prop(p, 4, "cert.client")).toBe("");
    expect(prop(p, 4, "key.length")).toBe("256");
  });

  it("slides: TLS with CA (tls=pass (verified)), quoted value folded across lines", () => {
    const value =
      'xxxxxx.linkedin.com;\r\n iprev=pass policy.iprev="2607:f8b0:4001:c03::232";\r\n spf=pass smtp.mailfrom="xxxxxx@gmail.com"\r\n' +
      ' smtp.helo="mail-ie0-x232.google.com";\r\n dkim=pass header.d=gmail.com;\r\n tls=pass (verified)\r\n' +
      ' key.ciphersuite="SSL_RSA_WITH_RC4_128_SHA"\r\n key.length="128" tls.v="tlsv1"\r\n' +
      ' cert.client="C=US,ST=California,L=Mountain View,O=Google\r\n Inc,CN=smtp.gmail.com" cert.clientissuer="C=US,O=Google\r\n Inc,CN=Google Internet Authority G2";\r\n' +
      " dmarc=pass (p=none; dis=none) header.from=gmail.com";
    const p = parseChecked(value, strict);
    expect(p.diagnostics).toEqual([]);
    expect(summary(p)).toEqual(["iprev=pass", "spf=pass", "dkim=pass", "tls=pass", "dmarc=pass"]);
    // RFC 5322 §3.2.4: the CRLF of folding is removed, the white space after it stays.
    expect(prop(p, 3, "cert.client")).toBe("C=US,ST=California,L=Mountain View,O=Google Inc,CN=smtp.gmail.com");
    expect(prop(p, 3, "cert.clientissuer")).toBe("C=US,O=Google Inc,CN=Google Internet Authority G2");
  });

  it("tls ptypes are only known for the tls method", () => {
    expect(errors(parseAuthResults("a.example; dkim=pass cert.client=x", strict))).toEqual(["'cert' is not a registered ptype for method 'dkim'"]);
    expect(errors(parseAuthResults("a.example; tls=selfsigned cert.client=x", strict))).toEqual([]);
    expect(errors(parseAuthResults("a.example; tls=maybe", strict))).toEqual(["'maybe' is not a registered result for method 'tls'"]);
  });
});

describe("grammar", () => {
  it("keywords are case-insensitive and lowercased; values verbatim", () => {
    const p = parseChecked("Example.COM; DKIM=PASS Header.D=Example.COM", strict);
    expect(p.authservId).toBe("Example.COM");
    expect(p.results[0]).toMatchObject({ method: "dkim", result: "pass", properties: [{ ptype: "header", property: "d", value: "Example.COM" }] });
    expect(parseChecked("a.example; None", strict).none).toBe(true);
  });

  it("quoted authserv-id, UTF-8, quoted-pairs", () => {
    expect(parseChecked('"日本語.jp"; none', strict)).toMatchObject({ authservId: "日本語.jp", none: true, diagnostics: [] });
    expect(parseChecked('"a \\"b\\" \\\\ c"; none', strict).authservId).toBe('a "b" \\ c');
  });

  it("unquoted UTF-8 authserv-id: strict error, tolerant warning", () => {
    expect(errors(parseAuthResults("éxamplé.org; none", strict))).toHaveLength(1);
    const t = parseChecked("éxamplé.org; none");
    expect(t.authservId).toBe("éxamplé.org");
    expect(errors(t)).toEqual([]);
    expect(warnings(t)).toHaveLength(1);
  });

  it("CFWS around '.', '=' and '/', comments glued to tokens", () => {
    const p = parseChecked("a.example;(c0)spf(c1)/(c2)1(c3)=(c4)pass(c5)smtp(c6).(c7)mailfrom(c8)=(c9)x.example(c10)", strict);
    expect(p.diagnostics).toEqual([]);
    expect(p.results[0]).toEqual({
      method: "spf",
      methodVersion: 1,
      result: "pass",
      reason: null,
      properties: [{ ptype: "smtp", property: "mailfrom", value: "x.example" }],
      comments: ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10"],
    });
  });

  it("nested comments with quoted-pairs are unescaped and kept whole", () => {
    const p = parseChecked("a.example; dkim=pass (good (comment (another)) signature(s) \\) \\( \\\\) header.d=a.example", strict);
    expect(p.diagnostics).toEqual([]);
    expect(p.results[0]?.comments).toEqual(["good (comment (another)) signature(s) ) ( \\"]);
  });

  it("pvalue forms: token, quoted, local-part@domain, @domain, domain, EAI", () => {
    const p = parseChecked(
      'a.example; dkim=pass header.i=user+tag@b.example header.d=b.example header.s="sel 1"; auth=pass smtp.auth=@c.example smtp.mailfrom="john doe"@d.example; dkim=pass header.i=二ノ宮@黒川.日本',
      strict,
    );
    expect(p.diagnostics).toEqual([]);
    expect(prop(p, 0, "header.i")).toBe("user+tag@b.example");
    expect(prop(p, 0, "header.s")).toBe("sel 1");
    expect(prop(p, 1, "smtp.auth")).toBe("@c.example");
    expect(prop(p, 1, "smtp.mailfrom")).toBe('"john doe"@d.example');
    expect(prop(p, 2, "header.i")).toBe("二ノ宮@黒川.日本");
  });

  it("special-smtp-verb rcptto", () => {
    const p = parseChecked("a.example; rrvs=pass smtp.rcptto=user@a.example", strict);
    expect(p.diagnostics).toEqual([]);
    expect(prop(p, 0, "smtp.rcptto")).toBe("user@a.example");
  });

  it("header version other than 1: that version, no results, a warning (§2.6)", () => {
    for (const options of [{}, strict]) {
      const p = parseChecked("a.example 2; spf=pass smtp.mailfrom=a.example", options);
      expect(p.version).toBe(2);
      expect(p.results).toEqual([]);
      expect(warnings(p)).toHaveLength(1);
      expect(errors(p)).toEqual([]);
    }
  });

  it("method version other than 1 is kept, with a warning", () => {
    const p = parseChecked("a.example; dkim/2=pass", strict);
    expect(p.results[0]?.methodVersion).toBe(2);
    expect(warnings(p).join()).toMatch(/version 2/);
    expect(errors(p)).toEqual([]);
  });

  it("ARC-Authentication-Results: instance, then the same shape", () => {
    const p = parseChecked("i=2; mx.google.com;\r\n       dkim=pass header.i=@zonevs.eu header.s=oct2016 header.b=0ZgeYqhD", { arc: true, strict: true });
    expect(p).toMatchObject({ instance: 2, authservId: "mx.google.com", diagnostics: [] });
    expect(summary(p)).toEqual(["dkim=pass"]);
    expect(parseChecked("(c) I (d) = (e) 7 (f) ; a.example; none", { arc: true, strict: true })).toMatchObject({ instance: 7, none: true, diagnostics: [] });
    // Without the arc option, instance is null, and we say why the value looks odd.
    const plain = parseChecked("i=1; a.example; spf=pass");
    expect(plain.instance).toBeNull();
    expect(warnings(plain)[0]).toMatch(/arc option/);
  });

  it("ARC without or with a bad instance", () => {
    const missing = parseChecked("a.example; arc=none", { arc: true });
    expect(missing).toMatchObject({ instance: null, authservId: "a.example" });
    expect(warnings(missing)).toHaveLength(1);
    expect(errors(parseAuthResults("a.example; arc=none", { arc: true, strict: true }))).toHaveLength(1);
    expect(errors(parseAuthResults("i=51; a.example; arc=none", { arc: true, strict: true }))).toHaveLength(1);
    expect(errors(parseAuthResults("i=; a.example; arc=none", { arc: true }))).toHaveLength(1);
    expect(errors(parseAuthResults("i=1", { arc: true }))).toHaveLength(2);
  });

  it("registry checks: strict errors for unknown results and ptypes of known methods only", () => {
    expect(errors(parseAuthResults("a.example; spf=hardfail", strict))).toEqual([]); // deprecated but registered
    expect(warnings(parseAuthResults("a.example; spf=hardfail", strict))).toHaveLength(1);
    expect(errors(parseAuthResults("a.example; dkim=hardfail", strict))).toHaveLength(1);
    expect(errors(parseAuthResults("a.example; dmarc=pass foo.bar=baz", strict))).toHaveLength(1);
    expect(errors(parseAuthResults("a.example; x-foo=whatever foo.bar=baz", strict))).toEqual([]);
    expect(errors(parseAuthResults("a.example; unknown=foo", strict))).toEqual([]);
    const tolerant = parseChecked("a.example; dkim=timeout");
    expect(summary(tolerant)).toEqual(["dkim=timeout"]);
    expect(warnings(tolerant)).toHaveLength(1);
  });

  it("errors for things that cannot be read, in both modes, with recovery at the next ';'", () => {
    for (const options of [{}, strict]) {
      const p = parseChecked("a.example; dkim pass; spf=; dmarc=pass (unclosed", options);
      expect(summary(p)).toEqual(["dmarc=pass"]);
      expect(errors(p)).toHaveLength(3);
      expect(parseChecked("a.example; none dkim=pass", options).none).toBe(true);
      expect(errors(parseChecked("a.example; none dkim=pass", options))).toHaveLength(1);
      expect(errors(parseChecked("", options))).toHaveLength(1);
      expect(errors(parseChecked(";none", options))).toHaveLength(1);
      expect(errors(parseChecked('a.example; dkim=pass header.b="abc', options))).toHaveLength(1);
    }
  });

  it("recovery does not stop at a ';' inside a quoted string or comment", () => {
    const p = parseChecked('a.example; dkim=pass x.y!z="a;b" (c;d); spf=pass');
    expect(summary(p)).toEqual(["dkim=pass", "spf=pass"]);
  });

  it("non-string input does not throw", () => {
    // Deliberately wrong type, as a JavaScript caller could pass it.
    const p = parseAuthResults(undefined as unknown as string);
    expect(errors(p)).toHaveLength(1);
  });
});

describe("tolerant quirks are warnings, strict errors", () => {
  const quirks: [string, string, string[]][] = [
    ["missing authserv-id (Microsoft)", "spf=pass smtp.mailfrom=a.example; dkim=pass header.d=a.example", ["spf=pass", "dkim=pass"]],
    ["stray domain; token", "a.example; spf=pass; a.example; dkim=pass", ["spf=pass", "dkim=pass"]],
    ["bare key=value", "a.example; dmarc=pass action=none header.from=a.example", ["dmarc=pass"]],
    ["trailing ;", "a.example; spf=pass;", ["spf=pass"]],
    ["unquoted IPv6", "a.example; iprev=pass smtp.remote-ip=2001:db8::1", ["iprev=pass"]],
    ["unquoted URI", "a.example; bimi=pass policy.authority-uri=https://a.example/x.pem", ["bimi=pass"]],
    ["authserv-id alone", "a.example", []],
    ["authserv-id and ';'", "a.example;", []],
    ["unregistered result", "a.example; dmarc=bestguesspass", ["dmarc=bestguesspass"]],
    ["missing space after quoted value", 'a.example; dkim=pass header.b="x"header.d=a.example', ["dkim=pass"]],
    ["reason after properties", "a.example; dkim=fail header.d=a.example reason=bad", ["dkim=fail"]],
  ];
  for (const [name, value, results] of quirks) {
    it(name, () => {
      const t = parseChecked(value);
      expect(summary(t)).toEqual(results);
      expect(errors(t)).toEqual([]);
      expect(warnings(t).length).toBeGreaterThan(0);
      const s = parseChecked(value, strict);
      expect(errors(s).length).toBeGreaterThan(0);
      expect(summary(s)).toEqual(results);
    });
  }

  it("valid per the ABNF although unusual: no space after ';', comment glued to the result", () => {
    const p = parseChecked("a.example;spf=pass smtp.mailfrom=a.example;dmarc=pass(p=QUARANTINE,sp=QUARANTINE) header.from=a.example", strict);
    expect(p.diagnostics).toEqual([]);
    expect(p.results[1]?.comments).toEqual(["p=QUARANTINE,sp=QUARANTINE"]);
  });

  it("bare key=value is kept with ptype null", () => {
    const p = parseChecked("a.example; dmarc=pass action=none header.from=a.example");
    expect(p.results[0]?.properties).toEqual([
      { ptype: null, property: "action", value: "none" },
      { ptype: "header", property: "from", value: "a.example" },
    ]);
  });
});

describe("robustness", () => {
  it("10,000 nested comments", () => {
    const depth = 10_000;
    const value = `a.example; dkim=pass ${"(".repeat(depth)}x${")".repeat(depth)} header.d=a.example`;
    const p = parseChecked(value, strict);
    expect(p.diagnostics).toEqual([]);
    expect(p.results[0]?.comments[0]?.length).toBe(2 * depth - 1);
    const unclosed = parseChecked(`a.example; dkim=pass ${"(".repeat(depth)}`);
    expect(errors(unclosed)).toHaveLength(1);
  });

  it("a 1 MB header of repeated results parses in well under a second", () => {
    const one = "dkim=pass header.d=example.com header.s=sel header.b=abcdefgh; ";
    const value = `a.example; ${one.repeat(Math.ceil(1_000_000 / one.length))}spf=pass`;
    const t0 = performance.now();
    const p = parseAuthResults(value);
    const ms = performance.now() - t0;
    expect(p.results.length).toBe(Math.ceil(1_000_000 / one.length) + 1);
    expect(ms).toBeLessThan(1000);
  });

  it("hostile input keeps the diagnostics list bounded", () => {
    const p = parseChecked(`a.example; ${"x; ".repeat(5000)}`);
    expect(p.diagnostics.length).toBeLessThanOrEqual(1002);
  });
});
