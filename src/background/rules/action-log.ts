/** The action log: the last 1,000 actions (time, subject, message id, rule, action, outcome). */
import { committed, db, LOG, request, writeTransaction } from "./idb.js";

export const LOG_LIMIT = 1000;

export type Outcome = "done" | "failed" | "skipped" | "would";

export interface LogEntry {
  time: number;
  subject: string;
  /** The Message-ID header (without angle brackets), or AuthLens's fallback key. */
  messageId: string;
  ruleId: string;
  ruleName: string;
  /** The action in words (English; the CLI's describeAction). */
  action: string;
  outcome: Outcome;
  /** What went wrong, or why it was skipped. */
  detail: string;
  trigger: "newMail" | "selected" | "folder" | "policy";
}

let sinceTrim = 0;

async function append(entries: LogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const tx = await writeTransaction(LOG);
  const store = tx.objectStore(LOG);
  for (const e of entries) store.add(e);
  await committed(tx);
  for (const e of entries) {
    if (e.outcome === "failed") console.warn(`AuthLens rule "${e.ruleName}": ${e.action} failed for ${e.messageId}: ${e.detail}`);
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
 * The log of a bulk run: entries are written in batches in the background, one write at a time,
 * while the run goes on; the log is trimmed once at the end. The first failed write is reported
 * by close().
 */
export function batchedLog(batchSize = 100): BatchedLog {
  let buffer: LogEntry[] = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const write = () => {
    const batch = buffer;
    buffer = [];
    writing = writing.then(() => append(batch)).catch((err: unknown) => {
      failure ??= err;
    });
  };
  return {
    add(entries) {
      buffer.push(...entries);
      if (buffer.length >= batchSize) write();
    },
    async close() {
      write();
      await writing;
      if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
      await trimLog();
    },
  };
}

/** Drops all but the newest LOG_LIMIT entries. */
export async function trimLog(): Promise<void> {
  const tx = await writeTransaction(LOG);
  const store = tx.objectStore(LOG);
  const count = await request(store.count());
  let excess = count - LOG_LIMIT;
  if (excess > 0) {
    const cursorReq = store.openCursor();
    await new Promise<void>((resolve, reject) => {
      cursorReq.onsuccess = () => {
        const cursor = cursorReq.result;
        if (!cursor || excess <= 0) return resolve();
        cursor.delete();
        excess--;
        cursor.continue();
      };
      cursorReq.onerror = () => reject(cursorReq.error ?? new Error("cursor failed"));
    });
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
