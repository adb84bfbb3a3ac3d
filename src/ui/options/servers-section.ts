/** Sections 1 and 2: trusted servers (global and per account) and trusted ARC forwarders. */
import { html, nothing, type TemplateResult } from "lit";
import { t } from "../shared/i18n.js";
import type { EntriesChange } from "./server-list.js";

export interface ListField {
  /** The element id, e.g. `global-servers`. */
  id: string;
  heading: string;
  entries: readonly string[];
  /** The entries the administrator's policy put in this list, each marked as such. */
  fromPolicy: readonly string[];
  suggestions: readonly string[];
  note: string;
  locked: boolean;
  problems: readonly string[];
  onChange: (entries: string[]) => void;
}

function serverList(f: ListField, kind: "server" | "forwarder"): TemplateResult {
  return html`<authlens-server-list
    id=${f.id}
    kind=${kind}
    .heading=${f.heading}
    .note=${f.note}
    .entries=${f.entries}
    .fromPolicy=${f.fromPolicy}
    .suggestions=${f.suggestions}
    .problems=${f.problems}
    ?disabled=${f.locked}
    @entries-change=${(e: CustomEvent<EntriesChange>) => f.onChange(e.detail.entries)}
  ></authlens-server-list>`;
}

export function serversSection(global: ListField, accounts: readonly ListField[], accountsUnavailable: boolean): TemplateResult {
  return html`
    <section id="servers-section" aria-labelledby="servers-heading">
      <h2 id="servers-heading">${t("options_serversHeading")}</h2>
      <p>${t("options_serversExplain")}</p>
      ${serverList(global, "server")}
      <h3 id="account-servers-heading">${t("options_accountServersHeading")}</h3>
      <p class="note">${t("options_accountServersExplain")}</p>
      ${accountsUnavailable ? html`<p class="note" id="accounts-unavailable">${t("options_accountsUnavailable")}</p>` : nothing}
      <div id="account-servers">${accounts.map((a) => serverList(a, "server"))}</div>
    </section>
  `;
}

export function forwardersSection(forwarders: ListField): TemplateResult {
  return html`
    <section id="forwarders-section" aria-labelledby="forwarders-heading">
      <h2 id="forwarders-heading">${t("options_forwardersHeading")}</h2>
      <p>${t("options_forwardersExplain")}</p>
      ${serverList(forwarders, "forwarder")}
    </section>
  `;
}
