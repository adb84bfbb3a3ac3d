/** Every user-facing string comes from _locales (through ../../shared/ui-platform.ts). */
import type { Reason } from "../../core/reason.js";
import { getMessage, uiLanguage } from "../../shared/ui-platform.js";
import { shown } from "./shown.js";

export function t(key: string, ...subs: (string | number)[]): string {
  const text = getMessage(key, subs.map(String));
  return text === "" ? key : text;
}

/** A structured reason from the analysis, in the user's language. */
export function reasonText(r: Reason): string {
  return t(r.key, ...r.params.map(shown));
}

/** Formats an epoch-seconds timestamp in the user's locale. */
export function formatTime(epochSeconds: number | null): string {
  if (epochSeconds === null || !Number.isFinite(epochSeconds)) return t("unknownValue");
  return new Date(epochSeconds * 1000).toLocaleString(uiLanguage(), { dateStyle: "medium", timeStyle: "medium" });
}
