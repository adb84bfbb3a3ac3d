/**
 * Runs the rules on one message: analyze (trusted results only), evaluate, plan, and — unless a dry
 * run — act once per rule-set version, journalled so a re-run after a quit does not act again.
 */
import type { Analysis } from "../../core/analyze.js";
import { evaluateRules, type RuleMatch } from "../../core/rules/evaluate.js";
import { planActions, type ActionPlan } from "../../core/rules/plan.js";
import { fnv1a64 } from "../../core/rules/version.js";
import { messenger } from "../../shared/api.js";
import { analysisWithOwnCheck, analyze, type MessageAnalysis } from "../analysis.js";
import type { LogEntry } from "../../shared/data-types.js";
import { executePlan, planAlreadySo } from "./execute.js";
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

/** `ownChecked`: the raw message was read for AuthLens's own checks (a rule needs their results). */
export type MessageOutcome =
  | { status: "alreadyDone"; matched: string[]; ownChecked: false }
  | { status: "noMatch"; matched: string[]; ownChecked: boolean }
  /** `changes`: the real run would change the message (see wouldChange). */
  | { status: "dryRun"; matched: string[]; actions: number; changes: boolean; ownChecked: boolean }
  | { status: "acted"; matched: string[]; actions: number; complete: boolean; untouched: boolean; ownChecked: boolean };

/**
 * The identity of a message for the journal. The Message-ID alone is chosen by the sender: a
 * harmless message sent first with the Message-ID of a later phishing one must not make the rules
 * skip the second. So the key also holds a hash of what the receiving servers wrote (every
 * Authentication-Results value) and of the date, author and subject.
 */
export function messageKey(m: MessageHeader, analysis: Analysis): string {
  const date = m.date instanceof Date ? m.date.getTime() : String(m.date);
  const seen = [...analysis.authResults.map((e) => e.raw), String(date), m.author, m.subject].join("\u0000");
  return `${m.headerMessageId || "nomid"}|${fnv1a64(seen)}`;
}

const matchedIds = (matches: RuleMatch[]) => matches.filter((m) => m.matched).map((m) => m.ruleId);

/** The last outcomes, newest last (for diagnostics: what happened to a message that got nothing). */
const recent: { headerMessageId: string; status: MessageOutcome["status"]; at: number }[] = [];
export function recentOutcomes(): readonly { headerMessageId: string; status: MessageOutcome["status"]; at: number }[] {
  return recent;
}
function remember(message: MessageHeader, outcome: MessageOutcome): MessageOutcome {
  recent.push({ headerMessageId: message.headerMessageId, status: outcome.status, at: Date.now() });
  if (recent.length > 200) recent.shift();
  return outcome;
}

/** One message is handled by one trigger at a time (a bulk run and new mail may meet). */
const inProgress = new Map<number, Promise<unknown>>();

export function runRulesOn(message: MessageHeader, opts: RunOptions): Promise<MessageOutcome> {
  const previous = inProgress.get(message.id) ?? Promise.resolve();
  const next = () => runNow(message, opts).then((o) => remember(message, o));
  const run = previous.then(next, next);
  inProgress.set(message.id, run);
  void run.finally(() => {
    if (inProgress.get(message.id) === run) inProgress.delete(message.id);
  }).catch(() => undefined);
  return run;
}

/**
 * Would the real run change this message? Not when it is in the journal (the run skips it), nor
 * when every action is already so as listed (its tags, read, flag, junk); a move or a copy counts.
 */
async function wouldChange(message: MessageHeader, plan: ActionPlan, key: string, journal: Journal): Promise<boolean> {
  if (planAlreadySo(message, plan)) return false;
  return !(await journal.isDone(key));
}

/**
 * The analysis the rules see: with AuthLens's own checks when a rule needs them (the raw message
 * is read only then). A message too large or unreadable is analyzed without them: its local
 * conditions are false.
 */
async function analysisForRules(message: MessageHeader, ma: MessageAnalysis, opts: RunOptions, useCache: boolean): Promise<{ analysis: Analysis; ownChecked: boolean }> {
  const own = opts.ruleSet.ownChecks;
  if (own === null) return { analysis: ma.analysis, ownChecked: false };
  const { analysis, own: checked } = await analysisWithOwnCheck(message, ma, own, useCache);
  // Not read: too large, or checking turned off meanwhile.
  return { analysis, ownChecked: checked.state === "done" || checked.state === "unavailable" };
}

async function runNow(message: MessageHeader, opts: RunOptions): Promise<MessageOutcome> {
  // Bulk runs must not grow the display's caches: analyze and check without them.
  const useCache = opts.trigger !== "folder";
  const ma = await analyze(message, useCache);
  // The journal first: a message already handled is not read whole again.
  const key = messageKey(message, ma.analysis);
  if (!opts.dryRun && (await opts.journal.isDone(key))) return { status: "alreadyDone", matched: [], ownChecked: false };
  const { analysis, ownChecked } = await analysisForRules(message, ma, opts, useCache);
  const matches = evaluateRules(opts.ruleSet.rules, analysis);
  const matched = matchedIds(matches);
  const plan = planActions(matches);
  if (opts.dryRun) return { status: "dryRun", matched, actions: plan.actions.length, changes: await wouldChange(message, plan, key, opts.journal), ownChecked };
  // Nothing to do is not recorded: after a settings change (a server trusted later) the same
  // message may match, and looking again costs no more than reading its headers.
  if (plan.actions.length === 0) return { status: "noMatch", matched, ownChecked };
  const result = await executePlan(message, plan, { resolver: opts.resolver, trigger: opts.trigger, messageKey: key });
  opts.log.push(...result.log);
  // A failure is not recorded as done, so the next run tries again (its actions are idempotent).
  if (result.complete) await opts.journal.markDone(key);
  return { status: "acted", matched, actions: plan.actions.length, complete: result.complete, untouched: result.untouched, ownChecked };
}
