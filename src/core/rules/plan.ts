/**
 * From the rules that matched one message to the list of actions to perform, in order.
 *
 * - First rule wins: for a tag, the read state, the flag and the junk state, the first action
 *   (in rule order, then action order) decides; a later action on the same thing is skipped with
 *   a note (repeating it is pointless, contradicting it would undo the earlier rule).
 * - One move at most: the first `moveTo` wins; later moves are skipped, and so is a `copyTo` to the
 *   folder the message is moved to. Copies to the same folder are made once.
 * - Order of execution: tags, read, flag, junk, copies, and the move last, so that everything
 *   is done on the message before it leaves its folder (nothing lost if the move fails, and no
 *   action is applied to a message id that a move has invalidated).
 */
import type { RuleMatch } from "./evaluate.js";
import { reason, type Reason } from "../reason.js";
import type { Action, FolderRef } from "./schema.js";

export interface PlannedAction {
  action: Action;
  ruleId: string;
  ruleName: string;
}

export interface SkippedAction extends PlannedAction {
  /** Why it is not performed (`rules_skip*`, naming the rule that decided). */
  note: Reason;
}

export interface ActionPlan {
  actions: PlannedAction[];
  skipped: SkippedAction[];
}

const PHASE: Record<Action["type"], number> = { addTag: 0, removeTag: 0, markRead: 1, flag: 2, markJunk: 3, copyTo: 4, moveTo: 5 };

export function folderKey(f: FolderRef): string {
  const where = "path" in f ? `path:${f.path}` : `special:${f.specialUse}`;
  return `${f.accountId ?? ""}\u0000${where}`;
}

function subject(a: Action): string | null {
  switch (a.type) {
    case "addTag":
    case "removeTag":
      return `tag:${a.tag}`;
    case "markRead":
      return "read";
    case "flag":
      return "flag";
    case "markJunk":
      return "junk";
    case "moveTo":
    case "copyTo":
      return null;
  }
}

function sameEffect(a: Action, b: Action): boolean {
  switch (a.type) {
    case "addTag":
    case "removeTag":
      return a.type === b.type;
    case "markRead":
      return b.type === "markRead" && a.read === b.read;
    case "flag":
      return b.type === "flag" && a.flagged === b.flagged;
    case "markJunk":
      return b.type === "markJunk" && a.junk === b.junk;
    default:
      return false;
  }
}

export function planActions(matches: readonly RuleMatch[]): ActionPlan {
  const all: PlannedAction[] = [];
  for (const m of matches) {
    if (!m.matched) continue;
    for (const action of m.actions) all.push({ action, ruleId: m.ruleId, ruleName: m.ruleName });
  }
  const kept: PlannedAction[] = [];
  const skipped: SkippedAction[] = [];

  const move = all.find((p) => p.action.type === "moveTo");
  const moveKey = move?.action.type === "moveTo" ? folderKey(move.action.folder) : null;
  const decided = new Map<string, PlannedAction>();
  const copies = new Map<string, PlannedAction>();

  for (const p of all) {
    const a = p.action;
    if (a.type === "moveTo") {
      if (p === move) kept.push(p);
      else if (move !== undefined) skipped.push({ ...p, note: reason("rules_skipMoved", move.ruleName) });
      continue;
    }
    if (a.type === "copyTo") {
      const key = folderKey(a.folder);
      const earlier = copies.get(key);
      if (move !== undefined && key === moveKey) {
        skipped.push({ ...p, note: reason("rules_skipCopyMoved", move.ruleName) });
      } else if (earlier !== undefined) {
        skipped.push({ ...p, note: reason("rules_skipCopied", earlier.ruleName) });
      } else {
        copies.set(key, p);
        kept.push(p);
      }
      continue;
    }
    const key = subject(a);
    if (key === null) continue;
    const first = decided.get(key);
    if (first === undefined) {
      decided.set(key, p);
      kept.push(p);
    } else if (sameEffect(first.action, a)) {
      skipped.push({ ...p, note: reason("rules_skipRepeated", first.ruleName) });
    } else {
      skipped.push({ ...p, note: reason("rules_skipContradicts", first.ruleName) });
    }
  }
  // Stable sort by phase keeps rule order within a phase.
  const actions = kept
    .map((p, i) => ({ p, i }))
    .sort((x, y) => PHASE[x.p.action.type] - PHASE[y.p.action.type] || x.i - y.i)
    .map((x) => x.p);
  return { actions, skipped };
}

/** What the actions change about a message, as Thunderbird reports it. */
export interface MessageState {
  tags: readonly string[];
  read?: boolean;
  flagged?: boolean;
  junk?: boolean;
}

/**
 * Is the message already as the action would make it? Never for a move or a copy: whether a
 * folder holds the message is for the caller to find out. An action that is already so is not
 * performed (nor logged) again: that is what makes a re-run after an interruption harmless, and
 * what leaves a change the user made since the message was listed standing.
 */
export function alreadyApplied(state: MessageState, action: Action): boolean {
  switch (action.type) {
    case "addTag":
      return state.tags.includes(action.tag);
    case "removeTag":
      return !state.tags.includes(action.tag);
    case "markRead":
      return state.read === action.read;
    case "flag":
      return state.flagged === action.flagged;
    case "markJunk":
      return state.junk === action.junk;
    default:
      return false;
  }
}
