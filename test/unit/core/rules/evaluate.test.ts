/** Every condition type, negation, match all/any, stopAfter, and the trust rule. */
import { describe, expect, it } from "vitest";
import type { Analysis } from "../../../../src/core/analyze.js";
import { type ConditionInput, evaluateCondition, evaluateRules, ruleArcStatus, ruleFacts } from "../../../../src/core/rules/index.js";
import { analyzeDemo, analyzeRaw, cond, message, rule } from "./helpers.js";

function holds(c: Record<string, unknown>, a: Analysis): boolean {
  const parsed = cond(c);
  const plain = evaluateCondition(parsed, ruleFacts(a));
  // Negation is always the exact opposite.
  expect(evaluateCondition(cond({ ...c, negate: true }), ruleFacts(a))).toBe(!plain);
  expect(evaluateCondition(cond({ ...c, negate: false }), ruleFacts(a))).toBe(plain);
  return plain;
}

const authenticated = analyzeDemo("01-authenticated.eml");
const dmarcFail = analyzeDemo("02-dmarc-fail-cleartext.eml");
const arcList = analyzeDemo("03-mailing-list-arc.eml");
const forged = analyzeDemo("04-forged-below.eml");
const lookalike = analyzeDemo("05-lookalike-idn.eml");
const microsoft = analyzeDemo("06-microsoft365.eml");
const eai = analyzeDemo("07-eai-domain.eml");
const noAuth = analyzeDemo("08-no-auth.eml");

describe("methodResult", () => {
  it("matches a trusted result in the set, case-insensitively", () => {
    expect(holds({ type: "methodResult", method: "tls", results: ["pass"] }, authenticated)).toBe(true);
    expect(holds({ type: "methodResult", method: "TLS", results: ["PASS"] }, authenticated)).toBe(true);
    expect(holds({ type: "methodResult", method: "tls", results: ["fail", "none"] }, authenticated)).toBe(false);
    expect(holds({ type: "methodResult", method: "dmarc", results: ["fail"] }, dmarcFail)).toBe(true);
    expect(holds({ type: "methodResult", method: "tls", results: ["none"] }, dmarcFail)).toBe(true);
  });

  it("matches nothing without a trusted result", () => {
    expect(holds({ type: "methodResult", method: "dmarc", results: ["pass", "fail", "none"] }, noAuth)).toBe(false);
    expect(holds({ type: "methodResult", method: "tls", results: ["pass"] }, analyzeDemo("01-authenticated.eml", []))).toBe(false);
  });

  it("a method the registry does not know is matched by name, from a trusted header only", () => {
    const raw = message("Authentication-Results: mx.example.net; x-custom=okay; compauth=pass reason=100");
    expect(holds({ type: "methodResult", method: "x-custom", results: ["okay"] }, analyzeRaw(raw))).toBe(true);
    expect(holds({ type: "methodResult", method: "compauth", results: ["pass"] }, analyzeRaw(raw))).toBe(true);
    const untrusted = message("Authentication-Results: other.example; x-custom=okay");
    expect(holds({ type: "methodResult", method: "x-custom", results: ["okay"] }, analyzeRaw(untrusted))).toBe(false);
    // Microsoft's compauth in the demo sits in a header without authserv-id: never trusted.
    expect(holds({ type: "methodResult", method: "compauth", results: ["pass"] }, microsoft)).toBe(false);
  });

  it("a known method with an unsupported version is not used", () => {
    const raw = message("Authentication-Results: mx.example.net; dkim/2=pass header.d=example.com");
    expect(holds({ type: "methodResult", method: "dkim", results: ["pass"] }, analyzeRaw(raw))).toBe(false);
    const v1 = message("Authentication-Results: mx.example.net; dkim/1=pass header.d=example.com");
    expect(holds({ type: "methodResult", method: "dkim", results: ["pass"] }, analyzeRaw(v1))).toBe(true);
  });
});

