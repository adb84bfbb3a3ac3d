/**
 * The cryptography the verifier needs, behind two small interfaces so each runtime gives its best:
 *
 * - `Sha256`: an incremental SHA-256 for the body hash, which is computed as the body streams by.
 *   WebCrypto has no incremental digest, so the default is @noble/hashes (pure JS, works in
 *   Thunderbird); the command line passes Node's native hash instead.
 * - `SignatureCrypto`: public keys and signature checks through WebCrypto (`crypto.subtle`, in Node
 *   and Thunderbird alike): RSASSA-PKCS1-v1_5 with SHA-256, and Ed25519 (RFC 8463) where the runtime
 *   has it; where it does not (Thunderbird 128), @noble/curves checks Ed25519 signatures.
 *
 * The verifier imports each key record's key once (./check-signature.ts), so backends need no cache.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { reason, type Reason } from "../reason.js";
import { fromBinary } from "./bytes.js";

export interface Hasher {
  update(bytes: Uint8Array): void;
  digest(): Uint8Array;
}

export type Sha256 = () => Hasher;

export const nobleSha256: Sha256 = () => {
  const h = sha256.create();
  return {
    update: (bytes) => void h.update(bytes),
    digest: () => h.digest(),
  };
};

export type KeyType = "rsa" | "ed25519";

export interface PublicKey {
  type: KeyType;
  /** RSA modulus size, 256 for Ed25519. */
  bits: number;
  /**
   * Verify `signature` over the signed header data, a binary string (one char per byte). For
   * Ed25519 what is signed is that data's SHA-256 digest (RFC 8463 §3): the key hashes it.
   */
  verify(signature: Uint8Array, data: string): Promise<boolean>;
}

export interface SignatureCrypto {
  /** A key from the bytes of a key record's p=; a reason when they are not a usable key. */
  importKey(type: KeyType, keyBytes: Uint8Array): Promise<PublicKey | Reason>;
}

// --- RSA keys: SubjectPublicKeyInfo, or a bare RSAPublicKey wrapped into one -------------------

const RSA_ALGORITHM_ID = new Uint8Array([0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]);

function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

function der(tag: number, content: Uint8Array): Uint8Array {
  const head = [tag, ...derLength(content.length)];
  const out = new Uint8Array(head.length + content.length);
  out.set(head);
  out.set(content, head.length);
  return out;
}

/**
 * RFC 6376 §3.6.1 names an RSAPublicKey for p=, while signers publish a SubjectPublicKeyInfo (as
 * its example does); both are accepted: an RSAPublicKey (a SEQUENCE of two INTEGERs) is wrapped.
 */
export function rsaPublicKeyToSpki(rsaPublicKey: Uint8Array): Uint8Array {
  const bitString = new Uint8Array(rsaPublicKey.length + 1);
  bitString.set(rsaPublicKey, 1);
  const body = der(0x03, bitString);
  const seq = new Uint8Array(RSA_ALGORITHM_ID.length + body.length);
  seq.set(RSA_ALGORITHM_ID);
  seq.set(body, RSA_ALGORITHM_ID.length);
  return der(0x30, seq);
}

/** Does this DER look like an RSAPublicKey (SEQUENCE whose first element is an INTEGER)? */
export function looksLikeRsaPublicKey(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  let p = 1;
  const first = bytes[p] ?? 0;
  p += first < 0x80 ? 1 : 1 + (first & 0x7f);
  return bytes[p] === 0x02;
}

// --- WebCrypto ----------------------------------------------------------------------------------

/** What an Ed25519 key verifies: the SHA-256 digest of the signed header data (RFC 8463 §3). */
function ed25519Message(data: string): Uint8Array {
  return sha256.create().update(fromBinary(data)).digest();
}

export class WebCryptoSignatures implements SignatureCrypto {
  #ed25519Native: boolean | null = null;

  constructor(private readonly subtle: SubtleCrypto = globalThis.crypto.subtle) {}

  importKey(type: KeyType, keyBytes: Uint8Array): Promise<PublicKey | Reason> {
    return type === "rsa" ? this.#importRsa(keyBytes) : this.#importEd25519(keyBytes);
  }

  async #importRsa(bytes: Uint8Array): Promise<PublicKey | Reason> {
    const algorithm = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
    const spki = looksLikeRsaPublicKey(bytes) ? rsaPublicKeyToSpki(bytes) : bytes;
    let key: CryptoKey;
    try {
      key = await this.subtle.importKey("spki", spki as BufferSource, algorithm, false, ["verify"]);
    } catch {
      return reason("verify_keyNotRsa");
    }
    const bits = (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
    const subtle = this.subtle;
    return {
      type: "rsa",
      bits,
      verify: (signature, data) => subtle.verify("RSASSA-PKCS1-v1_5", key, signature as BufferSource, fromBinary(data) as BufferSource),
    };
  }

  async #importEd25519(bytes: Uint8Array): Promise<PublicKey | Reason> {
    if (bytes.length !== 32) return reason("verify_keyNotEd25519", bytes.length);
    if (this.#ed25519Native !== false) {
      try {
        const key = await this.subtle.importKey("raw", bytes as BufferSource, { name: "Ed25519" }, false, ["verify"]);
        this.#ed25519Native = true;
        const subtle = this.subtle;
        return {
          type: "ed25519",
          bits: 256,
          verify: (signature, data) => subtle.verify({ name: "Ed25519" }, key, signature as BufferSource, ed25519Message(data) as BufferSource),
        };
      } catch (err) {
        // A runtime without Ed25519 in WebCrypto says NotSupportedError; a bad point says DataError.
        if (this.#ed25519Native === true || (err instanceof Error && err.name === "DataError")) return reason("verify_keyNotEd25519", 32);
        this.#ed25519Native = false;
      }
    }
    return {
      type: "ed25519",
      bits: 256,
      verify: (signature, data) => {
        try {
          return Promise.resolve(ed25519.verify(signature, ed25519Message(data), bytes));
        } catch {
          return Promise.resolve(false);
        }
      },
    };
  }
}

