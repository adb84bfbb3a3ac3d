/**
 * Signature verification benchmarks (src/core/verify):
 *
 * 1. Relaxed body canonicalization + SHA-256, MB/s, against Node's bare createHash("sha256") over
 *    the same bytes in the same run (goal: >= 50 %). Also the add-on's pure-JS hash, for the record.
 * 2. A 25 MB message verified by `authlens verify` streaming it from a file: peak RSS above the
 *    same command's on a small message (goal: <= 2 x the message size).
 * 3. Messages/s for a 30 KB message with two DKIM signatures (RSA, as most mail has) and a 3-hop
 *    ARC chain, DNS cache warm, one message at a time, in a process pinned to one core (goal:
 *    >= 2,000/s).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NodeSignatures, nodeSha256 } from "../../src/cli/node-crypto.js";
import { fromBinary } from "../../src/core/verify/bytes.js";
import { bodyCanonicalizer } from "../../src/core/verify/canonicalize-body.js";
import { nobleSha256, type Sha256, WebCryptoSignatures } from "../../src/core/verify/crypto.js";
import { DnsCache } from "../../src/core/verify/dns.js";
import { offlineResolver } from "../../src/core/verify/offline-dns.js";
import { verifyMessage, type VerifyDeps } from "../../src/core/verify/verify-message.js";
import { addArcSet, addDkimSignature, HEADER, IRREGULAR_TEXT, makeSigner, publish, realisticBody } from "../unit/core/verify/test-signer.js";
import type { BenchReport } from "./parser.bench.js";

const MB = 1024 * 1024;
const NOW = 1767229200;

function canonHashRate(body: Uint8Array, sha256: Sha256): number {
  const start = performance.now();
  const h = sha256();
  const c = bodyCanonicalizer("relaxed", { write: (b) => h.update(b) });
  for (let i = 0; i < body.length; i += 1 << 16) c.write(body.subarray(i, i + (1 << 16)));
  c.end();
  h.digest();
  return body.length / MB / ((performance.now() - start) / 1000);
}

function bareHashRate(body: Uint8Array): number {
  const start = performance.now();
  const h = createHash("sha256");
  for (let i = 0; i < body.length; i += 1 << 16) h.update(body.subarray(i, i + (1 << 16)));
  h.digest();
  return body.length / MB / ((performance.now() - start) / 1000);
}

function best(f: () => number, runs: number): number {
  let b = 0;
  for (let i = 0; i < runs; i++) b = Math.max(b, f());
  return b;
}

/** A message of about `bytes` bytes, DKIM-signed, 3 ARC hops; and its DNS. */
function message(bytes: number) {
  const dkim1 = makeSigner("rsa-sha256", "example.com", "s2048");
  // Two RSA signatures, as most mail carries (the author's domain and its sending service).
  const dkim2 = makeSigner("rsa-sha256", "esp.example", "esp");
  const hops = [1, 2, 3].map((n) => makeSigner("rsa-sha256", `fwd${n}.example`, "arc"));
  let m = HEADER + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n" + realisticBody(bytes);
  m = addDkimSignature(addDkimSignature(m, dkim1), dkim2);
  hops.forEach((s, i) => (m = addArcSet(m, i + 1, s)));
  const dns = { ...publish(dkim1, dkim2, ...hops), "_dmarc.example.com": "v=DMARC1; p=reject" };
  const r = offlineResolver(dns);
  if ("problems" in r) throw new Error("bad DNS map");
  return { bytes: fromBinary(m), resolver: r.resolver, dns };
}

/** The command line's dependencies (Node's crypto), or the add-on's signature checks (WebCrypto). */
function deps(resolver: VerifyDeps["dns"], crypto: "node" | "webcrypto" = "node"): VerifyDeps {
  const now = () => NOW * 1000;
  return { dns: new DnsCache(resolver, { now }), crypto: crypto === "node" ? new NodeSignatures() : new WebCryptoSignatures(), sha256: nodeSha256, now };
}

/** Run in a child process pinned to one core with one libuv worker: messages per second of wall time. */
export async function throughputChild(crypto: string): Promise<void> {
  const { bytes, resolver } = message(30 * 1024);
  const d = deps(resolver, crypto === "webcrypto" ? "webcrypto" : "node");
  const first = await verifyMessage(bytes, d);
  if (first.dkim.some((x) => x.result !== "pass") || first.arc.cv !== "pass") throw new Error(`bench message does not verify: ${JSON.stringify(first.dkim.map((x) => x.reason))}`);
  for (let i = 0; i < 200; i++) await verifyMessage(bytes, d); // warm-up
  const n = 3000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await verifyMessage(bytes, d);
  const wall = (performance.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({ n, wall, size: bytes.length }) + "\n");
}

