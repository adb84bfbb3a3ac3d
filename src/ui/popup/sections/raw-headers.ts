import { html, type TemplateResult } from "lit";
import { t } from "../../shared/i18n.js";
import { bidiVisible } from "../../shared/shown.js";

/** The headers are put into the page only when the section is opened: they can be long. */
export function rawHeadersSection(headersText: string, open: boolean, onToggle: (open: boolean) => void, onCopy: () => void): TemplateResult {
  return html`
    <details id="raw-headers" ?open=${open} @toggle=${(e: Event) => onToggle((e.target as HTMLDetailsElement).open)}>
      <summary>${t("sectionRawHeaders")}</summary>
      ${open ? html`<pre tabindex="0" aria-label=${t("sectionRawHeaders")}>${bidiVisible(headersText)}</pre>` : ""}
      <button type="button" id="copy-headers" @click=${onCopy}>${t("copyHeaders")}</button>
    </details>
  `;
}
