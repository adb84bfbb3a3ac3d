/**
 * Performs one message's action plan. Everything that could fail for lack of something (a target
 * folder, a tag) is prepared first: if preparation fails, nothing is done to the message and the
 * failure is logged. Then one `messages.update` sets tags, read, flagged and junk together, copies
 * are made (skipped when the target already holds the message), and the move comes last.
 * There is no delete: a move to Trash is a move.
 */
import { reason, type Reason } from "../../core/reason.js";
import { alreadyApplied, type ActionPlan, type PlannedAction } from "../../core/rules/plan.js";
import { messenger } from "../../shared/api.js";
import type { LogEntry } from "../../shared/data-types.js";
import { FolderResolver } from "./folders.js";
import { ensureTag, resetTagCache } from "./tags.js";
import { errorText } from "../../core/error-text.js";

type MessageHeader = messenger.messages.MessageHeader;
type MailFolder = messenger.folders.MailFolder;

export interface ExecuteContext {
  resolver: FolderResolver;
  trigger: LogEntry["trigger"];
  messageKey: string;
}

export interface ExecuteResult {
  /** Every planned action was performed. */
  complete: boolean;
  /** Nothing was done to the message (preparation failed). */
  untouched: boolean;
  log: LogEntry[];
}

function entry(ctx: ExecuteContext, message: MessageHeader, a: PlannedAction, outcome: LogEntry["outcome"], detail: Reason | null = null): LogEntry {
  return {
    time: Date.now(),
    subject: message.subject,
    messageId: message.headerMessageId || ctx.messageKey,
    ruleId: a.ruleId,
    ruleName: a.ruleName,
    action: a.action,
    outcome,
    detail,
    trigger: ctx.trigger,
  };
}

/** A folder as the log names it: its path from the account's root, as a rule writes it. */
const folderPath = (folder: MailFolder): string => (folder.path ?? folder.name ?? "").replace(/^\/+/, "");

/** Is a message with this Message-ID already in `folder`? */
async function holds(folder: MailFolder, headerMessageId: string): Promise<boolean> {
  if (!headerMessageId) return false;
  const found = (await messenger.messages.query({ folderId: folder.id, headerMessageId } as never)) as unknown as
    | { messages: MessageHeader[] }
    | string;
  return typeof found === "string" ? true : found.messages.length > 0;
}

/** Whether every planned action is already so for the message (its tags, read, flag, junk), as the core's rule planning reads them; a move or copy never is. */
export function planAlreadySo(m: MessageHeader, plan: ActionPlan): boolean {
  const state = stateOf(m);
  return plan.actions.every((a) => alreadyApplied(state, a.action));
}

function stateOf(m: MessageHeader): Parameters<typeof alreadyApplied>[0] {
  return { tags: m.tags, read: m.read, flagged: m.flagged, junk: (m as { junk?: boolean }).junk };
}

export async function executePlan(listed: MessageHeader, plan: ActionPlan, ctx: ExecuteContext): Promise<ExecuteResult> {
  const skippedLog = (m: MessageHeader) => plan.skipped.map((s) => entry(ctx, m, s, "skipped", s.note));
  // Already so when listed (tags, flags; never a move or copy): nothing to do. Had the user
  // changed it since, their change stands.
  if (planAlreadySo(listed, plan)) return { complete: true, untouched: true, log: skippedLog(listed) };
  // Act on the message as it is now, not as it was listed: its tags, flags and folder may have
  // changed since (the user, another rule run, a move).
  let message: MessageHeader;
  try {
    message = await messenger.messages.get(listed.id);
  } catch {
    return { complete: false, untouched: true, log: [] };
  }
  const log: LogEntry[] = skippedLog(message);
  if (message.folder?.id !== listed.folder?.id) {
    const why = reason("log_movedMeanwhile");
    return { complete: false, untouched: true, log: [...log, ...plan.actions.map((a) => entry(ctx, message, a, "skipped", why))] };
  }
  if (planAlreadySo(message, plan)) return { complete: true, untouched: true, log };
  const accountId = message.folder?.accountId ?? "";

  // 1. Prepare: every folder and tag must be there, or nothing happens. Folders first: a missing
  // folder then stops the run before any tag is created in Thunderbird.
  const folders = new Map<PlannedAction, MailFolder>();
  try {
    for (const a of plan.actions) {
      if (a.action.type === "moveTo" || a.action.type === "copyTo") folders.set(a, await ctx.resolver.resolve(a.action.folder, accountId));
    }
    for (const a of plan.actions) if (a.action.type === "addTag") await ensureTag(a.action.tag, a.action.name, a.action.color);
  } catch (err) {
    const why = reason("log_untouched", errorText(err));
    return { complete: false, untouched: true, log: [...log, ...plan.actions.map((a) => entry(ctx, message, a, "failed", why))] };
  }

  // 2. Tags, read, flag and junk in one update. An action whose state is already there is not
  // performed (nor logged) again: that is what makes a re-run after a quit harmless.
  const now = stateOf(message);
  const stateActions = plan.actions.filter((a) => !folders.has(a) && !alreadyApplied(now, a.action));
  if (stateActions.length > 0) {
    const tags = new Set(message.tags);
    const change: { tags?: string[]; read?: boolean; flagged?: boolean; junk?: boolean } = {};
    for (const { action } of stateActions) {
      if (action.type === "addTag") tags.add(action.tag);
      else if (action.type === "removeTag") tags.delete(action.tag);
      else if (action.type === "markRead") change.read = action.read;
      else if (action.type === "flag") change.flagged = action.flagged;
      else if (action.type === "markJunk") change.junk = action.junk;
    }
    if (stateActions.some((a) => a.action.type === "addTag" || a.action.type === "removeTag")) change.tags = [...tags];
    try {
      await messenger.messages.update(message.id, change as never);
      log.push(...stateActions.map((a) => entry(ctx, message, a, "done")));
    } catch (err) {
      // A tag deleted in Thunderbird meanwhile would fail every later update: look again next time.
      resetTagCache();
      const why = reason("log_untouched", errorText(err));
      return { complete: false, untouched: true, log: [...log, ...plan.actions.map((a) => entry(ctx, message, a, "failed", why))] };
    }
  }

  // 3. Copies (skipped when the target already holds this message, e.g. after an interrupted run),
  // then 4. the move, which is atomic in Thunderbird.
  for (const a of plan.actions.filter((x) => folders.has(x))) {
    const folder = folders.get(a) as MailFolder;
    try {
      if (folder.id === message.folder?.id) {
        log.push(entry(ctx, message, a, "skipped", reason("log_alreadyInFolder", folderPath(folder))));
        continue;
      }
      if (a.action.type === "copyTo") {
        if (await holds(folder, message.headerMessageId)) {
          log.push(entry(ctx, message, a, "skipped", reason("log_copyExists", folderPath(folder))));
          continue;
        }
        await messenger.messages.copy([message.id], folder.id as never);
      } else {
        await messenger.messages.move([message.id], folder.id as never);
      }
      log.push(entry(ctx, message, a, "done"));
    } catch (err) {
      log.push(entry(ctx, message, a, "failed", reason("log_thunderbirdError", errorText(err))));
      return { complete: false, untouched: false, log };
    }
  }
  return { complete: true, untouched: false, log };
}
