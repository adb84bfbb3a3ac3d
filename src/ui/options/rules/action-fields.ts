/** One action in the rules editor: what to do, its fields in one flat row, and its problems. */
import { html, type TemplateResult } from "lit";
import type { ActionType } from "../../../core/rules/schema.js";
import type { AccountFolders, TagInfo } from "../../../shared/data-types.js";
import { t } from "../../shared/i18n.js";
import { editorItem, invalid, problemList, selectField } from "./fields.js";
import { folderPicker, type PickerContext } from "./folder-picker.js";
import { ACTION_TYPES, problemsUnder, type DraftAction, type RuleProblem } from "./model.js";
import { tagPicker } from "./tag-picker.js";

const ACTION_LABEL: Record<ActionType, string> = {
  addTag: "rules_actAddTag",
  removeTag: "rules_actRemoveTag",
  moveTo: "rules_actMoveTo",
  copyTo: "rules_actCopyTo",
  markRead: "rules_actMarkRead",
  flag: "rules_actFlag",
  markJunk: "rules_actMarkJunk",
};

function yesNo(p: PickerContext, key: "read" | "flagged" | "junk", label: string, yes: string, no: string): TemplateResult {
  return selectField({
    id: `${p.id}-${key}`,
    label,
    value: p.action[key] ? "yes" : "no",
    options: [
      ["yes", yes],
      ["no", no],
    ],
    invalid: p.ariaInvalid(key),
    describedBy: p.problemsId,
    onChange: (v) => p.set({ [key]: v === "yes" }),
  });
}

function kindFields(p: PickerContext, tags: readonly TagInfo[]): TemplateResult {
  switch (p.action.type) {
    case "addTag":
    case "removeTag":
      return tagPicker(p, tags);
    case "moveTo":
    case "copyTo":
      return folderPicker(p);
    case "markRead":
      return yesNo(p, "read", t("rules_readState"), t("rules_read"), t("rules_unread"));
    case "flag":
      return yesNo(p, "flagged", t("rules_flagState"), t("rules_flagOn"), t("rules_flagOff"));
    case "markJunk":
      return yesNo(p, "junk", t("rules_junkState"), t("rules_junkOn"), t("rules_junkOff"));
  }
}

export interface ActionItem {
  action: DraftAction;
  index: number;
  /** Problems of the whole rule (paths from the rule: `actions.0.tag`). */
  problems: readonly RuleProblem[] | undefined;
  accounts: readonly AccountFolders[];
  tags: readonly TagInfo[];
  /** The only action cannot be removed. */
  removable: boolean;
  set: (patch: Partial<DraftAction>) => void;
  remove: () => void;
}

/** One action: a heading with Remove, then its fields in one flat row. */
export function actionItem(o: ActionItem): TemplateResult {
  const id = `rule-act-${o.index}`;
  const at = `actions.${o.index}`;
  const p: PickerContext = {
    action: o.action,
    id,
    problemsId: `${id}-problems`,
    accounts: o.accounts,
    ariaInvalid: (key) => invalid(o.problems, `${at}.${key}`),
    set: o.set,
  };
  return editorItem({
    id,
    index: o.index,
    title: t("rules_actionLegend", o.index + 1),
    removeLabel: t("rules_removeActionLabel", o.index + 1),
    removable: o.removable,
    remove: o.remove,
    fields: html`${selectField({
        id: `${id}-type`,
        label: t("rules_actionType"),
        value: o.action.type,
        options: ACTION_TYPES.map((v) => [v, t(ACTION_LABEL[v])] as const),
        invalid: p.ariaInvalid("type"),
        describedBy: p.problemsId,
        onChange: (type) => o.set({ type }),
      })}
      ${kindFields(p, o.tags)}`,
    problems: problemList(p.problemsId, problemsUnder(o.problems, at), at),
  });
}