/** A fresh process of this script, on one CPU core (taskset) with one libuv worker thread. */
function child(mode: string, arg: string | null): Record<string, number | string[]> {
  const node = [process.execPath, "--expose-gc", process.argv[1] ?? "", ...(arg ? [arg] : [])];
  const pinned = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
  const [cmd, ...args] = pinned ? ["taskset", "-c", "0", ...node] : node;
  const r = spawnSync(cmd as string, args, {
    env: { ...process.env, AUTHLENS_BENCH_CHILD: mode, UV_THREADPOOL_SIZE: "1" },
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`bench child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as Record<string, number | string[]>;
}

export async function benchVerify(): Promise<BenchReport> {
  const lines: string[] = [];
  const failures: string[] = [];
  const metrics: Record<string, number> = {};

  // 1. canonicalization + hash
  const body = fromBinary(realisticBody(16 * MB));
  const bare = best(() => bareHashRate(body), 5);
  const canon = best(() => canonHashRate(body, nodeSha256), 5);
  const noble = best(() => canonHashRate(body, nobleSha256), 2);
  const ratio = canon / bare;
  metrics.canonMBps = canon;
  metrics.bareMBps = bare;
  metrics.canonRatio = ratio;
  lines.push(`relaxed body canonicalization + SHA-256 over a 16 MB message body (text, quoted-printable HTML, base64 attachment): ${canon.toFixed(0)} MB/s; bare createHash over the same bytes: ${bare.toFixed(0)} MB/s; ratio ${(ratio * 100).toFixed(0)} % (goal >= 50 %)`);
  const irregular = fromBinary(IRREGULAR_TEXT.repeat(Math.round((4 * MB) / IRREGULAR_TEXT.length)));
  const worst = best(() => canonHashRate(irregular, nodeSha256), 3) / best(() => bareHashRate(irregular), 3);
  lines.push(`  worst case, text with double spaces, tabs and trailing spaces on every line: ${(worst * 100).toFixed(0)} % of bare SHA-256`);
  lines.push(`  with the add-on's pure-JS SHA-256 (@noble/hashes): ${noble.toFixed(0)} MB/s`);
  if (ratio < 0.5) failures.push(`canonicalization + hash at ${(ratio * 100).toFixed(0)} % of bare SHA-256`);

  // 2. 25 MB message, bounded memory: `authlens verify` on it, against the same command on a
  // small message (the baseline: Node, the CLI and its first DNS answers).
  const dir = mkdtempSync(join(tmpdir(), "authlens-bench-"));
  try {
    const big = message(25 * MB);
    const small = message(2 * 1024);
    const hook = join(dir, "max-rss.mjs");
    writeFileSync(hook, 'process.on("exit", () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS * 1024}\\n`));\n');
    const peak = (m: typeof big, name: string): { rss: number; out: string } => {
      const path = join(dir, `${name}.eml`);
      writeFileSync(path, m.bytes);
      writeFileSync(`${path}.dns.json`, JSON.stringify(m.dns));
      const r = spawnSync(process.execPath, ["--import", hook, "dist/cli.js", "verify", "--json", "--dns", `${path}.dns.json`, "--now", String(NOW), path], { encoding: "utf8" });
      const rss = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
      return { rss, out: r.stdout };
    };
    const base = peak(small, "small");
    const run = peak(big, "big");
    const above = run.rss - base.rss;
    const factor = above / big.bytes.length;
    const results = (JSON.parse(run.out) as { dkim: { result: string }[]; arc: { cv: string } });
    metrics.memoryFactor = factor;
    lines.push(`25 MB message (${(big.bytes.length / MB).toFixed(1)} MB), authlens verify streaming it from the file: peak RSS ${(run.rss / MB).toFixed(0)} MB against ${(base.rss / MB).toFixed(0)} MB for a 2 KB message: ${(above / MB).toFixed(1)} MB above = ${factor.toFixed(2)} x the message (goal <= 2 x); DKIM ${results.dkim.map((d) => d.result).join(", ")}, ARC ${results.arc.cv}`);
    if (!(factor <= 2)) failures.push(`25 MB message: ${factor.toFixed(2)} x the message size above the baseline`);
    // Bounded memory only counts for a message that was verified whole.
    if (results.dkim.some((x) => x.result !== "pass") || results.arc.cv !== "pass") failures.push(`25 MB message did not verify: DKIM ${results.dkim.map((x) => x.result).join(", ")}, ARC ${results.arc.cv}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // 3. messages/s: the command line (Node's crypto) and, for the record, WebCrypto as the add-on uses it
  for (const crypto of ["node", "webcrypto"]) {
    const t = child("throughput", crypto);
    const perSecond = (t.n as number) / (t.wall as number);
    const label = crypto === "node" ? "Node's crypto (the command line)" : "WebCrypto in Node (the add-on's code path)";
    lines.push(`${((t.size as number) / 1024).toFixed(0)} KB message, 2 DKIM signatures + 3-hop ARC chain, DNS cache warm, one core, ${label}: ${perSecond.toFixed(0)} messages/s${crypto === "node" ? " (goal >= 2,000)" : ""}`);
    if (crypto === "node") {
      metrics.messagesPerSecond = perSecond;
      if (perSecond < 2000) failures.push(`${perSecond.toFixed(0)} messages/s on one core`);
    } else {
      metrics.messagesPerSecondWebCrypto = perSecond;
    }
  }

  return { name: "signature verification", lines, metrics, failures };
}
