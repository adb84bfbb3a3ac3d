/** The message_display_action button of one tab: icon, badge and title for a verdict state. */
import type { VerdictLevel } from "../core/verdict.js";
import { messenger } from "../shared/api.js";

export type ButtonState = VerdictLevel | "error" | "neutral" | "working";

const BADGE: Partial<Record<ButtonState, { messageKey: string; color: string }>> = {
  failed: { messageKey: "badgeFailed", color: "#c62828" },
  suspicious: { messageKey: "badgeSuspicious", color: "#9a6700" },
  error: { messageKey: "badgeError", color: "#6d4c41" },
};

const ICON: Record<ButtonState, string> = {
  verified: "icons/verified.svg",
  suspicious: "icons/suspicious.svg",
  failed: "icons/failed.svg",
  unconfigured: "icons/unconfigured.svg",
  unverified: "icons/unverified.svg",
  error: "icons/error.svg",
  neutral: "icons/neutral.svg",
  working: "icons/neutral.svg",
};

/** The short word beside the icon; the tooltip (title) says the rest. */
function label(state: ButtonState): string {
  switch (state) {
    case "neutral":
    case "working":
      return messenger.i18n.getMessage("extensionName");
    default:
      return messenger.i18n.getMessage(`level_${state}`);
  }
}

interface Shown {
  popup: string;
  icon: string;
  label: string;
  title: string;
  badge: string;
  color: string;
}

/**
 * What each tab's button shows. Thunderbird keeps a tab's button as it was set (also when another
 * message is displayed), so only what changes needs a call: often just the title.
 */
const shown = new Map<number, Shown>();

export function forgetButton(tabId: number): void {
  shown.delete(tabId);
}

/** Sets icon, label, badge and title together, so the button never shows a mix of two states. */
export async function showButtonState(tabId: number, state: ButtonState, title: string, showBadge: boolean): Promise<void> {
  const api = messenger.messageDisplayAction;
  const badge = showBadge ? BADGE[state] : undefined;
  const next: Shown = {
    // The popup learns its tab from its own address, without asking Thunderbird (faster to open).
    popup: `popup.html?tab=${tabId}`,
    icon: ICON[state],
    label: label(state),
    title,
    badge: badge ? messenger.i18n.getMessage(badge.messageKey) : "",
    color: badge?.color ?? "",
  };
  const before = shown.get(tabId);
  shown.set(tabId, next);
  try {
    await Promise.all([
      before?.popup === next.popup ? null : api.setPopup({ tabId, popup: next.popup }),
      before?.icon === next.icon ? null : api.setIcon({ tabId, path: next.icon }),
      before?.label === next.label ? null : api.setLabel({ tabId, label: next.label }),
      before?.title === next.title ? null : api.setTitle({ tabId, title: next.title }),
      before?.badge === next.badge ? null : api.setBadgeText({ tabId, text: next.badge }),
      next.color === "" || before?.color === next.color ? null : api.setBadgeBackgroundColor({ tabId, color: next.color }),
    ]);
  } catch (err) {
    // Unknown state: set everything next time.
    shown.delete(tabId);
    throw err;
  }
}
