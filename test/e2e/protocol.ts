/** What the e2e harness (Node) and the test driver (inside the add-on) say to each other over loopback HTTP. */

/** The harness's answer to "hello": which run of the scenario's profile this is (1, 2, ...). */
export interface Hello {
  phase: number;
  /** Date.now() when the harness started this run of Thunderbird. */
  launchedAt: number;
}

/** Written into the test XPI as e2e-config.json for one scenario. */
export interface DriverConfig {
  port: number;
  scenario: string;
  /** Test names to run (all of the scenario's when empty). */
  only: string[];
  /** Data the scenario passes to its tests (expected header values, fixture names, ...). */
  data: Record<string, unknown>;
}

export interface TestResult {
  scenario: string;
  name: string;
  ok: boolean;
  error?: string;
  ms: number;
}

export type DriverMessage =
  | { kind: "hello" }
  | { kind: "call"; name: string; args: unknown }
  | { kind: "log"; text: string }
  | { kind: "metric"; name: string; value: number; unit: string }
  | { kind: "result"; result: TestResult }
  | { kind: "screenshot"; name: string }
  | { kind: "done" };
