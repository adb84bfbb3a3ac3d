/**
 * What the UI pages take from the WebExtension API besides requests to the background: their
 * strings (messenger.i18n), news that the stored settings changed, and the popup's synchronous
 * look at the background page's finished view. Everything else they ask the background for.
 */
import { messenger } from "./api.js";
import { TAB_VIEW_BRIDGE, type TabView, type TabViewBridge } from "./view-types.js";

/** A message from _locales in the user's language ("" when the key is unknown). */
export function getMessage(key: string, substitutions: string[]): string {
  return messenger.i18n.getMessage(key, substitutions);
}

export function uiLanguage(): string {
  return messenger.i18n.getUILanguage();
}

/** Calls `listener` when the stored settings change (another page, the popup's "Trust"). */
export function onSettingsStored(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if (area === "local" && "settings" in changes) listener();
  };
  messenger.storage.onChanged.addListener(handler);
  return () => messenger.storage.onChanged.removeListener(handler);
}

/**
 * The tab's finished view, copied out of the running background page (a reference would die if
 * that page is unloaded); undefined when the page is not running or has none yet.
 */
export function finishedTabView(tabId: number): TabView | undefined {
  try {
    const background = messenger.extension.getBackgroundPage() as (Window & Partial<Record<typeof TAB_VIEW_BRIDGE, TabViewBridge>>) | undefined;
    const bridge = background?.[TAB_VIEW_BRIDGE];
    const view = typeof bridge === "function" ? bridge(tabId) : undefined;
    return view === undefined ? undefined : structuredClone(view);
  } catch {
    return undefined;
  }
}

/**
 * Sizes the page's own window (a popup window opened with windows.create, such as the bulk run's)
 * so that its content, width × height CSS pixels, fits without scrolling or blank space; at most
 * the screen's available height, the page scrolls beyond. Nothing is done when it already fits.
 */
export async function fitWindow(width: number, height: number): Promise<void> {
  const frameW = Math.max(0, window.outerWidth - window.innerWidth);
  const frameH = Math.max(0, window.outerHeight - window.innerHeight);
  const outerWidth = Math.ceil(width + frameW);
  const outerHeight = Math.min(Math.ceil(height + frameH), screen.availHeight);
  if (Math.abs(outerWidth - window.outerWidth) <= 1 && Math.abs(outerHeight - window.outerHeight) <= 1) return;
  const win = await messenger.windows.getCurrent();
  if (win.id !== undefined) await messenger.windows.update(win.id, { width: outerWidth, height: outerHeight });
}

/**
 * Calls `listener` with a tab's id when the background has a new view for it (AuthLens's own check
 * finished after the first view was shown).
 */
export function onViewChanged(listener: (tabId: number) => void): () => void {
  const handler = (message: unknown): undefined => {
    if (message !== null && typeof message === "object" && (message as { type?: unknown }).type === "viewChanged") {
      const tabId = (message as { tabId?: unknown }).tabId;
      if (typeof tabId === "number") listener(tabId);
    }
    return undefined;
  };
  messenger.runtime.onMessage.addListener(handler);
  return () => messenger.runtime.onMessage.removeListener(handler);
}

/**
 * Asks the person for the host permission a DNS-over-HTTPS server needs. Thunderbird only shows
 * that prompt for a click on the page itself, so the options page asks, not the background.
 */
export function requestHostPermission(origin: string): Promise<boolean> {
  return messenger.permissions.request({ origins: [origin] });
}

/** Gives a host permission back (checking turned off, or another server chosen). */
export function removeHostPermission(origin: string): Promise<boolean> {
  return messenger.permissions.remove({ origins: [origin] });
}

/** Whether AuthLens holds a host permission (the options page shows "Allow" for a server that lacks it). */
export async function hasHostPermission(origin: string): Promise<boolean> {
  try {
    return await messenger.permissions.contains({ origins: [origin] });
  } catch {
    return false;
  }
}

/** Calls `listener` when AuthLens gains or gives back a permission (granted here, or in the add-on manager). */
export function onPermissionsChanged(listener: () => void): () => void {
  const handler = (): void => listener();
  messenger.permissions.onAdded.addListener(handler);
  messenger.permissions.onRemoved.addListener(handler);
  return () => {
    messenger.permissions.onAdded.removeListener(handler);
    messenger.permissions.onRemoved.removeListener(handler);
  };
}
