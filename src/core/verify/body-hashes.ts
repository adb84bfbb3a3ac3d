/**
 * The body hashes a message's signatures need, computed in one pass over the body: one
 * canonicalizer per canonicalization in use, feeding one SHA-256 per distinct l= (most messages
 * need one or two). Signatures that will not be checked (unreadable, rsa-sha1) add nothing.
 */
import { bodyCanonicalizer, type BodyCanonicalizer, type ByteSink, FanOut, LimitedSink } from "./canonicalize-body.js";
import type { Canonicalization } from "./canonicalize-header.js";
import type { BodyDigest } from "./check-signature.js";
import type { Hasher, Sha256 } from "./crypto.js";
import type { Signature } from "./signature.js";

function planKey(c: Canonicalization, limit: number | null): string {
  return `${c}/${limit ?? "all"}`;
}

export class BodyHashes {
  readonly #canonicalizers: BodyCanonicalizer[] = [];
  readonly #sinks = new Map<string, { hasher: Hasher; sink: LimitedSink }>();
  readonly #digests = new Map<string, BodyDigest>();

  constructor(signatures: readonly Signature[], sha256: Sha256) {
    const byCanon = new Map<Canonicalization, ByteSink[]>();
    for (const sig of signatures) {
      if (sig.bodyHash === null || sig.hash !== "sha256") continue;
      const key = planKey(sig.bodyCanon, sig.bodyLength);
      if (this.#sinks.has(key)) continue;
      const hasher = sha256();
      const sink = new LimitedSink((b) => hasher.update(b), sig.bodyLength);
      this.#sinks.set(key, { hasher, sink });
      let list = byCanon.get(sig.bodyCanon);
      if (list === undefined) byCanon.set(sig.bodyCanon, (list = []));
      list.push(sink);
    }
    for (const [c, sinks] of byCanon) {
      this.#canonicalizers.push(bodyCanonicalizer(c, sinks.length === 1 ? (sinks[0] as ByteSink) : new FanOut(sinks)));
    }
  }

  /** Whether any signature needs the body at all (if not, it need not be read). */
  get needed(): boolean {
    return this.#canonicalizers.length > 0;
  }

  write(chunk: Uint8Array): void {
    for (const c of this.#canonicalizers) c.write(chunk);
  }

  end(): void {
    for (const c of this.#canonicalizers) c.end();
    for (const [key, { hasher, sink }] of this.#sinks) this.#digests.set(key, { digest: hasher.digest(), length: sink.total });
  }

  /** The digest for this signature's canonicalization and l= (after end()). */
  digestFor(sig: Signature): BodyDigest | null {
    return this.#digests.get(planKey(sig.bodyCanon, sig.bodyLength)) ?? null;
  }

  async consume(body: AsyncIterable<Uint8Array>): Promise<void> {
    if (this.needed) for await (const chunk of body) this.write(chunk);
    this.end();
  }
}
