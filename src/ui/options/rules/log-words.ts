/**
 * An action log entry in words, in the user's language: the table and both exports show the same
 * plain text. Actions and details are data (core/rules/describe.ts puts them into words); entries
 * written by earlier versions hold English text, shown as it is.
 */
import type { RuleDescriber } from "../../../core/rules/describe.js";
import type { LogEntry, Outcome } from "../../../shared/data-types.js";
import { formatTime, t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";
import { uiLanguage } from "../../../shared/ui-platform.js";

const OUTCOME_LABEL: Record<Outcome, string> = {
  done: "log_outcomeDone",
  failed: "log_outcomeFailed",
  skipped: "log_outcomeSkipped",
  would: "log_outcomeWould",
};

const TRIGGER_LABEL: Record<LogEntry["trigger"], string> = {
  newMail: "log_triggerNewMail",
  selected: "log_triggerSelected",
  folder: "log_triggerFolder",
  policy: "log_triggerPolicy",
};

/** One entry as the page shows it and the exports write it. */
export interface LogWords {
  /** ISO 8601, for the exports. */
  time: string;
  /** In the user's locale, for the table. */
  localTime: string;
  subject: string;
  messageId: string;
  rule: string;
  action: string;
  outcome: string;
  detail: string;
  trigger: string;
}

export const isProblem = (e: LogEntry): boolean => e.outcome === "failed" || e.outcome === "skipped";

/** A sentence's first letter in upper case, where the language has cases. */
function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase(uiLanguage()) + text.slice(1);
}

function actionWords(e: LogEntry, words: RuleDescriber): string {
  if (e.action === null || e.action === "") return "";
  return typeof e.action === "string" ? shown(e.action) : sentence(words.action(e.action));
}

function detailWords(e: LogEntry, words: RuleDescriber): string {
  if (e.detail === null || e.detail === "") return "";
  return typeof e.detail === "string" ? shown(e.detail) : words.reason(e.detail);
}

export function logWords(e: LogEntry, words: RuleDescriber): LogWords {
  return {
    time: new Date(e.time).toISOString(),
    localTime: formatTime(e.time / 1000),
    subject: e.subject ? shown(e.subject) : t("log_noSubject"),
    messageId: shown(e.messageId),
    rule: e.ruleName || e.ruleId ? shown(e.ruleName || e.ruleId) : t("log_allRules"),
    action: actionWords(e, words),
    outcome: t(OUTCOME_LABEL[e.outcome] ?? "log_outcomeDone"),
    detail: detailWords(e, words),
    trigger: t(TRIGGER_LABEL[e.trigger] ?? "log_triggerSelected"),
  };
}
