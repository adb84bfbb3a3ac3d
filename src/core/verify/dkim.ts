/**
 * Every DKIM-Signature of a message, checked (RFC 6376 §6.1), top to bottom.
 */
import type { BodyHashes } from "./body-hashes.js";
import { type CheckContext, checkSignature, type SignatureCheck } from "./check-signature.js";
import { signedHeaderData } from "./header-hash.js";
import type { RawField } from "./raw-header.js";
import type { SignatureReading } from "./signature.js";

export interface DkimCheck extends SignatureCheck {
  /** Position among the DKIM-Signature fields, 0 = top. */
  index: number;
  /** d=, s=, a= and i= as written (i= defaults to "@" + d=). */
  domain: string;
  selector: string;
  algorithm: string;
  identity: string;
  /** The first 8 characters of b= (header.b, RFC 6008). */
  bPrefix: string;
  /** l=, when the signature covers only part of the body. */
  bodyLength: number | null;
  signedHeaders: string[];
}

export async function checkDkim(
  readings: readonly SignatureReading[],
  fields: readonly RawField[],
  bodies: BodyHashes,
  ctx: CheckContext,
): Promise<DkimCheck[]> {
  return Promise.all(
    readings.map(async (reading, index): Promise<DkimCheck> => {
      if (reading.signature === null) {
        const s = reading.summary;
        return {
          index,
          domain: s.domain,
          selector: s.selector,
          algorithm: s.algorithm,
          identity: s.identity,
          bPrefix: s.bPrefix,
          bodyLength: null,
          signedHeaders: [],
          result: reading.problem.result,
          reason: reading.problem.reason,
          notes: [],
          keyBits: null,
          dnssec: null,
          testing: false,
          unsignedBytes: null,
        };
      }
      const sig = reading.signature;
      const result = await checkSignature(sig, signedHeaderData(fields, sig), bodies.digestFor(sig), ctx);
      return {
        index,
        domain: sig.domain,
        selector: sig.selector,
        algorithm: sig.algorithm,
        identity: sig.identity,
        bPrefix: sig.bPrefix,
        bodyLength: sig.bodyLength,
        signedHeaders: sig.signedHeaders,
        ...result,
      };
    }),
  );
}
