/**
 * The rules editor's form fields: text, select, a group of checkboxes, one checkbox, and the list
 * of problems a field's aria-describedby names. Laid out flat: a field is a label over its control,
 * a group a label over its checkboxes (role="group", no fieldset).
 */
import { html, nothing, type TemplateResult } from "lit";
import { t } from "../../shared/i18n.js";
import { problemLine } from "../problems.js";
import { problemsUnder, type RuleProblem } from "./model.js";

export type Invalid = "true" | "false";

export const value = (e: Event): string => (e.target as HTMLInputElement | HTMLSelectElement).value;
const checked = (e: Event): boolean => (e.target as HTMLInputElement).checked;

/** aria-invalid for a field whose problems are at path `at`. */
export function invalid(problems: readonly RuleProblem[] | undefined, at: string): Invalid {
  return problemsUnder(problems, at).length > 0 ? "true" : "false";
}

/** The problems under `base`, each with its path relative to it. */
export function problemList(id: string, problems: readonly RuleProblem[], base: string): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const rel = (at: string) => (at === base ? "" : base === "" ? at : at.slice(base.length + 1));
  return html`<ul class="problems problem" id=${id}>
    ${problems.map((p) => html`<li>${problemLine({ path: rel(p.at), message: p.message })}</li>`)}
  </ul>`;
}

const describedBy = (ids: readonly (string | false | undefined)[]): string | typeof nothing =>
  ids.filter((x): x is string => typeof x === "string" && x !== "").join(" ") || nothing;

export function textField(o: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  list?: string;
  invalid: Invalid;
  describedBy: string;
  onInput: (v: string) => void;
}): TemplateResult {
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
      aria-describedby=${describedBy([o.hint && `${o.id}-hint`, o.invalid === "true" && o.describedBy])}
      @input=${(e: Event) => o.onInput(value(e))}
    />
    ${o.hint ? html`<span class="hint" id=${`${o.id}-hint`}>${o.hint}</span>` : nothing}
  </div>`;
}

export function selectField<V extends string>(o: {
  id: string;
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  /** An option shown first and selected while `value` is none of `options` ("Choose…"). */
  placeholder?: string;
  invalid?: Invalid;
  describedBy?: string;
  onChange: (v: V) => void;
}): TemplateResult {
  const unset = o.placeholder !== undefined && !o.options.some(([v]) => v === o.value);
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <select
      id=${o.id}
      aria-invalid=${o.invalid ?? "false"}
      aria-describedby=${describedBy([o.invalid === "true" && o.describedBy])}
      @change=${(e: Event) => o.onChange(value(e) as V)}
    >
      ${unset ? html`<option value="" selected disabled>${o.placeholder}</option>` : nothing}
      ${o.options.map(([v, label]) => html`<option value=${v} ?selected=${v === o.value}>${label}</option>`)}
    </select>
  </div>`;
}

export function checkboxes<V extends string>(o: {
  id: string;
  label: string;
  values: readonly V[];
  chosen: readonly V[];
  text: (v: V) => string;
  invalid: Invalid;
  describedBy: string;
  onChange: (chosen: V[]) => void;
}): TemplateResult {
  return html`<div
    class="field choices"
    role="group"
    id=${o.id}
    aria-labelledby=${`${o.id}-label`}
    aria-invalid=${o.invalid}
    aria-describedby=${describedBy([o.invalid === "true" && o.describedBy])}
  >
    <span class="label" id=${`${o.id}-label`}>${o.label}</span>
    <div class="row">
      ${o.values.map(
        (v) => html`<label class="check">
          <input
            type="checkbox"
            id=${`${o.id}-${v}`}
            .checked=${o.chosen.includes(v)}
            @change=${(e: Event) => o.onChange(o.values.filter((x) => (x === v ? checked(e) : o.chosen.includes(x))))}
          />
          ${o.text(v)}
        </label>`,
      )}
    </div>
  </div>`;
}

export function checkbox(id: string, label: string, on: boolean, onChange: (on: boolean) => void): TemplateResult {
  return html`<label class="check">
    <input type="checkbox" id=${id} .checked=${on} @change=${(e: Event) => onChange(checked(e))} />
    ${label}
  </label>`;
}

/**
 * One condition or action of the rule editor: a titled group with Remove (and `headExtra`, the
 * condition's "not"), its fields in one row, then its problems.
 */
export function editorItem(o: {
  id: string;
  index: number;
  title: string;
  headExtra?: TemplateResult;
  removeLabel: string;
  removable: boolean;
  remove: () => void;
  fields: TemplateResult;
  problems: TemplateResult | typeof nothing;
}): TemplateResult {
  return html`<li class="item" id=${o.id} data-index=${o.index} role="group" aria-labelledby=${`${o.id}-title`}>
    <div class="item-head">
      <span class="item-title" id=${`${o.id}-title`}>${o.title}</span>
      ${o.headExtra ?? nothing}
      <button type="button" class="remove" ?disabled=${!o.removable} aria-label=${o.removeLabel} @click=${o.remove}>${t("rules_remove")}</button>
    </div>
    <div class="fields">${o.fields}</div>
    ${o.problems}
  </li>`;
}