describe("the trust rule", () => {
  it("a forged tls=pass from an untrusted header matches nothing (demo 04)", () => {
    expect(forged.authResults.filter((e) => !e.trusted).length).toBe(2);
    expect(holds({ type: "methodResult", method: "tls", results: ["pass"] }, forged)).toBe(false);
    expect(holds({ type: "methodResult", method: "dmarc", results: ["pass"] }, forged)).toBe(false);
    expect(holds({ type: "property", method: "tls", ptype: "key", property: "strength", op: "equals", value: "high" }, forged)).toBe(false);
    expect(holds({ type: "tlsEncrypted", value: "yes" }, forged)).toBe(false);
    expect(holds({ type: "tlsVersionAtLeast", version: "TLS1.0" }, forged)).toBe(false);
    expect(holds({ type: "methodResult", method: "tls", results: ["none"] }, forged)).toBe(true);
  });

  it("a message whose only tls=pass is untrusted triggers no rule at all", () => {
    const raw = message(
      "Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.com",
      "Received: from a.example (a.example [192.0.2.1]) by mx.example.net with ESMTP; Tue, 14 May 2024 10:00:00 +0000",
      "Authentication-Results: attacker.example; tls=pass tls.v=TLS1.3 key.strength=high",
    );
    const a = analyzeRaw(raw);
    const rules = [
      rule({ conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }] }),
      rule({ conditions: [{ type: "property", method: "tls", ptype: "key", property: "strength", op: "equals", value: "high" }] }),
      rule({ conditions: [{ type: "tlsStrength", levels: ["high"] }] }),
      rule({ conditions: [{ type: "trustedResult", method: "tls", trusted: true }] }),
    ];
    expect(evaluateRules(rules, a).map((m) => m.matched)).toEqual([false, false, false, false]);
  });

  it("uses the newest trusted header per method, as analyze.ts does", () => {
    // Header order unknown to the boundary check (no Received lines): both are trusted.
    const raw = message(
      "Authentication-Results: mx.example.net; dkim=fail header.d=example.com",
      "Authentication-Results: mx.example.net; dkim=pass header.d=example.com; tls=pass",
    );
    const a = analyzeRaw(raw);
    expect(a.authResults.every((e) => e.trusted)).toBe(true);
    expect(holds({ type: "methodResult", method: "dkim", results: ["pass"] }, a)).toBe(false);
    expect(holds({ type: "methodResult", method: "dkim", results: ["fail"] }, a)).toBe(true);
    expect(holds({ type: "property", method: "dkim", ptype: "header", property: "d", op: "equals", value: "example.com" }, a)).toBe(true);
    // A method only the older trusted header reports is still taken from it.
    expect(holds({ type: "methodResult", method: "tls", results: ["pass"] }, a)).toBe(true);
  });

  it("several results of one method in the newest header all count (several DKIM signatures)", () => {
    const raw = message("Authentication-Results: mx.example.net; dkim=fail header.d=a.example; dkim=pass header.d=b.example");
    const a = analyzeRaw(raw);
    expect(holds({ type: "methodResult", method: "dkim", results: ["pass"] }, a)).toBe(true);
    expect(holds({ type: "methodResult", method: "dkim", results: ["fail"] }, a)).toBe(true);
    expect(holds({ type: "property", method: "dkim", ptype: "header", property: "d", op: "equals", value: "b.example" }, a)).toBe(true);
  });
});

describe("property", () => {
  const p = (method: string, ptype: string, property: string, op: string, value: string) => ({ type: "property", method, ptype, property, op, value });

  it("equals / contains / startsWith / endsWith, case-insensitive", () => {
    expect(holds(p("tls", "key", "strength", "equals", "HIGH"), authenticated)).toBe(true);
    expect(holds(p("tls", "key", "strength", "equals", "medium"), authenticated)).toBe(false);
    expect(holds(p("tls", "key", "ciphersuite", "contains", "aes_256"), authenticated)).toBe(true);
    expect(holds(p("tls", "key", "ciphersuite", "startsWith", "TLS_AES"), authenticated)).toBe(true);
    expect(holds(p("dkim", "header", "d", "endsWith", "EXAMPLE.com"), authenticated)).toBe(true);
    expect(holds(p("dkim", "header", "d", "endsWith", "example.org"), authenticated)).toBe(false);
    expect(holds(p("dkim", "header", "nope", "equals", "x"), authenticated)).toBe(false);
  });

  it("matchesDomain: the domain or a subdomain, of an address or a bare domain, IDN both ways", () => {
    expect(holds(p("spf", "smtp", "mailfrom", "matchesDomain", "example.com"), authenticated)).toBe(true); // bounce.example.com
    expect(holds(p("spf", "smtp", "mailfrom", "matchesDomain", "bounce.example.com"), authenticated)).toBe(true);
    expect(holds(p("spf", "smtp", "mailfrom", "matchesDomain", "le.com"), authenticated)).toBe(false);
    expect(holds(p("spf", "smtp", "mailfrom", "matchesDomain", "example.com"), dmarcFail)).toBe(true); // billing@example.com
    expect(holds(p("dkim", "header", "d", "matchesDomain", "xn--r8jz45g.example"), eai)).toBe(true);
    expect(holds(p("dkim", "header", "d", "matchesDomain", "例え.example"), eai)).toBe(true);
  });
});

