/**
 * <authlens-new-mail> (#new-mail-section): on which accounts' new mail the rules run
 * (settings.newMailAccounts; an account not listed is on), and whether new mail in special folders
 * (Junk, Trash, Sent, ...) counts too (settings.newMailSpecialFolders, which a policy may lock).
 */
import { noteMarker, type Origin, originNote } from "../origin-note.js";
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { ask, settingOrigin, type Account, type OptionsData, type Problem } from "../data.js";
import { errorText } from "../../../core/error-text.js";
import { problemLine } from "../problems.js";

export class AuthlensNewMail extends LitElement {
  static override properties = {
    data: { attribute: false },
    accounts: { state: true },
    accountsError: { state: true },
    local: { state: true },
    problems: { state: true },
    status: { state: true },
  };

  data: OptionsData | undefined = undefined;
  accounts: Account[] = [];
  accountsError = "";
  /** What was changed here and not yet reloaded from the background. */
  local: { newMailAccounts?: Record<string, boolean>; newMailSpecialFolders?: boolean } = {};
  problems: Problem[] = [];
  status = "";

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ask("accounts").then(
      (list) => (this.accounts = list),
      (err: unknown) => (this.accountsError = errorText(err)),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("data")) this.local = {};
  }

  private get perAccount(): Record<string, boolean> {
    return this.local.newMailAccounts ?? this.data?.settings.newMailAccounts ?? {};
  }

  private get special(): boolean {
    return this.local.newMailSpecialFolders ?? this.data?.settings.newMailSpecialFolders ?? false;
  }

  private async save(changes: { newMailAccounts?: Record<string, boolean>; newMailSpecialFolders?: boolean }): Promise<void> {
    this.local = { ...this.local, ...changes };
    this.status = "";
    try {
      const { problems } = await ask("saveSettings", { changes });
      this.problems = problems;
      if (problems.length > 0) this.local = {};
      this.status = problems.length === 0 ? t("rules_newMailSaved") : t("rules_newMailNotSaved");
    } catch (err) {
      this.status = t("rules_newMailSaveFailed", errorText(err));
    }
  }

  private setAccount(id: string, on: boolean): void {
    // Missing means on: store only the accounts turned off.
    const next = Object.fromEntries(Object.entries(this.perAccount).filter(([k]) => k !== id));
    if (!on) next[id] = false;
    void this.save({ newMailAccounts: next });
  }

  override render(): TemplateResult {
    const data = this.data;
    if (!data) return html``;
    const accountsOrigin = settingOrigin(data, "newMailAccounts");
    const special = settingOrigin(data, "newMailSpecialFolders");
    const marker = (o: Origin, id: string) => noteMarker(originNote(o), id);
    const map = this.perAccount;
    return html`<section aria-labelledby="new-mail-heading">
      <h2 id="new-mail-heading">${t("rules_newMailHeading")}</h2>
      <p>${t("rules_newMailExplain")}</p>
      <fieldset id="new-mail-accounts" ?disabled=${accountsOrigin.locked}>
        <legend>${t("rules_newMailAccountsLegend")}</legend>
        ${marker(accountsOrigin, "new-mail-accounts-marker")}
        ${this.accountsError ? html`<p class="problem">${t("rules_newMailAccountsUnavailable", this.accountsError)}</p>` : nothing}
        ${this.accounts.length === 0 && !this.accountsError ? html`<p class="note">${t("rules_newMailNoAccounts")}</p>` : nothing}
        ${this.accounts.map(
          (a) => html`<label class="choice">
            <input
              type="checkbox"
              id=${`new-mail-account-${a.id.replace(/[^A-Za-z0-9_-]/g, "_")}`}
              data-account-id=${a.id}
              .checked=${map[a.id] !== false}
              @change=${(e: Event) => this.setAccount(a.id, (e.target as HTMLInputElement).checked)}
            />
            ${t("rules_newMailAccount", shown(a.name))}
          </label>`,
        )}
      </fieldset>
      <fieldset ?disabled=${special.locked}>
        <legend>${t("rules_newMailSpecialLegend")}</legend>
        ${marker(special, "new-mail-special-marker")}
        <label class="choice">
          <input
            type="checkbox"
            id="new-mail-special"
            .checked=${this.special}
            @change=${(e: Event) => void this.save({ newMailSpecialFolders: (e.target as HTMLInputElement).checked })}
          />
          ${t("rules_newMailSpecial")}
        </label>
      </fieldset>
      ${this.problems.length > 0
        ? html`<ul class="problems problem" id="new-mail-problems">${this.problems.map((p) => html`<li>${problemLine(p)}</li>`)}</ul>`
        : nothing}
      <p id="new-mail-status" role="status" aria-live="polite">${this.status}</p>
    </section>`;
  }
}

customElements.define("authlens-new-mail", AuthlensNewMail);

declare global {
  interface HTMLElementTagNameMap {
    "authlens-new-mail": AuthlensNewMail;
  }
}
