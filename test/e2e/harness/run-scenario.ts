import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { readTree, writeXpi } from "../../../scripts/xpi.mjs";
import type { DriverConfig, DriverMessage, Hello, TestResult } from "../protocol.js";
import { ADDON_ID, createProfile, writeManagedStorage, type Profile } from "./profile.js";
import { PROBE_ID } from "../marks/protocol.js";
import { endProcess, processTreeRssMb, startProcess } from "./processes.js";
import { startServer } from "./server.js";

const run = promisify(execFile);

export interface Scenario {
  name: string;
  /**
   * The tests the driver must report for this scenario (a test that never reports fails). With
   * `phases`, Thunderbird runs once per phase on the same profile; phase n runs the tests registered
   * for "<name>:<n>", and `tests` lists every phase's tests.
   */
  tests: string[];
  phases?: number;
  /** Things the driver may ask the harness to do (deliver mail, quit Thunderbird, ...). */
  calls?: Record<string, (args: unknown, run: ScenarioRun) => Promise<unknown>>;
  inbox?: string[];
  prefs?: Record<string, string | number | boolean>;
  /** Managed storage for the add-on ($HOME/.mozilla/managed-storage). */
  managed?: unknown;
  data?: Record<string, unknown>;
  /** Called with the profile before Thunderbird starts (e.g. to write a policies.json). */
  before?: (profile: Profile) => Promise<void> | void;
  after?: (profile: Profile) => Promise<void> | void;
  timeoutMs?: number;
  /** A benchmark: runs only with --bench (npm run bench), never in npm test. */
  bench?: boolean;
  /**
   * Which AuthLens the profile gets: the test build with the driver (the default), the product XPI
   * as shipped, or the instrumented cold-start build (build/addon-marks/: the product plus timing
   * marks, no driver). The last two need `probe`.
   */
  addon?: "test" | "product" | "marks";
  /** The cold-start probe add-on (build/probe/) runs the scenario's tests, from outside AuthLens. */
  probe?: boolean;
}

/** What a scenario's calls can reach while it runs. */
export interface ScenarioRun {
  profile: Profile;
  /** Ends the running Thunderbird (as a quit would) and goes on with the next phase. */
  quitThunderbird(): Promise<void>;
  /** Thunderbird's resident memory (all its processes, or those named `name`), MB. */
  rssMb(name?: string): number;
}

export interface Metric {
  scenario: string;
  name: string;
  value: number;
  unit: string;
}

export interface HarnessContext {
  metrics: Metric[];
  root: string;
  /** dist/authlens-<version>.xpi */
  productXpi: string;
  thunderbird: string;
  display: string;
  resultsDir: string;
  log: (line: string) => void;
  verbose: boolean;
}

/** Packs a built add-on folder, with e2e-config.json telling the driver (or probe) where to report. */
async function packXpi(dir: string, config: DriverConfig | undefined, outPath: string): Promise<Buffer> {
  const files = readTree(dir);
  if (config) files.set("e2e-config.json", Buffer.from(JSON.stringify(config)));
  await writeXpi(files, outPath);
  return readFileSync(outPath);
}

/** The add-ons of a scenario's profile: AuthLens (by id) and, for cold-start scenarios, the probe. */
async function scenarioXpis(ctx: HarnessContext, scenario: Scenario, config: DriverConfig, tmp: string): Promise<Record<string, Buffer>> {
  const addon = scenario.addon ?? "test";
  if (addon === "test" && scenario.probe) throw new Error(`${scenario.name}: the probe runs with the product or the instrumented build, not the test build`);
  if (addon !== "test" && !scenario.probe) throw new Error(`${scenario.name}: without the test build's driver, the probe must run the tests`);
  const xpis: Record<string, Buffer> = {};
  if (scenario.probe) xpis[PROBE_ID] = await packXpi(join(ctx.root, "build", "probe"), config, join(tmp, `${scenario.name}-probe.xpi`));
  const authlens = join(tmp, `${scenario.name}.xpi`);
  switch (addon) {
    case "test":
      xpis[ADDON_ID] = await packXpi(join(ctx.root, "build", "addon-test"), config, authlens);
      break;
    case "product":
      xpis[ADDON_ID] = readFileSync(ctx.productXpi);
      break;
    case "marks":
      xpis[ADDON_ID] = await packXpi(join(ctx.root, "build", "addon-marks"), undefined, authlens);
      break;
  }
  return xpis;
}

