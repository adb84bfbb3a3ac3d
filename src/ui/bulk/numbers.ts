/**
 * Counts in the bulk-run window, written as the UI's language writes numbers (1,000 · 1.000 ·
 * 1 000), and plural messages chosen by the count itself rather than by its formatted text.
 */
import { pluralKeys } from "../../core/plural.js";
import { getMessage, uiLanguage } from "../../shared/ui-platform.js";
import { t } from "../shared/i18n.js";

let format: Intl.NumberFormat | undefined;

export function formatCount(n: number): string {
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(uiLanguage());
    } catch {
      format = new Intl.NumberFormat();
    }
  }
  return format.format(n);
}

/** A plural message (`<key>_one`, `<key>_other`, …) whose first placeholder is `count`, formatted. */
export function tCount(key: string, count: number, ...rest: string[]): string {
  const args = [formatCount(count), ...rest];
  for (const k of pluralKeys(key, [count], uiLanguage())) {
    const text = getMessage(k, args);
    if (text !== "") return text;
  }
  return t(key, ...args);
}
