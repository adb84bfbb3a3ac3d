/**
 * Analysis benchmark: full analysis (header block split + From + every Authentication-Results and
 * ARC header parsed + trust + ARC structure + TLS + DMARC + verdict) of realistic
 * messages with 5-20 KB of headers, built from the demo and analysis fixtures plus the bulky
 * headers real mail carries (several DKIM signatures, Microsoft anti-spam blobs, list headers).
 *
 * Goal: >= 20,000 messages/s (median of several runs) for the analysis itself; the inspect JSON
 * rendering is measured beside it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeMessage } from "../../src/core/analyze.js";
import { toInspectJson } from "../../src/core/inspect-json.js";
import { renderEnglish } from "../../src/cli/english.js";
import { parseHeaderBlock } from "../../src/core/headers/header-block.js";
import type { BenchReport } from "./parser.bench.js";

/** The bench is bundled to dist/bench/, so fixtures are found from the repository root (cwd). */
const ROOT = process.cwd();
const SOURCES = [
  "test/fixtures/demo/01-authenticated.eml",
  "test/fixtures/demo/03-mailing-list-arc.eml",
  "test/fixtures/demo/04-forged-below.eml",
  "test/fixtures/demo/05-lookalike-idn.eml",
  "test/fixtures/demo/06-microsoft365.eml",
  "test/fixtures/demo/07-eai-domain.eml",
  "test/fixtures/analysis/gmail.eml",
  "test/fixtures/analysis/fastmail.eml",
  "test/fixtures/analysis/arc-multi-algorithm.eml",
  "test/fixtures/analysis/rspamd-arc-reject.eml",
];

/** Deterministic base64-looking filler. */
function blob(n: number, seed: number): string {
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let s = "";
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += abc[x % 64];
  }
  return s;
}

function fold(s: string): string {
  return (s.match(/.{1,72}/g) ?? []).join("\r\n\t");
}

function bulk(kb: number, seed: number): string {
  const lines: string[] = [];
  let size = 0;
  let i = 0;
  while (size < kb * 1024) {
    const kind = i % 4;
    let h: string;
    if (kind === 0) {
      h = `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=esp${i}.example.net; s=s${i}; t=1715677921;\r\n\th=from:to:subject:date:message-id:list-unsubscribe:mime-version;\r\n\tbh=${blob(44, seed + i)};\r\n\tb=${fold(blob(344, seed + i + 1))}`;
    } else if (kind === 1) {
      h = `X-MS-Exchange-AntiSpam-MessageData-${i}: ${fold(blob(900, seed + i))}`;
    } else if (kind === 2) {
      h = `Received: from relay${i}.esp.example.net (relay${i}.esp.example.net [198.51.100.${i % 250}])\r\n\tby mta${i}.esp.example.net (Postfix) with ESMTPS id ${blob(12, i)}\r\n\tfor <bob@example.net>; Tue, 14 May 2024 09:12:0${i % 10} +0000 (UTC)`;
    } else {
      h = `List-Unsubscribe: <https://esp.example.net/u/${blob(120, seed + i)}>,\r\n\t<mailto:unsubscribe-${blob(40, i)}@esp.example.net>\r\nX-Feedback-ID: ${blob(30, i)}:campaign-${i}:esp`;
    }
    lines.push(h);
    size += h.length + 2;
    i++;
  }
  return lines.join("\r\n");
}

/** Header block of a fixture, with bulk inserted below the trace headers (after the first ~8 fields). */
function message(path: string, kb: number, seed: number): string {
  const text = readFileSync(join(ROOT, path), "utf8").replace(/\r?\n/g, "\r\n");
  const end = text.indexOf("\r\n\r\n");
  const head = end === -1 ? text : text.slice(0, end);
  const lines = head.split("\r\n");
  // Insert after a line that starts a field, so folding stays intact.
  let at = Math.min(lines.length, 30);
  while (at < lines.length && /^[ \t]/.test(lines[at] ?? "")) at++;
  const withBulk = [...lines.slice(0, at), bulk(kb, seed), ...lines.slice(at)].join("\r\n");
  return withBulk + "\r\n\r\nbody\r\n";
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export function analysisMessages(): string[] {
  const out: string[] = [];
  const sizes = [4, 8, 12, 18];
  SOURCES.forEach((p, i) => out.push(message(p, sizes[i % sizes.length] ?? 8, i * 7919)));
  return out;
}

export function benchAnalysis(): Promise<BenchReport> {
  const messages = analysisMessages();
  const settings = { trustedAuthservIds: ["mx.example.net", "mx.google.com", "mx6.messagingengine.com", "mail.example.net"], trustedForwarders: ["lists.example.org"] };
  const bytes = messages.map((m) => m.indexOf("\r\n\r\n"));
  const avgKb = bytes.reduce((a, b) => a + b, 0) / bytes.length / 1024;
  const minKb = Math.min(...bytes) / 1024;
  const maxKb = Math.max(...bytes) / 1024;

  const rate = (iterations: number, withJson: boolean): number => {
    let sink = 0;
    const t0 = performance.now();
    for (let k = 0; k < iterations; k++) {
      for (const m of messages) {
        const a = analyzeMessage(parseHeaderBlock(m), settings);
        sink += withJson ? toInspectJson(a, renderEnglish).authResults.length : a.authResults.length;
      }
    }
    const ms = performance.now() - t0;
    if (sink < 0) console.log(sink);
    return (iterations * messages.length) / (ms / 1000);
  };
  rate(100, true); // warm-up
  const full: number[] = [];
  const withJson: number[] = [];
  for (let r = 0; r < 7; r++) {
    full.push(rate(200, false));
    withJson.push(rate(100, true));
  }
  const perSecond = median(full);
  const jsonPerSecond = median(withJson);

  const failures: string[] = [];
  if (perSecond < 20000) failures.push(`full analysis: ${Math.round(perSecond)} messages/s < 20,000`);
  return Promise.resolve({
    name: "analysis (parseHeaderBlock + analyzeMessage on realistic messages)",
    lines: [
      `${messages.length} messages, headers ${minKb.toFixed(1)}-${maxKb.toFixed(1)} KB (avg ${avgKb.toFixed(1)} KB)`,
      `full analysis: ${Math.round(perSecond).toLocaleString("en")} messages/s (median of 7 runs, best ${Math.round(Math.max(...full)).toLocaleString("en")}; goal >= 20,000)`,
      `full analysis + inspect JSON rendering: ${Math.round(jsonPerSecond).toLocaleString("en")} messages/s (median of 7 runs)`,
    ],
    metrics: { messagesPerSecond: perSecond, withJsonPerSecond: jsonPerSecond, avgHeaderKb: avgKb },
    failures,
  });
}
