/**
 * Rules in English words for the CLI: the add-on's describer (core/rules/describe.ts) with the
 * English messages of _locales/en, so `authlens rules test` and the options page say the same.
 */
import { ruleDescriber, type RuleDescriber } from "../core/rules/describe.js";
import { englishMessage } from "./english.js";

const list = new Intl.ListFormat("en", { type: "disjunction" });

export const englishRules: RuleDescriber = ruleDescriber({
  messages: englishMessage,
  locale: "en",
  orList: (items) => list.format(items),
  // A terminal shows text, never markup: values are printed as the rules hold them.
  shown: (value) => value,
});
