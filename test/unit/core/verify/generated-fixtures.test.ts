/**
 * The signed fixtures of test/fixtures/verify/generated/ (made by generate.py with dkimpy, the
 * reference signer): every DKIM result, the ARC chain hop by hop, and DMARC on that evidence, as
 * expected.json states them. Each message is also fed as a stream in small and odd-sized chunks:
 * the canonicalizers must not depend on where a chunk ends.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NodeSignatures } from "../../../../src/cli/node-crypto.js";
import { nobleSha256 } from "../../../../src/core/verify/crypto.js";
import { toVerifyJson } from "../../../../src/core/verify/report.js";
import { renderEnglish } from "../../../../src/cli/english.js";
import { verifyMessage } from "../../../../src/core/verify/verify-message.js";
import { chunked, deps, expectedCases, fixtureBytes, generatedResolver, GENERATED } from "./helpers.js";

const resolver = generatedResolver();

describe("signed fixtures (dkimpy)", () => {
  for (const c of expectedCases()) {
    it(`${c.file}: ${c.description.slice(0, 90)}`, async () => {
      const bytes = fixtureBytes(join(GENERATED, c.file));
      const json = toVerifyJson(await verifyMessage(bytes, deps(resolver, c.now)), renderEnglish);
      expect(json.dkim.map((d) => ({ domain: d.domain, selector: d.selector, algorithm: d.algorithm, result: d.result }))).toEqual(
        c.dkim.map((d) => ({ domain: d.domain, selector: d.selector, algorithm: d.algorithm, result: d.result })),
      );
      expect({ cv: json.arc.cv, oldestPass: json.arc.oldestPass, hops: json.arc.hops }).toEqual(c.arc);
      expect(json.dmarc).toEqual(c.dmarc);
      // Every non-pass result says why.
      for (const d of json.dkim) if (d.result !== "pass") expect(d.reason).toEqual(expect.any(String));
      if (json.arc.cv === "fail") expect(json.arc.reason).toEqual(expect.any(String));
    });
  }

  it("gives the same results streamed in 1-, 7- and 4096-byte chunks, with the pure-JS hash, and with Node's crypto", async () => {
    for (const c of expectedCases()) {
      const bytes = fixtureBytes(join(GENERATED, c.file));
      const whole = toVerifyJson(await verifyMessage(bytes, deps(resolver, c.now)), renderEnglish);
      for (const size of [1, 7, 4096]) {
        const streamed = toVerifyJson(await verifyMessage(chunked(bytes, size), deps(resolver, c.now)), renderEnglish);
        expect(streamed, `${c.file} in ${size}-byte chunks`).toEqual(whole);
      }
      const noble = toVerifyJson(await verifyMessage(bytes, deps(resolver, c.now, { sha256: nobleSha256 })), renderEnglish);
      expect(noble, `${c.file} with @noble/hashes`).toEqual(whole);
      const node = toVerifyJson(await verifyMessage(bytes, deps(resolver, c.now, { crypto: new NodeSignatures() })), renderEnglish);
      expect(node, `${c.file} with Node's crypto (the command line's)`).toEqual(whole);
    }
  });
});
