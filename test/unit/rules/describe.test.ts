/** English renderings for the CLI. */
import { describe, expect, it } from "vitest";
import { describeAction, describeCondition, describeRule, EXAMPLE_RULES } from "../../../src/core/rules/index.js";
import { cond } from "./helpers.js";

describe("describeCondition / describeAction", () => {
  it("renders every condition type, and negation", () => {
    const texts = [
      cond({ type: "methodResult", method: "dkim", results: ["pass", "neutral", "policy"] }),
      cond({ type: "property", method: "dkim", ptype: "header", property: "d", op: "endsWith", value: "example.com" }),
      cond({ type: "verdict", levels: ["verified"] }),
      cond({ type: "arc", status: ["pass"] }),
      cond({ type: "tlsEncrypted", value: "no", allowDerived: true }),
      cond({ type: "tlsVersionAtLeast", version: "TLS1.2" }),
      cond({ type: "tlsStrength", levels: ["high"] }),
      cond({ type: "dmarcSource", sources: ["virtual", "authres"] }),
      cond({ type: "fromDomain", op: "matchesDomain", value: "example.com" }),
      cond({ type: "trustedResult", method: "tls", trusted: false }),
      cond({ type: "methodResult", method: "tls", results: ["pass"], negate: true }),
    ].map(describeCondition);
    expect(texts).toEqual([
      "a trusted dkim result is pass, neutral or policy",
      'a trusted dkim result\'s header.d ends with "example.com"',
      "the verdict is verified",
      "the ARC status is pass",
      "transport encryption is no (also from Received headers, unverified)",
      "the TLS version is at least TLS1.2 (trusted tls= result only)",
      "the TLS strength is high (trusted tls= result only)",
      "the DMARC result comes from virtual DMARC or the server's report",
      'the From domain is "example.com" or a subdomain of it',
      "a tls result comes only from untrusted headers",
      "NOT (a trusted tls result is pass)",
    ]);
  });

  it("renders every action", () => {
    expect(
      [
        { type: "addTag", tag: "$authlens_tls", name: "TLS verified", color: "#2e7d32" },
        { type: "addTag", tag: "x" },
        { type: "removeTag", tag: "x" },
        { type: "moveTo", folder: { path: "AuthLens/DMARC failures" } },
        { type: "copyTo", folder: { accountId: "account1", specialUse: "archives" } },
        { type: "markRead", read: false },
        { type: "flag", flagged: true },
        { type: "markJunk", junk: false },
      ].map((a) => describeAction(a as Parameters<typeof describeAction>[0])),
    ).toEqual([
      'add tag $authlens_tls ("TLS verified", #2e7d32)',
      "add tag x",
      "remove tag x",
      'move to "AuthLens/DMARC failures" (in the message\'s account)',
      "copy to the archives folder of account account1",
      "mark as unread",
      "flag",
      "mark as not junk",
    ]);
  });

  it("describeRule", () => {
    const example = EXAMPLE_RULES[1];
    if (example === undefined) throw new Error("no second example");
    expect(describeRule(example)).toBe(
      [
        "Move DMARC failures to a folder (example-dmarc-fail) [disabled]",
        "  when all of:",
        "    - a trusted dmarc result is fail",
        "  then:",
        '    - move to "AuthLens/DMARC failures" (in the message\'s account)',
      ].join("\n"),
    );
  });
});
