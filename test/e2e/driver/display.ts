import { messenger } from "../../../src/shared/api.js";
import { getTabView } from "../../../src/background/tab-views.js";
import type { TabView } from "../../../src/shared/view-types.js";
import { waitFor } from "./assert.js";
import { mailTabId } from "./mail.js";

type MessageHeader = messenger.messages.MessageHeader;


/** Selects `message` in the mail tab (Thunderbird displays it) and waits for AuthLens's finished view. */
export async function displayInMailTab(message: MessageHeader): Promise<{ tabId: number; view: Extract<TabView, { state: "ready" }> }> {
  const tabId = await mailTabId();
  await messenger.mailTabs.setSelectedMessages(tabId, [message.id]);
  const view = await waitFor(() => {
    const v = getTabView(tabId);
    return v?.state === "ready" && v.message.messageId === message.id ? v : undefined;
  }, `AuthLens's analysis of "${message.subject}"`);
  return { tabId, view };
}

export interface PopupHandle {
  root: ShadowRoot;
  text(selector: string): string;
  close(): void;
}

const extension = messenger.extension as unknown as { getViews(filter: { type: string }): Window[] };

/**
 * The popup's window and shadow root, once it shows a verdict. Polled every 10 ms: the popup shares
 * the extension's main thread with this code, so a tighter loop would slow down what it measures
 * (the benchmark reads the popup's own User Timing marks for exact times).
 */
export function popupRendered(): Promise<{ win: Window; root: ShadowRoot }> {
  return waitFor(
    () => {
      const win = extension.getViews({ type: "popup" })[0];
      const root = win?.document.querySelector("authlens-popup")?.shadowRoot;
      return win && root?.querySelector("#verdict-level, #neutral") ? { win, root } : undefined;
    },
    "the popup to render",
    15000,
    10,
  );
}

/** Opens the message_display_action popup and waits until it shows a verdict. */
export async function openPopup(): Promise<PopupHandle> {
  await messenger.messageDisplayAction.openPopup();
  const { root } = await popupRendered();
  // Let the panel finish opening and sizing itself, so screenshots show what a person sees.
  const win = extension.getViews({ type: "popup" })[0];
  if (win) {
    for (let i = 0; i < 3; i++) await new Promise<void>((r) => win.requestAnimationFrame(() => r()));
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    root,
    text: (selector) => root.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim() ?? "",
    close: () => extension.getViews({ type: "popup" })[0]?.close(),
  };
}

/** Runs `func` in the message shown in `tabId` (the message display document) and returns its result. */
export async function inMessage<T>(tabId: number, func: () => T): Promise<T> {
  const scripting = (messenger as unknown as {
    scripting: { executeScript(i: { target: { tabId: number }; func: () => T }): Promise<{ result: T }[]> };
  }).scripting;
  const [first] = await scripting.executeScript({ target: { tabId }, func });
  return first?.result as T;
}
