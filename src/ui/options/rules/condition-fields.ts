/**
 * One condition in the rules editor: its kind, the fields of that kind laid out in one flat row,
 * "not", and its problems. The method is picked from the registry's list, with "Another method…"
 * for any other keyword; a picked method's results are checkboxes, a typed one's are typed.
 */
import { html, nothing, type TemplateResult } from "lit";
import { ARC_LABEL, ENCRYPTED_LABEL, LEVEL_LABEL, methodName, OP_LABEL, RESULT_SOURCE_LABEL, SOURCE_LABEL, STRENGTH_LABEL, tlsVersionName } from "../../../core/rules/labels.js";
import type { ConditionType } from "../../../core/rules/schema.js";
import { t } from "../../shared/i18n.js";
import { checkbox, checkboxes, editorItem, invalid, problemList, selectField, textField, type Invalid } from "./fields.js";
import { isOfferedMethod, OFFERED_METHODS, propertyChoices, ptypeChoices, resultChoices } from "./methods.js";
import {
  ARC_STATUSES,
  CONDITION_TYPES,
  DMARC_SOURCES,
  problemsUnder,
  RESULT_SOURCES,
  splitList,
  STRING_OPS,
  TLS_ENCRYPTED,
  TLS_STRENGTHS,
  TLS_VERSIONS,
  VERDICT_LEVELS,
  type DraftCondition,
  type RuleProblem,
} from "./model.js";

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

const OTHER_METHOD = "__other__";

/** What the fields of one condition share. */
interface Fields {
  condition: DraftCondition;
  /** Merges a change into the condition. */
  set: (patch: Partial<DraftCondition>) => void;
  /** `rule-cond-<i>`: every field's id starts with it. */
  id: string;
  /** The id of the condition's problem list, which an invalid field's aria-describedby names. */
  problemsId: string;
  /** aria-invalid for the condition's key `key` as the schema names it (`results`, `levels`, `value`...). */
  ariaInvalid: (key: string) => Invalid;
  /** AuthLens's own checks are on. */
  checkingOn: boolean;
}

/** The method is typed (not one of the list). */
const typedMethod = (c: DraftCondition): boolean => c.otherMethod || (c.method.trim() !== "" && !isOfferedMethod(c.method));

function methodLabel(method: string): string {
  const name = methodName(method);
  if (name === undefined) return method;
  return name.toLowerCase() === method ? name : t("rules_methodOption", name, method);
}

function conditionText(f: Fields, key: "method" | "results" | "ptype" | "property" | "value" | "domain", label: string, hint?: string, list?: string): TemplateResult {
  return textField({
    id: `${f.id}-${key}`,
    label,
    value: f.condition[key],
    hint,
    list,
    invalid: f.ariaInvalid(key),
    describedBy: f.problemsId,
    onInput: (v) => f.set({ [key]: v }),
  });
}

/** The method: picked from the registry's list, or typed after "Another method…". */
function methodField(f: Fields): TemplateResult {
  const c = f.condition;
  const typed = typedMethod(c);
  const pick = (v: string): void => {
    if (v === OTHER_METHOD) return f.set({ otherMethod: true });
    // Keep the results the new method also has.
    const kept = splitList(c.results).filter((r) => resultChoices(v, []).includes(r));
    f.set({ method: v, otherMethod: false, results: kept.join(", ") });
  };
  return html`${selectField({
    id: `${f.id}-method`,
    label: t("rules_method"),
    value: typed ? OTHER_METHOD : c.method.trim().toLowerCase(),
    options: [...OFFERED_METHODS.map((m) => [m, methodLabel(m)] as const), [OTHER_METHOD, t("rules_methodOther")] as const],
    placeholder: t("rules_methodChoose"),
    invalid: typed ? "false" : f.ariaInvalid("method"),
    describedBy: f.problemsId,
    onChange: pick,
  })}${typed ? conditionText(f, "method", t("rules_methodName"), t("rules_methodHint")) : nothing}`;
}

