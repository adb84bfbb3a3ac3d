import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import { reasonText, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { breakable, DASH, orDash, resultWord } from "./format.js";

/** tls= results with a word of their own for the certificate check (others are shown as reported). */
const CERT_RESULTS: ReadonlySet<string> = new Set(["pass", "fail", "none", "temperror", "permerror", "selfsigned", "invalidhost", "neutral", "policy"]);

/** What the tls= result says about the sending server's certificate, in words. */
function certificateCheck(result: string | null): string {
  if (result === null) return DASH;
  const r = result.toLowerCase();
  return CERT_RESULTS.has(r) ? t(`tlsCert_${r}`) : t("tlsCert_other", shown(result));
}

/**
 * The same rows in the same order for every message (a dash where there is nothing), so one
 * message's card reads like the next.
 */
export function transportSection(a: Analysis): TemplateResult {
  const tls = a.tls;
  const strength =
    tls.strength === null ? DASH : t(tls.strengthSource === "reported" ? "strengthReported" : "strengthEstimated", t(`strength_${tls.strength}`));
  return html`
    <details open id="transport">
      <summary>${t("sectionTransport")}</summary>
      <dl class="rows">
        <dt>${t("tlsEncrypted")}</dt>
        <dd id="tls-encrypted">${t(`encrypted_${tls.encrypted}`)}</dd>
        <dt>${t("tlsResult")}</dt>
        <dd>${tls.source === "authres" ? resultWord(tls.result) : DASH}</dd>
        <dt>${t("tlsCertificateCheck")}</dt>
        <dd id="tls-certificate">${tls.source === "authres" ? certificateCheck(tls.result) : DASH}</dd>
        <dt>${t("tlsVersion")}</dt>
        <dd>${orDash(tls.version)}</dd>
        <dt>${t("tlsCipher")}</dt>
        <dd class="mono">${breakable(tls.cipher)}</dd>
        <dt>${t("tlsStrength")}</dt>
        <dd>${strength}</dd>
        <dt>${t("tlsCertificate")}</dt>
        <dd class="mono">${breakable(tls.certificate?.client)}</dd>
        <dt>${t("tlsVerification")}</dt>
        <dd>${orDash(tls.certificate?.verification)}</dd>
      </dl>
      <p class="note">${reasonText(tls.reason)}</p>
      ${tls.hops.length > 0
        ? html`<p class="claim">${t("routeClaims")}</p>
            <ol class="timeline" id="route">
              ${[...tls.hops].reverse().map(
                (h) => html`<li>
                  <span class="mono">${breakable(h.from)} → ${breakable(h.by)}</span><br />
                  ${t(`hop_${h.encrypted}`)}${h.version ? html`, ${shown(h.version)}` : nothing}${h.cipher
                    ? html`, <span class="mono">${breakable(h.cipher)}</span>`
                    : nothing}${h.protocol ? html` (${shown(h.protocol)})` : nothing}
                </li>`,
              )}
            </ol>`
        : nothing}
    </details>
  `;
}