export async function runScenario(ctx: HarnessContext, scenario: Scenario): Promise<TestResult[]> {
  const results: TestResult[] = [];
  let phase = 1;
  let resolveDone: () => void = () => undefined;
  let tb: ReturnType<typeof startProcess> | undefined;
  let launchedAt = 0;
  const runApi: ScenarioRun = {
    get profile() {
      return profile;
    },
    quitThunderbird: async () => {
      if (tb) await endProcess(tb);
    },
    rssMb: (name?: string) => (tb?.pid ? processTreeRssMb(tb.pid, name) : 0),
  };
  const { server, port } = await startServer(async (m: DriverMessage) => {
    switch (m.kind) {
      case "hello":
        return { phase, launchedAt } satisfies Hello;
      case "call": {
        const call = scenario.calls?.[m.name];
        if (!call) throw new Error(`scenario ${scenario.name} has no call ${m.name}`);
        return call(m.args, runApi);
      }
      case "log":
        if (ctx.verbose) ctx.log(`    [driver] ${m.text}`);
        return null;
      case "metric":
        ctx.metrics.push({ scenario: scenario.name, name: m.name, value: m.value, unit: m.unit });
        ctx.log(`  metric ${scenario.name} › ${m.name}: ${Number.isInteger(m.value) ? m.value : m.value.toFixed(2)} ${m.unit}`);
        return null;
      case "result":
        results.push(m.result);
        ctx.log(`  ${m.result.ok ? "ok  " : "FAIL"} ${scenario.name} › ${m.result.name} (${m.result.ms} ms)`);
        if (!m.result.ok && m.result.error) ctx.log(indent(m.result.error, 8));
        return null;
      case "screenshot":
        return { path: await screenshot(ctx, `${scenario.name}-${m.name}`) };
      case "done":
        resolveDone();
        return null;
    }
  });

  const tmp = join(ctx.root, ".tmp");
  mkdirSync(tmp, { recursive: true });
  const config: DriverConfig = { port, scenario: scenario.name, only: [], data: scenario.data ?? {} };
  const profile = createProfile({ inbox: scenario.inbox ?? [], prefs: scenario.prefs, xpis: await scenarioXpis(ctx, scenario, config, tmp) }, tmp);
  if (scenario.managed !== undefined) writeManagedStorage(profile, scenario.managed);
  const output: string[] = [];
  try {
    await scenario.before?.(profile);
    for (phase = 1; phase <= (scenario.phases ?? 1); phase++) {
      const done = new Promise<void>((r) => (resolveDone = r));
      launchedAt = Date.now();
      tb = startProcess(ctx.thunderbird, ["--profile", profile.dir, "--no-remote"], {
        env: { ...process.env, DISPLAY: ctx.display, HOME: profile.home, MOZ_CRASHREPORTER_DISABLE: "1", TZ: "UTC" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      tb.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
      tb.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
      const proc = tb;
      const exited = new Promise<string>((resolve) => proc.once("exit", (code, sig) => resolve(`Thunderbird exited (${code ?? sig})`)));
      const timeoutMs = scenario.timeoutMs ?? 120_000;
      const outcome = await Promise.race([
        done.then(() => "done"),
        exited,
        new Promise<string>((r) => setTimeout(() => r(`timed out after ${timeoutMs / 1000} s`), timeoutMs)),
      ]);
      if (outcome !== "done" && !outcome.startsWith("Thunderbird exited")) {
        const shot = await screenshot(ctx, `${scenario.name}-timeout-run${phase}`).catch(() => "(no screenshot)");
        ctx.log(`  ! ${scenario.name} (run ${phase}): ${outcome}; screen: ${shot}`);
      }
      // After "done" the driver quits Thunderbird itself (it closes its windows): let it finish that
      // as a person's quit would, then end whatever is left.
      if (outcome === "done") await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))]);
      await endProcess(proc);
    }
  } finally {
    if (tb) await endProcess(tb);
    server.close();
    await scenario.after?.(profile);
    rmSync(join(profile.dir, ".."), { recursive: true, force: true });
  }
  for (const name of scenario.tests) {
    if (!results.some((r) => r.name === name)) {
      const tail = output.join("").split("\n").slice(-40).join("\n");
      const r = { scenario: scenario.name, name, ok: false, error: `did not run\n--- Thunderbird output (tail) ---\n${tail}`, ms: 0 };
      results.push(r);
      ctx.log(`  FAIL ${scenario.name} › ${name} (did not run)`);
    }
  }
  if (ctx.verbose) ctx.log(output.join(""));
  return results;
}

async function screenshot(ctx: HarnessContext, name: string): Promise<string> {
  mkdirSync(ctx.resultsDir, { recursive: true });
  const path = join(ctx.resultsDir, `${name.replace(/[^a-z0-9_.-]+/gi, "-")}.png`);
  await run("import", ["-display", ctx.display, "-window", "root", path]);
  return path;
}

function indent(text: string, n: number): string {
  return text
    .split("\n")
    .map((l) => " ".repeat(n) + l)
    .join("\n");
}
