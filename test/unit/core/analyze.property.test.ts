/** fast-check: the analysis never throws, whatever the header block. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeMessage } from "../../../src/core/analyze.js";
import { toInspectJson } from "../../../src/core/inspect-json.js";
import { renderEnglish } from "../../../src/cli/english.js";
import { fromThunderbirdHeaders, parseHeaderBlock } from "../../../src/core/headers/header-block.js";
import { splitMbox } from "../../../src/core/mbox.js";
import { HEADER_NAMES as NAMES, headerBlock, headerValue } from "./header-arbitraries.js";

const PIECES = [
  "mx.example.net;",
  " dkim=pass",
  " dmarc=fail",
  " dmarc=pass",
  " spf=softfail",
  " tls=pass",
  " arc=pass",
  " header.from=example.com",
  " header.d=example.com",
  " smtp.mailfrom=a@example.com",
  "i=1;",
  "i=2;",
  "i=51;",
  " a=rsa-sha256;",
  " a=ed25519-sha256;",
  " cv=none;",
  " cv=pass;",
  " cv=fail;",
  " d=lists.example.org;",
  " t=1715700000;",
  "from a.example (a.example [192.0.2.1])",
  " by mx.example.net",
  " with ESMTPS",
  " (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))",
  " (version=TLS1_2, cipher=X)",
  "Alice <alice@example.com>",
  '"bob@example.org" <x@xn--exmple-4nf.com>',
  "=?UTF-8?B?5bGx55Sw?=",
  "(",
  ")",
  '"',
  ";",
  "=",
  "@",
  "\\",
  "\r\n ",
  "\n",
  "例え",
  "а",
];

const SIZES = { maxPieces: 20, maxRandom: 8, maxFields: 25, body: "body" };
const value = headerValue(PIECES, SIZES);
const block = headerBlock(PIECES, SIZES);
const settings = fc.record({
  trustedAuthservIds: fc.array(fc.constantFrom("mx.example.net", "@example.net", "lists.example.org", ""), { maxLength: 3 }),
  trustedForwarders: fc.array(fc.constantFrom("lists.example.org", "@example.org"), { maxLength: 2 }),
});

describe("analysis properties", () => {
  it("never throws on structured random header blocks, and the JSON round-trips", () => {
    fc.assert(
      fc.property(block, settings, (raw, s) => {
        const a = analyzeMessage(parseHeaderBlock(raw), s);
        const j = toInspectJson(a, renderEnglish);
        expect(JSON.parse(JSON.stringify(j))).toEqual(j);
        expect(["verified", "suspicious", "failed", "unconfigured", "unverified"]).toContain(a.verdict.level);
        if (s.trustedAuthservIds.filter((x) => x !== "").length === 0 && a.authResults.length > 0) {
          expect(a.verdict.level).toBe("unconfigured");
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on arbitrary text, bytes or getHeaders dictionaries", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        analyzeMessage(parseHeaderBlock(s), { trustedAuthservIds: ["mx.example.net"], trustedForwarders: [] });
        splitMbox(s);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
        analyzeMessage(parseHeaderBlock(b), { trustedAuthservIds: ["mx.example.net"], trustedForwarders: [] });
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...NAMES.map((n) => n.toLowerCase())), fc.array(value, { maxLength: 3 })), (d) => {
        analyzeMessage(fromThunderbirdHeaders(d), { trustedAuthservIds: ["mx.example.net"], trustedForwarders: ["lists.example.org"] });
      }),
      { numRuns: 200 },
    );
  });

  it("an untrusted header never changes the verdict of a message with a trusted one", () => {
    const trusted = "Authentication-Results: mx.example.net; dmarc=fail header.from=example.com\r\n";
    fc.assert(
      fc.property(value, (v) => {
        const raw = `${trusted}Authentication-Results: attacker.example; ${v.replace(/[\r\n]/g, " ")}\r\nFrom: <a@example.com>\r\n\r\n`;
        const a = analyzeMessage(parseHeaderBlock(raw), { trustedAuthservIds: ["mx.example.net"], trustedForwarders: [] });
        expect(a.verdict.level).toBe("failed");
      }),
      { numRuns: 200 },
    );
  });
});
