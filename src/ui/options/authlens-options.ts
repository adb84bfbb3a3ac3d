/**
 * <authlens-options>: the options page. Loads the effective settings from the background, shows
 * them, and saves each change at once (validated by the background), then reloads.
 */
import { originNote } from "./origin-note.js";
import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import type { SettingKey, Settings } from "../../core/settings/schema.js";
import { errorText } from "../../core/error-text.js";
import { t } from "../shared/i18n.js";
import { ask, onSettingsStored, settingOrigin, type Account, type OptionsData, type Problem } from "./data.js";
import { displaySection } from "./display-section.js";
import { isUnder, problemLine, problemsFor } from "./problems.js";
import { rulesStyles } from "./rules/index.js";
import "./server-list.js";
import "./checking-section.js";
import { forwardersSection, serversSection, type ListField } from "./servers-section.js";
import { optionsStyles } from "./styles.js";
import { downloadText } from "../shared/download.js";
import { EXPORT_FILE_NAME, IMPORT_MAX_BYTES, transferSection, type ImportResult } from "./transfer-section.js";

function elementId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

export class AuthlensOptions extends LitElement {
  static override styles = [
    optionsStyles,
    rulesStyles,
    css`
      :host {
        max-width: 60rem;
        margin: 0 auto;
        padding: 16px 24px 32px;
      }
    `,
  ];
  static override properties = {
    data: { state: true },
    loadError: { state: true },
    accounts: { state: true },
    accountsUnavailable: { state: true },
    recent: { state: true },
    fieldProblems: { state: true },
    status: { state: true },
    importResult: { state: true },
  };

