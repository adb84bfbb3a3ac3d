import { senderDomainForDisplay } from "../../../core/display-domain.js";
import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import { reasonText, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";

export function verdictSection(a: Analysis, trustButton: TemplateResult | typeof nothing): TemplateResult {
  const level = a.verdict.level;
  const domain = shown(senderDomainForDisplay(a) ?? t("unknownSender"));
  const imitates = a.from.lookalike.imitates ?? null;
  const summary =
    level === "unconfigured"
      ? t("summary_unconfigured", shown(a.verdict.suggestion ?? t("unknownServer")))
      : level === "suspicious" && imitates !== null
        ? t("summary_suspiciousLookalike", shown(imitates), domain)
        : t(`summary_${level}`, domain);
  return html`
    <section class="verdict level-${level}" aria-live="polite">
      <img src="icons/${level}.svg" alt="" />
      <h1 id="verdict-level">${a.verdict.basis === "own" || a.verdict.basis === "ownVirtual" ? t("levelCheckedByAuthLens", t(`level_${level}`)) : t(`level_${level}`)}</h1>
      <p id="verdict-summary">${summary}</p>
      <div></div>
      <div>
        <p class="note">${t("restsOn")}</p>
        <ul class="rests" id="verdict-reasons">
          ${a.verdict.reasons.map((r) => html`<li>${reasonText(r)}</li>`)}
        </ul>
        ${trustButton}
      </div>
    </section>
  `;
}
