/**
 * The action log's exports: the entries as the page words them (log-words.ts), as CSV with the
 * page's column names, or as JSON. Plain text: no internal keys, tag keys or colours.
 */
import { t } from "../../shared/i18n.js";
import type { LogWords } from "./log-words.js";

export const LOG_JSON_FILE = "authlens-action-log.json";
export const LOG_CSV_FILE = "authlens-action-log.csv";

/** The exported fields, in order, with their column names. */
const COLUMNS = [
  ["time", "log_colTime"],
  ["subject", "log_colSubject"],
  ["messageId", "log_colMessageId"],
  ["rule", "log_colRule"],
  ["action", "log_colAction"],
  ["outcome", "log_colOutcome"],
  ["detail", "log_colDetail"],
  ["trigger", "log_colTrigger"],
] as const satisfies readonly (readonly [keyof LogWords, string])[];

/** One CSV cell: quoted, and a leading = + - @ defused so a spreadsheet does not run it as a formula. */
function csvCell(v: string): string {
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${s.replace(/"/g, '""')}"`;
}

export function logToCsv(rows: readonly LogWords[]): string {
  const head = COLUMNS.map(([, key]) => csvCell(t(key))).join(",");
  const lines = rows.map((r) => COLUMNS.map(([field]) => csvCell(r[field])).join(","));
  return [head, ...lines].join("\r\n") + "\r\n";
}

export function logToJson(rows: readonly LogWords[]): string {
  return JSON.stringify(rows.map((r) => Object.fromEntries(COLUMNS.map(([field]) => [field, r[field]]))), null, 2) + "\n";
}
