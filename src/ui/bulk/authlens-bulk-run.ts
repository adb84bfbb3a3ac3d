import { errorText } from "../../core/error-text.js";
import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import { ask } from "../../shared/ask.js";
import type { BulkStatus } from "../../shared/data-types.js";
import { t } from "../shared/i18n.js";
import { shown } from "../shared/shown.js";

/**
 * "Apply AuthLens rules to this folder…": first a dry run counts what each rule would match; the
 * person then applies the rules (or closes the window). Progress and cancel for both.
 */
export class AuthlensBulkRun extends LitElement {
  static override properties = { status: { state: true }, error: { state: true } };
  static override styles = css`
    :host {
      display: block;
      padding: 16px;
      color: var(--al-fg);
      background: var(--al-bg);
    }
    h1 {
      font-size: 1.2em;
      margin: 0 0 8px;
    }
    progress {
      width: 100%;
      height: 1.2em;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      margin: 10px 0;
    }
    th,
    td {
      text-align: start;
      padding: 3px 8px 3px 0;
      border-bottom: 1px solid var(--al-border);
    }
    td.n {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .buttons {
      display: flex;
      gap: 8px;
      margin-top: 12px;
    }
    button {
      font: inherit;
    }
    button:focus-visible {
      outline: 2px solid Highlight;
      outline-offset: 2px;
    }
    .note {
      color: var(--al-muted);
    }
    .error {
      color: var(--al-failed);
    }
  `;

  status: BulkStatus | null = null;
  error = "";
  private folderId = new URLSearchParams(location.search).get("folder") ?? "";
  private timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async start(dryRun: boolean): Promise<void> {
    try {
      const { runId } = await ask("bulkStart", { folderId: this.folderId, dryRun });
      clearInterval(this.timer);
      this.timer = setInterval(() => void this.poll(runId), 200);
      await this.poll(runId);
    } catch (err) {
      this.error = errorText(err);
    }
  }

  private async poll(runId: number): Promise<void> {
    this.status = await ask("bulkStatus", { runId });
    if (this.status && this.status.state !== "running") clearInterval(this.timer);
  }

  private cancel(): void {
    if (this.status) void ask("bulkCancel", { runId: this.status.runId });
  }

  override render(): TemplateResult {
    const s = this.status;
    if (this.error) return html`<p class="error" role="alert">${t("bulkFailed", this.error)}</p>`;
    if (!s) return html`<p class="note">${t("bulkStarting")}</p>`;
    const running = s.state === "running";
    return html`
      <h1>${t(s.dryRun ? "bulkDryRunTitle" : "bulkRunTitle", shown(s.folderName))}</h1>
      <progress id="progress" max=${Math.max(1, s.total)} .value=${s.done} aria-label=${t("bulkProgressLabel")}></progress>
      <p id="progress-text" role="status">${t("bulkProgress", s.done, s.total)}</p>
      <table id="rule-counts">
        <thead>
          <tr>
            <th scope="col">${t("bulkRule")}</th>
            <th scope="col">${t(s.dryRun ? "bulkWouldMatch" : "bulkMatched")}</th>
          </tr>
        </thead>
        <tbody>
          ${Object.entries(s.matched).map(
            ([id, n]) => html`<tr>
              <td>${shown(s.ruleNames[id] ?? id)}</td>
              <td class="n">${n}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${Object.keys(s.matched).length === 0 ? html`<p class="note">${t("bulkNoRules")}</p>` : nothing}
      ${!s.dryRun ? html`<p class="note">${t("bulkSummary", s.acted, s.alreadyDone, s.failed)}</p>` : nothing}
      ${s.state === "cancelled" ? html`<p class="note" id="cancelled">${t("bulkCancelled")}</p>` : nothing}
      ${s.state === "failed" ? html`<p class="error" role="alert">${t("bulkFailed", s.error ?? "")}</p>` : nothing}
      ${s.logError !== null ? html`<p class="error" role="alert">${t("bulkLogFailed", s.logError)}</p>` : nothing}
      ${s.state === "done" && !s.dryRun ? html`<p id="finished">${t("bulkFinished")}</p>` : nothing}
      <div class="buttons">
        ${running ? html`<button type="button" id="cancel" @click=${() => this.cancel()}>${t("bulkCancel")}</button>` : nothing}
        ${!running && s.dryRun && Object.keys(s.matched).length > 0
          ? html`<button type="button" id="apply" @click=${() => void this.start(false)}>${t("bulkApply")}</button>`
          : nothing}
        ${!running ? html`<button type="button" id="close" @click=${() => window.close()}>${t("bulkClose")}</button>` : nothing}
      </div>
    `;
  }
}

customElements.define("authlens-bulk-run", AuthlensBulkRun);
