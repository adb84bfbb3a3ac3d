/**
 * Rules in words, in one language: the options page (the user's language), the action log and the
 * CLI (English) all describe conditions, actions and rules with this one describer. Core holds no
 * strings: the caller passes the messages of its language (`_locales`, as for ../reason.ts), its
 * list format, and how to show a value safely. Names and values come from rules, which may come
 * from an administrator's policy: every one goes through `shown`.
 */
import { reason, reasonRenderer, type MessageLookup, type Reason } from "../reason.js";
import { ARC_LABEL, ENCRYPTED_LABEL, LEVEL_LABEL, methodName, OP_PHRASE, SOURCE_LABEL, SPECIAL_LABEL, STRENGTH_LABEL, tlsVersionName } from "./labels.js";
import type { Action, Condition, FolderRef, Rule } from "./schema.js";

/** One language, and what the caller knows about the names a rule refers to by id. */
export interface RuleWording {
  /** The messages of the language (`_locales/<lang>/messages.json`). */
  messages: MessageLookup;
  /** The language, for plural messages. */
  locale: string;
  /** "a, b or c" in the language. */
  orList: (items: readonly string[]) => string;
  /** A name or value from a rule, made safe to show (the CLI shows it as it is). */
  shown: (value: string) => string;
  /** An account's name; the id is shown when undefined. */
  accountName?: (accountId: string) => string | undefined;
  /** A Thunderbird tag's name; the key is shown when undefined. */
  tagName?: (key: string) => string | undefined;
}

export interface RuleDescriber {
  condition(c: Condition): string;
  action(a: Action): string;
  folder(f: FolderRef): string;
  /** Two sentences: when (the conditions) and then (the actions). */
  summary(r: Pick<Rule, "match" | "conditions" | "actions">): { when: string; then: string };
  /** A reason about a rule or an action (a skip note, an action log detail); its parameters are shown safely. */
  reason(r: Reason): string;
}

export function ruleDescriber(w: RuleWording): RuleDescriber {
  const render = reasonRenderer(w.messages, w.locale);
  const t = (key: string, ...params: string[]): string => render(reason(key, ...params));
  const labels = <K extends string>(table: Record<K, string>, keys: readonly K[]): string => w.orList(keys.map((k) => t(table[k])));
  const method = (m: string): string => methodName(m) ?? w.shown(m);
  const derived = (text: string, allow: boolean | undefined): string => (allow === true ? t("rules_descWithDerived", text) : text);
  // Thunderbird's name for a tag first: the rule's name is only used when AuthLens creates the tag.
  const tag = (key: string, name?: string): string => w.shown(w.tagName?.(key) ?? name ?? key);

  function positive(c: Condition): string {
    switch (c.type) {
      case "methodResult": {
        const results = w.orList(c.results.map(w.shown));
        const text = c.domain === undefined ? t("rules_descMethodResult", method(c.method), results) : t("rules_descMethodResultFor", method(c.method), w.shown(c.domain), results);
        return c.source === "local" ? t("rules_descByAuthLens", text) : c.source === "either" ? t("rules_descByEither", text) : text;
      }
      case "property":
        return t("rules_descProperty", method(c.method), w.shown(`${c.ptype}.${c.property}`), t(OP_PHRASE[c.op], w.shown(c.value)));
      case "verdict":
        return t("rules_descVerdict", labels(LEVEL_LABEL, c.levels));
      case "arc":
        return t("rules_descArc", labels(ARC_LABEL, c.status));
      case "tlsEncrypted":
        return derived(t("rules_descTlsEncrypted", t(ENCRYPTED_LABEL[c.value])), c.allowDerived);
      case "tlsVersionAtLeast":
        return derived(t("rules_descTlsVersion", tlsVersionName(c.version)), c.allowDerived);
      case "tlsStrength":
        return derived(t("rules_descTlsStrength", labels(STRENGTH_LABEL, c.levels)), c.allowDerived);
      case "dmarcSource":
        return t("rules_descDmarcSource", labels(SOURCE_LABEL, c.sources));
      case "fromDomain":
        return t("rules_descFromDomain", t(OP_PHRASE[c.op], w.shown(c.value)));
      case "trustedResult":
        return t(c.trusted ? "rules_descTrustedYes" : "rules_descTrustedNo", method(c.method));
    }
  }

  const condition = (c: Condition): string => (c.negate === true ? t("rules_descNot", positive(c)) : positive(c));

  function folder(f: FolderRef): string {
    const own = f.accountId === undefined;
    const account = own ? "" : w.shown(w.accountName?.(f.accountId ?? "") ?? f.accountId ?? "");
    if ("path" in f) return own ? t("rules_folderPathOwn", w.shown(f.path)) : t("rules_folderPathIn", w.shown(f.path), account);
    const special = t(SPECIAL_LABEL[f.specialUse]);
    return own ? t("rules_folderSpecialOwn", special) : t("rules_folderSpecialIn", special, account);
  }

  function action(a: Action): string {
    switch (a.type) {
      case "addTag":
        return t("rules_descAddTag", tag(a.tag, a.name));
      case "removeTag":
        return t("rules_descRemoveTag", tag(a.tag));
      case "moveTo":
        return t("rules_descMoveTo", folder(a.folder));
      case "copyTo":
        return t("rules_descCopyTo", folder(a.folder));
      case "markRead":
        return t(a.read ? "rules_descMarkRead" : "rules_descMarkUnread");
      case "flag":
        return t(a.flagged ? "rules_descFlag" : "rules_descUnflag");
      case "markJunk":
        return t(a.junk ? "rules_descJunk" : "rules_descNotJunk");
    }
  }

  return {
    condition,
    action,
    folder,
    summary(r) {
      const sep = t("rules_listSeparator");
      return {
        when: t(r.match === "any" ? "rules_summaryAny" : "rules_summaryAll", r.conditions.map(condition).join(sep)),
        then: t("rules_summaryThen", r.actions.map(action).join(sep)),
      };
    },
    reason: (r) => render({ key: r.key, params: r.params.map(w.shown) }),
  };
}
