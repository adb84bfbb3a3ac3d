/** Tests that run inside the add-on, grouped by the harness scenario that prepares their profile. */
export type TestFn = (data: Record<string, unknown>) => Promise<void>;

export interface DriverTest {
  scenario: string;
  name: string;
  fn: TestFn;
}

export const TESTS: DriverTest[] = [];

export function test(scenario: string, name: string, fn: TestFn): void {
  TESTS.push({ scenario, name, fn });
}
