/**
 * The editor of one rule (#rule-editor): name, run / stop after, which conditions must hold, the
 * conditions and the actions, each a flat row of fields (condition-fields.ts, action-fields.ts).
 * Every change hands a new draft to `update`; the section keeps it until the rules are saved.
 * Problems the background found are shown next to the condition, action or field their path
 * names. The rule's id is generated and never shown.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { AccountFolders, TagInfo } from "../../../shared/data-types.js";
import { t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { actionItem } from "./action-fields.js";
import { conditionItem } from "./condition-fields.js";
import { checkbox, invalid, problemList, textField } from "./fields.js";
import { emptyAction, emptyCondition, type DraftAction, type DraftCondition, type DraftRule, type RuleProblem } from "./model.js";

export interface EditorContext {
  draft: DraftRule;
  problems: readonly RuleProblem[] | undefined;
  accounts: readonly AccountFolders[];
  tags: readonly TagInfo[];
  /** AuthLens's own checks are on (conditions on its own results can hold). */
  checkingOn: boolean;
  /** The live preview line for this rule. */
  preview: TemplateResult | typeof nothing;
  update: (next: DraftRule) => void;
  close: () => void;
}

const replaceAt = <T>(list: readonly T[], i: number, patch: Partial<T>): T[] => list.map((x, k) => (k === i ? { ...x, ...patch } : x));

function matchChoice(d: DraftRule, set: (patch: Partial<DraftRule>) => void): TemplateResult {
  const radio = (match: DraftRule["match"], label: string) =>
    html`<label class="check">
      <input type="radio" name="rule-match" id=${`rule-match-${match}`} .checked=${d.match === match} @change=${() => set({ match })} />
      ${label}
    </label>`;
  return html`<div class="row" role="radiogroup" aria-labelledby="rule-match-label">
    <span id="rule-match-label">${t("rules_matchLegend")}</span>
    ${radio("all", t("rules_matchAll"))} ${radio("any", t("rules_matchAny"))}
  </div>`;
}

function conditions(ctx: EditorContext, set: (patch: Partial<DraftRule>) => void): TemplateResult {
  const list = ctx.draft.conditions;
  return html`<h4 id="rule-conditions-heading">${t("rules_conditionsLegend")}</h4>
    ${matchChoice(ctx.draft, set)}
    <ol id="rule-conditions" class="items" aria-labelledby="rule-conditions-heading">
      ${list.map((c, i) =>
        conditionItem({
          condition: c,
          index: i,
          problems: ctx.problems,
          removable: list.length > 1,
          checkingOn: ctx.checkingOn,
          set: (patch: Partial<DraftCondition>) => set({ conditions: replaceAt(list, i, patch) }),
          remove: () => set({ conditions: list.filter((_, k) => k !== i) }),
        }),
      )}
    </ol>
    <button type="button" id="rule-add-condition" @click=${() => set({ conditions: [...list, emptyCondition()] })}>${t("rules_addCondition")}</button>`;
}

function actions(ctx: EditorContext, set: (patch: Partial<DraftRule>) => void): TemplateResult {
  const list = ctx.draft.actions;
  return html`<h4 id="rule-actions-heading">${t("rules_actionsLegend")}</h4>
    <ol id="rule-actions" class="items" aria-labelledby="rule-actions-heading">
      ${list.map((a, j) =>
        actionItem({
          action: a,
          index: j,
          problems: ctx.problems,
          accounts: ctx.accounts,
          tags: ctx.tags,
          removable: list.length > 1,
          set: (patch: Partial<DraftAction>) => set({ actions: replaceAt(list, j, patch) }),
          remove: () => set({ actions: list.filter((_, k) => k !== j) }),
        }),
      )}
    </ol>
    <button type="button" id="rule-add-action" @click=${() => set({ actions: [...list, emptyAction()] })}>${t("rules_addAction")}</button>`;
}

export function ruleEditor(ctx: EditorContext): TemplateResult {
  const d = ctx.draft;
  const set = (patch: Partial<DraftRule>) => ctx.update({ ...d, ...patch });
  const own = (ctx.problems ?? []).filter((p) => !/^(conditions|actions)\.\d+(\.|$)/.test(p.at));
  return html`<div id="rule-editor" class="editor" role="group" aria-labelledby="rule-editor-heading" data-rule-id=${d.id}>
    <h3 id="rule-editor-heading">${t("rules_editorHeading", shown(d.name))}</h3>
    ${problemList("rule-problems", own, "")}
    ${textField({
      id: "rule-name",
      label: t("rules_nameLabel"),
      value: d.name,
      invalid: invalid(own, "name"),
      describedBy: "rule-problems",
      onInput: (name) => set({ name }),
    })}
    <div class="row">
      ${checkbox("rule-enabled", t("rules_enabled"), d.enabled, (enabled) => set({ enabled }))}
      ${checkbox("rule-stop-after", t("rules_stopAfter"), d.stopAfter, (stopAfter) => set({ stopAfter }))}
    </div>
    ${conditions(ctx, set)} ${actions(ctx, set)} ${ctx.preview}
    <div class="row">
      <button type="button" id="rule-editor-done" @click=${ctx.close}>${t("rules_done")}</button>
    </div>
  </div>`;
}
