import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import { reasonText, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";

export function trustSection(a: Analysis, trustButton: TemplateResult | typeof nothing): TemplateResult {
  return html`
    <details ?open=${a.verdict.level === "unconfigured"} id="trust">
      <summary>${t("sectionTrust")}</summary>
      <p class="note">
        ${a.trust.trustedIds.length === 0 ? t("trustNoneConfigured") : t("trustList", shown(a.trust.trustedIds.join(", ")))}
      </p>
      ${a.authResults.length === 0 ? html`<p class="note">${t("trustNoHeaders")}</p>` : nothing}
      <ol class="timeline" id="trust-headers">
        ${a.authResults.map(
          (e) => html`<li>
            <strong>${e.authservId !== null ? shown(e.authservId) : t("noAuthservId")}</strong> — ${e.trusted ? t("headerUsed") : t("headerIgnored")}<br />
            <span class="note">${reasonText(e.why)}</span>
            ${e.notes.map((n) => html`<br /><span class="note">${reasonText(n)}</span>`)}
          </li>`,
        )}
      </ol>
      ${trustButton}
    </details>
  `;
}
