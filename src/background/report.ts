import { toInspectJson } from "../core/inspect-json.js";
import { formatReport } from "../core/report.js";
import type { TabView } from "../shared/view-types.js";

/** "Copy report": the text report and the `authlens inspect --json` object, each with the raw headers. */
export function buildReport(view: Extract<TabView, { state: "ready" }>): { text: string; json: string } {
  const text = `${formatReport(view.analysis, view.message.subject)}\nRaw headers\n${view.headersText}\n`;
  const json = JSON.stringify({ subject: view.message.subject, ...toInspectJson(view.analysis), rawHeaders: view.headersText }, null, 2);
  return { text, json };
}
