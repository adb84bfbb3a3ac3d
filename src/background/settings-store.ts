/**
 * Settings in storage.local, with a schema version and ordered migrations, merged with the
 * administrator's policy: effective = defaults ← policy ← user.
 */
import { migrateSettings, SETTINGS_VERSION } from "../core/settings/migrations.js";
import { DEFAULT_SETTINGS, type Settings } from "../core/settings/schema.js";
import { readSettings, type SettingsProblem } from "../core/settings/validate.js";
import { messenger } from "./api.js";
import { readManagedPolicy } from "./managed-policy.js";

const KEY = "settings";
const VERSION_KEY = "settingsVersion";

export interface EffectiveSettings {
  settings: Settings;
  /** What the user changed (stored in storage.local). */
  user: Partial<Settings>;
  /** What the administrator's policy sets. */
  policy: Partial<Settings>;
  problems: SettingsProblem[];
}

let cache: Promise<EffectiveSettings> | undefined;
const listeners = new Set<(s: EffectiveSettings) => void>();

/** Keeps only the keys present in `raw` from a validated read, so "not set" stays distinguishable. */
function presentKeys(raw: unknown, read: Settings): Partial<Settings> {
  if (raw === null || typeof raw !== "object") return {};
  const out: Partial<Settings> = {};
  for (const key of Object.keys(read) as (keyof Settings)[]) {
    if (key in (raw as object)) (out as Record<string, unknown>)[key] = read[key];
  }
  return out;
}

async function load(): Promise<EffectiveSettings> {
  const stored = await messenger.storage.local.get([KEY, VERSION_KEY]);
  const migrated = migrateSettings(stored[KEY], stored[VERSION_KEY]);
  if (migrated.from !== migrated.to) {
    await messenger.storage.local.set({ [KEY]: migrated.settings, [VERSION_KEY]: migrated.to });
  }
  const userRead = readSettings(migrated.settings);
  const policyRaw = await readManagedPolicy();
  const policyRead = readSettings(policyRaw ?? {});
  const user = presentKeys(migrated.settings, userRead.settings);
  const policy = presentKeys(policyRaw, policyRead.settings);
  return {
    settings: { ...DEFAULT_SETTINGS, ...policy, ...user },
    user,
    policy,
    problems: [...policyRead.problems.map((p) => ({ ...p, path: `policy.${p.path}` })), ...userRead.problems],
  };
}

export function getSettings(): Promise<EffectiveSettings> {
  cache ??= load();
  return cache;
}

/** Stores the user's changes to some settings (validated; invalid values are refused with problems). */
export async function updateSettings(changes: Partial<Settings> | Record<string, unknown>): Promise<SettingsProblem[]> {
  const current = await getSettings();
  const next = { ...current.user, ...changes };
  const { settings, problems } = readSettings(next);
  if (problems.length > 0) return problems;
  const toStore = presentKeys(next, settings);
  await messenger.storage.local.set({ [KEY]: toStore, [VERSION_KEY]: SETTINGS_VERSION });
  cache = undefined;
  return [];
}

/** Drops the cache when storage changes (this or another page wrote, or a user edited it by hand). */
export function watchSettings(onChange: (s: EffectiveSettings) => void): void {
  listeners.add(onChange);
  if (listeners.size > 1) return;
  messenger.storage.onChanged.addListener((changes, area) => {
    if (area !== "local" || !(KEY in changes)) return;
    cache = undefined;
    void getSettings().then((s) => listeners.forEach((l) => l(s)));
  });
}
