/** Every user-facing string comes from _locales through messenger.i18n. */
import type { Reason } from "../../core/reason.js";
import { messenger } from "../../background/api.js";
import { shown } from "./shown.js";

export function t(key: string, ...subs: (string | number)[]): string {
  const text = messenger.i18n.getMessage(key, subs.map(String));
  return text === "" ? key : text;
}

/** A structured reason from the analysis, in the user's language. */
export function reasonText(r: Reason): string {
  return t(r.key, ...r.params.map(shown));
}

/** Formats an epoch-seconds timestamp in the user's locale. */
export function formatTime(epochSeconds: number | null): string {
  if (epochSeconds === null || !Number.isFinite(epochSeconds)) return t("unknownValue");
  return new Date(epochSeconds * 1000).toLocaleString(messenger.i18n.getUILanguage(), { dateStyle: "medium", timeStyle: "medium" });
}
