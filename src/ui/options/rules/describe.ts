/**
 * Rules in the user's language, for the list and the admin rules (src/core/rules/describe.ts is the
 * English of the CLI and the log). Names and values come from rules, which may come from a policy:
 * they go through shown().
 */
import { uiLanguage } from "../../../shared/ui-platform.js";
import { t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import type { Action, Condition, FolderRef, Rule, StringOp } from "../../../core/rules/schema.js";
import type { ArcStatus, DmarcSource, SpecialUse, TlsEncrypted, TlsStrength, VerdictLevel } from "./model.js";
import type { AccountFolders } from "../../../shared/data-types.js";

export const OP_LABEL: Record<StringOp, string> = {
  equals: "rules_opEquals",
  contains: "rules_opContains",
  startsWith: "rules_opStartsWith",
  endsWith: "rules_opEndsWith",
  matchesDomain: "rules_opMatchesDomain",
};

const OP_PHRASE: Record<StringOp, string> = {
  equals: "rules_opPhraseEquals",
  contains: "rules_opPhraseContains",
  startsWith: "rules_opPhraseStartsWith",
  endsWith: "rules_opPhraseEndsWith",
  matchesDomain: "rules_opPhraseMatchesDomain",
};

export const LEVEL_LABEL: Record<VerdictLevel, string> = {
  verified: "level_verified",
  suspicious: "level_suspicious",
  failed: "level_failed",
  unconfigured: "level_unconfigured",
  unverified: "level_unverified",
};

export const ARC_LABEL: Record<ArcStatus, string> = { pass: "rules_arcPass", fail: "rules_arcFail", none: "rules_arcNone" };
export const ENCRYPTED_LABEL: Record<TlsEncrypted, string> = { yes: "rules_encYes", no: "rules_encNo", unknown: "rules_encUnknown" };
export const STRENGTH_LABEL: Record<TlsStrength, string> = { low: "strength_low", medium: "strength_medium", high: "strength_high" };
export const SOURCE_LABEL: Record<DmarcSource, string> = { authres: "rules_sourceAuthres", virtual: "rules_sourceVirtual", none: "rules_sourceNone" };
export const SPECIAL_LABEL: Record<SpecialUse, string> = {
  inbox: "rules_specialInbox",
  drafts: "rules_specialDrafts",
  sent: "rules_specialSent",
  trash: "rules_specialTrash",
  templates: "rules_specialTemplates",
  archives: "rules_specialArchives",
  junk: "rules_specialJunk",
  outbox: "rules_specialOutbox",
};

/** "a, b or c" in the user's language. */
export function orList(items: readonly string[]): string {
  try {
    return new Intl.ListFormat(uiLanguage(), { type: "disjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}

function labels<K extends string>(table: Record<K, string>, keys: readonly K[]): string {
  return orList(keys.map((k) => t(table[k])));
}

function positive(c: Condition): string {
  switch (c.type) {
    case "methodResult":
      return t("rules_descMethodResult", shown(c.method), orList(c.results.map(shown)));
    case "property":
      return t("rules_descProperty", shown(c.method), shown(`${c.ptype}.${c.property}`), t(OP_PHRASE[c.op], shown(c.value)));
    case "verdict":
      return t("rules_descVerdict", labels(LEVEL_LABEL, c.levels));
    case "arc":
      return t("rules_descArc", labels(ARC_LABEL, c.status));
    case "tlsEncrypted":
      return derived(t("rules_descTlsEncrypted", t(ENCRYPTED_LABEL[c.value])), c.allowDerived);
    case "tlsVersionAtLeast":
      return derived(t("rules_descTlsVersion", c.version), c.allowDerived);
    case "tlsStrength":
      return derived(t("rules_descTlsStrength", labels(STRENGTH_LABEL, c.levels)), c.allowDerived);
    case "dmarcSource":
      return t("rules_descDmarcSource", labels(SOURCE_LABEL, c.sources));
    case "fromDomain":
      return t("rules_descFromDomain", t(OP_PHRASE[c.op], shown(c.value)));
    case "trustedResult":
      return t(c.trusted ? "rules_descTrustedYes" : "rules_descTrustedNo", shown(c.method));
  }
}

function derived(text: string, allow: boolean | undefined): string {
  return allow === true ? t("rules_descWithDerived", text) : text;
}

export function conditionText(c: Condition): string {
  const text = positive(c);
  return c.negate === true ? t("rules_descNot", text) : text;
}

export function accountName(accounts: readonly AccountFolders[], id: string): string {
  return accounts.find((a) => a.id === id)?.name ?? id;
}

export function folderText(f: FolderRef, accounts: readonly AccountFolders[]): string {
  const own = f.accountId === undefined;
  const account = own ? "" : shown(accountName(accounts, f.accountId ?? ""));
  if ("path" in f) return own ? t("rules_folderPathOwn", shown(f.path)) : t("rules_folderPathIn", shown(f.path), account);
  const special = t(SPECIAL_LABEL[f.specialUse]);
  return own ? t("rules_folderSpecialOwn", special) : t("rules_folderSpecialIn", special, account);
}

export function actionText(a: Action, accounts: readonly AccountFolders[]): string {
  switch (a.type) {
    case "addTag":
      return t("rules_descAddTag", shown(a.name ?? a.tag));
    case "removeTag":
      return t("rules_descRemoveTag", shown(a.tag));
    case "moveTo":
      return t("rules_descMoveTo", folderText(a.folder, accounts));
    case "copyTo":
      return t("rules_descCopyTo", folderText(a.folder, accounts));
    case "markRead":
      return t(a.read ? "rules_descMarkRead" : "rules_descMarkUnread");
    case "flag":
      return t(a.flagged ? "rules_descFlag" : "rules_descUnflag");
    case "markJunk":
      return t(a.junk ? "rules_descJunk" : "rules_descNotJunk");
  }
}

/** Two sentences: when (the conditions) and then (the actions). */
export function ruleSummary(r: Pick<Rule, "match" | "conditions" | "actions">, accounts: readonly AccountFolders[]): { when: string; then: string } {
  const sep = t("rules_listSeparator");
  return {
    when: t(r.match === "any" ? "rules_summaryAny" : "rules_summaryAll", r.conditions.map(conditionText).join(sep)),
    then: t("rules_summaryThen", r.actions.map((a) => actionText(a, accounts)).join(sep)),
  };
}
