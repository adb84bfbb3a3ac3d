/**
 * The inline banner: a message display script. For failed and suspicious verdicts (per the banner
 * setting) it puts a short notice at the top of the displayed message, inside a closed shadow root,
 * with a button that opens the pane. It loads nothing remote and never changes the message itself.
 * lit-html's render() is used directly: content scripts cannot define custom elements.
 */
import { senderDomainForDisplay } from "../../core/display-domain.js";
import { isSenderConcern, isSetAside } from "../../core/reason-kinds.js";
import { html, render } from "lit";
import { ask } from "../../shared/ask.js";
import { onViewChanged } from "../../shared/ui-platform.js";
import type { BannerMode } from "../../core/settings/schema.js";
import { reasonText, t } from "../shared/i18n.js";
import { shown } from "../shared/shown.js";
import type { TabView } from "../../shared/view-types.js";
import { bannerCss } from "./styles.js";

type Ready = Extract<TabView, { state: "ready" }>;

export function wantsBanner(view: TabView | null, mode: BannerMode): view is Ready {
  if (view?.state !== "ready" || mode === "off") return false;
  const level = view.analysis.verdict.level;
  return mode === "always" || level === "failed" || level === "suspicious";
}

/** The notice now shown (null before the first answer, or when none is wanted). */
let current: HTMLElement | null = null;
/** Answers are used newest first: an older answer arriving late is dropped. */
let asked = 0;

/**
 * Shows the notice the tab's view calls for, in place of the one shown: asked at once, and again
 * when the background says the view changed (AuthLens's own check finished and may have changed
 * the verdict).
 */
async function show(): Promise<void> {
  const mine = ++asked;
  const answer = await ask("banner");
  if (mine !== asked) return;
  if (answer === null || !wantsBanner(answer.view, answer.bannerMode)) {
    current?.remove();
    current = null;
    return;
  }
  const a = answer.view.analysis;
  const level = a.verdict.level;
  const domain = shown(senderDomainForDisplay(a) ?? t("unknownSender"));
  const host = document.createElement("authlens-banner-host");
  // The message's own CSS must not hide, move or cover the notice: inline !important beats any
  // rule of the message's style sheets. Nothing on the host says the verdict (no attribute a
  // selector could read).
  host.style.cssText = [
    "all: initial",
    "display: block !important",
    "visibility: visible !important",
    "opacity: 1 !important",
    "position: relative !important",
    "z-index: 2147483647 !important",
    "transform: none !important",
    "clip-path: none !important",
    "margin: 0 0 12px 0 !important",
  ].join("; ");
  const root = host.attachShadow({ mode: "closed" });
  // For a look-alike, the reason that makes it suspicious, not the pass it also got.
  const first =
    (level === "suspicious" ? a.verdict.reasons.find((r) => isSenderConcern(r.key)) : undefined) ??
    a.verdict.reasons[0];
  // Headers that claim what the verdict denies (set aside as untrusted or forged) are named too.
  const setAside = a.verdict.reasons.filter((r) => isSetAside(r.key));
  render(
    html`<style>
        ${bannerCss}
      </style>
      <div class="banner ${level}" role="alert">
        <div class="text">
          <strong>${t(`banner_${level}`, domain)}</strong>
          ${first ? html`<span class="why">${reasonText(first)}</span>` : ""}
          ${setAside.map((r) => html`<span class="why">${reasonText(r)}</span>`)}
        </div>
        <button type="button" @click=${() => void ask("openPopup")}>${t("bannerDetails")}</button>
      </div>`,
    root,
  );
  if (current) current.replaceWith(host);
  else document.body.prepend(host);
  current = host;
}

const showLogged = (): void => void show().catch((err: unknown) => console.error("AuthLens banner:", err));
showLogged();
onViewChanged(showLogged);
