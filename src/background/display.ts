/**
 * Every displayed message (mail tabs, message tabs, message windows) gets analyzed and its tab's
 * button updated. Several selected messages show a neutral state. Errors become an "error" state
 * with details for the popup: never swallowed, never a stuck icon.
 */
import type { TabView } from "../shared/view-types.js";
import { messenger } from "../shared/api.js";
import { forgetButton, showButtonState } from "./action-button.js";
import { analysisWithOwnCheck, analyze, clearAnalysisCache, type MessageAnalysis } from "./analysis.js";
import { dohPermissionPattern } from "../core/settings/doh.js";
import { clearDnsCaches, forgetPermissions } from "./own-checks/dns.js";
import { giveBackUnneededPermissions } from "./own-checks/permissions.js";
import { clearOwnChecks, ownCheckSettings, ownChecksAllowed, type OwnCheckSettings } from "./own-checks/run.js";
import { reason } from "../core/reason.js";
import { rememberServer } from "./recent-servers.js";
import { getSettings, watchSettings } from "./settings-store.js";
import { allTabIds, forgetTab, getTabView, setTabView } from "./tab-views.js";
import { titleFor } from "./titles.js";
import { errorText } from "../core/error-text.js";

type MessageHeader = messenger.messages.MessageHeader;


/** After this long without a verdict, the button says "checking" instead of the previous verdict. */
const WORKING_DELAY_MS = 40;

/** Per tab, the newest display event; an older analysis finishing late must not overwrite it. */
const generation = new Map<number, number>();

/** The messages of a display or selection event (MV3: a MessageList; MV2: an array). */
export function displayedList(arg: unknown): MessageHeader[] {
  if (Array.isArray(arg)) return arg as MessageHeader[];
  if (arg && typeof arg === "object" && Array.isArray((arg as { messages?: unknown }).messages)) {
    return (arg as { messages: MessageHeader[] }).messages;
  }
  return [];
}

/** Account names, read once per account (the pane names the account in "Trust … for <account>"). */
const accountNames = new Map<string, Promise<string | null>>();

function accountName(accountId: string | null): Promise<string | null> {
  if (accountId === null) return Promise.resolve(null);
  let name = accountNames.get(accountId);
  if (!name) {
    name = messenger.accounts.get(accountId, false).then(
      (a) => a?.name ?? null,
      () => null,
    );
    accountNames.set(accountId, name);
  }
  return name;
}

/**
 * Per tab, at most one pre-read at a time: selections made meanwhile (an arrow key held down)
 * collapse into the newest, read when the current one is done.
 */
const preReads = new Map<number, { next: MessageHeader | undefined }>();

function preRead(tabId: number, message: MessageHeader): void {
  const running = preReads.get(tabId);
  if (running) {
    running.next = message;
    return;
  }
  const slot: { next: MessageHeader | undefined } = { next: undefined };
  preReads.set(tabId, slot);
  void (async () => {
    let next: MessageHeader | undefined = message;
    while (next) {
      await analyze(next).catch(() => undefined);
      next = slot.next;
      slot.next = undefined;
    }
    if (preReads.get(tabId) === slot) preReads.delete(tabId);
  })();
}

