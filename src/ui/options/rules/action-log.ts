/**
 * <authlens-action-log> (#action-log): the last 1,000 actions the rules took or tried, newest
 * first, with failures marked by word (not colour alone), a "only problems" filter, and export as
 * JSON or CSV. Subjects, rule names and details are untrusted text: shown through shown().
 */
import { html, LitElement, nothing, type TemplateResult } from "lit";
import type { LogEntry, Outcome } from "../../../shared/data-types.js";
import { formatTime, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { ask } from "../data.js";
import { errorText } from "../../../core/error-text.js";
import { downloadText } from "../../shared/download.js";

const PAGE = 100;

export const LOG_JSON_FILE = "authlens-action-log.json";
export const LOG_CSV_FILE = "authlens-action-log.csv";

const OUTCOME_LABEL: Record<Outcome, string> = {
  done: "log_outcomeDone",
  failed: "log_outcomeFailed",
  skipped: "log_outcomeSkipped",
  would: "log_outcomeWould",
};

const TRIGGER_LABEL: Record<LogEntry["trigger"], string> = {
  newMail: "log_triggerNewMail",
  selected: "log_triggerSelected",
  folder: "log_triggerFolder",
  policy: "log_triggerPolicy",
};

export const isProblem = (e: LogEntry): boolean => e.outcome === "failed" || e.outcome === "skipped";

const CSV_COLUMNS = ["time", "subject", "messageId", "ruleId", "ruleName", "action", "outcome", "detail", "trigger"] as const;

/** One CSV cell: quoted, and a leading = + - @ defused so a spreadsheet does not run it as a formula. */
function csvCell(v: unknown): string {
  let s = v === undefined || v === null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function logToCsv(entries: readonly LogEntry[]): string {
  const rows = entries.map((e) => CSV_COLUMNS.map((c) => csvCell(c === "time" ? new Date(e.time).toISOString() : e[c])).join(","));
  return [CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}


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
      const list = await ask("actionLog");
      this.entries = Array.isArray(list) ? list : [];
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

  private exportLog(kind: "json" | "csv"): void {
    const list = this.visible;
    if (kind === "json") downloadText(JSON.stringify(list, null, 2) + "\n", LOG_JSON_FILE, "application/json", this);
    else downloadText(logToCsv(list), LOG_CSV_FILE, "text/csv", this);
    this.status = t("log_exported", list.length, kind === "json" ? LOG_JSON_FILE : LOG_CSV_FILE);
  }

  private row(e: LogEntry): TemplateResult {
    const outcome = t(OUTCOME_LABEL[e.outcome] ?? "log_outcomeDone");
    const problem = isProblem(e);
    return html`<tr class=${`outcome-${e.outcome}`} data-outcome=${e.outcome}>
      <td class="time">${formatTime(e.time / 1000)}</td>
      <td class="subject">${e.subject ? shown(e.subject) : html`<span class="note">${t("log_noSubject")}</span>`}</td>
      <td class="rule">${shown(e.ruleName || e.ruleId)}</td>
      <td class="action">${shown(e.action)}</td>
      <td class="outcome">
        <span class=${problem ? "problem" : ""}>${e.outcome === "failed" ? html`<span aria-hidden="true">⚠ </span>` : nothing}${outcome}</span>
        ${e.detail ? html`<span class="detail">${shown(e.detail)}</span>` : nothing}
      </td>
      <td class="trigger">${t(TRIGGER_LABEL[e.trigger] ?? "log_triggerSelected")}</td>
    </tr>`;
  }

  override render(): TemplateResult {
    const list = this.visible;
    const shownRows = list.slice(0, this.limit);
    const failed = this.entries.filter((e) => e.outcome === "failed").length;
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
                ${shownRows.map((e) => this.row(e))}
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
