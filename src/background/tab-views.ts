/**
 * What each tab's button and popup show (the analyses themselves are cached in analysis.ts). The
 * popup and the banner read a tab's view; they never analyze.
 */
import { TAB_VIEW_BRIDGE, type TabView, type TabViewBridge } from "../shared/view-types.js";

const views = new Map<number, TabView>();
const waiters = new Map<number, Array<(v: TabView) => void>>();

export function setTabView(tabId: number, view: TabView): void {
  views.set(tabId, view);
  if (view.state === "working") return;
  const pending = waiters.get(tabId);
  waiters.delete(tabId);
  pending?.forEach((resolve) => resolve(view));
}

export function getTabView(tabId: number): TabView | undefined {
  return views.get(tabId);
}

function viewMessageId(v: TabView): number | null {
  switch (v.state) {
    case "ready":
      return v.message.messageId;
    case "working":
    case "error":
      return v.messageId;
    case "neutral":
      return null;
  }
}

/**
 * The tab's finished view for `messageId` (the banner may ask before the analysis is done, or even
 * before the display event arrived). Resolves null after `timeoutMs`.
 */
export function settledTabView(tabId: number, messageId: number, timeoutMs = 10000): Promise<TabView | null> {
  const matches = (v: TabView | undefined) => v !== undefined && v.state !== "working" && viewMessageId(v) === messageId;
  const now = views.get(tabId);
  if (matches(now)) return Promise.resolve(now ?? null);
  return new Promise((resolve) => {
    const add = () => {
      const list = waiters.get(tabId) ?? [];
      list.push(waiter);
      waiters.set(tabId, list);
    };
    const timer = setTimeout(() => {
      // Give up, and leave nothing behind.
      const list = (waiters.get(tabId) ?? []).filter((w) => w !== waiter);
      if (list.length > 0) waiters.set(tabId, list);
      else waiters.delete(tabId);
      resolve(null);
    }, timeoutMs);
    const waiter = (v: TabView) => {
      if (matches(v)) {
        clearTimeout(timer);
        resolve(v);
      } else {
        add();
      }
    };
    add();
  });
}

/** The tab's view for the popup: while its analysis runs, the finished one (waited for, up to 10 s). */
export async function viewForPopup(tabId: number): Promise<TabView | undefined> {
  const view = views.get(tabId);
  if (view?.state === "working") return (await settledTabView(tabId, view.messageId)) ?? view;
  return view;
}

export function forgetTab(tabId: number): void {
  views.delete(tabId);
  waiters.delete(tabId);
}

export function allTabIds(): number[] {
  return [...views.keys()];
}

/** Lets the popup read a finished view synchronously (see TAB_VIEW_BRIDGE). */
export function exposeTabViews(): void {
  const finished: TabViewBridge = (tabId) => {
    const view = views.get(tabId);
    return view && view.state !== "working" ? view : undefined;
  };
  Object.assign(globalThis, { [TAB_VIEW_BRIDGE]: finished });
}
