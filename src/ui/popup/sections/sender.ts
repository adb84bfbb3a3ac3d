import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import { senderDomainForDisplay } from "../../../core/display-domain.js";
import { reasonText, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { breakable, orDash } from "./format.js";

/**
 * The sender. An internationalized domain is named as browsers name it: in Unicode when that is
 * safe, as its A-label (`xn--…`) when it mixes scripts or imitates another name; the other form
 * only in a row that says which form it is, so a homograph is never shown as the name it imitates.
 */
export function senderSection(a: Analysis): TemplateResult {
  const p = a.from.primary;
  const idn = p?.domain && p.domainUnicode && p.domain !== p.domainUnicode;
  const lookalike = a.from.lookalike.lookalike;
  return html`
    <details open id="sender">
      <summary>${t("sectionSender")}</summary>
      ${a.from.addresses.length === 0 ? html`<p class="note">${t("senderNone")}</p>` : nothing}
      ${a.from.addresses.length > 1 ? html`<p class="warning">${t("senderSeveral", a.from.addresses.length)}</p>` : nothing}
      ${p
        ? html`<dl class="rows">
            <dt>${t("senderName")}</dt>
            <dd>${orDash(p.displayName)}</dd>
            <dt>${t("senderAddress")}</dt>
            <dd class="mono">${lookalike && p.localPart && p.domain ? breakable(`${p.localPart}@${p.domain}`) : breakable(p.address)}</dd>
            <dt>${t("senderDomain")}</dt>
            <dd class="mono" id="sender-domain">${breakable(senderDomainForDisplay(a))}</dd>
            ${idn
              ? html`<dt>${t(lookalike ? "senderDomainUnicode" : "senderDomainAscii")}</dt>
                  <dd class="mono">${breakable(lookalike ? p.domainUnicode : p.domain)}</dd>`
              : nothing}
          </dl>`
        : nothing}
      ${lookalike
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
