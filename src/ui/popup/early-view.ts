/**
 * The tab's view, as soon as the popup's script starts: read synchronously from the running
 * background page when it has a finished view (the first frame then shows the verdict), else asked
 * for with a runtime message, which is on its way while lit and the components are evaluated.
 * User Timing marks (`authlens:*`) let the benchmarks see where the popup's time goes.
 */
import { ask } from "../../shared/ask.js";
import { finishedTabView } from "../../shared/ui-platform.js";
import type { TabView } from "../../shared/view-types.js";

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

const urlTab = tabFromUrl();
const immediate = urlTab === undefined ? undefined : finishedTabView(urlTab);
if (immediate) {
  performance.mark("authlens:view");
  performance.mark("authlens:view-sync");
}

/** The view when it could be had synchronously, before the first render. */
export const immediateView: EarlyView | undefined = immediate ? { tabId: urlTab, view: immediate } : undefined;

export const earlyView: Promise<EarlyView> = immediateView ? Promise.resolve(immediateView) : (async () => {
  const answer = await ask("view", { tabId: urlTab ?? null });
  performance.mark("authlens:view");
  return { tabId: answer.tabId ?? undefined, view: answer.view };
})();
