/** The action log: the last 1,000 actions (time, subject, message id, rule, action, outcome). */
import { batchedWriter } from "./batched-writer.js";
import { committed, db, LOG, request, writeTransaction } from "./idb.js";
import type { LogEntry } from "../../shared/data-types.js";

export const LOG_LIMIT = 1000;

let sinceTrim = 0;

async function append(entries: LogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const tx = await writeTransaction(LOG);
  const store = tx.objectStore(LOG);
  for (const e of entries) store.add(e);
  await committed(tx);
  for (const e of entries) {
    if (e.outcome === "failed") console.warn(`AuthLens rule "${e.ruleName}": an action failed for ${e.messageId}:`, e.action, e.detail);
  }
}

export async function logActions(entries: LogEntry[]): Promise<void> {
  await append(entries);
  sinceTrim += entries.length;
  if (sinceTrim >= 100) {
    sinceTrim = 0;
    await trimLog();
  }
}

export interface BatchedLog {
  add(entries: readonly LogEntry[]): void;
  /** Writes what is buffered, waits for every write, and trims the log. */
  close(): Promise<void>;
}

/**
 * The log of a bulk run: entries are written in batches in the background while the run goes on
 * (at the latest a quarter of a second after the action), and the log is trimmed once at the end.
 * The first failed write is reported by close().
 */
export function batchedLog(): BatchedLog {
  const writer = batchedWriter<LogEntry>(append, 100, 250);
  return {
    add: (entries) => writer.add(entries),
    async close() {
      await writer.flush();
      await trimLog();
    },
  };
}

/** Drops all but the newest LOG_LIMIT entries (keys grow with each entry: the oldest go, in one range delete). */
export async function trimLog(): Promise<void> {
  const tx = await writeTransaction(LOG);
  const store = tx.objectStore(LOG);
  const excess = (await request(store.count())) - LOG_LIMIT;
  if (excess > 0) {
    const oldest = await request(store.getAllKeys(null, excess));
    const last = oldest[oldest.length - 1];
    if (last !== undefined) store.delete(IDBKeyRange.upperBound(last));
  }
  await committed(tx);
}

/** The newest entries first. */
export async function readLog(limit = LOG_LIMIT): Promise<LogEntry[]> {
  await trimLog();
  const tx = (await db()).transaction(LOG, "readonly");
  const all = (await request(tx.objectStore(LOG).getAll())) as LogEntry[];
  return all.slice(-limit).reverse();
}
