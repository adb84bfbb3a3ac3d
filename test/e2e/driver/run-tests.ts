/**
 * Runs the registered tests of the harness's scenario (and phase) inside Thunderbird, reports each
 * result, and quits Thunderbird. Shared by the driver (inside AuthLens's test build) and the
 * cold-start probe (a separate test add-on).
 */
import { messenger } from "../../../src/shared/api.js";
import { config, log, send } from "./harness-client.js";
import { TESTS } from "./registry.js";
import type { Hello } from "../protocol.js";

export async function runTests(): Promise<void> {
  const cfg = await config();
  const { phase } = await send<Hello>({ kind: "hello" });
  const key = TESTS.some((t) => t.scenario === `${cfg.scenario}:${phase}`) ? `${cfg.scenario}:${phase}` : cfg.scenario;
  const tests = TESTS.filter((t) => t.scenario === key && (cfg.only.length === 0 || cfg.only.includes(t.name)));
  await log(`running ${tests.length} tests of ${key}`);
  for (const t of tests) {
    const started = performance.now();
    let error: string | undefined;
    try {
      await t.fn(cfg.data);
    } catch (err) {
      error = err instanceof Error ? `${err.message}\n${err.stack ?? ""}` : String(err);
    }
    const ms = Math.round(performance.now() - started);
    await send({ kind: "result", result: { scenario: t.scenario, name: t.name, ok: error === undefined, error, ms } });
  }
  await send({ kind: "done" });
  // Quit Thunderbird cleanly: closing every window ends the application.
  for (const w of await messenger.windows.getAll()) {
    if (w.id !== undefined) await messenger.windows.remove(w.id).catch(() => undefined);
  }
}

/** Runs the tests; a failure of the runner itself is logged and ends the scenario. */
export function runTestsAndReport(): void {
  runTests().catch((err: unknown) => {
    void log(`driver failed: ${err instanceof Error ? err.stack : String(err)}`).finally(() => send({ kind: "done" }));
  });
}
