/**
 * A tag action's tag: one of Thunderbird's tags by name, or a new one. A new tag is named and
 * coloured; its key is made from the name (tag-key.ts) and can be changed under "Advanced".
 * Removing a tag Thunderbird does not list takes its key.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { TagInfo } from "../../../shared/data-types.js";
import { t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { selectField, textField, value } from "./fields.js";
import type { PickerContext } from "./folder-picker.js";
import { tagKeyFromName } from "./tag-key.js";

const NEW = "__new__";
const COLOR = /^#[0-9a-f]{6}$/i;

function keyField(p: PickerContext, hint: string): TemplateResult {
  return textField({
    id: `${p.id}-tag-key`,
    label: t("rules_tagKey"),
    value: p.action.tag,
    hint,
    invalid: p.ariaInvalid("tag"),
    describedBy: p.problemsId,
    onInput: (tag) => p.set({ tag, tagKeyAuto: false }),
  });
}

/** A new tag: its name and colour, and its key under "Advanced". */
function newTagFields(p: PickerContext, tags: readonly TagInfo[]): TemplateResult {
  const a = p.action;
  const keyProblem = p.ariaInvalid("tag") === "true";
  return html`${textField({
      id: `${p.id}-tag-name`,
      label: t("rules_tagName"),
      value: a.tagName,
      // While the key follows the name, a problem with the key is one with the name.
      invalid: p.ariaInvalid("name") === "true" || (a.tagKeyAuto && keyProblem) ? "true" : "false",
      describedBy: p.problemsId,
      onInput: (tagName) => p.set(a.tagKeyAuto ? { tagName, tag: tagKeyFromName(tagName, tags) } : { tagName }),
    })}
    <div class="field">
      <label for=${`${p.id}-tag-color`}>${t("rules_tagColor")}</label>
      <input type="color" id=${`${p.id}-tag-color`} .value=${a.tagColor} aria-invalid=${p.ariaInvalid("color")} @input=${(e: Event) => p.set({ tagColor: value(e) })} />
    </div>
    <details class="advanced" ?open=${keyProblem}>
      <summary>${t("rules_advanced")}</summary>
      ${keyField(p, t("rules_tagKeyDerivedHint"))}
    </details>`;
}

export function tagPicker(p: PickerContext, tags: readonly TagInfo[]): TemplateResult {
  const a = p.action;
  const adding = a.type === "addTag";
  const existing = tags.find((x) => x.key === a.tag.trim().toLowerCase());
  const typed = a.tagMode === "new" || !existing;
  const choose = (v: string) => {
    if (v === NEW) return p.set(adding ? { tagMode: "new", tagKeyAuto: true, tag: tagKeyFromName(a.tagName, tags) } : { tagMode: "new", tagKeyAuto: false });
    const tag = tags.find((x) => x.key === v);
    if (tag) p.set({ tagMode: "existing", tagKeyAuto: false, tag: tag.key, tagName: tag.tag, tagColor: COLOR.test(tag.color) ? tag.color.toLowerCase() : a.tagColor });
  };
  return html`
    ${selectField({
      id: `${p.id}-tag`,
      label: t("rules_tag"),
      value: typed ? NEW : (existing?.key ?? NEW),
      options: [...tags.map((x): [string, string] => [x.key, shown(x.tag)]), [NEW, t(adding ? "rules_tagNew" : "rules_tagOtherKey")]],
      invalid: p.ariaInvalid("tag"),
      describedBy: p.problemsId,
      onChange: choose,
    })}
    ${typed ? (adding ? newTagFields(p, tags) : keyField(p, t("rules_tagKeyHint"))) : nothing}
  `;
}
