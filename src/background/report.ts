import { toInspectJson } from "../core/inspect-json.js";
import { reasonRenderer } from "../core/reason.js";
import { formatReport } from "../core/report.js";
import { messenger } from "../shared/api.js";
import type { TabView } from "../shared/view-types.js";

/** Reasons in the user's language, as the pane shows them (an unknown key as the key itself). */
const renderReason = reasonRenderer((key, params) => messenger.i18n.getMessage(key, [...params]) || undefined);

/** "Copy report": the text report and the `authlens inspect --json` object, each with the raw headers. */
export function buildReport(view: Extract<TabView, { state: "ready" }>): { text: string; json: string } {
  const text = `${formatReport(view.analysis, view.message.subject, renderReason)}\nRaw headers\n${view.headersText}\n`;
  const json = JSON.stringify({ subject: view.message.subject, ...toInspectJson(view.analysis, renderReason), rawHeaders: view.headersText }, null, 2);
  return { text, json };
}
