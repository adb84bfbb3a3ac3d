/** The data the background hands to the popup, the banner and the options page. */
import type { Analysis } from "../core/analyze.js";
import type { HeaderSource } from "../background/read-headers.js";

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
    };

/** Requests the UI pages send to the background with runtime.sendMessage. */
export type UiRequest =
  | { type: "view"; tabId: number }
  | { type: "banner" }
  | { type: "openPopup" }
  | { type: "trustServer"; server: string; accountId: string | null; tabId: number }
  | { type: "report"; tabId: number }
  | { type: "settings" }
  | { type: "saveSettings"; changes: Record<string, unknown> }
  | { type: "importSettings"; json: string }
  | { type: "recentServers" }
  | { type: "bulkStart"; folderId: string; dryRun: boolean }
  | { type: "bulkStatus"; runId: number }
  | { type: "bulkCancel"; runId: number }
  | { type: "actionLog" }
  | { type: "rulesPreview"; rules: unknown; folderId: string; limit?: number };
