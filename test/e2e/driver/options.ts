/** The options page, opened in a tab, as the tests drive it. */
import { messenger } from "../../../src/shared/api.js";
import { waitFor } from "./assert.js";

interface PageApi {
  browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

export interface OptionsPage {
  win: Window;
  root: ShadowRoot;
  /** Sends a message to the background from the options page, as the page itself does. */
  send<T>(message: unknown): Promise<T>;
  text(selector: string): string;
}

export async function openOptions(): Promise<OptionsPage> {
  await messenger.runtime.openOptionsPage();
  const extension = messenger.extension as unknown as { getViews(filter: { type: string }): Window[] };
  const found = await waitFor(() => {
    for (const win of extension.getViews({ type: "tab" })) {
      const root = win.document.querySelector("authlens-options")?.shadowRoot;
      if (root?.querySelector("#display-section")) return { win, root };
    }
    return undefined;
  }, "the options page to render");
  return {
    ...found,
    send: <T>(message: unknown) => (found.win as unknown as PageApi).browser.runtime.sendMessage(message) as Promise<T>,
    text: (selector: string) => found.root.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim() ?? "",
  };
}

/** Waits until the page has painted what it rendered (a screenshot right after rendering may show the old frame). */
export async function painted(win: Window): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => win.requestAnimationFrame(() => r()));
  await new Promise((r) => setTimeout(r, 300));
}