export async function showTab(tabId: number, messages: MessageHeader[], started = performance.now()): Promise<TabView> {
  const gen = (generation.get(tabId) ?? 0) + 1;
  generation.set(tabId, gen);
  const current = () => generation.get(tabId) === gen;
  let view: TabView;
  /** AuthLens's own check to run once the button shows the servers' verdict. */
  let follow: (() => Promise<void>) | undefined;
  const only = messages.length === 1 ? messages[0] : undefined;
  if (!only) {
    view = { state: "neutral", count: messages.length };
  } else {
    setTabView(tabId, { state: "working", messageId: only.id });
    // Thunderbird keeps a tab's button as it was when another message is shown: if the analysis
    // takes more than an instant, the previous message's verdict must not stay there meanwhile.
    const working = setTimeout(() => {
      if (current() && getTabView(tabId)?.state === "working") {
        void showButtonState(tabId, "working", titleFor({ state: "working", messageId: only.id }), false).catch(() => undefined);
      }
    }, WORKING_DELAY_MS);
    try {
      const accountId = only.folder?.accountId ?? null;
      const [ma, name, checking] = await Promise.all([analyze(only), accountName(accountId), currentOwnCheckSettings()]);
      view = {
        state: "ready",
        message: { messageId: only.id, subject: only.subject, accountId, accountName: name },
        analysis: ma.analysis,
        headersText: ma.headersText,
        source: ma.source,
        elapsedMs: Math.round(performance.now() - started),
        own: checking === null ? { state: "off" } : { state: "checking" },
      };
      if (ma.analysis.verdict.suggestion) void rememberServer(ma.analysis.verdict.suggestion);
      // The server's verdict shows at once; AuthLens's own check follows (after the button, so its
      // reading and DNS do not delay it) and updates it.
      const shown = view;
      if (checking !== null) follow = () => followWithOwnCheck(tabId, current, only, ma, shown, checking, started);
    } catch (err) {
      view = { state: "error", message: errorText(err), messageId: only.id };
      console.error("AuthLens: analyzing message", only.id, err);
    }
    clearTimeout(working);
  }
  if (!current()) return view;
  setTabView(tabId, view);
  await showButton(tabId, view);
  recordTiming(performance.now() - started);
  if (follow) void follow().catch((err: unknown) => console.error("AuthLens: own check of message", only?.id, err));
  return view;
}

async function showButton(tabId: number, view: TabView): Promise<void> {
  const state = view.state === "ready" ? view.analysis.verdict.level : view.state;
  try {
    const showBadge = await getSettings().then(
      (s) => s.settings.showBadge,
      () => false,
    );
    await showButtonState(tabId, state, titleFor(view), showBadge);
  } catch (err) {
    // The tab may have closed meanwhile; nothing to show then.
    console.warn("AuthLens: updating the button of tab", tabId, err);
  }
}

/** The own-check settings when checking is on; else null. (Whether its server may be reached is asked after the button.) */
async function currentOwnCheckSettings(): Promise<OwnCheckSettings | null> {
  try {
    return ownCheckSettings((await getSettings()).settings);
  } catch {
    return null;
  }
}

/**
 * AuthLens's own check of the displayed message, then the view and button updated from it, and an
 * open popup told. Only while the tab still shows that message: a result is never shown beside
 * another message.
 */
async function followWithOwnCheck(
  tabId: number,
  current: () => boolean,
  message: MessageHeader,
  ma: MessageAnalysis,
  shown: Extract<TabView, { state: "ready" }>,
  s: OwnCheckSettings,
  started: number,
): Promise<void> {
  let next: TabView;
  try {
    // Turned on (perhaps by a policy) without the server's permission: said, and nothing is read.
    if (!(await ownChecksAllowed(s))) {
      next = { ...shown, own: { state: "unavailable", reason: reason("dns_notAllowed", s.dohServer) } };
    } else {
      const { analysis, own } = await analysisWithOwnCheck(message, ma, s);
      next = { ...shown, analysis, own: own.state === "done" ? { state: "done" } : own.state === "tooLarge" ? { state: "tooLarge", bytes: own.bytes, limit: own.limit } : own };
    }
  } catch (err) {
    // Whatever failed, the pane must not stay on "Checking…": the failure is shown in its place.
    console.error("AuthLens: own check of message", message.id, err);
    next = { ...shown, own: { state: "unavailable", reason: reason("own_checkFailed", errorText(err)) } };
  }
  if (!current()) return;
  setTabView(tabId, next);
  await showButton(tabId, next);
  record(ownTimings, performance.now() - started);
  // An open popup shows this tab's view, and the banner in the message: tell them to read the new one.
  messenger.runtime.sendMessage({ type: "viewChanged", tabId }).catch(() => undefined);
  messenger.tabs.sendMessage(tabId, { type: "viewChanged", tabId }).catch(() => undefined);
}

/** How long the last displays took, from the display event to the button showing the verdict (ms). */
const timings: number[] = [];
/** The same to the button showing the verdict with AuthLens's own check (ms). */
const ownTimings: number[] = [];
function record(list: number[], ms: number): void {
  list.push(ms);
  if (list.length > 500) list.shift();
}
function recordTiming(ms: number): void {
  record(timings, ms);
}
export function displayTimings(): readonly number[] {
  return timings;
}
export function ownCheckTimings(): readonly number[] {
  return ownTimings;
}

