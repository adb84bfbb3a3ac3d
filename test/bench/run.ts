/**
 * Bench runner: `npm run bench` (bundled with esbuild). Each bench returns a report; add yours
 * to BENCHES. Exits 1 when a bench misses one of its goals.
 */
import { benchAnalysis } from "./analysis.bench.js";
import { benchParser, type BenchReport } from "./parser.bench.js";
import { benchVerify, throughputChild } from "./verify.bench.js";

const BENCHES: (() => Promise<BenchReport>)[] = [benchParser, benchAnalysis, benchVerify];

// The verification bench measures memory and CPU time in fresh child processes of this script.
const childMode = process.env.AUTHLENS_BENCH_CHILD;
if (childMode === "throughput") {
  await throughputChild(process.argv[2] ?? "node");
  process.exit(0);
}

let failed = false;
for (const bench of BENCHES) {
  const report = await bench();
  console.log(`== ${report.name}`);
  for (const line of report.lines) console.log(`  ${line}`);
  for (const f of report.failures) {
    console.log(`  GOAL MISSED: ${f}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
