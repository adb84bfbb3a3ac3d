/**
 * The editor of one rule (#rule-editor): name, match all/any, stop after, conditions and actions
 * with a field per property, the folder and tag pickers. Every change hands a new draft to
 * `update`; the section keeps it until the rules are saved. Problems the background found are
 * shown next to the condition, action or field their path names.
 */
import { html, nothing, type TemplateResult } from "lit";
import { t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { problemLine } from "../problems.js";
import { ARC_LABEL, ENCRYPTED_LABEL, LEVEL_LABEL, OP_LABEL, SOURCE_LABEL, SPECIAL_LABEL, STRENGTH_LABEL } from "../../../core/rules/labels.js";
import {
  ACTION_TYPES,
  ARC_STATUSES,
  CONDITION_TYPES,
  DMARC_SOURCES,
  emptyAction,
  emptyCondition,
  problemsUnder,
  SPECIAL_USES,
  STRING_OPS,
  TLS_ENCRYPTED,
  TLS_STRENGTHS,
  TLS_VERSIONS,
  VERDICT_LEVELS,
  type DraftAction,
  type DraftCondition,
  type DraftRule,
  type RuleProblem,
} from "./model.js";
import type { AccountFolders, TagInfo } from "../../../shared/data-types.js";
import type { ActionType, ConditionType } from "../../../core/rules/schema.js";

export interface EditorContext {
  draft: DraftRule;
  problems: readonly RuleProblem[] | undefined;
  accounts: readonly AccountFolders[];
  tags: readonly TagInfo[];
  /** The live preview line for this rule. */
  preview: TemplateResult | typeof nothing;
  update: (next: DraftRule) => void;
  close: () => void;
}

const CONDITION_LABEL: Record<ConditionType, string> = {
  methodResult: "rules_condMethodResult",
  property: "rules_condProperty",
  verdict: "rules_condVerdict",
  arc: "rules_condArc",
  tlsEncrypted: "rules_condTlsEncrypted",
  tlsVersionAtLeast: "rules_condTlsVersion",
  tlsStrength: "rules_condTlsStrength",
  dmarcSource: "rules_condDmarcSource",
  fromDomain: "rules_condFromDomain",
  trustedResult: "rules_condTrustedResult",
};

const ACTION_LABEL: Record<ActionType, string> = {
  addTag: "rules_actAddTag",
  removeTag: "rules_actRemoveTag",
  moveTo: "rules_actMoveTo",
  copyTo: "rules_actCopyTo",
  markRead: "rules_actMarkRead",
  flag: "rules_actFlag",
  markJunk: "rules_actMarkJunk",
};

/** Method names offered while typing (any keyword may be typed). */
const KNOWN_METHODS = ["spf", "dkim", "dmarc", "tls", "arc", "iprev", "auth", "bimi", "dkim-adsp", "smime", "dnswl", "x-original-auth"];

const NEW = "__new__";
const OTHER = "__other__";

const value = (e: Event): string => (e.target as HTMLInputElement | HTMLSelectElement).value;
const checked = (e: Event): boolean => (e.target as HTMLInputElement).checked;

/** aria-invalid / aria-describedby for a field whose path is `at`. */
function invalid(problems: readonly RuleProblem[] | undefined, at: string): "true" | "false" {
  return problemsUnder(problems, at).length > 0 ? "true" : "false";
}

function problemList(id: string, problems: readonly RuleProblem[], base: string): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const rel = (at: string) => (at === base ? "" : base === "" ? at : at.slice(base.length + 1));
  return html`<ul class="problems problem" id=${id}>
    ${problems.map((p) => html`<li>${problemLine({ path: rel(p.at), message: p.message })}</li>`)}
  </ul>`;
}

function textField(o: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  list?: string;
  invalid: "true" | "false";
  describedBy: string;
  onInput: (v: string) => void;
}): TemplateResult {
  const described = [o.hint ? `${o.id}-hint` : "", o.invalid === "true" ? o.describedBy : ""].filter((x) => x !== "").join(" ");
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <input
      type="text"
      id=${o.id}
      autocomplete="off"
      spellcheck="false"
      list=${o.list ?? nothing}
      .value=${o.value}
      aria-invalid=${o.invalid}
      aria-describedby=${described || nothing}
      @input=${(e: Event) => o.onInput(value(e))}
    />
    ${o.hint ? html`<span class="hint" id=${`${o.id}-hint`}>${o.hint}</span>` : nothing}
  </div>`;
}

function selectField<V extends string>(o: {
  id: string;
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  invalid?: "true" | "false";
  describedBy?: string;
  onChange: (v: V) => void;
}): TemplateResult {
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <select
      id=${o.id}
      aria-invalid=${o.invalid ?? "false"}
      aria-describedby=${o.invalid === "true" && o.describedBy ? o.describedBy : nothing}
      @change=${(e: Event) => o.onChange(value(e) as V)}
    >
      ${o.options.map(([v, label]) => html`<option value=${v} ?selected=${v === o.value}>${label}</option>`)}
    </select>
  </div>`;
}

