/**
 * Every request the UI pages send to the background, and the answer each gets: one map, so the
 * pages' `ask` and the background's router are typed by the same source and neither side
 * redeclares the other's shapes.
 */
import type { BannerMode } from "../core/settings/schema.js";
import type { Account, AccountFolders, BulkStatus, EffectiveSettings, LogEntry, Problem, RulesPreview, TagInfo } from "./data-types.js";
import type { TabView } from "./view-types.js";

type NoPayload = Record<never, never>;

export interface Requests {
  /** A tab's view; tabId null: the active tab of the last focused window (a popup without its tab in its address). */
  view: { request: { tabId: number | null }; answer: { tabId: number | null; view: TabView | null } };
  /** The banner's own tab's view (asked from the displayed message). */
  banner: { request: NoPayload; answer: { view: TabView | null; bannerMode: BannerMode } | null };
  openPopup: { request: NoPayload; answer: null };
  openOptions: { request: NoPayload; answer: null };
  trustServer: { request: { server: string; accountId: string | null; tabId: number }; answer: { problems: Problem[]; view: TabView | null } };
  report: { request: { tabId: number }; answer: { text: string; json: string } };
  settings: { request: NoPayload; answer: EffectiveSettings };
  saveSettings: { request: { changes: Record<string, unknown> }; answer: { problems: Problem[] } };
  importSettings: { request: { json: string }; answer: { problems: Problem[] } };
  recentServers: { request: NoPayload; answer: string[] };
  accounts: { request: NoPayload; answer: Account[] };
  folders: { request: NoPayload; answer: AccountFolders[] };
  tags: { request: NoPayload; answer: TagInfo[] };
  bulkStart: { request: { folderId: string; dryRun: boolean }; answer: { runId: number } };
  bulkStatus: { request: { runId: number }; answer: BulkStatus | null };
  bulkCancel: { request: { runId: number }; answer: null };
  actionLog: { request: NoPayload; answer: LogEntry[] };
  rulesPreview: { request: { rules: unknown; folderId: string; limit?: number }; answer: RulesPreview };
}

export type RequestType = keyof Requests;
export type RequestOf<K extends RequestType> = { type: K } & Requests[K]["request"];
export type AnswerOf<K extends RequestType> = Requests[K]["answer"];
/** Any request, as it travels. */
export type UiRequest = { [K in RequestType]: RequestOf<K> }[RequestType];

/** The payload argument: optional for requests that carry none. */
export type PayloadArgs<K extends RequestType> = NoPayload extends Requests[K]["request"] ? [payload?: Requests[K]["request"]] : [payload: Requests[K]["request"]];
