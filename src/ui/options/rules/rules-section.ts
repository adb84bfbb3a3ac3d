/**
 * <authlens-rules-section> (#rules-section): the organization's rules (read-only) and the user's
 * rules: add, edit, delete, reorder, enable; a live preview against a real folder; Save sends the
 * whole list to the background, which validates it with the schema and names each problem's path.
 * Rendered into the light DOM, so the page's styles and ids (#rules-list, #rule-editor, ...) are
 * reachable from <authlens-options>'s shadow root.
 */
import { errorText } from "../../../core/error-text.js";
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import type { Condition, Rule } from "../../../core/rules/schema.js";
import { t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { ask, type OptionsData } from "../data.js";
import type { AccountFolders, Problem, RulesPreview, TagInfo } from "../../../shared/data-types.js";
import { problemLine } from "../problems.js";
import { optionsDescriber } from "./wording.js";
import {
  draftToAction,
  draftToCondition,
  draftToRule,
  moveItem,
  newRule,
  problemsByRule,
  ruleToDraft,
  type DraftRule,
  type RuleProblem,
} from "./model.js";
import { ruleEditor } from "./rule-editor.js";

export const PREVIEW_LIMIT = 200;
const PREVIEW_DEBOUNCE_MS = 600;

type PreviewState =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "one"; ruleId: string; ruleName: string; answer: RulesPreview }
  | { state: "all"; answer: RulesPreview }
  | { state: "error"; message: string };

/** A draft as the typed shape the summaries read (the background validates the real thing). */
function asRule(d: DraftRule): Pick<Rule, "match" | "conditions" | "actions"> {
  return {
    match: d.match,
    conditions: d.conditions.map((c) => draftToCondition(c) as unknown as Condition),
    actions: d.actions.map((a) => draftToAction(a) as unknown as Rule["actions"][number]),
  };
}

export class AuthlensRulesSection extends LitElement {
  static override properties = {
    data: { attribute: false },
    drafts: { state: true },
    dirty: { state: true },
    editingId: { state: true },
    problems: { state: true },
    otherProblems: { state: true },
    status: { state: true },
    saving: { state: true },
    folders: { state: true },
    foldersError: { state: true },
    tags: { state: true },
    previewFolderId: { state: true },
    preview: { state: true },
    counts: { state: true },
  };

  data: OptionsData | undefined = undefined;
  drafts: DraftRule[] = [];
  dirty = false;
  editingId: string | null = null;
  /** Problems of the last save, by rule id. */
  problems = new Map<string, RuleProblem[]>();
  otherProblems: Problem[] = [];
  status = "";
  saving = false;
  folders: AccountFolders[] = [];
  foldersError = "";
  tags: TagInfo[] = [];
  previewFolderId = "";
  preview: PreviewState = { state: "idle" };
  /** The last preview's count per rule id, with what it examined. */
  counts: { folderName: string; examined: number; matched: Record<string, number> } | null = null;

