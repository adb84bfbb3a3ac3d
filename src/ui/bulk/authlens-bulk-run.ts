import { errorText } from "../../core/error-text.js";
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { ask } from "../../shared/ask.js";
import type { BulkStatus } from "../../shared/data-types.js";
import { fitWindow } from "../../shared/ui-platform.js";
import { optionsStyles } from "../options/styles.js";
import { t } from "../shared/i18n.js";
import { shown } from "../shared/shown.js";
import { formatCount, tCount } from "./numbers.js";

/** The window's heading for each state of a run. */
const HEADINGS: Record<"dry" | "real", Record<BulkStatus["state"], string>> = {
  dry: { running: "bulkHeadingDryRunning", done: "bulkHeadingDryDone", cancelled: "bulkHeadingDryCancelled", failed: "bulkHeadingFailed" },
  real: { running: "bulkHeadingRunning", done: "bulkHeadingDone", cancelled: "bulkHeadingCancelled", failed: "bulkHeadingFailed" },
};

/** The window's content width in CSS pixels; its height follows the content (fitWindow). */
export const BULK_WIDTH = 500;

/**
 * "Apply AuthLens rules to this folder…": first a dry run counts what each rule would match and
 * how many messages would change; the person then applies the rules (or closes the window).
 * Progress and cancel for both; after a cancel or the end, run again or close. The heading says
 * the state; the window is sized to its content; buttons and type as on the options page.
 */
export class AuthlensBulkRun extends LitElement {
  static override properties = { status: { state: true }, error: { state: true }, cancelling: { state: true } };
  static override styles = [
    optionsStyles,
    css`
      :host {
        box-sizing: border-box;
        width: ${BULK_WIDTH}px;
        padding: 16px 20px 18px;
        overflow-wrap: anywhere;
      }
      h1 {
        font-size: 1.3em;
        margin: 0 0 2px;
      }
      .folder {
        margin: 0 0 10px;
      }
      /* Drawn by us, so that its track is not a light bar in a dark theme. */
      progress {
        appearance: none;
        display: block;
        width: 100%;
        height: 8px;
        margin: 12px 0 6px;
        border: none;
        border-radius: 4px;
        overflow: hidden;
        background: color-mix(in srgb, var(--al-fg) 14%, var(--al-bg));
      }
      progress::-moz-progress-bar {
        background: var(--al-unconfigured);
        border-radius: 4px;
      }
      #progress-text {
        margin: 0 0 10px;
        font-variant-numeric: tabular-nums;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin: 0 0 10px;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 4px 8px 4px 0;
        border-bottom: 1px solid var(--al-border);
      }
      th {
        font-weight: 600;
        color: var(--al-muted);
      }
      .n {
        text-align: end;
        padding-inline-end: 0;
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      /* The real run's counts: label and number, one per line. */
      dl {
        display: grid;
        grid-template-columns: 1fr auto;
        margin: 16px 0 10px;
      }
      dt,
      dd {
        margin: 0;
        padding: 4px 0;
        border-bottom: 1px solid var(--al-border);
      }
      dd {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      dt.changed,
      dd.changed {
        font-weight: 600;
      }
      .failed {
        color: var(--al-failed);
        font-weight: 600;
      }
      .result {
        font-size: 1.15em;
        font-weight: 600;
        margin: 12px 0 8px;
      }
      .error {
        color: var(--al-failed);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-top: 14px;
      }
      button.primary {
        font-weight: 600;
        border-width: 2px;
      }
    `,
  ];