/** The results: the method's results to tick, or typed for a typed method. */
function resultsField(f: Fields): TemplateResult | typeof nothing {
  const c = f.condition;
  if (typedMethod(c)) return conditionText(f, "results", t("rules_results"), t("rules_resultsHint"));
  if (c.method.trim() === "") return nothing;
  const chosen = splitList(c.results);
  return checkboxes({
    id: `${f.id}-results`,
    label: t("rules_resultsPick"),
    values: resultChoices(c.method, chosen),
    chosen,
    text: (r) => r,
    invalid: f.ariaInvalid("results"),
    describedBy: f.problemsId,
    onChange: (results) => f.set({ results: results.join(", ") }),
  });
}

/** Whose results (the trusted servers', AuthLens's own, either) and for which domain; a note while own checks are off. */
function resultSourceFields(f: Fields): TemplateResult {
  const c = f.condition;
  return html`${selectField({
    id: `${f.id}-source`,
    label: t("rules_resultSource"),
    value: c.source,
    options: RESULT_SOURCES.map((s) => [s, t(RESULT_SOURCE_LABEL[s])] as const),
    invalid: f.ariaInvalid("source"),
    describedBy: f.problemsId,
    onChange: (source) => f.set({ source }),
  })}${conditionText(f, "domain", t("rules_resultDomain"), t("rules_resultDomainHint"))}${c.source !== "server" && !f.checkingOn
    ? html`<p class="note" id=${`${f.id}-local-off`}>${t("rules_localNeedsChecking")}</p>`
    : nothing}`;
}

function opField(f: Fields): TemplateResult {
  return selectField({
    id: `${f.id}-op`,
    label: t("rules_op"),
    value: f.condition.op,
    options: STRING_OPS.map((o) => [o, t(OP_LABEL[o])] as const),
    invalid: f.ariaInvalid("op"),
    describedBy: f.problemsId,
    onChange: (v) => f.set({ op: v }),
  });
}

/** For the TLS kinds: also use what the Received header claims when there is no tls= result. */
function allowDerivedCheckbox(f: Fields): TemplateResult {
  return checkbox(`${f.id}-derived`, t("rules_allowDerived"), f.condition.allowDerived, (on) => f.set({ allowDerived: on }));
}

function datalist(id: string, values: readonly string[]): TemplateResult {
  return html`<datalist id=${id}>${values.map((v) => html`<option value=${v}></option>`)}</datalist>`;
}

function propertyFields(f: Fields): TemplateResult {
  const c = f.condition;
  return html`${methodField(f)}${datalist(`${f.id}-ptypes`, ptypeChoices(c.method))}${datalist(`${f.id}-properties`, propertyChoices(c.method, c.ptype))}
  ${conditionText(f, "ptype", t("rules_ptype"), t("rules_ptypeHint"), `${f.id}-ptypes`)}${conditionText(
    f,
    "property",
    t("rules_property"),
    t("rules_propertyHint"),
    `${f.id}-properties`,
  )}${opField(f)}${conditionText(f, "value", t("rules_value"))}`;
}

function choiceFields<V extends string>(f: Fields, o: { suffix: string; key: string; label: string; values: readonly V[]; chosen: readonly V[]; table: Record<V, string>; onChange: (v: V[]) => void }): TemplateResult {
  return checkboxes({
    id: `${f.id}-${o.suffix}`,
    label: o.label,
    values: o.values,
    chosen: o.chosen,
    text: (v) => t(o.table[v]),
    invalid: f.ariaInvalid(o.key),
    describedBy: f.problemsId,
    onChange: o.onChange,
  });
}

function tlsEncryptedFields(f: Fields): TemplateResult {
  return html`${selectField({
    id: `${f.id}-encrypted`,
    label: t("rules_encValue"),
    value: f.condition.encrypted,
    options: TLS_ENCRYPTED.map((v) => [v, t(ENCRYPTED_LABEL[v])] as const),
    invalid: f.ariaInvalid("value"),
    describedBy: f.problemsId,
    onChange: (v) => f.set({ encrypted: v }),
  })}${allowDerivedCheckbox(f)}`;
}

function tlsVersionFields(f: Fields): TemplateResult {
  return html`${selectField({
    id: `${f.id}-version`,
    label: t("rules_version"),
    value: f.condition.version,
    options: TLS_VERSIONS.map((v) => [v, tlsVersionName(v)] as const),
    invalid: f.ariaInvalid("version"),
    describedBy: f.problemsId,
    onChange: (v) => f.set({ version: v }),
  })}${allowDerivedCheckbox(f)}`;
}

