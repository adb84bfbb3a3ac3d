/**
 * "Apply AuthLens rules to this folder…": a dry run that counts what each rule would match, then
 * the real run, with progress (done / total) and cancel. Messages are listed page by page and
 * handled with a bounded number in flight; nothing per message is kept but counters and the
 * journal's keys, so memory stays bounded. A run cut short (cancel, quit) can simply be run
 * again: the journal skips what was done.
 */
import { messenger } from "../../shared/api.js";
import { runRulesOn } from "./engine.js";
import { batchedLog } from "./action-log.js";
import type { LogEntry } from "../../shared/data-types.js";
import { FolderResolver } from "./folders.js";
import { batchedJournal, type Journal } from "./journal.js";
import { forEachBounded } from "./pool.js";
import { currentRuleSet } from "./rule-set.js";
import { errorText } from "../../core/error-text.js";
import type { BulkStatus } from "../../shared/data-types.js";

type MessageHeader = messenger.messages.MessageHeader;

/** Messages handled at once: enough to overlap Thunderbird's header reads, few enough to stay light. */
export const IN_FLIGHT = 8;


const runs = new Map<number, { status: BulkStatus; cancelled: boolean }>();
let nextId = 1;

export function bulkStatus(runId: number): BulkStatus | null {
  return runs.get(runId)?.status ?? null;
}

export function cancelBulk(runId: number): void {
  const run = runs.get(runId);
  if (run && run.status.state === "running") run.cancelled = true;
}

/** A folder's messages, listed page by page; the next page is already being listed while one is handled. */
export async function* folderMessages(folderId: string): AsyncGenerator<MessageHeader> {
  let next: Promise<messenger.messages.MessageList> | null = messenger.messages.list(folderId as never);
  let listId: string | null = null;
  try {
    while (next) {
      const page: messenger.messages.MessageList = await next;
      listId = page.id ?? null;
      next = page.id ? messenger.messages.continueList(page.id) : null;
      yield* page.messages;
    }
  } finally {
    // Left before the end (a cancel, an error): the page asked for in advance is not wanted, and
    // Thunderbird can stop listing.
    if (next) {
      next.catch(() => undefined);
      if (listId) await messenger.messages.abortList(listId).catch(() => undefined);
    }
  }
}

export async function startBulk(folderId: string, dryRun: boolean): Promise<number> {
  const folder = await messenger.folders.get(folderId as never);
  const info = await messenger.folders.getFolderInfo(folderId as never);
  const ruleSet = await currentRuleSet();
  const runId = nextId++;
  const status: BulkStatus = {
    runId,
    folderId,
    folderName: folder.name ?? folderId,
    dryRun,
    state: "running",
    total: info.totalMessageCount ?? 0,
    done: 0,
    matched: Object.fromEntries(ruleSet.rules.filter((r) => r.enabled).map((r) => [r.id, 0])),
    ruleNames: Object.fromEntries(ruleSet.rules.map((r) => [r.id, r.name])),
    changed: 0,
    acted: 0,
    alreadyDone: 0,
    failed: 0,
    ownChecked: 0,
    ownChecksNeeded: ruleSet.ownChecks !== null,
    error: null,
    logError: null,
    startedAt: Date.now(),
    finishedAt: null,
  };
  const run = { status, cancelled: false };
  runs.set(runId, run);
  // Keep the statuses of the last few runs only (a progress window asks for its own).
  for (const id of runs.keys()) if (runs.size > 10 && id !== runId && runs.get(id)?.status.state !== "running") runs.delete(id);
  const resolver = new FolderResolver();
  const log = batchedLog();
  /** One message: the rules, its log lines, the counts. A failure is counted, never fatal to the run. */
  const handle = (journal: Journal) => async (m: MessageHeader) => {
    try {
      const entries: LogEntry[] = [];
      const outcome = await runRulesOn(m, { ruleSet, resolver, trigger: "folder", dryRun, journal, log: entries });
      log.add(entries);
      for (const id of outcome.matched) status.matched[id] = (status.matched[id] ?? 0) + 1;
      if (outcome.status === "alreadyDone") status.alreadyDone++;
      if (outcome.ownChecked) status.ownChecked++;
      if (outcome.status === "dryRun" && outcome.changes) status.changed++;
      if (outcome.status === "acted") {
        status.acted++;
        if (!outcome.complete) status.failed++;
        else if (!outcome.untouched) status.changed++;
      }
    } catch (err) {
      status.failed++;
      console.warn(`AuthLens: rules on <${m.headerMessageId}>:`, err);
    }
    status.done++;
  };
  void (async () => {
    let journal: Journal | undefined;
    let final: BulkStatus["state"];
    try {
      journal = await batchedJournal(ruleSet.version);
      await forEachBounded(folderMessages(folderId), IN_FLIGHT, handle(journal), () => run.cancelled);
      await journal.flush();
      final = run.cancelled ? "cancelled" : "done";
    } catch (err) {
      await journal?.flush().catch(() => undefined);
      final = "failed";
      status.error = errorText(err);
    }
    // The run ends when its log is written. A log that cannot be written does not undo or stop
    // what the rules did: it is said apart.
    await log.close().catch((err: unknown) => {
      status.logError = errorText(err);
      console.error("AuthLens: writing the action log of a bulk run:", err);
    });
    status.finishedAt = Date.now();
    status.state = final;
  })();
  return runId;
}
