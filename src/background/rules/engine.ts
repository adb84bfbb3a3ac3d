/**
 * Runs the rules on one message: analyse (trusted results only), evaluate, plan, and — unless a dry
 * run — act once per rule-set version, journalled so a quit in the middle never acts twice.
 */
import { evaluateRules, type RuleMatch } from "../../core/rules/evaluate.js";
import { planActions } from "../../core/rules/plan.js";
import { messenger } from "../api.js";
import { analyse } from "../analysis.js";
import type { LogEntry } from "./action-log.js";
import { executePlan } from "./execute.js";
import type { FolderResolver } from "./folders.js";
import type { Journal } from "./journal.js";
import type { RuleSet } from "./rule-set.js";

type MessageHeader = messenger.messages.MessageHeader;

export interface RunOptions {
  ruleSet: RuleSet;
  journal: Journal;
  /** Collects the action log; the caller writes it (in batches for a bulk run). */
  log: LogEntry[];
  resolver: FolderResolver;
  trigger: LogEntry["trigger"];
  dryRun: boolean;
}

export type MessageOutcome =
  | { status: "alreadyDone"; matched: string[] }
  | { status: "noMatch"; matched: string[] }
  | { status: "dryRun"; matched: string[]; actions: number }
  | { status: "acted"; matched: string[]; actions: number; complete: boolean; untouched: boolean };

/** The identity of a message across moves and restarts: its Message-ID, else what Thunderbird knows of it. */
export function messageKey(m: MessageHeader): string {
  if (m.headerMessageId) return m.headerMessageId;
  return `nomid:${m.folder?.accountId ?? ""}:${m.date instanceof Date ? m.date.getTime() : String(m.date)}:${m.author}:${m.subject}`;
}

const matchedIds = (matches: RuleMatch[]) => matches.filter((m) => m.matched).map((m) => m.ruleId);

export async function runRulesOn(message: MessageHeader, opts: RunOptions): Promise<MessageOutcome> {
  const key = messageKey(message);
  if (!opts.dryRun && (await opts.journal.isDone(key))) return { status: "alreadyDone", matched: [] };
  // Bulk runs must not grow the display cache: analyse without it.
  const { analysis } = await analyse(message, opts.trigger !== "folder");
  const matches = evaluateRules(opts.ruleSet.rules, analysis);
  const matched = matchedIds(matches);
  const plan = planActions(matches);
  if (opts.dryRun) return { status: "dryRun", matched, actions: plan.actions.length };
  if (plan.actions.length === 0) {
    await opts.journal.markDone(key);
    return { status: "noMatch", matched };
  }
  const result = await executePlan(message, plan, { resolver: opts.resolver, trigger: opts.trigger, messageKey: key });
  opts.log.push(...result.log);
  // A failure is not recorded as done, so the next run tries again (its actions are idempotent).
  if (result.complete) await opts.journal.markDone(key);
  return { status: "acted", matched, actions: plan.actions.length, complete: result.complete, untouched: result.untouched };
}
