/**
 * <authlens-server-list>: an editable list of trusted names (authserv-ids, or ARC forwarder
 * domains), used for the global list, each account's list and the forwarders. It checks what is
 * typed, then reports the whole new list with an `entries-change` event; the page saves it.
 */
import { html, LitElement, nothing, type TemplateResult } from "lit";
import { t } from "../shared/i18n.js";
import { checkEntry, coveringEntry, type EntryCheck, type EntryKind } from "./entry.js";
import { optionsStyles } from "./styles.js";

export interface EntriesChange {
  entries: string[];
}

function problemText(check: Exclude<EntryCheck, { ok: true }>, value: string, kind: EntryKind): string {
  switch (check.problem) {
    case "empty":
      return t(kind === "server" ? "options_entryEmptyServer" : "options_entryEmptyForwarder");
    case "invalid":
      return t(kind === "server" ? "options_entryInvalidServer" : "options_entryInvalidForwarder", value);
    case "topLevel":
      return t("options_entryTopLevel", value);
    case "duplicate":
      return t("options_entryDuplicate", value);
    case "covered":
      return t("options_entryCovered", value, check.by ?? "");
  }
}

export class AuthlensServerList extends LitElement {
  static override styles = optionsStyles;
  static override properties = {
    heading: {},
    note: {},
    kind: {},
    entries: { attribute: false },
    fromPolicy: { attribute: false },
    suggestions: { attribute: false },
    problems: { attribute: false },
    disabled: { type: Boolean },
    inputError: { state: true },
  };

  /** The legend. */
  heading = "";
  /** "Preset by your organization" and the like, shown under the legend. */
  note = "";
  kind: EntryKind = "server";
  entries: readonly string[] = [];
  /** Entries the administrator's policy put here: each is marked (unless the whole list is locked). */
  fromPolicy: readonly string[] = [];
  /** Names seen in recent mail, offered with a "Trust" button (those already covered are hidden). */
  suggestions: readonly string[] = [];
  /** What the background refused on the last save of this list. */
  problems: readonly string[] = [];
  /** Locked by the administrator. */
  disabled = false;
  private inputError = "";

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>("#entry-input");
  }

  private emit(entries: string[]): void {
    this.dispatchEvent(new CustomEvent<EntriesChange>("entries-change", { detail: { entries } }));
  }

  private add(raw: string): boolean {
    const check = checkEntry(raw, this.kind, this.entries);
    if (!check.ok) {
      this.inputError = problemText(check, raw.trim(), this.kind);
      return false;
    }
    this.inputError = "";
    this.emit([...this.entries, check.value]);
    return true;
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const input = this.input;
    if (input && this.add(input.value)) input.value = "";
    input?.focus();
  }

  private trustSuggestion(server: string): void {
    this.add(server);
    this.input?.focus();
  }

  private removeEntry(entry: string): void {
    this.emit(this.entries.filter((e) => e !== entry));
    this.input?.focus();
  }

  override render(): TemplateResult {
    const server = this.kind === "server";
    const offered = this.suggestions.filter((s) => coveringEntry(s, this.entries) === null);
    const error = this.inputError;
    return html`
      <fieldset ?disabled=${this.disabled}>
        <legend>${this.heading}</legend>
        ${this.note ? html`<span class="marker" id="marker">${this.note}</span>` : nothing}
        ${this.entries.length === 0
          ? html`<p class="note" id="empty">${t(server ? "options_noServers" : "options_noForwarders")}</p>`
          : html`<ul id="entries" class="entries">
              ${this.entries.map(
                (entry) => html`<li>
                  <span class="entry">${entry}</span>
                  ${!this.disabled && this.fromPolicy.includes(entry) ? html`<span class="from-policy">${t("options_fromPolicy")}</span>` : nothing}
                  <button type="button" class="remove" aria-label=${t("options_removeEntry", entry)} @click=${() => this.removeEntry(entry)}>
                    ${t("options_remove")}
                  </button>
                </li>`,
              )}
            </ul>`}
        ${this.problems.length > 0
          ? html`<ul class="problems problem" id="save-problems">
              ${this.problems.map((p) => html`<li>${p}</li>`)}
            </ul>`
          : nothing}
        <form class="row" @submit=${this.onSubmit}>
          <label for="entry-input">${t(server ? "options_addServerLabel" : "options_addForwarderLabel")}</label>
          <input
            type="text"
            id="entry-input"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${error ? "true" : "false"}
            aria-describedby=${error ? "entry-error entry-hint" : "entry-hint"}
            @input=${() => (this.inputError = "")}
          />
          <button type="submit" id="add">${t("options_add")}</button>
        </form>
        <p class="hint" id="entry-hint">${t(server ? "options_serverHint" : "options_forwarderHint")}</p>
        ${error ? html`<p class="problem" id="entry-error" role="alert">${error}</p>` : nothing}
        ${offered.length > 0
          ? html`<div id="suggestions">
              <p class="note">${t("options_suggestionsIntro")}</p>
              <div class="row">
                ${offered.map(
                  (s) => html`<button type="button" class="suggestion" @click=${() => this.trustSuggestion(s)}>${t("options_trustSuggestion", s)}</button>`,
                )}
              </div>
            </div>`
          : nothing}
      </fieldset>
    `;
  }
}

customElements.define("authlens-server-list", AuthlensServerList);

declare global {
  interface HTMLElementTagNameMap {
    "authlens-server-list": AuthlensServerList;
  }
}
