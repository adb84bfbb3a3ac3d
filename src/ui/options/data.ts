/** What the options page asks the background for. It never computes verdicts or calls Thunderbird. */
import type { SettingKey } from "../../core/settings/schema.js";
import type { EffectiveSettings } from "../../shared/data-types.js";

export type { Account, Problem } from "../../shared/data-types.js";
export { ask } from "../../shared/ask.js";
export { onSettingsStored } from "../../shared/ui-platform.js";

/** The `settings` answer. */
export type OptionsData = EffectiveSettings;

/** Whether the administrator set `key` (and the user did not change it) or locked it. */
export function settingOrigin(data: OptionsData, key: SettingKey): { preset: boolean; locked: boolean } {
  const locked = data.locked.includes(key);
  return { locked, preset: key in data.policy && !(key in data.user) };
}
