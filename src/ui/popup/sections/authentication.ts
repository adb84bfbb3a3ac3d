import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import { senderDomainForDisplay } from "../../../core/display-domain.js";
import type { IdentifierCheck } from "../../../core/dmarc.js";
import { reasonText, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { alignmentText, breakable, DASH, resultWord } from "./format.js";

const POLICIES: ReadonlySet<string> = new Set(["none", "quarantine", "reject"]);

/** The domain owner's published DMARC policy, in words. */
function policyText(policy: string | null): string {
  if (policy === null) return DASH;
  return POLICIES.has(policy) ? t(`dmarcPolicy_${policy}`) : shown(policy);
}

/** Alignment only means something for a check that passed: for any other result, a dash. */
function checkRow(label: string, c: IdentifierCheck): TemplateResult {
  return html`<tr>
    <th scope="row">${label}</th>
    <td>${resultWord(c.result)}</td>
    <td class="mono">${breakable(c.domain ?? c.identity)}</td>
    <td>${c.result === "pass" ? alignmentText(c.alignment) : DASH}</td>
  </tr>`;
}

export function authenticationSection(a: Analysis): TemplateResult {
  const d = a.dmarc;
  const dmarcLabel =
    d.source === "virtual" ? t("dmarcVirtualLabel") : d.result === "bestguesspass" ? t("dmarcBestGuessLabel") : t("dmarcLabel");
  return html`
    <details open id="authentication">
      <summary>${t("sectionAuthentication")}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">${t("colMethod")}</th>
            <th scope="col">${t("colResult")}</th>
            <th scope="col">${t("colDomain")}</th>
            <th scope="col">${t("colAlignment")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">${dmarcLabel}</th>
            <td>${resultWord(d.result)}</td>
            <td class="mono">${breakable(senderDomainForDisplay(a))}</td>
            <td>${DASH}</td>
          </tr>
          ${d.spf.map((c) => checkRow("SPF", c))} ${d.dkim.map((c) => checkRow("DKIM", c))}
        </tbody>
      </table>
      <dl>
        <dt>${t("dmarcPolicyLabel")}</dt>
        <dd id="dmarc-policy">${policyText(d.policy)}</dd>
      </dl>
      ${d.source === "virtual" && d.virtual
        ? html`<p class="note">${t("dmarcVirtualExplained", d.virtual.method.toUpperCase(), shown(d.virtual.domain))}</p>`
        : nothing}
      ${d.reportedBy ? html`<p class="note">${t("reportedBy", shown(d.reportedBy))}</p>` : nothing}
      ${d.spf.length === 0 && d.dkim.length === 0 && d.result === null ? html`<p class="note">${t("noTrustedResults")}</p>` : nothing}
      ${d.notes.map((n) => html`<p class="note">${reasonText(n)}</p>`)}
    </details>
  `;
}