  data: OptionsData | undefined = undefined;
  loadError = "";
  accounts: Account[] = [];
  accountsUnavailable = false;
  recent: string[] = [];
  /** Problems of the last save, by setting path prefix (`trustedAuthservIds`, `accountTrust.<id>`, ...). */
  fieldProblems: Record<string, string[]> = {};
  status = "";
  importResult: ImportResult = { state: "none" };
  private pending = 0;
  private queue: Promise<void> = Promise.resolve();
  private unwatch: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatch = onSettingsStored(() => {
      if (this.pending === 0) void this.reload();
    });
    void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
  }

  private async reload(): Promise<void> {
    try {
      const [data, recent, accounts] = await Promise.all([
        ask("settings"),
        ask("recentServers").catch(() => []),
        ask("accounts").catch(() => null),
      ]);
      this.data = data;
      this.recent = recent;
      this.accountsUnavailable = accounts === null;
      this.accounts = accounts ?? [];
      this.loadError = "";
    } catch (err) {
      this.loadError = errorText(err);
    }
  }

  /** Runs `task` after earlier saves; reloads once nothing is pending. */
  private enqueue(task: () => Promise<void>): void {
    this.pending++;
    this.queue = this.queue.then(async () => {
      try {
        await task();
      } catch (err) {
        this.status = t("options_saveFailed", errorText(err));
      } finally {
        this.pending--;
        if (this.pending === 0) await this.reload();
      }
    });
  }

  /** Shows `changes` at once, saves them, and puts the problems under `prefix` next to that field. */
  private save(prefix: string, changes: Partial<Settings>, attempted: readonly string[] = []): void {
    if (!this.data) return;
    this.data = { ...this.data, settings: { ...this.data.settings, ...changes } };
    this.status = "";
    this.enqueue(async () => {
      const { problems } = await ask("saveSettings", { changes });
      const others = problems.filter((p) => !isUnder(p.path, prefix));
      this.fieldProblems = { ...this.fieldProblems, [prefix]: problemsFor(problems, prefix, attempted) };
      if (problems.length === 0) this.status = t("options_saved");
      else if (others.length === 0) this.status = t("options_notSaved");
      else this.status = t("options_notSavedOther", others.map(problemLine).join("; "));
    });
  }

  private field(data: OptionsData, key: SettingKey): { note: string; locked: boolean } {
    const origin = settingOrigin(data, key);
    return { locked: origin.locked, note: originNote(origin) };
  }

  private accountFields(data: OptionsData): ListField[] {
    const { locked } = this.field(data, "accountTrust");
    // Per account: "preset" only where the policy's accountTrust matched this account and the user
    // has no list of their own for it.
    const presetFor = (id: string): boolean => data.policy.accountTrust?.[id] !== undefined && data.user.accountTrust?.[id] === undefined;
    const noteFor = (id: string): string => originNote({ locked, preset: presetFor(id) });
    const trust = data.settings.accountTrust;
    const known = new Set(this.accounts.map((a) => a.id));
    const rows = [
      ...this.accounts.map((a) => ({ id: a.id, heading: a.name })),
      // Entries of accounts that no longer exist, so they can be removed.
      ...Object.keys(trust)
        .filter((id) => !known.has(id))
        .map((id) => ({ id, heading: t("options_removedAccount", id) })),
    ];
    return rows.map(({ id, heading }) => {
      const prefix = `accountTrust.${id}`;
      return {
        id: elementId("account-servers", id),
        heading,
        entries: trust[id] ?? [],
        fromPolicy: data.policy.accountTrust?.[id] ?? [],
        suggestions: [],
        note: noteFor(id),
        locked,
        problems: this.fieldProblems[prefix] ?? [],
        onChange: (entries: string[]) => {
          const others = Object.entries(trust).filter(([other]) => other !== id);
          const next = Object.fromEntries(entries.length === 0 ? others : [...others, [id, entries]]);
          this.save(prefix, { accountTrust: next }, entries);
        },
      };
    });
  }

  private listField(data: OptionsData, key: "trustedAuthservIds" | "trustedForwarders", id: string, heading: string, suggestions: readonly string[]): ListField {
    return {
      id,
      heading,
      entries: data.settings[key],
      fromPolicy: data.policy[key] ?? [],
      suggestions,
      ...this.field(data, key),
      problems: this.fieldProblems[key] ?? [],
      onChange: (entries: string[]) => this.save(key, { [key]: entries }, entries),
    };
  }

  private exportSettings(): void {
    if (!this.data) return;
    downloadText(JSON.stringify(this.data.user, null, 2) + "\n", EXPORT_FILE_NAME, "application/json", this.renderRoot);
    this.status = t("options_exportDone", EXPORT_FILE_NAME);
  }

  private importSettings(e: Event): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.importResult = { state: "none" };
    this.enqueue(async () => {
      try {
        if (file.size > IMPORT_MAX_BYTES) {
          this.importResult = { state: "error", message: t("options_importTooLarge", file.name) };
          return;
        }
        const { problems } = await ask("importSettings", { json: await file.text() });
        this.importResult = problems.length === 0 ? { state: "done", fileName: file.name } : { state: "refused", fileName: file.name, problems };
      } catch (err) {
        this.importResult = { state: "error", message: t("options_importFailed", file.name, errorText(err)) };
      } finally {
        input.value = "";
      }
    });
  }

  private renderLoadProblems(data: OptionsData): TemplateResult | typeof nothing {
    // The policy's problems carry their path in the policy (e.g. accountTrust[0].match), as an
    // administrator wrote it; older backgrounds only had them in `problems` under "policy.".
    const fromPolicy = data.problems.filter((p) => isUnder(p.path, "policy"));
    const policy = Array.isArray(data.policyProblems) ? data.policyProblems : fromPolicy;
    const user = data.problems.filter((p) => !fromPolicy.includes(p));
    const block = (id: string, intro: string, list: Problem[]): TemplateResult | typeof nothing =>
      list.length === 0
        ? nothing
        : html`<section id=${id} class="problem" role="alert">
            <p>${intro}</p>
            <ul class="problems">${list.map((p) => html`<li>${problemLine(p)}</li>`)}</ul>
          </section>`;
    return html`${block("policy-problems", t("options_policyProblems"), policy)}${block("stored-problems", t("options_storedProblems"), user)}`;
  }

  override render(): TemplateResult {
    const data = this.data;
    if (this.loadError && !data) return html`<p class="problem" id="load-error" role="alert">${t("options_loadFailed", this.loadError)}</p>`;
    if (!data) return html`<p id="loading">${t("options_loading")}</p>`;
    const global = this.listField(data, "trustedAuthservIds", "global-servers", t("options_globalServersLegend"), this.recent);
    const forwarders = this.listField(data, "trustedForwarders", "forwarders", t("options_forwardersLegend"), []);
    const banner = this.field(data, "bannerMode");
    const badge = this.field(data, "showBadge");
    return html`
      <h1>${t("options_title")}</h1>
      ${this.renderLoadProblems(data)} ${serversSection(global, this.accountFields(data), this.accountsUnavailable)}
      ${forwardersSection(forwarders)}
      ${displaySection(
        {
          value: data.settings.bannerMode,
          ...banner,
          problems: this.fieldProblems.bannerMode ?? [],
          onChange: (bannerMode) => this.save("bannerMode", { bannerMode }),
        },
        {
          value: data.settings.showBadge,
          ...badge,
          problems: this.fieldProblems.showBadge ?? [],
          onChange: (showBadge) => this.save("showBadge", { showBadge }),
        },
      )}
      <authlens-checking id="checking-section" .data=${data}></authlens-checking>
      <authlens-rules-section id="rules-section" .data=${data}></authlens-rules-section>
      <authlens-new-mail id="new-mail-section" .data=${data}></authlens-new-mail>
      <authlens-action-log id="action-log"></authlens-action-log>
      ${transferSection(
        () => this.exportSettings(),
        (e) => this.importSettings(e),
        this.importResult,
      )}
      <p id="status" class="status" role="status" aria-live="polite">${this.status}</p>
    `;
  }
}

customElements.define("authlens-options", AuthlensOptions);
