import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import { reasonText, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { orDash } from "./format.js";

export function senderSection(a: Analysis): TemplateResult {
  const p = a.from.primary;
  const idn = p?.domain && p.domainUnicode && p.domain !== p.domainUnicode;
  return html`
    <details open id="sender">
      <summary>${t("sectionSender")}</summary>
      ${a.from.addresses.length === 0 ? html`<p class="note">${t("senderNone")}</p>` : nothing}
      ${a.from.addresses.length > 1 ? html`<p class="warning">${t("senderSeveral", a.from.addresses.length)}</p>` : nothing}
      ${p
        ? html`<dl>
            <dt>${t("senderName")}</dt>
            <dd>${orDash(p.displayName)}</dd>
            <dt>${t("senderAddress")}</dt>
            <dd class="mono">${orDash(p.address)}</dd>
            <dt>${t("senderDomain")}</dt>
            <dd>${orDash(p.domainUnicode ?? p.domain)}</dd>
            ${idn
              ? html`<dt>${t("senderDomainAscii")}</dt>
                  <dd class="mono">${shown(p.domain)}</dd>`
              : nothing}
          </dl>`
        : nothing}
      ${a.from.lookalike.lookalike
        ? html`<div class="warning" role="note">
            <strong>${t("lookalikeWarning")}</strong>
            <ul>
              ${a.from.lookalike.reasons.map((r) => html`<li>${reasonText(r)}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${a.from.displayNameAddress
        ? html`<p class="warning" role="note">${t("displayNameWarning", shown(a.from.displayNameAddress), shown(p?.address ?? "?"))}</p>`
        : nothing}
    </details>
  `;
}