describe("verdict, arc, dmarcSource", () => {
  it("verdict levels", () => {
    expect(holds({ type: "verdict", levels: ["verified"] }, authenticated)).toBe(true);
    expect(holds({ type: "verdict", levels: ["failed", "suspicious"] }, lookalike)).toBe(true);
    expect(holds({ type: "verdict", levels: ["unconfigured"] }, analyzeDemo("01-authenticated.eml", []))).toBe(true);
    expect(holds({ type: "verdict", levels: ["unverified"] }, noAuth)).toBe(true);
    expect(holds({ type: "verdict", levels: ["verified"] }, dmarcFail)).toBe(false);
  });

  it("arc: pass needs the trusted receiver's arc=pass and an intact chain", () => {
    expect(ruleArcStatus(arcList)).toBe("pass");
    expect(holds({ type: "arc", status: ["pass"] }, arcList)).toBe(true);
    expect(holds({ type: "arc", status: ["none"] }, authenticated)).toBe(true);
    // Not trusted: the chain is there but nothing trusted verified it.
    expect(holds({ type: "arc", status: ["pass"] }, analyzeDemo("03-mailing-list-arc.eml", []))).toBe(false);
    expect(holds({ type: "arc", status: ["none"] }, analyzeDemo("03-mailing-list-arc.eml", []))).toBe(true);
  });

  it("arc: fail when the receiver says fail, or says pass over a broken chain", () => {
    const failed = analyzeRaw(message("Authentication-Results: mx.example.net; arc=fail"));
    expect(holds({ type: "arc", status: ["fail"] }, failed)).toBe(true);
    const broken = analyzeRaw(
      message(
        "Authentication-Results: mx.example.net; arc=pass",
        "ARC-Seal: i=2; a=rsa-sha256; cv=pass; d=fwd.example; s=s; b=x",
        "ARC-Message-Signature: i=2; a=rsa-sha256; d=fwd.example; s=s; b=x",
        "ARC-Authentication-Results: i=2; fwd.example; spf=pass",
      ),
    );
    expect(broken.arc.status).toBe("fail");
    expect(holds({ type: "arc", status: ["fail"] }, broken)).toBe(true);
    expect(holds({ type: "arc", status: ["pass"] }, broken)).toBe(false);
  });

  it("dmarcSource", () => {
    expect(holds({ type: "dmarcSource", sources: ["authres"] }, authenticated)).toBe(true);
    expect(holds({ type: "dmarcSource", sources: ["none"] }, noAuth)).toBe(true);
    const virtual = analyzeRaw(
      message("Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=alice@example.com; dmarc=none header.from=example.com"),
    );
    expect(virtual.dmarc.source).toBe("virtual");
    expect(holds({ type: "dmarcSource", sources: ["virtual"] }, virtual)).toBe(true);
    expect(holds({ type: "dmarcSource", sources: ["authres", "none"] }, virtual)).toBe(false);
  });
});

