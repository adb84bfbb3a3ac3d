/** Shared by the verification tests: fixtures, offline DNS, deterministic dependencies. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { WebCryptoSignatures } from "../../../../src/core/verify/crypto.js";
import { DnsCache, type TxtResolver } from "../../../../src/core/verify/dns.js";
import { offlineResolver } from "../../../../src/core/verify/offline-dns.js";
import type { VerifyDeps } from "../../../../src/core/verify/verify-message.js";
import { nodeSha256 } from "../../../../src/cli/node-crypto.js";

export const FIXTURES = join(__dirname, "..", "..", "..", "fixtures", "verify");
export const GENERATED = join(FIXTURES, "generated");

export interface ExpectedCase {
  file: string;
  description: string;
  now: number;
  dkim: { domain: string; selector: string; algorithm: string; result: string }[];
  arc: { cv: string; oldestPass: number | null; hops: { instance: number; domain: string; seal: string; messageSignature: string }[] };
  dmarc: { result: string; source: string; policy: string | null; alignedDkim: string | null };
}

export function expectedCases(): ExpectedCase[] {
  return JSON.parse(readFileSync(join(GENERATED, "expected.json"), "utf8")) as ExpectedCase[];
}

export function fixtureBytes(...path: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(...path)));
}

export function resolverFrom(json: unknown): TxtResolver {
  const r = offlineResolver(json);
  if ("problems" in r) throw new Error(JSON.stringify(r.problems));
  return r.resolver;
}

export function generatedResolver(): TxtResolver {
  return resolverFrom(JSON.parse(readFileSync(join(GENERATED, "dns.json"), "utf8")));
}

/** One WebCrypto instance for all tests: its key cache is what the add-on relies on too. */
export const sharedCrypto = new WebCryptoSignatures();

export function deps(resolver: TxtResolver, nowSeconds: number, extra: Partial<VerifyDeps> = {}): VerifyDeps {
  const now = () => nowSeconds * 1000;
  return { dns: new DnsCache(resolver, { now }), crypto: sharedCrypto, sha256: nodeSha256, now, ...extra };
}

/** The bytes as a stream of chunks of `size` bytes. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}
