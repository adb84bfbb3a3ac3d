/**
 * The rule describer (core/rules/describe.ts) in the user's language: the browser's messages,
 * its list format, and shown() for every name and value a rule holds (rules may come from a
 * policy). The names of accounts and tags, where the page knows them, replace their ids.
 */
import { ruleDescriber, type RuleDescriber } from "../../../core/rules/describe.js";
import type { MessageLookup } from "../../../core/reason.js";
import { getMessage, uiLanguage } from "../../../shared/ui-platform.js";
import { shown } from "../../shared/shown.js";

/** What the page knows about the accounts and tags a rule names by id. */
export interface KnownNames {
  accounts?: readonly { id: string; name: string }[];
  tags?: readonly { key: string; tag: string }[];
}

const uiMessage: MessageLookup = (key, params) => {
  const text = getMessage(key, [...params]);
  return text === "" ? undefined : text;
};

/** "a, b or c" in the user's language. */
function orList(items: readonly string[]): string {
  try {
    return new Intl.ListFormat(uiLanguage(), { type: "disjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}

export function optionsDescriber(known: KnownNames = {}): RuleDescriber {
  return ruleDescriber({
    messages: uiMessage,
    locale: uiLanguage(),
    orList,
    shown,
    accountName: (id) => known.accounts?.find((a) => a.id === id)?.name,
    tagName: (key) => known.tags?.find((x) => x.key === key.toLowerCase())?.tag,
  });
}
