import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import { reasonText, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { orDash, resultWord } from "./format.js";

function encryptedText(e: "yes" | "no" | "unknown"): string {
  return t(`encrypted_${e}`);
}

export function transportSection(a: Analysis): TemplateResult {
  const tls = a.tls;
  const strength =
    tls.strength === null ? "—" : t(tls.strengthSource === "reported" ? "strengthReported" : "strengthEstimated", t(`strength_${tls.strength}`));
  return html`
    <details open id="transport">
      <summary>${t("sectionTransport")}</summary>
      <dl>
        <dt>${t("tlsEncrypted")}</dt>
        <dd>${encryptedText(tls.encrypted)}</dd>
        ${tls.source === "authres"
          ? html`<dt>${t("tlsResult")}</dt>
              <dd>${resultWord(tls.result)}</dd>`
          : nothing}
        <dt>${t("tlsVersion")}</dt>
        <dd>${orDash(tls.version)}</dd>
        <dt>${t("tlsCipher")}</dt>
        <dd class="mono">${orDash(tls.cipher)}</dd>
        <dt>${t("tlsStrength")}</dt>
        <dd>${strength}</dd>
        ${tls.certificate?.client
          ? html`<dt>${t("tlsCertificate")}</dt>
              <dd class="mono">${shown(tls.certificate.client)}</dd>`
          : nothing}
        ${tls.certificate?.verification
          ? html`<dt>${t("tlsVerification")}</dt>
              <dd>${shown(tls.certificate.verification)}</dd>`
          : nothing}
      </dl>
      <p class="note">${reasonText(tls.reason)}</p>
      ${tls.hops.length > 0
        ? html`<p class="claim">${t("routeClaims")}</p>
            <ol class="timeline" id="route">
              ${[...tls.hops].reverse().map(
                (h) => html`<li>
                  <span class="mono">${orDash(h.from)} → ${orDash(h.by)}</span><br />
                  ${t(`hop_${h.encrypted}`)}${h.version ? html`, ${shown(h.version)}` : nothing}${h.cipher
                    ? html`, <span class="mono">${shown(h.cipher)}</span>`
                    : nothing}${h.protocol ? html` (${shown(h.protocol)})` : nothing}
                </li>`,
              )}
            </ol>`
        : nothing}
    </details>
  `;
}