function checkboxes<V extends string>(o: {
  id: string;
  legend: string;
  values: readonly V[];
  chosen: readonly V[];
  label: (v: V) => string;
  invalid: "true" | "false";
  describedBy: string;
  onChange: (chosen: V[]) => void;
}): TemplateResult {
  return html`<fieldset class="inline" aria-invalid=${o.invalid} aria-describedby=${o.invalid === "true" ? o.describedBy : nothing}>
    <legend>${o.legend}</legend>
    ${o.values.map(
      (v) => html`<label class="check">
        <input
          type="checkbox"
          id=${`${o.id}-${v}`}
          .checked=${o.chosen.includes(v)}
          @change=${(e: Event) => o.onChange(o.values.filter((x) => (x === v ? checked(e) : o.chosen.includes(x))))}
        />
        ${o.label(v)}
      </label>`,
    )}
  </fieldset>`;
}

function checkbox(id: string, label: string, on: boolean, onChange: (on: boolean) => void): TemplateResult {
  return html`<label class="check">
    <input type="checkbox" id=${id} .checked=${on} @change=${(e: Event) => onChange(checked(e))} />
    ${label}
  </label>`;
}

/** What the fields of one condition share: the condition, its setter, ids and problem lookup. */
interface ConditionFieldContext {
  condition: DraftCondition;
  /** Merges a change into the condition. */
  set: (patch: Partial<DraftCondition>) => void;
  /** `rule-cond-<i>`: every field's id starts with it. */
  id: string;
  /** The id of the condition's problem list, which an invalid field's aria-describedby names. */
  problemsId: string;
  /** aria-invalid for one field of the condition. */
  ariaInvalid: (field: string) => "true" | "false";
}

/** The fields of a condition for its kind (the type select and negate are the block's). */
function conditionFields(ctx: EditorContext, c: DraftCondition, i: number, set: (patch: Partial<DraftCondition>) => void): TemplateResult {
  const id = `rule-cond-${i}`;
  const fields: ConditionFieldContext = {
    condition: c,
    set,
    id,
    problemsId: `${id}-problems`,
    ariaInvalid: (field) => invalid(ctx.problems, `conditions.${i}.${field}`),
  };
  switch (c.type) {
    case "methodResult":
      return methodResultFields(fields);
    case "property":
      return propertyFields(fields);
    case "verdict":
      return verdictFields(fields);
    case "arc":
      return arcFields(fields);
    case "tlsEncrypted":
      return tlsEncryptedFields(fields);
    case "tlsVersionAtLeast":
      return tlsVersionFields(fields);
    case "tlsStrength":
      return tlsStrengthFields(fields);
    case "dmarcSource":
      return dmarcSourceFields(fields);
    case "fromDomain":
      return fromDomainFields(fields);
    case "trustedResult":
      return trustedResultFields(fields);
  }
}

// The fields several kinds share.

function conditionTextField(
  ctx: ConditionFieldContext,
  field: "method" | "results" | "ptype" | "property" | "value",
  label: string,
  hint?: string,
  list?: string,
): TemplateResult {
  return textField({
    id: `${ctx.id}-${field}`,
    label,
    value: ctx.condition[field],
    hint,
    list,
    invalid: ctx.ariaInvalid(field),
    describedBy: ctx.problemsId,
    onInput: (v) => ctx.set({ [field]: v }),
  });
}

/** The method, with the known methods offered while typing. */
function methodField(ctx: ConditionFieldContext, hint = t("rules_methodHint")): TemplateResult {
  return conditionTextField(ctx, "method", t("rules_method"), hint, "rule-methods");
}