describe("TLS conditions", () => {
  it("tlsEncrypted from the trusted tls= result", () => {
    expect(holds({ type: "tlsEncrypted", value: "yes" }, authenticated)).toBe(true);
    expect(holds({ type: "tlsEncrypted", value: "no" }, dmarcFail)).toBe(true);
    expect(holds({ type: "tlsEncrypted", value: "yes" }, lookalike)).toBe(true); // tls=fail: encrypted, unverified
    expect(holds({ type: "tlsEncrypted", value: "unknown" }, noAuth)).toBe(true);
  });

  it("a Received-derived claim counts only with allowDerived", () => {
    const raw = message(
      "Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.com",
      "Received: from a.example (a.example [192.0.2.1]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.example.net (Postfix) with ESMTPS id 1; Tue, 14 May 2024 10:00:00 +0000",
    );
    const a = analyzeRaw(raw);
    expect(a.tls.source).toBe("received");
    expect(holds({ type: "tlsEncrypted", value: "yes" }, a)).toBe(false);
    expect(holds({ type: "tlsEncrypted", value: "unknown" }, a)).toBe(true);
    expect(holds({ type: "tlsEncrypted", value: "yes", allowDerived: true }, a)).toBe(true);
    expect(holds({ type: "tlsVersionAtLeast", version: "TLS1.3", allowDerived: true }, a)).toBe(true);
    expect(holds({ type: "tlsVersionAtLeast", version: "TLS1.3" }, a)).toBe(false);
    expect(holds({ type: "tlsStrength", levels: ["high"], allowDerived: true }, a)).toBe(true);
    expect(holds({ type: "tlsStrength", levels: ["high"] }, a)).toBe(false);
    expect(holds({ type: "tlsEncrypted", value: "no", allowDerived: true }, analyzeDemo("08-no-auth.eml"))).toBe(true);
  });

  it("tlsVersionAtLeast", () => {
    expect(holds({ type: "tlsVersionAtLeast", version: "TLS1.3" }, authenticated)).toBe(true);
    expect(holds({ type: "tlsVersionAtLeast", version: "TLS1.2" }, authenticated)).toBe(true);
    expect(holds({ type: "tlsVersionAtLeast", version: "TLS1.3" }, lookalike)).toBe(false); // TLS1.2
    expect(holds({ type: "tlsVersionAtLeast", version: "TLS1.2" }, lookalike)).toBe(true);
    expect(holds({ type: "tlsVersionAtLeast", version: "TLS1.0" }, dmarcFail)).toBe(false); // clear text
  });

  it("tlsStrength: reported, else estimated from the trusted result", () => {
    expect(holds({ type: "tlsStrength", levels: ["high"] }, authenticated)).toBe(true);
    expect(holds({ type: "tlsStrength", levels: ["low", "medium"] }, authenticated)).toBe(false);
    expect(holds({ type: "tlsStrength", levels: ["low", "medium", "high"] }, dmarcFail)).toBe(false);
    const weak = analyzeRaw(message("Authentication-Results: mx.example.net; tls=pass tls.v=TLS1.0"));
    expect(holds({ type: "tlsStrength", levels: ["low"] }, weak)).toBe(true);
  });
});

describe("fromDomain", () => {
  it("string operators on the From domain", () => {
    expect(holds({ type: "fromDomain", op: "equals", value: "Example.COM" }, authenticated)).toBe(true);
    expect(holds({ type: "fromDomain", op: "endsWith", value: ".com" }, authenticated)).toBe(true);
    expect(holds({ type: "fromDomain", op: "startsWith", value: "exam" }, authenticated)).toBe(true);
    expect(holds({ type: "fromDomain", op: "contains", value: "ampl" }, authenticated)).toBe(true);
    expect(holds({ type: "fromDomain", op: "equals", value: "example.org" }, authenticated)).toBe(false);
    expect(holds({ type: "fromDomain", op: "equals", value: "example.com" }, noAuth)).toBe(noAuth.from.domain === "example.com");
  });

  it("A-label and Unicode are both considered", () => {
    expect(holds({ type: "fromDomain", op: "equals", value: "xn--r8jz45g.example" }, eai)).toBe(true);
    expect(holds({ type: "fromDomain", op: "equals", value: "例え.example" }, eai)).toBe(true);
    expect(holds({ type: "fromDomain", op: "startsWith", value: "例え" }, eai)).toBe(true);
    expect(holds({ type: "fromDomain", op: "matchesDomain", value: "例え.example" }, eai)).toBe(true);
    // The look-alike: Cyrillic а in Unicode form, xn-- in A-label form; not example.com.
    expect(holds({ type: "fromDomain", op: "equals", value: "example.com" }, lookalike)).toBe(false);
    expect(holds({ type: "fromDomain", op: "equals", value: "exаmple.com" }, lookalike)).toBe(true);
    expect(holds({ type: "fromDomain", op: "equals", value: "xn--exmple-4nf.com" }, lookalike)).toBe(true);
  });

  it("matchesDomain includes subdomains only at a label boundary", () => {
    const sub = analyzeRaw(message().replace("alice@example.com", "alice@mail.example.com"));
    expect(holds({ type: "fromDomain", op: "matchesDomain", value: "example.com" }, sub)).toBe(true);
    expect(holds({ type: "fromDomain", op: "matchesDomain", value: "@example.com" }, sub)).toBe(true);
    expect(holds({ type: "fromDomain", op: "matchesDomain", value: "ample.com" }, sub)).toBe(false);
  });

  it("no From domain: nothing matches, negation does", () => {
    const none = analyzeRaw("Subject: x\r\n\r\nbody\r\n");
    expect(holds({ type: "fromDomain", op: "contains", value: "e" }, none)).toBe(false);
  });
});