function trustedResultFields(f: Fields): TemplateResult {
  return html`${methodField(f)}${selectField({
    id: `${f.id}-trusted`,
    label: t("rules_trusted"),
    value: f.condition.trusted ? "yes" : "no",
    options: [
      ["yes", t("rules_trustedYes")],
      ["no", t("rules_trustedNo")],
    ],
    invalid: f.ariaInvalid("trusted"),
    describedBy: f.problemsId,
    onChange: (v) => f.set({ trusted: v === "yes" }),
  })}`;
}

/** The fields of a condition for its kind. Each kind keeps its own template: lit re-creates the fields when the kind changes. */
function kindFields(f: Fields): TemplateResult {
  const c = f.condition;
  switch (c.type) {
    case "methodResult":
      return html`${methodField(f)}${resultsField(f)}${resultSourceFields(f)}`;
    case "property":
      return propertyFields(f);
    case "verdict":
      return choiceFields(f, { suffix: "level", key: "levels", label: t("rules_levels"), values: VERDICT_LEVELS, chosen: c.levels, table: LEVEL_LABEL, onChange: (levels) => f.set({ levels }) });
    case "arc":
      return choiceFields(f, { suffix: "status", key: "status", label: t("rules_arcStatus"), values: ARC_STATUSES, chosen: c.status, table: ARC_LABEL, onChange: (status) => f.set({ status }) });
    case "tlsEncrypted":
      return tlsEncryptedFields(f);
    case "tlsVersionAtLeast":
      return tlsVersionFields(f);
    case "tlsStrength":
      // The draft's `strengths` are the schema's `levels`: problems come at that path.
      return html`${choiceFields(f, { suffix: "strength", key: "levels", label: t("rules_strengths"), values: TLS_STRENGTHS, chosen: c.strengths, table: STRENGTH_LABEL, onChange: (strengths) => f.set({ strengths }) })}${allowDerivedCheckbox(f)}`;
    case "dmarcSource":
      return choiceFields(f, { suffix: "source", key: "sources", label: t("rules_sources"), values: DMARC_SOURCES, chosen: c.sources, table: SOURCE_LABEL, onChange: (sources) => f.set({ sources }) });
    case "fromDomain":
      return html`${opField(f)}${conditionText(f, "value", t("rules_domainValue"), t("rules_domainHint"))}`;
    case "trustedResult":
      return trustedResultFields(f);
  }
}

export interface ConditionItem {
  condition: DraftCondition;
  index: number;
  /** Problems of the whole rule (paths from the rule: `conditions.0.results`). */
  problems: readonly RuleProblem[] | undefined;
  /** The only condition cannot be removed. */
  removable: boolean;
  checkingOn: boolean;
  set: (patch: Partial<DraftCondition>) => void;
  remove: () => void;
}

/** One condition: a heading with "not" and Remove, then its fields in one flat row. */
export function conditionItem(o: ConditionItem): TemplateResult {
  const id = `rule-cond-${o.index}`;
  const at = `conditions.${o.index}`;
  const f: Fields = { condition: o.condition, set: o.set, id, problemsId: `${id}-problems`, ariaInvalid: (key) => invalid(o.problems, `${at}.${key}`), checkingOn: o.checkingOn };
  return editorItem({
    id,
    index: o.index,
    title: t("rules_conditionLegend", o.index + 1),
    headExtra: checkbox(`${id}-negate`, t("rules_negate"), o.condition.negate, (negate) => o.set({ negate })),
    removeLabel: t("rules_removeConditionLabel", o.index + 1),
    removable: o.removable,
    remove: o.remove,
    fields: html`${selectField({
        id: `${id}-type`,
        label: t("rules_conditionType"),
        value: o.condition.type,
        options: CONDITION_TYPES.map((v) => [v, t(CONDITION_LABEL[v])] as const),
        invalid: f.ariaInvalid("type"),
        describedBy: f.problemsId,
        onChange: (type) => o.set({ type }),
      })}
      ${kindFields(f)}`,
    problems: problemList(f.problemsId, problemsUnder(o.problems, at), at),
  });
}
