import { html, type TemplateResult } from "lit";
import { t } from "../../shared/i18n.js";
import { bidiVisible } from "../../shared/shown.js";

export function rawHeadersSection(headersText: string, onCopy: () => void): TemplateResult {
  return html`
    <details id="raw-headers">
      <summary>${t("sectionRawHeaders")}</summary>
      <pre tabindex="0" aria-label=${t("sectionRawHeaders")}>${bidiVisible(headersText)}</pre>
      <button type="button" @click=${onCopy}>${t("copyHeaders")}</button>
    </details>
  `;
}
