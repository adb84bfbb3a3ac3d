import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import { formatTime, reasonText, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { orDash, propertyText, resultWord } from "./format.js";

export function forwardingSection(a: Analysis): TemplateResult | typeof nothing {
  const arc = a.arc;
  if (arc.status === "none" && arc.receiver === null) return nothing;
  return html`
    <details open id="forwarding">
      <summary>${t("sectionForwarding")}</summary>
      <dl>
        <dt>${t("arcStructure")}</dt>
        <dd>${resultWord(arc.status)} ${arc.reason ? html`<span class="note">— ${reasonText(arc.reason)}</span>` : nothing}</dd>
        <dt>${t("arcReceiver")}</dt>
        <dd>${arc.receiver ? html`${resultWord(arc.receiver.result)} (${shown(arc.receiver.authservId)})` : "—"}</dd>
      </dl>
      <p class="claim">${t("arcStructureOnly")}</p>
      <ol class="timeline" id="arc-hops">
        ${arc.hops.map(
          (h) => html`<li>
            <strong>${t("arcHop", h.instance, orDash(h.domain))}</strong>
            ${h.instance === 1 ? html`<em>${t("arcFirstHop")}</em>` : nothing}<br />
            ${t("arcHopDetails", orDash(h.authservId), formatTime(h.timestamp), orDash(h.cv))}
            <ul>
              ${h.results.map(
                (r) => html`<li>${shown(r.method)}: ${resultWord(r.result)}
                  ${r.properties.map((p) => html` <span class="mono">${propertyText(p)}</span>`)}</li>`,
              )}
            </ul>
          </li>`,
        )}
      </ol>
    </details>
  `;
}
