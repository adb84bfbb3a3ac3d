/**
 * ARC chains for several signing algorithms side by side (draft-ietf-dmarc-arc-multi): the
 * validator uses the longest chain(s); among those, the first that validates wins; if none of
 * the longest uses an algorithm it knows, the result is fail even when a shorter chain would
 * pass. Ed25519 seals are also checked where WebCrypto lacks Ed25519 (Thunderbird 128).
 */
import { describe, expect, it } from "vitest";
import { fromBinary } from "../../../../src/core/verify/bytes.js";
import { WebCryptoSignatures } from "../../../../src/core/verify/crypto.js";
import { verifyMessage } from "../../../../src/core/verify/verify-message.js";
import { deps, resolverFrom } from "./helpers.js";
import { addArcSet, BASE_MESSAGE, makeSigner, publish, type Signer } from "./test-signer.js";

const NOW = 1767229200;
const [rsa1, rsa2, rsa3] = [1, 2, 3].map((n) => makeSigner("rsa-sha256", `fwd${n}.example`, "rsa")) as [Signer, Signer, Signer];
const [ed1, ed2, ed3] = [1, 2, 3].map((n) => makeSigner("ed25519-sha256", `fwd${n}.example`, "ed")) as [Signer, Signer, Signer];
const dns = resolverFrom(publish(rsa1, rsa2, rsa3, ed1, ed2, ed3));

/** Instances 1..n, each sealed with every algorithm given for it (the first one adds the AAR). */
function chain(perInstance: Signer[][]): string {
  let m = BASE_MESSAGE;
  perInstance.forEach((signers, k) => signers.forEach((s, n) => (m = addArcSet(m, k + 1, s, { aar: n === 0 }))));
  return m;
}

async function verify(text: string, crypto = undefined as WebCryptoSignatures | undefined) {
  return verifyMessage(fromBinary(text), deps(dns, NOW, crypto ? { crypto } : {}));
}

describe("ARC with several algorithms", () => {
  it("an Ed25519 chain alone validates", async () => {
    const v = await verify(chain([[ed1], [ed2]]));
    expect(v.arc).toMatchObject({ cv: "pass", instances: 2, algorithm: "ed25519-sha256", oldestPass: 0 });
    expect(v.arc.hops.map((h) => [h.seal?.result, h.messageSignature?.result, h.seal?.keyBits])).toEqual([
      ["pass", "pass", 256],
      ["pass", "pass", 256],
    ]);
  });

  it("two chains of the same length, both valid: pass", async () => {
    const v = await verify(chain([[rsa1, ed1], [rsa2, ed2]]));
    expect(v.arc).toMatchObject({ cv: "pass", instances: 2 });
    expect(v.arc.structure.chains.map((c) => [c.algorithm, c.length, c.valid])).toEqual(
      expect.arrayContaining([
        ["rsa-sha256", 2, true],
        ["ed25519-sha256", 2, true],
      ]),
    );
  });

  it("the longest chain is the one validated", async () => {
    const v = await verify(chain([[rsa1, ed1], [rsa2, ed2], [ed3]]));
    expect(v.arc).toMatchObject({ cv: "pass", instances: 3, algorithm: "ed25519-sha256" });
  });

  it("among the longest chains, the valid one wins", async () => {
    // The Ed25519 seal of instance 2 is damaged; the RSA chain of the same length is intact.
    const text = chain([[rsa1, ed1], [rsa2, ed2]]).replace(/(ARC-Seal: i=2; a=ed25519-sha256;[^\r]*b=)(.)/, (_m, head: string, c: string) => head + (c === "A" ? "B" : "A"));
    const v = await verify(text);
    expect(v.arc).toMatchObject({ cv: "pass", instances: 2, algorithm: "rsa-sha256" });
  });

  it("fails when none of the longest chains uses a known algorithm, even if a shorter one would pass", async () => {
    const odd = { ...rsa3, algorithm: "rsa-sha512", selector: "odd" };
    const text = chain([[rsa1, { ...odd, domain: "fwd1.example" }], [rsa2, { ...odd, domain: "fwd2.example" }], [{ ...odd, domain: "fwd3.example" }]]);
    const v = await verify(text);
    expect(v.arc.cv).toBe("fail");
    expect(v.arc.reason?.key).toBe("arc_unsupportedAlgorithm");
  });

  it("checks Ed25519 with @noble/curves where WebCrypto has no Ed25519", async () => {
    const subtle = globalThis.crypto.subtle;
    const withoutEd25519 = new Proxy(subtle, {
      get(target, prop) {
        if (prop === "importKey") {
          return (format: KeyFormat, data: BufferSource, alg: AlgorithmIdentifier, extractable: boolean, usages: KeyUsage[]) => {
            if ((typeof alg === "string" ? alg : alg.name) === "Ed25519") return Promise.reject(new DOMException("Unsupported", "NotSupportedError"));
            return target.importKey(format as "raw", data, alg, extractable, usages);
          };
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const crypto = new WebCryptoSignatures(withoutEd25519);
    const good = await verify(chain([[ed1], [ed2]]), crypto);
    expect(good.arc.cv).toBe("pass");
    const bad = await verify(chain([[ed1], [ed2]]).replace("this message", "that message"), crypto);
    expect(bad.arc.cv).toBe("fail");
  });
});
