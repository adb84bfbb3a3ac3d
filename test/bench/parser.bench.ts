/**
 * Parser benchmark: throughput on realistic headers (the parser corpora) and scaling with size
 * (1 KB, 100 KB, 1 MB of repeated results; 10,000 nested comments).
 *
 * Goals: >= 200,000 realistic headers/s; a 1 MB value in < 50 ms; time per byte flat across sizes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAuthResults } from "../../src/core/authres/parse.js";

export interface BenchReport {
  name: string;
  lines: string[];
  metrics: Record<string, number>;
  /** Goals that were missed (empty when all are met). */
  failures: string[];
}

/** The bench is bundled to dist/bench/, so fixtures are found from the repository root (cwd). */
const FIXTURES = process.env.AUTHLENS_CORPUS ?? join(process.cwd(), "..", "shared", "corpus");

function corpusHeaders(): string[] {
  const out: string[] = [];
  for (const name of ["ar_dkim_verifier.json", "ar_perl_mail_authenticationresults.json"]) {
    const cases = JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as { header: string }[];
    for (const c of cases) out.push(c.header);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Median wall time (ms) of `runs` runs of fn, after a warm-up. */
function time(fn: () => void, runs: number): number {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

let sink = 0;

function repeatedResults(bytes: number): string {
  const one = 'dkim=pass (2048-bit key) header.d=example.com header.i=@example.com header.s=sel header.b="Ab12/+Cd"; ';
  return `mx.example.net; ${one.repeat(Math.max(1, Math.ceil(bytes / one.length)))}spf=pass smtp.mailfrom=example.com`;
}

export function benchParser(): Promise<BenchReport> {
  const lines: string[] = [];
  const metrics: Record<string, number> = {};
  const failures: string[] = [];

  // ---- throughput on realistic headers ----
  const headers = corpusHeaders();
  const totalChars = headers.reduce((n, h) => n + h.length, 0);
  const rounds = 200;
  const ms = time(() => {
    for (let r = 0; r < rounds; r++) {
      for (const h of headers) sink += parseAuthResults(h).results.length;
    }
  }, 7);
  const perSec = (headers.length * rounds) / (ms / 1000);
  const mbPerSec = (totalChars * rounds) / (ms / 1000) / 1e6;
  metrics.headersPerSecond = Math.round(perSec);
  metrics.mbPerSecond = Number(mbPerSec.toFixed(1));
  lines.push(`realistic headers: ${headers.length} distinct, avg ${Math.round(totalChars / headers.length)} chars`);
  lines.push(`  ${Math.round(perSec).toLocaleString("en-US")} headers/s, ${mbPerSec.toFixed(1)} MB/s (median of 7 x ${rounds} rounds)`);
  if (perSec < 200_000) failures.push(`throughput ${Math.round(perSec)} headers/s < 200,000`);

  // ---- scaling ----
  const sizes: [string, string][] = [
    ["1 KB", repeatedResults(1_000)],
    ["100 KB", repeatedResults(100_000)],
    ["1 MB", repeatedResults(1_000_000)],
  ];
  const nsPerByte: number[] = [];
  for (const [label, value] of sizes) {
    const reps = Math.max(1, Math.round(200_000 / value.length));
    const t = time(() => {
      for (let i = 0; i < reps; i++) sink += parseAuthResults(value).results.length;
    }, 7) / reps;
    const nsb = (t * 1e6) / value.length;
    nsPerByte.push(nsb);
    metrics[`ms_${label.replace(" ", "")}`] = Number(t.toFixed(3));
    lines.push(`${label.padEnd(7)} (${value.length.toLocaleString("en-US")} chars): ${t.toFixed(3)} ms, ${nsb.toFixed(2)} ns/char`);
    if (label === "1 MB" && t >= 50) failures.push(`1 MB parse ${t.toFixed(1)} ms >= 50 ms`);
  }
  const linearity = (nsPerByte[2] ?? 0) / (nsPerByte[0] ?? 1);
  metrics.linearityRatio1MBvs1KB = Number(linearity.toFixed(2));
  lines.push(`linearity (ns/char at 1 MB / at 1 KB): ${linearity.toFixed(2)} (1.0 = perfectly linear)`);
  if (linearity > 3) failures.push(`time per byte grows with size (ratio ${linearity.toFixed(2)})`);

  const depth = 10_000;
  const nested = `a.example; dkim=pass ${"(".repeat(depth)}x${")".repeat(depth)} header.d=a.example`;
  const tn = time(() => {
    sink += parseAuthResults(nested).results.length;
  }, 7);
  metrics.ms_nested10k = Number(tn.toFixed(3));
  lines.push(`10,000 nested comments (${nested.length.toLocaleString("en-US")} chars): ${tn.toFixed(3)} ms`);

  if (sink < 0) lines.push("unreachable");
  return Promise.resolve({ name: "authres parser", lines, metrics, failures });
}
