/**
 * Every user-facing string comes from _locales (through ../../shared/ui-platform.ts).
 *
 * Plural messages (`<key>_one`, `<key>_other`, …; ../../core/plural.ts) are named without the
 * suffix; the variant for the count (the first substitution) is chosen for the UI's language.
 */
import { type Reason, reasonRenderer } from "../../core/reason.js";
import { getMessage, uiLanguage } from "../../shared/ui-platform.js";
import { shown } from "./shown.js";

/** Reasons and keys rendered as core renders them (plural variants included), in the UI's language. */
const render = reasonRenderer((key, params) => getMessage(key, [...params]) || undefined, uiLanguage());

export function t(key: string, ...subs: (string | number)[]): string {
  return render({ key, params: subs.map(String) });
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
