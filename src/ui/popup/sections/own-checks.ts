import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import type { DkimCheck } from "../../../core/verify/dkim.js";
import type { OwnCheckView } from "../../../shared/view-types.js";
import { reasonText, t } from "../../shared/i18n.js";
import { breakable, orDash, resultWord } from "./format.js";

function signatureRow(d: DkimCheck): TemplateResult {
  return html`<tr>
    <td class="mono">${breakable(d.domain)}</td>
    <td class="mono">${breakable(d.selector)}</td>
    <td>${orDash(d.algorithm)}${d.keyBits !== null ? html`<br /><span class="note">${t("ownKeyBits", d.keyBits)}</span>` : nothing}</td>
    <td>${resultWord(d.result)}</td>
  </tr>
  ${why(d)}`;
}

/** The reason, notes and DNSSEC line under a signature, one per line. */
function why(d: DkimCheck): TemplateResult | typeof nothing {
  const lines = [
    ...(d.reason !== null ? [html`<span>${reasonText(d.reason)}</span>`] : []),
    ...d.notes.map((n) => html`<span class="note">${reasonText(n)}</span>`),
    ...(d.dnssec !== null ? [html`<span class="note">${t(d.dnssec ? "ownDnssecYes" : "ownDnssecNo")}</span>`] : []),
  ];
  if (lines.length === 0) return nothing;
  return html`<tr class="why">
    <td colspan="4">${lines.map((l, i) => (i === 0 ? l : html`<br />${l}`))}</td>
  </tr>`;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/**
 * "Checked by AuthLens": what AuthLens verified itself (DKIM signatures, DMARC on that evidence),
 * labelled as its own, beside what the servers reported (the cards above). Shown only when the
 * person turned the checks on.
 */
export function ownChecksSection(a: Analysis, own: OwnCheckView): TemplateResult | typeof nothing {
  if (own.state === "off") return nothing;
  const v = a.own;
  return html`
    <details open id="own-checks">
      <summary>${t("sectionOwnChecks")}</summary>
      ${own.state === "checking" ? html`<p class="note" id="own-status">${t("ownChecking")}</p>` : nothing}
      ${own.state === "tooLarge" ? html`<p class="note" id="own-status">${t("ownTooLarge", megabytes(own.bytes), megabytes(own.limit))}</p>` : nothing}
      ${own.state === "unavailable" ? html`<p class="warning" id="own-status">${reasonText(own.reason)}</p>` : nothing}
      ${own.state === "done" && v
        ? html`${v.dkim.length === 0
              ? html`<p class="note">${t("ownNoSignatures")}</p>`
              : html`<table id="own-dkim">
                  <thead>
                    <tr>
                      <th scope="col">${t("colDomain")}</th>
                      <th scope="col">${t("ownColSelector")}</th>
                      <th scope="col">${t("ownColAlgorithm")}</th>
                      <th scope="col">${t("colResult")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${v.dkim.map(signatureRow)}
                  </tbody>
                </table>`}
            <dl class="rows">
              <dt>${t("ownDmarc")}</dt>
              <dd id="own-dmarc">${resultWord(v.dmarc.result)} <span class="note">${reasonText(v.dmarc.reason)}</span></dd>
              <dt>${t("ownArc")}</dt>
              <dd id="own-arc">${resultWord(v.arc.cv)} ${v.arc.reason !== null ? html`<span class="note">${reasonText(v.arc.reason)}</span>` : nothing}</dd>
            </dl>
            <p class="claim">${t("ownExplained")}</p>`
        : nothing}
    </details>
  `;
}
