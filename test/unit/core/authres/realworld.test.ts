/**
 * Vendor quirks from ../shared/corpus/realworld-headers.txt: tolerant mode
 * must read every Authentication-Results, ARC-Authentication-Results and
 * X-MS-Exchange-Authentication-Results field in it sensibly: the right authserv-id and results,
 * and no error diagnostic (quirks are warnings).
 */
import { describe, expect, it } from "vitest";
import { errors, parseChecked, prop, readFixture, summary, warnings } from "./helpers.js";

interface Field {
  name: string;
  value: string;
  line: number;
}

/**
 * Field name line plus its continuation lines. The file quotes fragments of Received fields
 * right under some A-R fields (indented "by ..." and "(version=...)" lines); those are not part
 * of the A-R value.
 */
function extractFields(text: string): Field[] {
  const fields: Field[] = [];
  let cur: Field | null = null;
  text.split("\n").forEach((line, i) => {
    const m = /^(Authentication-Results|ARC-Authentication-Results|X-MS-Exchange-Authentication-Results):(.*)$/.exec(line);
    if (m) {
      cur = { name: m[1] ?? "", value: m[2] ?? "", line: i + 1 };
      fields.push(cur);
    } else if (cur && /^[ \t]/.test(line) && !/^\s+(by |\(version=)/.test(line)) {
      cur.value += `\r\n${line}`;
    } else {
      cur = null;
    }
  });
  return fields;
}

const FIELDS = extractFields(readFixture("realworld-headers.txt"));

/** [authserv-id, ARC instance, results] per field, in file order. */
const EXPECTED: ([string | null, number | null, string[]] | "skip")[] = [
  // Documentation placeholder "Authentication-Results: ... compauth=fail reason=6xx (also ...)", not a header.
  "skip",
  [null, null, ["spf=none", "dkim=pass", "dmarc=bestguesspass", "compauth=pass"]],
  [null, null, ["spf=pass", "dkim=pass", "dmarc=pass", "compauth=pass"]],
  [null, null, ["spf=pass", "dkim=timeout", "dmarc=pass", "compauth=pass"]],
  ["mx.microsoft.com", 1, ["spf=pass", "dmarc=pass", "dkim=none", "arc=none"]],
  [null, null, ["spf=pass", "dkim=none", "dmarc=pass"]],
  ["mx.microsoft.com", 1, ["spf=pass", "dmarc=pass", "dkim=pass", "arc=none"]],
  ["mx.google.com", 2, ["dkim=pass", "dkim=pass", "arc=pass", "spf=neutral", "dmarc=fail"]],
  ["mx.google.com", null, ["dkim=pass", "dkim=pass", "spf=pass", "dmarc=pass"]],
  ["mx.google.com", null, ["spf=pass", "dkim=pass", "dmarc=pass"]],
  ["atlas101.aol.mail.bf1.yahoo.com", null, ["dkim=pass", "spf=pass", "dmarc=pass"]],
  ["atlas-production.v2-mail-prod1-gq1.omega.yahoo.com", null, ["dkim=pass", "spf=pass", "dmarc=unknown"]],
  ["atlas116.free.mail.bf1.yahoo.com", null, ["dkim=unknown", "spf=softfail", "dmarc=unknown"]],
  ["mx1.messagingengine.com", null, ["x-csa=none", "x-me-sender=none", "x-ptr=pass"]],
  ["mx1.messagingengine.com", null, ["bimi=pass"]],
  ["mx1.messagingengine.com", null, ["arc=none"]],
  ["mx1.messagingengine.com", null, ["dkim=pass", "dmarc=pass", "iprev=pass", "spf=pass"]],
  ["mail.protonmail.ch", null, ["dkim=fail"]],
  ["mail.protonmail.ch", null, ["dmarc=fail"]],
  ["mail.protonmail.ch", null, ["spf=none"]],
  ["mail.protonmail.ch", null, ["arc=none"]],
  ["mail.protonmail.ch", null, ["dkim=fail"]],
  ["mail.protonmail.ch", null, ["dkim=pass"]],
  ["mail.lfdr.de", null, ["dkim=pass", "spf=pass", "dmarc=pass", "arc=reject"]],
  ["lists.linaro.org", null, ["dkim=pass", "dmarc=pass", "arc=pass", "spf=pass"]],
  ["smtp.subspace.kernel.org", 2, ["dmarc=pass", "spf=fail", "dkim=pass", "arc=fail"]],
  ["uvn-67-33.tll01.zonevs.eu", null, ["dkim=pass", "dkim-adsp=none", "dkim-atps=neutral"]],
  ["example.com", null, ["arc=pass"]],
  ["example.com", 1, ["arc=none"]],
  ["outbound2.eu.mailhop.org", 1, ["spf=pass", "dmarc=none", "arc=none"]],
  ["mx.ethereal.email", null, ["spf=pass"]],
  ["mx.ethereal.email", null, ["dkim=pass", "spf=pass", "arc=pass", "dmarc=none"]],
  ["gosford.compton.nu", null, ["iprev=pass"]],
];

function parseField(f: Field) {
  return parseChecked(f.value, { arc: f.name === "ARC-Authentication-Results" });
}

describe("real-world headers (tolerant)", () => {
  it("every field of the file has an expectation", () => {
    expect(FIELDS.length).toBe(EXPECTED.length);
  });

  FIELDS.forEach((f, i) => {
    const want = EXPECTED[i];
    if (want === undefined || want === "skip") return;
    it(`${f.name} at line ${f.line}: ${want[2].join(" ")}`, () => {
      const p = parseField(f);
      expect(p.authservId).toBe(want[0]);
      expect(p.instance).toBe(want[1]);
      expect(summary(p)).toEqual(want[2]);
      expect(errors(p)).toEqual([]);
    });
  });

  const byLine = (needle: string) => {
    const f = FIELDS.find((x) => x.value.includes(needle));
    if (!f) throw new Error(`no field with ${needle}`);
    return parseField(f);
  };

  it("Microsoft: missing authserv-id and stray 'contoso.com;' are warnings; action=none kept", () => {
    const p = byLine("fabrikam.com; contoso.com;");
    expect(warnings(p).filter((w) => w.startsWith("stray token"))).toHaveLength(2);
    expect(warnings(p)[0]).toMatch(/missing authserv-id/);
    expect(prop(p, 2, "action")).toBe("none");
    expect(p.results[3]?.reason).toBe("109");
  });

  it("Fastmail: folding right after '=' and an unquoted URI", () => {
    const p = byLine("policy.authority-uri=");
    expect(prop(p, 0, "policy.authority-uri")).toBe("https://d3frv9g52qce38.cloudfront.net/amazondefault/amazon_web_services_inc.pem");
    expect(prop(p, 0, "policy.mark-type")).toBe("Registered Mark");
    const q = byLine("20231023212308106721a263944afcb2dcb3ebed50p0na");
    expect(prop(q, 3, "smtp.mailfrom")).toBe("20231023212308106721a263944afcb2dcb3ebed50p0na-C39VIEGRHNUE4S@bounces.amazon.com");
    expect(q.results[1]?.comments).toEqual(["p=quarantine,d=none,d.eval=none"]);
    expect(prop(q, 2, "smtp.remote-ip")).toBe("54.240.13.167");
  });

  it("Yahoo: comment glued to the result, bare key with '_'", () => {
    const p = byLine("dmarc=pass(p=QUARANTINE");
    expect(p.results[2]?.comments).toEqual(["p=QUARANTINE,sp=QUARANTINE"]);
    const q = byLine("arc_overridden_status");
    expect(prop(q, 1, "arc_overridden_status")).toBe("NOT_OVERRIDDEN");
  });

  it("rspamd: quoted string inside a comment; quoted header.b with '/'", () => {
    expect(byLine('arc=reject ("cv is fail').results[3]?.comments).toEqual(['"cv is fail on i=2"']);
    expect(prop(byLine('header.b="ayc6GHG/"'), 0, "header.b")).toBe("ayc6GHG/");
  });

  it("Exim: unquoted IPv6 address", () => {
    expect(prop(byLine("gosford.compton.nu"), 0, "smtp.remote-ip")).toBe("2001:8b0:bd:1:1881:14ff:fe46:3cc7");
  });

  it("OpenDKIM: reason with ';' inside a quoted string", () => {
    expect(byLine("insecure key").results[0]?.reason).toBe("1024-bit key; insecure key");
  });

  it("Microsoft documented fragments (no authserv-id)", () => {
    const frags: [string, string[]][] = [
      ["spf=pass (sender IP is 192.168.0.1) smtp.mailfrom=contoso.com", ["spf=pass"]],
      ["dkim=fail (body hash did not verify) header.d=contoso.com", ["dkim=fail"]],
      ["dmarc=fail action=oreject header.from=contoso.com", ["dmarc=fail"]],
      ["compauth=softpass reason=201", ["compauth=softpass"]],
    ];
    for (const [value, results] of frags) {
      const p = parseChecked(value);
      expect(p.authservId).toBeNull();
      expect(summary(p)).toEqual(results);
      expect(errors(p)).toEqual([]);
    }
  });
});
