import type { ZodMiniType } from "zod/mini";
import { validateRules } from "../rules/validate.js";
import { DEFAULT_SETTINGS, settingsSchema, SETTING_KEYS, type Settings } from "./schema.js";

export interface SettingsProblem {
  /** Dotted path, e.g. `trustedAuthservIds.2`. */
  path: string;
  message: string;
}

/**
 * Reads settings from untrusted input (storage, an imported file): every valid key is kept, every
 * invalid one falls back to its default and is reported. Never throws.
 */
export function readSettings(input: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const source = input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  if (input !== undefined && source !== input) problems.push({ path: "", message: "settings must be a JSON object" });
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) {
    if (!(key in source)) continue;
    if (key === "rules") {
      // An invalid rule is skipped whole with its problem; the valid rules still apply.
      const read = validateRules(source[key], { path: "rules" });
      settings.rules = read.rules;
      problems.push(...read.problems.map((p) => ({ path: p.path, message: p.message })));
      continue;
    }
    const field: ZodMiniType = settingsSchema.shape[key];
    const parsed = field.safeParse(source[key]);
    if (parsed.success) settings[key] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push({ path: [key, ...issue.path.map(String)].join("."), message: issue.message });
  }
  for (const key of Object.keys(source)) {
    if (!(SETTING_KEYS as string[]).includes(key)) problems.push({ path: key, message: "unknown setting" });
  }
  return { settings: settings as Settings, problems };
}