  private syncedJson = "";
  private focusAfter: string | null = null;
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private previewSeq = 0;
  private readonly onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (this.dirty) e.preventDefault();
  };

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("beforeunload", this.onBeforeUnload);
    void this.loadSources();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("beforeunload", this.onBeforeUnload);
    clearTimeout(this.previewTimer);
  }

  private async loadSources(): Promise<void> {
    const [folders, tags] = await Promise.allSettled([ask("folders"), ask("tags")]);
    if (folders.status === "fulfilled") {
      this.folders = folders.value;
      this.foldersError = "";
      if (this.previewFolderId === "") {
        const all = folders.value.flatMap((a) => a.folders).filter((f) => f.id !== "");
        this.previewFolderId = (all.find((f) => f.specialUse.includes("inbox")) ?? all[0])?.id ?? "";
      }
    } else this.foldersError = String(folders.reason);
    this.tags = tags.status === "fulfilled" ? tags.value : [];
  }

  /** Rules in words, with the names of the accounts and tags they refer to. */
  private get words() {
    return optionsDescriber({ accounts: this.folders, tags: this.tags });
  }

  private get editable(): boolean {
    // `locked` holds "rules" when the user's rules are off (allowUserRules false).
    return this.data !== undefined && !this.data.locked.includes("rules");
  }

  private get adminRules(): Rule[] {
    return this.data?.adminRules ?? [];
  }

  private sync(rules: readonly Rule[]): void {
    this.syncedJson = JSON.stringify(rules);
    this.drafts = rules.map(ruleToDraft);
    if (this.editingId !== null && !this.drafts.some((d) => d.id === this.editingId)) this.editingId = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("data") && this.data && !this.dirty && JSON.stringify(this.data.settings.rules) !== this.syncedJson) {
      this.sync(this.data.settings.rules);
    }
  }

  protected override updated(): void {
    if (this.focusAfter === null) return;
    const el = this.querySelector<HTMLElement>(this.focusAfter);
    this.focusAfter = null;
    el?.focus();
  }

  private rowSelector(id: string, part: string): string {
    return `#rules-list li[data-rule-id="${CSS.escape(id)}"] ${part}`;
  }

  private change(drafts: DraftRule[]): void {
    this.drafts = drafts;
    this.dirty = true;
    this.status = "";
  }

  private updateDraft(next: DraftRule): void {
    this.change(this.drafts.map((d) => (d.id === next.id ? next : d)));
    this.schedulePreview();
  }

  private move(index: number, by: -1 | 1): void {
    const to = index + by;
    const draft = this.drafts[index];
    if (!draft || to < 0 || to >= this.drafts.length) return;
    this.change(moveItem(this.drafts, index, to));
    // Keep focus on the button pressed, or on the other one when the rule reached an end.
    const atEnd = by === -1 ? to === 0 : to === this.drafts.length - 1;
    this.focusAfter = this.rowSelector(draft.id, (by === -1) !== atEnd ? ".rule-up" : ".rule-down");
  }

  private removeRule(index: number): void {
    const draft = this.drafts[index];
    if (!draft) return;
    const next = this.drafts[index + 1] ?? this.drafts[index - 1];
    if (this.editingId === draft.id) this.editingId = null;
    this.change(this.drafts.filter((_, i) => i !== index));
    this.focusAfter = next ? this.rowSelector(next.id, ".rule-edit") : "#add-rule";
  }

  private add(): void {
    const draft = newRule(new Set([...this.drafts.map((d) => d.id), ...this.adminRules.map((r) => r.id)]), t("rules_newRuleName"));
    this.change([...this.drafts, draft]);
    this.editingId = draft.id;
    this.focusAfter = "#rule-name";
    this.schedulePreview();
  }

  private edit(id: string): void {
    if (this.editingId === id) return this.close();
    this.editingId = id;
    this.focusAfter = "#rule-name";
    this.schedulePreview(0);
  }

  private close(): void {
    const id = this.editingId;
    this.editingId = null;
    if (id !== null) this.focusAfter = this.rowSelector(id, ".rule-edit");
  }

  private discard(): void {
    this.dirty = false;
    this.problems = new Map();
    this.otherProblems = [];
    this.editingId = null;
    this.status = t("rules_discarded");
    if (this.data) this.sync(this.data.settings.rules);
    this.focusAfter = "#add-rule";
  }

  private async save(): Promise<void> {
    if (this.saving) return;
    const ids = this.drafts.map((d) => d.id);
    const rules = this.drafts.map(draftToRule);
    this.saving = true;
    this.status = t("rules_saving");
    try {
      const { problems } = await ask("saveSettings", { changes: { rules } });
      const { byRule, other } = problemsByRule(problems, ids);
      this.problems = byRule;
      this.otherProblems = other;
      if (problems.length === 0) {
        this.dirty = false;
        this.status = t("rules_saved");
        // What was stored, normalised by the background (keywords in lower case, ...).
        const fresh = await ask("settings");
        this.sync(fresh.settings.rules);
      } else {
        this.status = t("rules_notSaved", problems.length);
        const first = ids.find((id) => byRule.has(id));
        if (first !== undefined && this.editingId === null) this.editingId = first;
      }
    } catch (err) {
      this.status = t("rules_saveFailed", errorText(err));
    } finally {
      this.saving = false;
    }
  }

  // --- preview

  private schedulePreview(delay = PREVIEW_DEBOUNCE_MS): void {
    clearTimeout(this.previewTimer);
    if (this.previewFolderId === "" || this.editingId === null) return;
    this.previewTimer = setTimeout(() => void this.runPreview("one"), delay);
  }

  private async runPreview(kind: "one" | "all"): Promise<void> {
    clearTimeout(this.previewTimer);
    const folderId = this.previewFolderId;
    if (folderId === "") {
      this.preview = { state: "error", message: t("rules_previewNoFolder") };
      return;
    }
    const editing = this.drafts.find((d) => d.id === this.editingId);
    if (kind === "one" && !editing) return;
    const userIds = new Set(this.drafts.map((d) => d.id));
    const rules =
      kind === "one" && editing
        ? [draftToRule(editing)]
        : [...this.adminRules.filter((r) => !userIds.has(r.id)), ...this.drafts.map(draftToRule)];
    const seq = ++this.previewSeq;
    this.preview = { state: "checking" };
    try {
      const answer = await ask("rulesPreview", { rules, folderId, limit: PREVIEW_LIMIT });
      if (seq !== this.previewSeq) return;
      const matched = kind === "all" || !this.counts || this.counts.folderName !== answer.folderName ? {} : { ...this.counts.matched };
      Object.assign(matched, answer.matched);
      this.counts = { folderName: answer.folderName, examined: answer.examined, matched };
      this.preview = kind === "one" && editing ? { state: "one", ruleId: editing.id, ruleName: editing.name, answer } : { state: "all", answer };
    } catch (err) {
      if (seq === this.previewSeq) this.preview = { state: "error", message: t("rules_previewFailed", errorText(err)) };
    }
  }

  private previewText(): string {
    const p = this.preview;
    switch (p.state) {
      case "idle":
        return "";
      case "checking":
        return t("rules_previewChecking");
      case "error":
        return p.message;
      case "one": {
        const problem = problemsByRule(p.answer.problems, [p.ruleId]).byRule.get(p.ruleId)?.[0];
        if (problem) return t("rules_previewProblem", shown(p.ruleName), problemLine({ path: problem.at, message: problem.message }));
        return t("rules_previewMatches", shown(p.ruleName), p.answer.matched[p.ruleId] ?? 0, p.answer.examined, shown(p.answer.folderName));
      }
      case "all":
        return p.answer.problems.length > 0
          ? t("rules_previewAllSomeInvalid", p.answer.examined, shown(p.answer.folderName), p.answer.problems.length)
          : t("rules_previewAllDone", p.answer.examined, shown(p.answer.folderName));
    }
  }

  private renderPreviewControls(): TemplateResult {
    const accounts = this.folders.filter((a) => a.folders.some((f) => f.id !== ""));
    return html`<fieldset id="rules-preview">
      <legend>${t("rules_previewLegend")}</legend>
      ${this.foldersError ? html`<p class="problem" id="folders-error">${t("rules_foldersUnavailable", this.foldersError)}</p>` : nothing}
      <div class="row">
        <label for="preview-folder">${t("rules_previewFolder", PREVIEW_LIMIT)}</label>
        <select
          id="preview-folder"
          @change=${(e: Event) => {
            this.previewFolderId = (e.target as HTMLSelectElement).value;
            this.counts = null;
            this.schedulePreview(0);
          }}
        >
          ${this.previewFolderId === "" ? html`<option value="" selected>${t("rules_folderChoose")}</option>` : nothing}
          ${accounts.map(
            (a) => html`<optgroup label=${shown(a.name)}>
              ${a.folders
                .filter((f) => f.id !== "")
                .map(
                  (f) =>
                    html`<option value=${f.id} ?selected=${f.id === this.previewFolderId}>${"\u00a0\u00a0".repeat(f.depth)}${shown(f.name)}</option>`,
                )}
            </optgroup>`,
          )}
        </select>
        <button type="button" id="preview-all" ?disabled=${this.previewFolderId === ""} @click=${() => void this.runPreview("all")}>
          ${t("rules_previewAll")}
        </button>
      </div>
      <p id="preview-result" role="status" aria-live="polite" aria-busy=${this.preview.state === "checking" ? "true" : "false"}>${this.previewText()}</p>
    </fieldset>`;
  }

  private renderAdminRules(): TemplateResult | typeof nothing {
    const rules = this.adminRules;
    if (rules.length === 0) return nothing;
    const words = this.words;
    return html`<h3 id="admin-rules-heading">${t("rules_adminHeading")}</h3>
      <ol id="admin-rules-list" class="rules" aria-labelledby="admin-rules-heading">
        ${rules.map((r) => {
          const s = words.summary(r);
          return html`<li data-rule-id=${r.id} class="rule admin">
            <div class="rule-head">
              <span class="marker">${t("rules_adminMarker")}</span>
              <strong class="rule-name">${shown(r.name)}</strong>
              ${r.enabled ? nothing : html`<span class="off">${t("rules_off")}</span>`}
              ${r.stopAfter ? html`<span class="note">${t("rules_stopsHere")}</span>` : nothing}
              ${this.countText(r.id)}
            </div>
            <p class="summary">${s.when}</p>
            <p class="summary">${s.then}</p>
          </li>`;
        })}
      </ol>`;
  }

  private countText(id: string): TemplateResult | typeof nothing {
    const n = this.counts?.matched[id];
    if (n === undefined || !this.counts) return nothing;
    return html`<span class="count">${t("rules_previewRowCount", n, this.counts.examined)}</span>`;
  }

  private renderRow(d: DraftRule, i: number, editable: boolean): TemplateResult {
    const name = shown(d.name);
    const problems = this.problems.get(d.id) ?? [];
    const editing = this.editingId === d.id;
    const s = this.words.summary(asRule(d));
    const mirror =
      this.preview.state === "checking"
        ? t("rules_previewChecking")
        : this.preview.state === "one" && this.preview.ruleId === d.id
          ? this.previewText()
          : "";
    return html`<li data-rule-id=${d.id} class=${`rule${d.enabled ? "" : " disabled"}${problems.length > 0 ? " has-problems" : ""}`}>
      <div class="rule-head">
        <input
          type="checkbox"
          class="rule-enabled"
          id=${`rule-on-${i}`}
          .checked=${d.enabled}
          ?disabled=${!editable}
          aria-label=${t("rules_enableRule", name)}
          @change=${(e: Event) => this.updateDraft({ ...d, enabled: (e.target as HTMLInputElement).checked })}
        />
        <strong class="rule-name">${name}</strong>
        ${d.enabled ? nothing : html`<span class="off">${t("rules_off")}</span>`}
        ${d.stopAfter ? html`<span class="note">${t("rules_stopsHere")}</span>` : nothing}
        ${this.countText(d.id)}
      </div>
      <p class="summary">${s.when}</p>
      <p class="summary">${s.then}</p>
      ${problems.length > 0
        ? html`<div class="problem rule-problems" id=${`rule-problems-${i}`}>
            <p>${t("rules_ruleNotSaved", name)}</p>
            ${editing ? nothing : html`<ul class="problems">${problems.map((p) => html`<li>${problemLine({ path: p.at, message: p.message })}</li>`)}</ul>`}
          </div>`
        : nothing}
      <div class="row rule-buttons">
        <button type="button" class="rule-up" ?disabled=${!editable || i === 0} aria-label=${t("rules_moveUpLabel", name)} @click=${() => this.move(i, -1)}>
          ${t("rules_moveUp")}
        </button>
        <button
          type="button"
          class="rule-down"
          ?disabled=${!editable || i === this.drafts.length - 1}
          aria-label=${t("rules_moveDownLabel", name)}
          @click=${() => this.move(i, 1)}
        >
          ${t("rules_moveDown")}
        </button>
        <button
          type="button"
          class="rule-edit"
          ?disabled=${!editable}
          aria-expanded=${editing ? "true" : "false"}
          aria-label=${t(editing ? "rules_closeEditorLabel" : "rules_editLabel", name)}
          @click=${() => this.edit(d.id)}
        >
          ${t(editing ? "rules_closeEditor" : "rules_edit")}
        </button>
        <button type="button" class="rule-delete" ?disabled=${!editable} aria-label=${t("rules_deleteLabel", name)} @click=${() => this.removeRule(i)}>
          ${t("rules_delete")}
        </button>
      </div>
      ${editing && editable
        ? ruleEditor({
            draft: d,
            problems,
            accounts: this.folders,
            tags: this.tags,
            checkingOn: this.data?.settings.checkSignatures === true,
            preview: html`<p class="note" id="rule-editor-preview">${mirror}</p>`,
            update: (next) => this.updateDraft(next),
            close: () => this.close(),
          })
        : nothing}
    </li>`;
  }

  override render(): TemplateResult {
    const data = this.data;
    if (!data) return html``;
    const editable = this.editable;
    return html`<section aria-labelledby="rules-heading">
      <h2 id="rules-heading">${t("rules_heading")}</h2>
      <p>${t("rules_explain")}</p>
      ${this.renderAdminRules()} ${this.renderPreviewControls()}
      <h3 id="user-rules-heading">${t("rules_userHeading")}</h3>
      ${editable ? nothing : html`<p class="marker" id="rules-off">${t("rules_userRulesOff")}</p>`}
      ${this.drafts.length === 0
        ? html`<p class="note" id="rules-empty">${t("rules_noRules")}</p>`
        : nothing}
      <ol id="rules-list" class="rules" aria-labelledby="user-rules-heading">
        ${this.drafts.map((d, i) => this.renderRow(d, i, editable))}
      </ol>
      ${this.otherProblems.length > 0
        ? html`<ul class="problems problem" id="rules-save-problems">${this.otherProblems.map((p) => html`<li>${problemLine(p)}</li>`)}</ul>`
        : nothing}
      <div class="row">
        <button type="button" id="add-rule" ?disabled=${!editable} @click=${() => this.add()}>${t("rules_add")}</button>
        <button type="button" id="save-rules" class="primary" ?disabled=${!editable || this.saving || !this.dirty} @click=${() => void this.save()}>
          ${t("rules_save")}
        </button>
        <button type="button" id="discard-rules" ?disabled=${!this.dirty || this.saving} @click=${() => this.discard()}>${t("rules_discard")}</button>
      </div>
      ${this.dirty ? html`<p class="note" id="rules-unsaved">${t("rules_unsaved")}</p>` : nothing}
      <p id="rules-status" role="status" aria-live="polite">${this.status}</p>
    </section>`;
  }
}

customElements.define("authlens-rules-section", AuthlensRulesSection);

declare global {
  interface HTMLElementTagNameMap {
    "authlens-rules-section": AuthlensRulesSection;
  }
}