function opField(ctx: ConditionFieldContext): TemplateResult {
  return selectField({
    id: `${ctx.id}-op`,
    label: t("rules_op"),
    value: ctx.condition.op,
    options: STRING_OPS.map((o) => [o, t(OP_LABEL[o])] as const),
    invalid: ctx.ariaInvalid("op"),
    describedBy: ctx.problemsId,
    onChange: (v) => ctx.set({ op: v }),
  });
}

/** For the TLS kinds: also use what the Received header claims when there is no tls= result. */
function allowDerivedCheckbox(ctx: ConditionFieldContext): TemplateResult {
  return checkbox(`${ctx.id}-derived`, t("rules_allowDerived"), ctx.condition.allowDerived, (on) => ctx.set({ allowDerived: on }));
}

// One function per kind. Each keeps its own template: lit re-creates the fields when the kind
// changes, as it did when they were one switch.

function methodResultFields(ctx: ConditionFieldContext): TemplateResult {
  return html`${methodField(ctx)}${conditionTextField(ctx, "results", t("rules_results"), t("rules_resultsHint"))}`;
}

function propertyFields(ctx: ConditionFieldContext): TemplateResult {
  return html`${methodField(ctx)}${conditionTextField(ctx, "ptype", t("rules_ptype"), t("rules_ptypeHint"))}${conditionTextField(
    ctx,
    "property",
    t("rules_property"),
    t("rules_propertyHint"),
  )}${opField(ctx)}${conditionTextField(ctx, "value", t("rules_value"))}`;
}

function verdictFields(ctx: ConditionFieldContext): TemplateResult {
  return checkboxes({
    id: `${ctx.id}-level`,
    legend: t("rules_levels"),
    values: VERDICT_LEVELS,
    chosen: ctx.condition.levels,
    label: (v) => t(LEVEL_LABEL[v]),
    invalid: ctx.ariaInvalid("levels"),
    describedBy: ctx.problemsId,
    onChange: (levels) => ctx.set({ levels }),
  });
}

function arcFields(ctx: ConditionFieldContext): TemplateResult {
  return checkboxes({
    id: `${ctx.id}-status`,
    legend: t("rules_arcStatus"),
    values: ARC_STATUSES,
    chosen: ctx.condition.status,
    label: (v) => t(ARC_LABEL[v]),
    invalid: ctx.ariaInvalid("status"),
    describedBy: ctx.problemsId,
    onChange: (status) => ctx.set({ status }),
  });
}

function tlsEncryptedFields(ctx: ConditionFieldContext): TemplateResult {
  return html`${selectField({
    id: `${ctx.id}-encrypted`,
    label: t("rules_encValue"),
    value: ctx.condition.encrypted,
    options: TLS_ENCRYPTED.map((v) => [v, t(ENCRYPTED_LABEL[v])] as const),
    onChange: (v) => ctx.set({ encrypted: v }),
  })}${allowDerivedCheckbox(ctx)}`;
}

function tlsVersionFields(ctx: ConditionFieldContext): TemplateResult {
  return html`${selectField({
    id: `${ctx.id}-version`,
    label: t("rules_version"),
    value: ctx.condition.version,
    options: TLS_VERSIONS.map((v) => [v, v.replace("TLS", "TLS ")] as const),
    onChange: (v) => ctx.set({ version: v }),
  })}${allowDerivedCheckbox(ctx)}`;
}

function tlsStrengthFields(ctx: ConditionFieldContext): TemplateResult {
  return html`${checkboxes({
    id: `${ctx.id}-strength`,
    legend: t("rules_strengths"),
    values: TLS_STRENGTHS,
    chosen: ctx.condition.strengths,
    label: (v) => t(STRENGTH_LABEL[v]),
    invalid: ctx.ariaInvalid("levels"),
    describedBy: ctx.problemsId,
    onChange: (strengths) => ctx.set({ strengths }),
  })}${allowDerivedCheckbox(ctx)}`;
}

function dmarcSourceFields(ctx: ConditionFieldContext): TemplateResult {
  return checkboxes({
    id: `${ctx.id}-source`,
    legend: t("rules_sources"),
    values: DMARC_SOURCES,
    chosen: ctx.condition.sources,
    label: (v) => t(SOURCE_LABEL[v]),
    invalid: ctx.ariaInvalid("sources"),
    describedBy: ctx.problemsId,
    onChange: (sources) => ctx.set({ sources }),
  });
}

function fromDomainFields(ctx: ConditionFieldContext): TemplateResult {
  return html`${opField(ctx)}${conditionTextField(ctx, "value", t("rules_domainValue"), t("rules_domainHint"))}`;
}

