/**
 * Asks the background for the tab's view as soon as the popup's script starts, before lit and the
 * components are evaluated, so the answer is on its way while they load. User Timing marks
 * (`authlens:*`) let the benchmarks see where the popup's time goes.
 */
import { messenger } from "../../background/api.js";
import type { TabView } from "../view-types.js";

performance.mark("authlens:script");

export interface EarlyView {
  tabId: number | undefined;
  view: TabView | null;
}

/** The tab this popup belongs to: in its address (set by the background), else the active tab. */
async function popupTab(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await messenger.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export const earlyView: Promise<EarlyView> = (async () => {
  const tabId = await popupTab();
  const view = tabId === undefined ? null : ((await messenger.runtime.sendMessage({ type: "view", tabId })) as TabView | null);
  performance.mark("authlens:view");
  return { tabId, view };
})();
