/** The data the background hands to the popup, the banner and the options page. */
import type { Analysis } from "../core/analyze.js";
import type { Reason } from "../core/reason.js";

/** How the headers were read: the fastest API this Thunderbird has. */
export type HeaderSource = "getHeaders" | "getFull" | "getRaw";

export interface MessageSummary {
  messageId: number;
  subject: string;
  accountId: string | null;
  accountName: string | null;
}

/**
 * The popup reads its tab's finished view straight from the background page when that page is
 * running (extension.getBackgroundPage() is synchronous), so its first frame already shows the
 * verdict; otherwise it asks with a runtime message. This names the function the background puts
 * on its window for that.
 */
export const TAB_VIEW_BRIDGE = "authlensFinishedTabView";
export type TabViewBridge = (tabId: number) => TabView | undefined;

/**
 * AuthLens's own check of the message's signatures, when the person turned it on: its findings are
 * in the analysis (`analysis.own`) once done.
 */
export type OwnCheckView =
  | { state: "off" }
  | { state: "checking" }
  | { state: "done" }
  | { state: "tooLarge"; bytes: number; limit: number }
  | { state: "unavailable"; reason: Reason };

export type TabView =
  | { state: "neutral"; count: number }
  | { state: "working"; messageId: number }
  | { state: "error"; message: string; messageId: number | null }
  | {
      state: "ready";
      message: MessageSummary;
      analysis: Analysis;
      /** The headers as received, for the Raw headers section and reports. */
      headersText: string;
      source: HeaderSource;
      /** Milliseconds from the display event to the analysis being ready. */
      elapsedMs: number;
      own: OwnCheckView;
    };
