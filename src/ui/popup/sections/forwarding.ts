import { html, nothing, type TemplateResult } from "lit";
import type { Analysis } from "../../../core/analyze.js";
import { formatTime, reasonText, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { DASH, orDash, propertyText, resultWord } from "./format.js";

/** What AuthLens's own check says of one hop: its seal and its message signature, and whether the chain broke there. */
function ownHop(a: Analysis, instance: number): TemplateResult | typeof nothing {
  const own = a.own?.arc;
  const hop = own?.hops.find((h) => h.instance === instance);
  if (!own || !hop) return nothing;
  const word = (c: typeof hop.seal) => (c === null ? t("ownNotChecked") : resultWord(c.result));
  return html`<p class="own-hop">
    <span class="tag">${t("ownTag")}</span> ${t("ownSeal")}: ${word(hop.seal)} · ${t("ownMessageSignature")}: ${word(hop.messageSignature)}
    ${own.brokenAt === instance ? html`<br /><strong class="bad">${t("ownChainBrokeHere")}</strong>` : nothing}
    ${own.oldestPass !== null && own.oldestPass > 0 && instance === own.oldestPass ? html`<br /><span class="note">${t("ownOldestPass")}</span>` : nothing}
  </p>`;
}

export function forwardingSection(a: Analysis): TemplateResult | typeof nothing {
  const arc = a.arc;
  if (arc.status === "none" && arc.receiver === null && (a.own?.arc.cv ?? "none") === "none") return nothing;
  return html`
    <details open id="forwarding">
      <summary>${t("sectionForwarding")}</summary>
      <dl>
        <dt>${t("arcStructure")}</dt>
        <dd>${resultWord(arc.status)} ${arc.reason ? html`<span class="note">— ${reasonText(arc.reason)}</span>` : nothing}</dd>
        <dt>${t("arcReceiver")}</dt>
        <dd>${arc.receiver ? html`${resultWord(arc.receiver.result)} (${shown(arc.receiver.authservId)})` : DASH}</dd>
        ${a.own
          ? html`<dt>${t("ownArcChain")}</dt>
              <dd id="own-arc-chain">${resultWord(a.own.arc.cv)} ${a.own.arc.reason ? html`<span class="note">— ${reasonText(a.own.arc.reason)}</span>` : nothing}</dd>`
          : nothing}
      </dl>
      <p class="claim">${t(a.own ? "arcStructureAndOwn" : "arcStructureOnly")}</p>
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
            ${ownHop(a, h.instance)}
          </li>`,
        )}
      </ol>
    </details>
  `;
}
