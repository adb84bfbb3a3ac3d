/**
 * Stored settings carry a schema version. Each migration lifts version n to n+1; they run in order,
 * so a profile from any earlier release reaches the current shape.
 */
export const SETTINGS_VERSION = 1;

type Stored = Record<string, unknown>;

/** MIGRATIONS[n] turns version n into version n+1. Version 0 is "no version recorded". */
const MIGRATIONS: ReadonlyArray<(s: Stored) => Stored> = [
  // 0 -> 1: early development builds kept the trusted list under `trustedServers`.
  (s) => {
    const { trustedServers, ...rest } = s;
    if (Array.isArray(trustedServers) && rest.trustedAuthservIds === undefined) rest.trustedAuthservIds = trustedServers;
    return rest;
  },
];

export interface Migrated {
  settings: Stored;
  from: number;
  to: number;
}

/** Brings stored settings to SETTINGS_VERSION. A newer version than this release knows is kept as is. */
export function migrateSettings(stored: unknown, storedVersion: unknown): Migrated {
  let settings: Stored = stored !== null && typeof stored === "object" && !Array.isArray(stored) ? { ...(stored as Stored) } : {};
  const from = typeof storedVersion === "number" && Number.isInteger(storedVersion) && storedVersion >= 0 ? storedVersion : 0;
  for (let v = from; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) settings = step(settings);
  }
  return { settings, from, to: Math.max(from, SETTINGS_VERSION) };
}
