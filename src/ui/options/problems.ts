/** Turns the background's validation problems ({path, message}) into sentences for one field. */
import { t } from "../shared/i18n.js";
import type { Problem } from "./data.js";

export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + ".");
}

/** The problems under `prefix` (e.g. `trustedAuthservIds`, `accountTrust.account1`), naming the entry when the path has its index. */
export function problemsFor(problems: readonly Problem[], prefix: string, attempted: readonly string[] = []): string[] {
  return problems
    .filter((p) => isUnder(p.path, prefix))
    .map((p) => {
      const rest = p.path.slice(prefix.length + 1);
      const entry = /^\d+$/.test(rest) ? attempted[Number(rest)] : undefined;
      return entry !== undefined ? t("options_entryNotSaved", entry, p.message) : t("options_fieldNotSaved", p.message);
    });
}

/** One problem as a line of a list: "path: message", or the message alone. */
export function problemLine(p: Problem): string {
  return p.path === "" ? p.message : t("options_problemLine", p.path, p.message);
}
