/** What the e2e harness (Node) and the test driver (inside the add-on) say to each other over loopback HTTP. */

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
  | { kind: "log"; text: string }
  | { kind: "result"; result: TestResult }
  | { kind: "screenshot"; name: string }
  | { kind: "done" };
