import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import { isUsableResult } from "../../../core/results.js";
import { t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { propertyText, resultWord } from "./format.js";

const SHOWN_ELSEWHERE = new Set(["dmarc", "spf", "dkim", "arc", "tls"]);

export function otherMethodsSection(a: Analysis): TemplateResult | typeof nothing {
  const rows = a.authResults
    .filter((e) => e.trusted)
    .flatMap((e) => e.parsed.results.filter((r) => !SHOWN_ELSEWHERE.has(r.method)).map((r) => ({ r, by: e.authservId ?? "?" })));
  if (rows.length === 0) return nothing;
  return html`
    <details id="other-methods">
      <summary>${t("sectionOtherMethods")}</summary>
      <table>
        <tbody>
          ${rows.map(({ r, by }) => {
            const usable = isUsableResult(r);
            return html`<tr class=${usable ? "" : "greyed"}>
              <th scope="row">${shown(r.method)}</th>
              <td>${resultWord(r.result)}</td>
              <td>
                ${r.properties.map((p) => html`<span class="mono">${propertyText(p)}</span> `)}
                <span class="note">${t("reportedBy", shown(by))}</span>
                ${usable ? nothing : html`<br /><span class="note">${t("notUsedForDecisions")}</span>`}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </details>
  `;
}
