import { html, LitElement, nothing, type TemplateResult } from "lit";
import { errorText } from "../../core/error-text.js";
import { ask } from "../../shared/ask.js";
import { onViewChanged } from "../../shared/ui-platform.js";
import type { TabView } from "../../shared/view-types.js";
import { t } from "../shared/i18n.js";
import { earlyView, immediateView } from "./early-view.js";
import { authenticationSection } from "./sections/authentication.js";
import { forwardingSection } from "./sections/forwarding.js";
import { ownChecksSection } from "./sections/own-checks.js";
import { otherMethodsSection } from "./sections/other-methods.js";
import { rawHeadersSection } from "./sections/raw-headers.js";
import { senderSection } from "./sections/sender.js";
import { transportSection } from "./sections/transport.js";
import { trustSection } from "./sections/trust.js";
import { verdictSection } from "./sections/verdict.js";
import { popupStyles } from "./styles.js";

/** The message-display pane: shows the background's analysis of the tab's message. */
export class AuthlensPopup extends LitElement {
  static override styles = popupStyles;
  static override properties = { view: { state: true }, status: { state: true }, rawOpen: { state: true } };

  view: TabView | null | undefined = immediateView?.view;
  status = "";
  rawOpen = false;
  private tabId: number | undefined = immediateView?.tabId;

  private unwatch: (() => void) | undefined;
  /** View requests made on news of a change (their answers are used newest first). */
  #viewAsked = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    // AuthLens's own check finishes after the first view: read the tab's view again then.
    this.unwatch = onViewChanged((tabId) => {
      if (tabId !== this.tabId) return;
      // Newest answer wins; a failed re-read leaves the view shown.
      const mine = ++this.#viewAsked;
      ask("view", { tabId }).then(
        (answer) => {
          if (mine === this.#viewAsked) this.view = answer.view;
        },
        (err: unknown) => console.warn("AuthLens popup: reading the new view", err),
      );
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
  }

  private async load(): Promise<void> {
    try {
      const early = await earlyView;
      this.tabId = early.tabId;
      this.view = early.view;
    } catch (err) {
      this.view = { state: "error", message: errorText(err), messageId: null };
    }
    await this.updateComplete;
    performance.mark("authlens:rendered");
    // The frame that shows it: rAF runs just before that frame is painted, the task after it
    // just after (the benchmark's "first paint").
    requestAnimationFrame(() => setTimeout(() => performance.mark("authlens:painted"), 0));
  }

  private async copy(text: string, done: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.status = done;
    } catch (err) {
      this.status = t("copyFailed", errorText(err));
    }
  }

  private async trust(server: string, accountId: string | null): Promise<void> {
    if (this.tabId === undefined) return;
    const answer = await ask("trustServer", { server, accountId, tabId: this.tabId });
    if (answer.problems.length > 0) this.status = answer.problems.map((p) => p.message).join("; ");
    else {
      this.status = t("trustAdded", server);
      this.view = answer.view;
    }
  }

  private async report(kind: "text" | "json"): Promise<void> {
    if (this.tabId === undefined) return;
    const r = await ask("report", { tabId: this.tabId });
    await this.copy(kind === "text" ? r.text : r.json, t(kind === "text" ? "reportCopied" : "reportJsonCopied"));
  }

  override render(): TemplateResult {
    const v = this.view;
    if (v === undefined) return html`<p class="status">${t("popupLoading")}</p>`;
    if (v === null) return html`<p>${t("popupNoMessage")}</p>`;
    switch (v.state) {
      case "neutral":
        return html`<p id="neutral">${v.count === 0 ? t("popupNoMessage") : t("popupSeveral", v.count)}</p>`;
      case "working":
        return html`<p class="status">${t("popupLoading")}</p>`;
      case "error":
        return html`<section class="verdict level-error" role="alert">
          <img src="icons/error.svg" alt="" />
          <h1 id="verdict-level">${t("level_error")}</h1>
          <p id="verdict-summary">${t("popupError")}</p>
          <div></div>
          <pre id="error-details">${v.message}</pre>
        </section>`;
      case "ready":
        return this.renderReady(v);
    }
  }

  private renderReady(v: Extract<TabView, { state: "ready" }>): TemplateResult {
    const a = v.analysis;
    const suggestion = a.verdict.suggestion;
    // Offered while no server is trusted, also when AuthLens's own checks verified the message.
    const trustButton =
      a.trust.trustedCount === 0 && suggestion
        ? html`<div class="buttons">
            <button type="button" id="trust-button" @click=${() => this.trust(suggestion, v.message.accountId)}>
              ${v.message.accountName ? t("trustServerForAccount", suggestion, v.message.accountName) : t("trustServer", suggestion)}
            </button>
          </div>`
        : nothing;
    return html`
      ${verdictSection(a, trustButton)} ${senderSection(a)} ${authenticationSection(a)} ${ownChecksSection(a, v.own)}
      ${transportSection(a)} ${forwardingSection(a)} ${otherMethodsSection(a)} ${trustSection(a, nothing)}
      ${rawHeadersSection(
        v.headersText,
        this.rawOpen,
        (open) => (this.rawOpen = open),
        () => void this.copy(v.headersText, t("headersCopied")),
      )}
      <div class="buttons">
        <button type="button" id="copy-report" @click=${() => this.report("text")}>${t("copyReport")}</button>
        <button type="button" id="copy-json" @click=${() => this.report("json")}>${t("copyReportJson")}</button>
        <button type="button" @click=${() => void ask("openOptions")}>${t("openOptions")}</button>
      </div>
      <p class="status" role="status">${this.status}</p>
    `;
  }
}

customElements.define("authlens-popup", AuthlensPopup);