describe("trustedResult", () => {
  it("trusted: a result for the method came from a trusted header", () => {
    expect(holds({ type: "trustedResult", method: "tls", trusted: true }, authenticated)).toBe(true);
    expect(holds({ type: "trustedResult", method: "arc", trusted: true }, authenticated)).toBe(false);
    expect(holds({ type: "trustedResult", method: "compauth", trusted: true }, microsoft)).toBe(false);
  });

  it("trusted: false — only untrusted headers report the method", () => {
    expect(holds({ type: "trustedResult", method: "compauth", trusted: false }, microsoft)).toBe(true);
    // demo 04: tls is in the trusted header too, so it is not "untrusted only".
    expect(holds({ type: "trustedResult", method: "tls", trusted: false }, forged)).toBe(false);
    expect(holds({ type: "trustedResult", method: "tls", trusted: false }, analyzeDemo("04-forged-below.eml", []))).toBe(true);
    expect(holds({ type: "trustedResult", method: "tls", trusted: false }, noAuth)).toBe(false);
  });
});

describe("evaluateRules", () => {
  const tlsPass: ConditionInput = { type: "methodResult", method: "tls", results: ["pass"] };
  const dmarcPass: ConditionInput = { type: "methodResult", method: "dmarc", results: ["pass"] };
  const arcPass: ConditionInput = { type: "arc", status: ["pass"] };

  it("match all needs every condition; match any needs one; outcomes say which", () => {
    const all = rule({ match: "all", conditions: [tlsPass, arcPass] });
    const any = rule({ match: "any", conditions: [tlsPass, arcPass] });
    const [a, b] = evaluateRules([all, any], authenticated);
    expect(a).toMatchObject({ ruleId: all.id, matched: false, actions: [] });
    expect(a?.conditions).toEqual([
      { index: 0, type: "methodResult", matched: true },
      { index: 1, type: "arc", matched: false },
    ]);
    expect(b).toMatchObject({ ruleId: any.id, matched: true, actions: any.actions, stopped: false });
    expect(evaluateRules([rule({ match: "all", conditions: [tlsPass, dmarcPass] })], authenticated)[0]?.matched).toBe(true);
    expect(evaluateRules([rule({ match: "any", conditions: [arcPass, { ...tlsPass, negate: true }] })], authenticated)[0]?.matched).toBe(false);
  });

  it("disabled rules are left out; rules keep their order", () => {
    const r1 = rule({ conditions: [tlsPass] });
    const r2 = rule({ conditions: [tlsPass], enabled: false });
    const r3 = rule({ conditions: [arcPass] });
    expect(evaluateRules([r1, r2, r3], authenticated).map((m) => [m.ruleId, m.matched])).toEqual([
      [r1.id, true],
      [r3.id, false],
    ]);
  });

  it("stopAfter stops only when its rule matches", () => {
    const notMatching = rule({ conditions: [arcPass], stopAfter: true });
    const stopper = rule({ conditions: [tlsPass], stopAfter: true });
    const after = rule({ conditions: [tlsPass] });
    const result = evaluateRules([notMatching, stopper, after], authenticated);
    expect(result.map((m) => m.ruleId)).toEqual([notMatching.id, stopper.id]);
    expect(result[1]?.stopped).toBe(true);
    expect(evaluateRules([notMatching, stopper, after], dmarcFail).map((m) => m.ruleId)).toEqual([notMatching.id, stopper.id, after.id]);
  });

  it("is deterministic and does not change its inputs", () => {
    const rules = [rule({ conditions: [tlsPass, arcPass], match: "any" }), rule({ conditions: [dmarcPass] })];
    const copy = structuredClone(rules);
    expect(evaluateRules(rules, authenticated)).toEqual(evaluateRules(rules, authenticated));
    expect(rules).toEqual(copy);
  });
});
