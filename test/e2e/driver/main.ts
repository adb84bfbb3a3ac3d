/**
 * The background of the e2e test build: the product background plus this driver, which runs the
 * scenario's tests inside Thunderbird and reports each result to the harness. Never in the product XPI.
 */
import "../../../src/background/main.js";
import { messenger } from "../../../src/shared/api.js";
import { config, log, send } from "./harness-client.js";
import { TESTS } from "./registry.js";
import type { Hello } from "../protocol.js";
import "./tests/index.js";

// An MV3 event page is started at browser start only when it listens for runtime.onStartup; the
// product's own listeners are primed and wake it on demand. The driver must run at every start.
messenger.runtime.onStartup.addListener(() => undefined);

async function runAll(): Promise<void> {
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

runAll().catch((err: unknown) => {
  void log(`driver failed: ${err instanceof Error ? err.stack : String(err)}`).finally(() => send({ kind: "done" }));
});
