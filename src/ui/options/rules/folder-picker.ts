/**
 * A move or copy action's folder: the account (or the message's own), then one of the special
 * folders, a folder of that account, or another path typed in.
 */
import { html, nothing, type TemplateResult } from "lit";
import { SPECIAL_LABEL } from "../../../core/rules/labels.js";
import type { AccountFolders } from "../../../shared/data-types.js";
import { t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { selectField, textField, value, type Invalid } from "./fields.js";
import { SPECIAL_USES, type DraftAction } from "./model.js";

const OTHER = "__other__";

export interface PickerContext {
  action: DraftAction;
  /** `rule-act-<j>`. */
  id: string;
  problemsId: string;
  accounts: readonly AccountFolders[];
  /** aria-invalid for the action's key (`folder`, `tag`, `name`...). */
  ariaInvalid: (key: string) => Invalid;
  set: (patch: Partial<DraftAction>) => void;
}

/** Existing paths to offer: of the chosen account, or of every account for "the message's own account". */
function folderPaths(accounts: readonly AccountFolders[], accountId: string): { path: string; label: string }[] {
  const from = accountId === "" ? accounts : accounts.filter((a) => a.id === accountId);
  const seen = new Set<string>();
  const out: { path: string; label: string }[] = [];
  for (const a of from) {
    for (const f of a.folders) {
      if (seen.has(f.path)) continue;
      seen.add(f.path);
      out.push({ path: f.path, label: `${"\u00a0\u00a0".repeat(accountId === "" ? 0 : f.depth)}${shown(accountId === "" ? f.path : f.name)}` });
    }
  }
  return out;
}

export function folderPicker(p: PickerContext): TemplateResult {
  const a = p.action;
  const paths = folderPaths(p.accounts, a.accountId);
  const known = paths.some((x) => x.path === a.path);
  const other = a.folderKind === "path" && (a.otherPath || (a.path !== "" && !known));
  const current = a.folderKind === "specialUse" ? `s:${a.specialUse}` : other ? OTHER : a.path === "" ? "" : `p:${a.path}`;
  const choose = (v: string) => {
    if (v === OTHER) p.set({ folderKind: "path", otherPath: true });
    else if (v.startsWith("s:")) p.set({ folderKind: "specialUse", specialUse: v.slice(2) as DraftAction["specialUse"], otherPath: false });
    else p.set({ folderKind: "path", path: v.slice(2), otherPath: false });
  };
  const inv = p.ariaInvalid("folder");
  return html`
    ${selectField({
      id: `${p.id}-account`,
      label: t("rules_account"),
      value: a.accountId,
      options: [["", t("rules_ownAccount")] as const, ...p.accounts.map((acc) => [acc.id, shown(acc.name)] as const)],
      onChange: (accountId) => p.set({ accountId }),
    })}
    <div class="field">
      <label for=${`${p.id}-folder`}>${t("rules_folder")}</label>
      <select id=${`${p.id}-folder`} aria-invalid=${inv} aria-describedby=${inv === "true" ? p.problemsId : nothing} @change=${(e: Event) => choose(value(e))}>
        ${current === "" ? html`<option value="" selected>${t("rules_folderChoose")}</option>` : nothing}
        <optgroup label=${t("rules_specialFolders")}>
          ${SPECIAL_USES.map((u) => html`<option value=${`s:${u}`} ?selected=${current === `s:${u}`}>${t(SPECIAL_LABEL[u])}</option>`)}
        </optgroup>
        ${paths.length > 0
          ? html`<optgroup label=${t("rules_folders")}>
              ${paths.map((x) => html`<option value=${`p:${x.path}`} ?selected=${current === `p:${x.path}`}>${x.label}</option>`)}
            </optgroup>`
          : nothing}
        <option value=${OTHER} ?selected=${current === OTHER}>${t("rules_folderOther")}</option>
      </select>
    </div>
    ${other
      ? textField({
          id: `${p.id}-path`,
          label: t("rules_folderPath"),
          value: a.path,
          hint: t("rules_folderPathHint"),
          invalid: inv,
          describedBy: p.problemsId,
          onInput: (path) => p.set({ path }),
        })
      : nothing}
  `;
}
