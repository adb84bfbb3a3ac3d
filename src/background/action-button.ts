/** The message_display_action button of one tab: icon, badge and title for a verdict state. */
import type { VerdictLevel } from "../core/verdict.js";
import { messenger } from "./api.js";

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

/** Sets icon, label, badge and title together, so the button never shows a mix of two states. */
export async function showButtonState(tabId: number, state: ButtonState, title: string, showBadge: boolean): Promise<void> {
  const api = messenger.messageDisplayAction;
  const badge = showBadge ? BADGE[state] : undefined;
  await Promise.all([
    api.setIcon({ tabId, path: ICON[state] }),
    api.setLabel({ tabId, label: label(state) }),
    api.setTitle({ tabId, title }),
    api.setBadgeText({ tabId, text: badge ? messenger.i18n.getMessage(badge.messageKey) : "" }),
    badge ? api.setBadgeBackgroundColor({ tabId, color: badge.color }) : Promise.resolve(),
  ]);
}
