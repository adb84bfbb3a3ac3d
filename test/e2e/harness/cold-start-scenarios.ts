/**
 * The cold-start benchmarks (npm run bench): AuthLens's background page is an MV3 event page, which
 * Thunderbird unloads after extensions.background.idle.timeout without events; the next display
 * loads it again. The in-add-on driver cannot measure that (it lives in the page that is unloaded),
 * so these scenarios install AuthLens without it — the product XPI itself, or the instrumented
 * build (build/addon-marks/) that can tell where its time went — next to the probe add-on
 * (build/probe/), which runs the tests and times AuthLens from Thunderbird's parent process.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bulkMessages } from "../bulk-rules.js";
import type { ColdStartData, Pick, StartSample } from "../probe/cold-start-data.js";
import { DEMO_SETTINGS } from "./demo-settings.js";
import type { Fixture } from "./fixtures.js";
import type { Scenario } from "./run-scenario.js";

/**
 * extensions.background.idle.timeout (ms) of the wake benchmarks: Thunderbird unloads an event page
 * after this long without events or API calls (its default is 30 s, its minimum 100 ms). Low, so
 * that a wake can be measured every couple of seconds.
 */
export const BENCH_IDLE_MS = 1000;
/** Thunderbird's own default, for the fresh-start benchmarks: the page it starts at launch lives as long as it would for a user. */
const DEFAULT_IDLE_MS = 30_000;

const COUNT = 200;

/** The button's English label per verdict level. */
function levelLabels(root: string): Record<string, string> {
  const messages = JSON.parse(readFileSync(join(root, "_locales", "en", "messages.json"), "utf8")) as Record<string, { message: string }>;
  return Object.fromEntries(
    Object.entries(messages)
      .filter(([key]) => key.startsWith("level_"))
      .map(([key, value]) => [key.slice("level_".length), value.message]),
  );
}

/** Inbox messages in an order where no two in a row get the same verdict: the button changes on every display. */
function alternating(demo: readonly Fixture[], verdicts: Record<string, string>, count: number): Pick[] {
  const picks: Pick[] = [];
  for (let i = 0; i < count; i++) {
    const f = demo[i % demo.length];
    const level = f ? verdicts[f.file] : undefined;
    if (!f || !level || picks.at(-1)?.level === level) continue;
    picks.push({ subject: `${f.subject} #${i}`, level });
  }
  return picks;
}

export function coldStartScenarios(root: string, demo: readonly Fixture[], verdicts: Record<string, string>): Scenario[] {
  const inbox = bulkMessages(
    demo.map((f) => f.text),
    COUNT,
  );
  const base = { count: COUNT, sequence: alternating(demo, verdicts, COUNT), labels: levelLabels(root) };
  const idlePrefs = (ms: number) => ({ "extensions.background.idle.timeout": ms });
  const wake = (marks: boolean): Scenario => ({
    name: marks ? "bench-wake-marks" : "bench-wake",
    bench: true,
    probe: true,
    addon: marks ? "marks" : "product",
    tests: [
      "display → button after Thunderbird unloaded the idle background page",
      ...(marks ? ["the popup opened at a display that wakes the page, and after the page slept"] : []),
    ],
    inbox,
    managed: DEMO_SETTINGS,
    prefs: idlePrefs(BENCH_IDLE_MS),
    data: { ...base, marks, idleMs: BENCH_IDLE_MS, wakes: 20, warm: marks ? 0 : 20, popupWakes: 10, popupAfterSleep: 10 } satisfies ColdStartData,
    timeoutMs: 300_000,
  });
  // One Thunderbird start per phase on the same profile: the first (install, first parse of the
  // mbox) is reported apart; then 10 starts for the button and (instrumented build) 10 for the popup.
  // AuthLens's page starts with Thunderbird (it listens for runtime.onStartup) and, with Thunderbird's
  // own idle timeout, is still there when the first message is selected.
  const start = (marks: boolean): Scenario => {
    const phases = { warmup: [1], button: range(2, 11), popup: marks ? range(12, 21) : [] };
    const samples: StartSample[] = [];
    return {
      name: marks ? "bench-start-marks" : "bench-start",
      bench: true,
      probe: true,
      addon: marks ? "marks" : "product",
      phases: marks ? 21 : 11,
      tests: ["the first message after Thunderbird starts: display → button, and the popup opened at that display"],
      inbox,
      managed: DEMO_SETTINGS,
      prefs: idlePrefs(DEFAULT_IDLE_MS),
      data: { ...base, marks, idleMs: DEFAULT_IDLE_MS, phases } satisfies ColdStartData,
      timeoutMs: 60_000,
      calls: {
        sample: async (s) => {
          samples.push(s as StartSample);
          return null;
        },
        samples: async () => samples,
      },
    };
  };
  return [wake(false), wake(true), start(false), start(true)];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
