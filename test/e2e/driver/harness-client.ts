import { messenger } from "../../../src/shared/api.js";
import type { DriverConfig, DriverMessage } from "../protocol.js";

let configPromise: Promise<DriverConfig> | undefined;

/** The scenario's configuration, packed into the test XPI by the harness. */
export function config(): Promise<DriverConfig> {
  configPromise ??= fetch(messenger.runtime.getURL("e2e-config.json")).then((r) => r.json() as Promise<DriverConfig>);
  return configPromise;
}

export async function send<T = unknown>(message: DriverMessage): Promise<T> {
  const { port } = await config();
  const res = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: JSON.stringify(message) });
  if (!res.ok) throw new Error(`harness answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export const log = (text: string) => send({ kind: "log", text });
export const screenshot = (name: string) => send<{ path: string }>({ kind: "screenshot", name });

/** Asks the harness to do something for the scenario (deliver mail, quit Thunderbird, ...). */
export const call = <T = unknown>(name: string, args: unknown = null) => send<T>({ kind: "call", name, args });

/** A benchmark figure, printed by the harness and saved to test-results/bench.json. */
export const metric = (name: string, value: number, unit: string) => send({ kind: "metric", name, value, unit });