function trustedResultFields(ctx: ConditionFieldContext): TemplateResult {
  return html`${methodField(ctx)}${selectField({
    id: `${ctx.id}-trusted`,
    label: t("rules_trusted"),
    value: ctx.condition.trusted ? "yes" : "no",
    options: [
      ["yes", t("rules_trustedYes")],
      ["no", t("rules_trustedNo")],
    ],
    onChange: (v) => ctx.set({ trusted: v === "yes" }),
  })}`;
}

function conditionBlock(ctx: EditorContext, c: DraftCondition, i: number): TemplateResult {
  const d = ctx.draft;
  const id = `rule-cond-${i}`;
  const set = (patch: Partial<DraftCondition>) => ctx.update({ ...d, conditions: d.conditions.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  const remove = () => ctx.update({ ...d, conditions: d.conditions.filter((_, k) => k !== i) });
  const problems = problemsUnder(ctx.problems, `conditions.${i}`);
  return html`<fieldset class="item" id=${id} data-index=${i}>
    <legend>${t("rules_conditionLegend", i + 1)}</legend>
    <div class="fields">
      ${selectField({
        id: `${id}-type`,
        label: t("rules_conditionType"),
        value: c.type,
        options: CONDITION_TYPES.map((v) => [v, t(CONDITION_LABEL[v])] as const),
        invalid: invalid(ctx.problems, `conditions.${i}.type`),
        describedBy: `${id}-problems`,
        onChange: (type) => set({ type }),
      })}
      ${conditionFields(ctx, c, i, set)}
    </div>
    <div class="row">
      ${checkbox(`${id}-negate`, t("rules_negate"), c.negate, (negate) => set({ negate }))}
      <button type="button" class="remove" ?disabled=${d.conditions.length <= 1} aria-label=${t("rules_removeConditionLabel", i + 1)} @click=${remove}>
        ${t("rules_remove")}
      </button>
    </div>
    ${problemList(`${id}-problems`, problems, `conditions.${i}`)}
  </fieldset>`;
}

/** Existing paths to offer: of the chosen account, or of every account for "the message's own account". */
function folderPaths(ctx: EditorContext, accountId: string): { path: string; label: string }[] {
  const accounts = accountId === "" ? ctx.accounts : ctx.accounts.filter((a) => a.id === accountId);
  const seen = new Set<string>();
  const out: { path: string; label: string }[] = [];
  for (const a of accounts) {
    for (const f of a.folders) {
      if (seen.has(f.path)) continue;
      seen.add(f.path);
      out.push({ path: f.path, label: `${"\u00a0\u00a0".repeat(accountId === "" ? 0 : f.depth)}${shown(accountId === "" ? f.path : f.name)}` });
    }
  }
  return out;
}

function folderPicker(ctx: EditorContext, a: DraftAction, j: number, set: (patch: Partial<DraftAction>) => void): TemplateResult {
  const id = `rule-act-${j}`;
  const problemsId = `${id}-problems`;
  const paths = folderPaths(ctx, a.accountId);
  const known = paths.some((p) => p.path === a.path);
  const other = a.folderKind === "path" && (a.otherPath || (a.path !== "" && !known));
  const current = a.folderKind === "specialUse" ? `s:${a.specialUse}` : other ? OTHER : a.path === "" ? "" : `p:${a.path}`;
  const choose = (v: string) => {
    if (v === OTHER) set({ folderKind: "path", otherPath: true });
    else if (v.startsWith("s:")) set({ folderKind: "specialUse", specialUse: v.slice(2) as DraftAction["specialUse"], otherPath: false });
    else set({ folderKind: "path", path: v.slice(2), otherPath: false });
  };
  const inv = invalid(ctx.problems, `actions.${j}.folder`);
  return html`
    ${selectField({
      id: `${id}-account`,
      label: t("rules_account"),
      value: a.accountId,
      options: [["", t("rules_ownAccount")] as const, ...ctx.accounts.map((acc) => [acc.id, shown(acc.name)] as const)],
      onChange: (accountId) => set({ accountId }),
    })}
    <div class="field">
      <label for=${`${id}-folder`}>${t("rules_folder")}</label>
      <select id=${`${id}-folder`} aria-invalid=${inv} aria-describedby=${inv === "true" ? problemsId : nothing} @change=${(e: Event) => choose(value(e))}>
        ${current === "" ? html`<option value="" selected>${t("rules_folderChoose")}</option>` : nothing}
        <optgroup label=${t("rules_specialFolders")}>
          ${SPECIAL_USES.map((u) => html`<option value=${`s:${u}`} ?selected=${current === `s:${u}`}>${t(SPECIAL_LABEL[u])}</option>`)}
        </optgroup>
        ${paths.length > 0
          ? html`<optgroup label=${t("rules_folders")}>
              ${paths.map((p) => html`<option value=${`p:${p.path}`} ?selected=${current === `p:${p.path}`}>${p.label}</option>`)}
            </optgroup>`
          : nothing}
        <option value=${OTHER} ?selected=${current === OTHER}>${t("rules_folderOther")}</option>
      </select>
    </div>
    ${other
      ? textField({
          id: `${id}-path`,
          label: t("rules_folderPath"),
          value: a.path,
          hint: t("rules_folderPathHint"),
          invalid: inv,
          describedBy: problemsId,
          onInput: (path) => set({ path }),
        })
      : nothing}
  `;
}

function tagPicker(ctx: EditorContext, a: DraftAction, j: number, set: (patch: Partial<DraftAction>) => void): TemplateResult {
  const id = `rule-act-${j}`;
  const problemsId = `${id}-problems`;
  const adding = a.type === "addTag";
  const existing = ctx.tags.find((x) => x.key === a.tag.trim().toLowerCase());
  const typed = a.tagMode === "new" || !existing;
  const choose = (v: string) => {
    if (v === NEW) set({ tagMode: "new" });
    else {
      const tag = ctx.tags.find((x) => x.key === v);
      if (tag) set({ tagMode: "existing", tag: tag.key, tagName: tag.tag, tagColor: /^#[0-9a-f]{6}$/i.test(tag.color) ? tag.color.toLowerCase() : a.tagColor });
    }
  };
  const inv = (f: string) => invalid(ctx.problems, `actions.${j}.${f}`);
  return html`
    <div class="field">
      <label for=${`${id}-tag`}>${t("rules_tag")}</label>
      <select id=${`${id}-tag`} aria-invalid=${inv("tag")} aria-describedby=${inv("tag") === "true" ? problemsId : nothing} @change=${(e: Event) => choose(value(e))}>
        ${ctx.tags.map((x) => html`<option value=${x.key} ?selected=${!typed && x.key === existing?.key}>${t("rules_tagOption", shown(x.tag), shown(x.key))}</option>`)}
        <option value=${NEW} ?selected=${typed}>${t(adding ? "rules_tagNew" : "rules_tagOtherKey")}</option>
      </select>
    </div>
    ${typed
      ? html`${textField({
          id: `${id}-tag-key`,
          label: t("rules_tagKey"),
          value: a.tag,
          hint: t("rules_tagKeyHint"),
          invalid: inv("tag"),
          describedBy: problemsId,
          onInput: (tag) => set({ tag }),
        })}
        ${adding
          ? html`${textField({
                id: `${id}-tag-name`,
                label: t("rules_tagName"),
                value: a.tagName,
                invalid: inv("name"),
                describedBy: problemsId,
                onInput: (tagName) => set({ tagName }),
              })}
              <div class="field">
                <label for=${`${id}-tag-color`}>${t("rules_tagColor")}</label>
                <input
                  type="color"
                  id=${`${id}-tag-color`}
                  .value=${a.tagColor}
                  aria-invalid=${inv("color")}
                  @input=${(e: Event) => set({ tagColor: value(e) })}
                />
              </div>`
          : nothing}`
      : nothing}
  `;
}

function actionFields(ctx: EditorContext, a: DraftAction, j: number, set: (patch: Partial<DraftAction>) => void): TemplateResult {
  const id = `rule-act-${j}`;
  const bool = (field: "read" | "flagged" | "junk", label: string, yes: string, no: string) =>
    selectField({
      id: `${id}-${field}`,
      label,
      value: a[field] ? "yes" : "no",
      options: [
        ["yes", yes],
        ["no", no],
      ],
      onChange: (v) => set({ [field]: v === "yes" }),
    });
  switch (a.type) {
    case "addTag":
    case "removeTag":
      return tagPicker(ctx, a, j, set);
    case "moveTo":
    case "copyTo":
      return folderPicker(ctx, a, j, set);
    case "markRead":
      return bool("read", t("rules_readState"), t("rules_read"), t("rules_unread"));
    case "flag":
      return bool("flagged", t("rules_flagState"), t("rules_flagOn"), t("rules_flagOff"));
    case "markJunk":
      return bool("junk", t("rules_junkState"), t("rules_junkOn"), t("rules_junkOff"));
  }
}

function actionBlock(ctx: EditorContext, a: DraftAction, j: number): TemplateResult {
  const d = ctx.draft;
  const id = `rule-act-${j}`;
  const set = (patch: Partial<DraftAction>) => ctx.update({ ...d, actions: d.actions.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
  const remove = () => ctx.update({ ...d, actions: d.actions.filter((_, k) => k !== j) });
  return html`<fieldset class="item" id=${id} data-index=${j}>
    <legend>${t("rules_actionLegend", j + 1)}</legend>
    <div class="fields">
      ${selectField({
        id: `${id}-type`,
        label: t("rules_actionType"),
        value: a.type,
        options: ACTION_TYPES.map((v) => [v, t(ACTION_LABEL[v])] as const),
        invalid: invalid(ctx.problems, `actions.${j}.type`),
        describedBy: `${id}-problems`,
        onChange: (type) => set({ type }),
      })}
      ${actionFields(ctx, a, j, set)}
    </div>
    <div class="row">
      <button type="button" class="remove" ?disabled=${d.actions.length <= 1} aria-label=${t("rules_removeActionLabel", j + 1)} @click=${remove}>
        ${t("rules_remove")}
      </button>
    </div>
    ${problemList(`${id}-problems`, problemsUnder(ctx.problems, `actions.${j}`), `actions.${j}`)}
  </fieldset>`;
}

export function ruleEditor(ctx: EditorContext): TemplateResult {
  const d = ctx.draft;
  const set = (patch: Partial<DraftRule>) => ctx.update({ ...d, ...patch });
  const own = (ctx.problems ?? []).filter((p) => !/^(conditions|actions)\.\d+(\.|$)/.test(p.at));
  return html`<div id="rule-editor" class="editor" role="group" aria-labelledby="rule-editor-heading" data-rule-id=${d.id}>
    <h3 id="rule-editor-heading">${t("rules_editorHeading", shown(d.name))}</h3>
    <datalist id="rule-methods">${KNOWN_METHODS.map((m) => html`<option value=${m}></option>`)}</datalist>
    ${problemList("rule-problems", own, "")}
    ${textField({
      id: "rule-name",
      label: t("rules_nameLabel"),
      value: d.name,
      invalid: invalid(own, "name"),
      describedBy: "rule-problems",
      onInput: (name) => set({ name }),
    })}
    <p class="hint" id="rule-id">${t("rules_idNote", shown(d.id))}</p>
    <div class="row">
      ${checkbox("rule-enabled", t("rules_enabled"), d.enabled, (enabled) => set({ enabled }))}
      ${checkbox("rule-stop-after", t("rules_stopAfter"), d.stopAfter, (stopAfter) => set({ stopAfter }))}
    </div>
    <fieldset class="inline">
      <legend>${t("rules_matchLegend")}</legend>
      <label class="check">
        <input type="radio" name="rule-match" id="rule-match-all" .checked=${d.match === "all"} @change=${() => set({ match: "all" })} />
        ${t("rules_matchAll")}
      </label>
      <label class="check">
        <input type="radio" name="rule-match" id="rule-match-any" .checked=${d.match === "any"} @change=${() => set({ match: "any" })} />
        ${t("rules_matchAny")}
      </label>
    </fieldset>
    <fieldset id="rule-conditions">
      <legend>${t("rules_conditionsLegend")}</legend>
      ${d.conditions.map((c, i) => conditionBlock(ctx, c, i))}
      <button type="button" id="rule-add-condition" @click=${() => set({ conditions: [...d.conditions, emptyCondition()] })}>${t("rules_addCondition")}</button>
    </fieldset>
    <fieldset id="rule-actions">
      <legend>${t("rules_actionsLegend")}</legend>
      ${d.actions.map((a, j) => actionBlock(ctx, a, j))}
      <button type="button" id="rule-add-action" @click=${() => set({ actions: [...d.actions, emptyAction()] })}>${t("rules_addAction")}</button>
    </fieldset>
    ${ctx.preview}
    <div class="row">
      <button type="button" id="rule-editor-done" @click=${ctx.close}>${t("rules_done")}</button>
    </div>
  </div>`;
}
