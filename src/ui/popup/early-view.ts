/**
 * The tab's view, as soon as the popup's script starts: read synchronously from the running
 * background page when it has a finished view (the first frame then shows the verdict), else asked
 * for with a runtime message, which is on its way while lit and the components are evaluated.
 * User Timing marks (`authlens:*`) let the benchmarks see where the popup's time goes.
 */
import { messenger } from "../../background/api.js";
import { TAB_VIEW_BRIDGE, type TabView, type TabViewBridge } from "../view-types.js";

performance.mark("authlens:script");

export interface EarlyView {
  tabId: number | undefined;
  view: TabView | null;
}

/** The tab this popup belongs to, from its address (set by the background). */
function tabFromUrl(): number | undefined {
  const fromUrl = Number(new URLSearchParams(location.search).get("tab"));
  return Number.isInteger(fromUrl) && fromUrl > 0 ? fromUrl : undefined;
}

/** The view, copied out of the background page (a reference would die if that page is unloaded). */
function finishedViewNow(tabId: number | undefined): TabView | undefined {
  if (tabId === undefined) return undefined;
  try {
    const background = messenger.extension.getBackgroundPage() as (Window & Partial<Record<typeof TAB_VIEW_BRIDGE, TabViewBridge>>) | undefined;
    const bridge = background?.[TAB_VIEW_BRIDGE];
    const view = typeof bridge === "function" ? bridge(tabId) : undefined;
    return view === undefined ? undefined : structuredClone(view);
  } catch {
    return undefined;
  }
}

const urlTab = tabFromUrl();
const immediate = finishedViewNow(urlTab);
if (immediate) {
  performance.mark("authlens:view");
  performance.mark("authlens:view-sync");
}

/** The view when it could be had synchronously, before the first render. */
export const immediateView: EarlyView | undefined = immediate ? { tabId: urlTab, view: immediate } : undefined;

export const earlyView: Promise<EarlyView> = immediateView ? Promise.resolve(immediateView) : (async () => {
  const tabId = urlTab ?? (await messenger.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  const view = tabId === undefined ? null : ((await messenger.runtime.sendMessage({ type: "view", tabId })) as TabView | null);
  performance.mark("authlens:view");
  return { tabId, view };
})();
