/**
 * The e2e harness: runs the real add-on (test build) in a real Thunderbird under Xvfb, one fresh
 * profile per scenario, collects the results the driver reports from inside the add-on, saves
 * screenshots to test-results/, and ends every process it started.
 *
 *   node build/e2e/run.mjs [--verbose] [scenario ...]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestResult } from "../protocol.js";
import { endAll, endAllOnExit, startXvfb } from "./processes.js";
import { runScenario, type HarnessContext } from "./run-scenario.js";
import { scenarios } from "./scenarios.js";
import { findThunderbird } from "./thunderbird-binary.js";
import { checkProductXpi } from "./product-xpi.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const bench = args.includes("--bench");
  const wanted = args.filter((a) => !a.startsWith("--"));
  const started = Date.now();
  endAllOnExit();
  const log = (line: string) => console.log(line);

  const results: TestResult[] = [];
  const record = (scenario: string, name: string, error?: string) => {
    results.push({ scenario, name, ok: !error, error, ms: 0 });
    log(`  ${error ? "FAIL" : "ok  "} ${scenario} › ${name}`);
    if (error) log(`        ${error}`);
  };

  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const productXpi = join(root, "dist", `authlens-${pkg.version}.xpi`);
  if (!existsSync(join(root, "build", "addon-test", "manifest.json")) || !existsSync(productXpi)) {
    log("The add-on is not built: run `npm run build && node scripts/build.mjs --test` (npm run test:e2e does).");
    return 1;
  }
  record("build", "the product XPI carries no test driver and no loopback permission", checkProductXpi(productXpi));

  const thunderbird = findThunderbird();
  const version = execFileSync(thunderbird, ["--version"], { encoding: "utf8" }).trim();
  const { display } = await startXvfb();
  log(`e2e: ${version}, display ${display}`);
  const ctx: HarnessContext = { root, productXpi, thunderbird, display, resultsDir: join(root, "test-results"), log, verbose, metrics: [] };
  mkdirSync(ctx.resultsDir, { recursive: true });
  const selected = scenarios(root).filter((s) => (wanted.length === 0 || wanted.includes(s.name)) && Boolean(s.bench) === bench);
  const probeBuilt = ["probe", "addon-marks"].every((d) => existsSync(join(root, "build", d, "manifest.json")));
  if (selected.some((s) => s.probe) && !probeBuilt) {
    log("The cold-start probe is not built: run `node test/e2e/probe/build.mjs` after the product build (npm run bench does both).");
    return 1;
  }
  try {
    for (const scenario of selected) {
      // Timings depend on what else the machine runs: say how busy it was.
      if (bench) {
        const load = Number(loadavg()[0]?.toFixed(2));
        ctx.metrics.push({ scenario: scenario.name, name: `machine load average (1 min, ${availableParallelism()} CPUs) at the start`, value: load, unit: "" });
        log(`  ${scenario.name}: load average ${load} on ${availableParallelism()} CPUs`);
      }
      results.push(...(await runScenario(ctx, scenario)));
    }
  } finally {
    await endAll();
  }
  if (ctx.metrics.length > 0) writeFileSync(join(ctx.resultsDir, "bench.json"), JSON.stringify(ctx.metrics, null, 2));
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`e2e wall time ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/`);
  log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    await endAll();
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