  status: BulkStatus | null = null;
  error = "";
  cancelling = false;
  private folderId = new URLSearchParams(location.search).get("folder") ?? "";
  private timer: ReturnType<typeof setInterval> | undefined;
  private fitting = false;

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
      this.error = "";
      const { runId } = await ask("bulkStart", { folderId: this.folderId, dryRun });
      clearInterval(this.timer);
      this.cancelling = false;
      this.timer = setInterval(() => void this.poll(runId), 200);
      await this.poll(runId);
    } catch (err) {
      this.error = errorText(err);
    }
  }

  private async poll(runId: number): Promise<void> {
    this.status = await ask("bulkStatus", { runId });
    if (this.status?.state !== "running") clearInterval(this.timer);
  }

  private cancel(): void {
    if (!this.status) return;
    this.cancelling = true;
    void ask("bulkCancel", { runId: this.status.runId });
  }

  protected override updated(changed: PropertyValues<this>): void {
    const before = changed.get("status") as BulkStatus | null | undefined;
    const s = this.status;
    if (s) document.title = `${this.heading(s)} · AuthLens`;
    // At the end of a run, the next step has the focus (Enter applies, runs again or closes).
    if (s && s.state !== "running" && (before === undefined || before === null || before.state === "running" || before.runId !== s.runId)) {
      this.renderRoot.querySelector<HTMLButtonElement>("button.primary")?.focus();
    }
    void this.fit();
  }

  /** The window as tall as the content: no scroll bar, no blank space (nor a jump per update). */
  private async fit(): Promise<void> {
    if (this.fitting) return;
    this.fitting = true;
    try {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const box = this.getBoundingClientRect();
      await fitWindow(box.width, box.height);
    } catch (err) {
      console.warn("AuthLens: sizing the bulk-run window:", err);
    } finally {
      this.fitting = false;
    }
  }

  private heading(s: BulkStatus): string {
    const kind = s.dryRun ? "dry" : "real";
    return t(HEADINGS[kind][s.state]);
  }

  override render(): TemplateResult {
    const s = this.status;
    if (this.error) {
      return html`<h1>${t("bulkHeadingFailed")}</h1>
        <p class="error" role="alert">${t("bulkFailed", this.error)}</p>
        <div class="buttons">${this.closeButton(true)}</div>`;
    }
    if (!s) return html`<p class="note">${t("bulkStarting")}</p>`;
    const running = s.state === "running";
    const rules = Object.entries(s.matched);
    return html`
      <h1 id="heading">${this.heading(s)}</h1>
      <p class="folder note" id="folder">${t("bulkFolder", shown(s.folderName))}</p>
      ${s.dryRun ? html`<p class="note">${t("bulkDryRunNote")}</p>` : nothing}
      <progress id="progress" max=${Math.max(1, s.total)} .value=${s.done} aria-label=${t("bulkProgressLabel")}></progress>
      <p id="progress-text" role="status">${t("bulkProgress", formatCount(s.done), formatCount(s.total))}</p>
      ${rules.length === 0
        ? html`<p class="note" id="no-rules">${t("bulkNoRules")}</p>`
        : html`<table id="rule-counts">
            <thead>
              <tr>
                <th scope="col">${t("bulkRule")}</th>
                <th scope="col" class="n">${t(s.dryRun ? "bulkWouldMatch" : "bulkMatched")}</th>
              </tr>
            </thead>
            <tbody>
              ${rules.map(
                ([id, n]) => html`<tr>
                  <td>${shown(s.ruleNames[id] ?? id)}</td>
                  <td class="n">${formatCount(n)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${s.ownChecksNeeded ? html`<p class="note" id="own-checked">${tCount("bulkOwnChecked", s.ownChecked)}</p>` : nothing}
      ${s.dryRun ? this.dryRunEnd(s) : this.counts(s)}
      ${s.state === "failed" ? html`<p class="error" role="alert">${t("bulkFailed", s.error ?? "")}</p>` : nothing}
      ${s.logError !== null ? html`<p class="error" role="alert">${t("bulkLogFailed", s.logError)}</p>` : nothing}
      <div class="buttons">${running ? this.cancelButton() : this.endButtons(s, rules.length > 0)}</div>
    `;
  }

  /** A dry run ends with how many messages the rules would change. */
  private dryRunEnd(s: BulkStatus): TemplateResult | typeof nothing {
    if (s.state === "running" || s.state === "failed") return nothing;
    return html`
      <p class="result" id="would-change">${s.changed === 0 ? t("bulkWouldChangeNone") : tCount("bulkWouldChange", s.changed)}</p>
      ${s.state === "cancelled" ? html`<p class="note" id="cancelled">${t("bulkDryCancelledNote")}</p>` : nothing}
    `;
  }

  /** The real run: changed, nothing to do, failed; they add up to the messages checked. */
  private counts(s: BulkStatus): TemplateResult {
    const unchanged = Math.max(0, s.done - s.changed - s.failed);
    return html`
      <dl id="summary">
        <dt class="changed">${t("bulkChanged")}</dt>
        <dd class="changed" id="changed">${formatCount(s.changed)}</dd>
        <dt>${t("bulkNothingToDo")}</dt>
        <dd id="unchanged">${formatCount(unchanged)}</dd>
        <dt class=${s.failed > 0 ? "failed" : ""}>${t("bulkFailedCount")}</dt>
        <dd class=${s.failed > 0 ? "failed" : ""} id="failed">${formatCount(s.failed)}</dd>
      </dl>
      ${s.failed > 0 ? html`<p class="note">${t("bulkFailedNote")}</p>` : nothing}
      ${s.state === "cancelled" ? html`<p id="cancelled">${t("bulkCancelledNote")}</p>` : nothing}
      ${s.state === "done" ? html`<p class="note" id="finished">${t("bulkDoneNote")}</p>` : nothing}
    `;
  }

  private cancelButton(): TemplateResult {
    return html`<button type="button" id="cancel" ?disabled=${this.cancelling} @click=${() => this.cancel()}>${t("bulkCancel")}</button>`;
  }

  /**
   * After a dry run: apply the rules (the next step), run the dry run again, close. After a real
   * run: run again (to go on after a cancel; a finished run only picks up what is new) and close.
   */
  private endButtons(s: BulkStatus, anyRule: boolean): TemplateResult {
    if (s.dryRun) {
      return html`
        ${anyRule && s.state !== "failed"
          ? html`<button type="button" id="apply" class="primary" @click=${() => void this.start(false)}>${t("bulkApply")}</button>`
          : nothing}
        <button type="button" id="run-again" @click=${() => void this.start(true)}>${t("bulkDryRunAgain")}</button>
        ${this.closeButton(!anyRule)}
      `;
    }
    return html`
      <button type="button" id="run-again" class=${s.state === "done" ? "" : "primary"} @click=${() => void this.start(false)}>${t("bulkRunAgain")}</button>
      ${this.closeButton(s.state === "done")}
    `;
  }

  private closeButton(primary: boolean): TemplateResult {
    return html`<button type="button" id="close" class=${primary ? "primary" : ""} @click=${() => window.close()}>${t("bulkClose")}</button>`;
  }
}

customElements.define("authlens-bulk-run", AuthlensBulkRun);
