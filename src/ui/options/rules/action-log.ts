/**
 * <authlens-action-log> (#action-log): the last 1,000 actions the rules took or tried, newest
 * first, in words (log-words.ts), with failures marked by word (not colour alone), a "only
 * problems" filter, and export as JSON or CSV in the same words. Subjects, rule names and details
 * are untrusted text: shown through shown().
 */
import { html, LitElement, nothing, type TemplateResult } from "lit";
import type { RuleDescriber } from "../../../core/rules/describe.js";
import type { LogEntry } from "../../../shared/data-types.js";
import { t } from "../../shared/i18n.js";
import { ask } from "../data.js";
import { errorText } from "../../../core/error-text.js";
import { downloadText } from "../../shared/download.js";
import { LOG_CSV_FILE, LOG_JSON_FILE, logToCsv, logToJson } from "./log-export.js";
import { isProblem, logWords } from "./log-words.js";
import { optionsDescriber, type KnownNames } from "./wording.js";

const PAGE = 100;

export class AuthlensActionLog extends LitElement {
  static override properties = {
    entries: { state: true },
    loading: { state: true },
    error: { state: true },
    onlyProblems: { state: true },
    limit: { state: true },
    status: { state: true },
  };

  entries: LogEntry[] = [];
  /** Account and tag names, so actions name them rather than their ids. */
  private known: KnownNames = {};
  loading = true;
  error = "";
  onlyProblems = false;
  limit = PAGE;
  status = "";

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const [list, accounts, tags] = await Promise.all([ask("actionLog"), ask("accounts").catch(() => []), ask("tags").catch(() => [])]);
      this.known = { accounts, tags };
      this.entries = list;
      this.error = "";
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.loading = false;
    }
  }

  private get visible(): LogEntry[] {
    return this.onlyProblems ? this.entries.filter(isProblem) : this.entries;
  }

  private get words(): RuleDescriber {
    return optionsDescriber(this.known);
  }

  private exportLog(kind: "json" | "csv"): void {
    const list = this.visible;
    const words = this.words;
    const rows = list.map((e) => logWords(e, words));
    if (kind === "json") downloadText(logToJson(rows), LOG_JSON_FILE, "application/json", this);
    else downloadText(logToCsv(rows), LOG_CSV_FILE, "text/csv", this);
    this.status = t("log_exported", list.length, kind === "json" ? LOG_JSON_FILE : LOG_CSV_FILE);
  }

  private row(e: LogEntry, words: RuleDescriber): TemplateResult {
    const w = logWords(e, words);
    return html`<tr class=${`outcome-${e.outcome}`} data-outcome=${e.outcome}>
      <td class="time">${w.localTime}</td>
      <td class="subject">${e.subject ? w.subject : html`<span class="note">${w.subject}</span>`}</td>
      <td class="rule">${w.rule}</td>
      <td class="action">${w.action}</td>
      <td class="outcome">
        <span class=${isProblem(e) ? "problem" : ""}>${e.outcome === "failed" ? html`<span aria-hidden="true">⚠ </span>` : nothing}${w.outcome}</span>
        ${w.detail ? html`<span class="detail">${w.detail}</span>` : nothing}
      </td>
      <td class="trigger">${w.trigger}</td>
    </tr>`;
  }

  override render(): TemplateResult {
    const list = this.visible;
    const shownRows = list.slice(0, this.limit);
    const failed = this.entries.filter((e) => e.outcome === "failed").length;
    const words = this.words;
    return html`<section aria-labelledby="log-heading">
      <h2 id="log-heading">${t("log_heading")}</h2>
      <p>${t("log_explain")}</p>
      ${failed > 0 ? html`<p class="problem" id="log-failed-count">${t("log_failedCount", failed)}</p>` : nothing}
      <div class="row">
        <label class="check">
          <input
            type="checkbox"
            id="log-only-problems"
            .checked=${this.onlyProblems}
            @change=${(e: Event) => {
              this.onlyProblems = (e.target as HTMLInputElement).checked;
              this.limit = PAGE;
            }}
          />
          ${t("log_onlyProblems")}
        </label>
        <button type="button" id="log-refresh" @click=${() => void this.load()}>${t("log_refresh")}</button>
        <button type="button" id="log-export-json" ?disabled=${list.length === 0} @click=${() => this.exportLog("json")}>${t("log_exportJson")}</button>
        <button type="button" id="log-export-csv" ?disabled=${list.length === 0} @click=${() => this.exportLog("csv")}>${t("log_exportCsv")}</button>
      </div>
      <p class="hint">${t("log_exportHint")}</p>
      ${this.error ? html`<p class="problem" id="log-error" role="alert">${t("log_loadFailed", this.error)}</p>` : nothing}
      ${this.loading && this.entries.length === 0
        ? html`<p id="log-loading">${t("log_loading")}</p>`
        : list.length === 0
          ? html`<p class="note" id="log-empty">${t(this.onlyProblems ? "log_emptyFiltered" : "log_empty")}</p>`
          : html`<table id="log-table" class="log">
              <caption>
                ${t("log_count", shownRows.length, list.length)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t("log_colTime")}</th>
                  <th scope="col">${t("log_colSubject")}</th>
                  <th scope="col">${t("log_colRule")}</th>
                  <th scope="col">${t("log_colAction")}</th>
                  <th scope="col">${t("log_colOutcome")}</th>
                  <th scope="col">${t("log_colTrigger")}</th>
                </tr>
              </thead>
              <tbody>
                ${shownRows.map((e) => this.row(e, words))}
              </tbody>
            </table>`}
      ${shownRows.length < list.length
        ? html`<p><button type="button" id="log-show-more" @click=${() => (this.limit += PAGE)}>${t("log_showMore", Math.min(PAGE, list.length - shownRows.length))}</button></p>`
        : nothing}
      <p id="log-status" role="status" aria-live="polite">${this.status}</p>
    </section>`;
  }
}

customElements.define("authlens-action-log", AuthlensActionLog);

declare global {
  interface HTMLElementTagNameMap {
    "authlens-action-log": AuthlensActionLog;
  }
}