export function startDisplay(): void {
  messenger.messageDisplay.onMessagesDisplayed.addListener((tab, displayed) => {
    const started = performance.now();
    if (tab.id === undefined) return;
    void showTab(tab.id, displayedList(displayed), started);
  });
  // Thunderbird announces a selection 30–60 ms before it has displayed the message: reading the
  // headers then means the display usually finds the analysis done. Only the button waits for the
  // display (it must never show a verdict beside the previous message).
  messenger.mailTabs.onSelectedMessagesChanged.addListener((tab, selected) => {
    const list = displayedList(selected);
    if (tab.id !== undefined && list.length === 1 && list[0]) preRead(tab.id, list[0]);
  });
  messenger.accounts.onUpdated.addListener(() => accountNames.clear());
  messenger.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    forgetButton(tabId);
    generation.delete(tabId);
    preReads.delete(tabId);
  });
  // New settings: every analysis may change. Re-show the open tabs from fresh analyses.
  watchSettings((settings) => {
    clearAnalysisCache();
    clearOwnChecks(ownCheckSettings(settings.settings));
    for (const tabId of allTabIds()) void refreshTab(tabId).then((view) => settingsRefreshed(tabId, view));
    void giveBackUnneededPermissions(ownCheckSettings(settings.settings)).catch((err: unknown) => console.warn("AuthLens: giving back DNS server permissions", err));
  });
  // A DNS server's permission granted (the options page's "Allow") or given back. When it is the
  // current server's, the own checks made before, and the DNS answers cached meanwhile, no longer
  // hold. (Choosing another server grants the new one's and gives back the old one's around the
  // settings change, which re-checks the tabs itself.)
  const permissionsChanged = (changed: { origins?: string[] }): void => {
    forgetPermissions();
    void currentOwnCheckSettings().then((s) => {
      const origin = s === null ? null : dohPermissionPattern(s.dohServer);
      if (origin === null || !(changed.origins ?? []).includes(origin)) return;
      clearOwnChecks();
      clearDnsCaches();
      for (const tabId of allTabIds()) void refreshTab(tabId);
    });
  };
  messenger.permissions.onAdded.addListener(permissionsChanged);
  messenger.permissions.onRemoved.addListener(permissionsChanged);
}

const refreshWaiters = new Map<number, ((view: TabView | undefined) => void)[]>();

function settingsRefreshed(tabId: number, view: TabView | undefined): void {
  const waiters = refreshWaiters.get(tabId) ?? [];
  refreshWaiters.delete(tabId);
  for (const w of waiters) w(view);
}

/**
 * The tab's view once the next settings change has been applied to it (a change refreshes every
 * tab once): for a request that changes settings and answers with the new view. If no change
 * arrives within `timeoutMs` (nothing was stored), the tab is refreshed here instead.
 */
export function nextSettingsRefresh(tabId: number, timeoutMs = 3000): Promise<TabView | undefined> {
  return new Promise((resolve) => {
    const waiter = (view: TabView | undefined): void => {
      clearTimeout(timer);
      resolve(view);
    };
    const timer = setTimeout(() => {
      const list = refreshWaiters.get(tabId) ?? [];
      refreshWaiters.set(tabId, list.filter((w) => w !== waiter));
      resolve(refreshTab(tabId));
    }, timeoutMs);
    const list = refreshWaiters.get(tabId) ?? [];
    list.push(waiter);
    refreshWaiters.set(tabId, list);
  });
}

/** Re-analyzes what a tab shows (after a settings change, or "Trust this server"). */
export async function refreshTab(tabId: number): Promise<TabView | undefined> {
  const view = getTabView(tabId);
  if (!view) return undefined;
  return showDisplayedIn(tabId);
}

/**
 * The view of what a tab displays now, analyzed afresh. Also for a tab AuthLens has no view of: a
 * popup opened after Thunderbird unloaded the background page wakes it with no view at all.
 */
export async function showDisplayedIn(tabId: number): Promise<TabView | undefined> {
  try {
    const displayed = await messenger.messageDisplay.getDisplayedMessages(tabId);
    return await showTab(tabId, displayedList(displayed));
  } catch {
    forgetTab(tabId);
    return undefined;
  }
}
