/**
 * <authlens-checking> (#checking-section): "Check signatures myself". Off by default; turning it
 * on says plainly what leaves Thunderbird (the names of the signing domains' DNS records, to the
 * DNS-over-HTTPS server chosen here) and asks for that server's host permission at that moment.
 * Turning it off, or choosing another server, gives the permission back. A policy may preset or
 * lock each of the three settings.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { live } from "lit/directives/live.js";
import { errorText } from "../../core/error-text.js";
import { dohPermissionPattern, DOH_SERVERS } from "../../core/settings/doh.js";
import { hasHostPermission, onPermissionsChanged, removeHostPermission, requestHostPermission } from "../../shared/ui-platform.js";
import { t } from "../shared/i18n.js";
import { shown } from "../shared/shown.js";
import { ask, settingOrigin, type OptionsData, type Problem } from "./data.js";
import { problemLine } from "./problems.js";
import { noteMarker, originNote } from "./origin-note.js";

type Choice = keyof typeof DOH_SERVERS | "custom";
const CHOICES: readonly Choice[] = [...(Object.keys(DOH_SERVERS) as (keyof typeof DOH_SERVERS)[]), "custom"];

function choiceOf(url: string): Choice {
  return (Object.entries(DOH_SERVERS).find(([, v]) => v === url)?.[0] as Choice | undefined) ?? "custom";
}

export class AuthlensChecking extends LitElement {
  static override properties = { data: { attribute: false }, custom: { state: true }, problems: { state: true }, status: { state: true }, busy: { state: true }, allowed: { state: true }, picked: { state: true } };

  data: OptionsData | undefined = undefined;
  /** The organization URL being typed. */
  custom = "";
  problems: Problem[] = [];
  status = "";
  busy = false;
  /** Whether the chosen server's permission is granted (null: not known yet, or checking is off). */
  allowed: boolean | null = null;
  /** The radio button picked and not saved yet ("custom" while its URL is typed); null: the saved server's. */
  picked: Choice | null = null;
  /** Answers about the permission are used newest first. */
  #allowedAsked = 0;
  #unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Granted or given back elsewhere (the add-on manager, the background): "Allow" follows.
    this.#unsubscribe = onPermissionsChanged(() => void this.refreshAllowed());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has("data") || !this.data) return;
    if (choiceOf(this.data.settings.dohServer) === "custom") this.custom = this.data.settings.dohServer;
    // What is saved is shown again (a pick that was saved, refused or failed is over).
    this.picked = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has("data")) void this.refreshAllowed();
  }

  /**
   * Checking may be on without the server's permission: turned on by a policy (which cannot grant
   * it), or the permission was removed in Thunderbird's add-on manager. The page then offers "Allow",
   * which works even where the policy locks the settings.
   */
  private async refreshAllowed(): Promise<void> {
    const mine = ++this.#allowedAsked;
    const s = this.data?.settings;
    const origin = s?.checkSignatures ? dohPermissionPattern(s.dohServer) : null;
    const allowed = origin === null ? null : await hasHostPermission(origin);
    if (mine === this.#allowedAsked) this.allowed = allowed;
  }

  private async allow(): Promise<void> {
    const server = this.data?.settings.dohServer;
    const origin = server === undefined ? null : dohPermissionPattern(server);
    if (server === undefined || origin === null) return;
    this.busy = true;
    try {
      const granted = await requestHostPermission(origin);
      this.#allowedAsked++; // an answer asked before this one is older
      this.allowed = granted;
      this.status = granted ? t("checking_allowed", shown(server)) : t("checking_allowRefused", shown(server));
    } catch (err) {
      this.status = t("options_saveFailed", errorText(err));
    } finally {
      this.busy = false;
    }
  }

  private async save(changes: { checkSignatures?: boolean; dohServer?: string; checkMaxMegabytes?: number }): Promise<boolean> {
    this.status = "";
    try {
      const { problems } = await ask("saveSettings", { changes });
      this.problems = problems;
      this.status = problems.length === 0 ? t("options_saved") : t("options_notSaved");
      return problems.length === 0;
    } catch (err) {
      this.status = t("options_saveFailed", errorText(err));
      return false;
    }
  }

  /** Turn checking on (asking for the server's permission first: a click on this page) or off. */
  private async toggle(on: boolean): Promise<void> {
    const data = this.data;
    if (!data) return;
    const origin = dohPermissionPattern(data.settings.dohServer);
    this.busy = true;
    try {
      if (on) {
        if (origin === null || !(await requestHostPermission(origin))) {
          this.status = t("checking_permissionRefused", shown(data.settings.dohServer));
          return;
        }
        // Not saved: the permission just granted goes back, so none is held for checking that is off.
        if (!(await this.save({ checkSignatures: true }))) await removeHostPermission(origin).catch(() => false);
      } else {
        await this.save({ checkSignatures: false });
        if (origin !== null) await removeHostPermission(origin).catch(() => false);
      }
    } finally {
      this.busy = false;
    }
  }

  /** Choose another server: its permission is asked for (when checking is on), the old one's given back. */
  private async choose(url: string): Promise<void> {
    const data = this.data;
    if (!data || url === data.settings.dohServer) return;
    const before = dohPermissionPattern(data.settings.dohServer);
    const after = dohPermissionPattern(url);
    if (after === null) {
      this.problems = [{ path: "dohServer", message: t("checking_badUrl") }];
      return;
    }
    this.busy = true;
    try {
      if (data.settings.checkSignatures && !(await requestHostPermission(after))) {
        this.status = t("checking_permissionRefused", shown(url));
        this.picked = null;
        return;
      }
      const saved = await this.save({ dohServer: url });
      if (!saved) this.picked = null;
      // The permission no longer needed goes back: the old server's once saved, else the new one's.
      const unneeded = saved ? before : data.settings.checkSignatures ? after : null;
      if (unneeded !== null && before !== after) await removeHostPermission(unneeded).catch(() => false);
    } finally {
      this.busy = false;
    }
  }

  private marker(key: "checkSignatures" | "dohServer" | "checkMaxMegabytes"): { locked: boolean; note: TemplateResult | typeof nothing } {
    if (!this.data) return { locked: false, note: nothing };
    const origin = settingOrigin(this.data, key);
    return { locked: origin.locked, note: noteMarker(originNote(origin), `${key}-marker`) };
  }

  override render(): TemplateResult | typeof nothing {
    const data = this.data;
    if (!data) return nothing;
    const s = data.settings;
    const on = this.marker("checkSignatures");
    const server = this.marker("dohServer");
    const size = this.marker("checkMaxMegabytes");
    const choice = choiceOf(s.dohServer);
    return html`
      <section id="checking" aria-labelledby="checking-heading">
        <h2 id="checking-heading">${t("checking_heading")}</h2>
        <p class="note">${t("checking_explained")}</p>
        <p class="toggle">
          ${on.note}
          <label class="choice">
            <input
              type="checkbox"
              id="check-signatures"
              ?disabled=${on.locked || this.busy}
              .checked=${live(s.checkSignatures)}
              @change=${(e: Event) => void this.toggle((e.target as HTMLInputElement).checked)}
            />
            ${t("checking_toggle")}
          </label>
        </p>
        ${s.checkSignatures && this.allowed === false
          ? html`<p class="problem" id="checking-needs-permission">
              ${t("checking_needsPermission", shown(s.dohServer))}
              <button type="button" id="checking-allow" ?disabled=${this.busy} @click=${() => void this.allow()}>${t("checking_allow")}</button>
            </p>`
          : nothing}
        <fieldset id="doh-server" ?disabled=${server.locked || this.busy}>
          <legend>${t("checking_serverLegend")}</legend>
          ${server.note}
          ${CHOICES.map(
            (c) => html`<label class="choice">
              <input
                type="radio"
                name="doh-server"
                id=${`doh-${c}`}
                .checked=${live((this.picked ?? choice) === c)}
                @change=${() => {
                  this.picked = c;
                  if (c === "custom") this.custom = this.custom || "https://";
                  else void this.choose(DOH_SERVERS[c]);
                }}
              />
              ${t(`checking_server_${c}`)}
            </label>`,
          )}
          ${choice === "custom" || this.custom !== ""
            ? html`<label class="field"
                >${t("checking_customUrl")}
                <input
                  type="url"
                  id="doh-custom-url"
                  .value=${this.custom}
                  placeholder="https://doh.example.org/dns-query"
                  @input=${(e: Event) => (this.custom = (e.target as HTMLInputElement).value)}
                  @change=${() => void this.choose(this.custom.trim())}
              /></label>`
            : nothing}
        </fieldset>
        <fieldset ?disabled=${size.locked || this.busy}>
          <legend>${t("checking_sizeLegend")}</legend>
          ${size.note}
          <label class="field"
            >${t("checking_sizeLabel")}
            <input
              type="number"
              id="check-max-mb"
              class="narrow"
              min="1"
              max="500"
              step="1"
              .value=${String(s.checkMaxMegabytes)}
              @change=${(e: Event) => void this.save({ checkMaxMegabytes: Number((e.target as HTMLInputElement).value) })}
          /></label>
        </fieldset>
        ${this.problems.length > 0 ? html`<ul class="problems problem">${this.problems.map((p) => html`<li>${problemLine(p)}</li>`)}</ul>` : nothing}
        <p class="status" role="status">${this.status}</p>
      </section>
    `;
  }
}

customElements.define("authlens-checking", AuthlensChecking);
