/**
 * Nothing twice: a durable record, per rule-set version, of every message the rules have handled.
 * Before acting, a message is marked "pending" (with its planned actions); after, "done". A
 * message left "pending" by a quit is finished on the next run by re-applying its actions, which
 * are all idempotent (tags and flags are set, not toggled; a copy is skipped when the target
 * already holds the message; a move only happens while the message is still in its folder).
 */
import { committed, db, JOURNAL, request } from "./idb.js";

export type JournalState = "pending" | "done";

export interface JournalEntry {
  state: JournalState;
  /** Milliseconds since the epoch. */
  at: number;
}

const key = (version: string, messageKey: string) => `${version}\u0000${messageKey}`;

export async function journalGet(version: string, messageKey: string): Promise<JournalEntry | undefined> {
  const tx = (await db()).transaction(JOURNAL, "readonly");
  return (await request(tx.objectStore(JOURNAL).get(key(version, messageKey)))) as JournalEntry | undefined;
}

export async function journalSet(version: string, messageKey: string, state: JournalState): Promise<void> {
  const tx = (await db()).transaction(JOURNAL, "readwrite", { durability: "strict" } as IDBTransactionOptions);
  tx.objectStore(JOURNAL).put({ state, at: Date.now() } satisfies JournalEntry, key(version, messageKey));
  await committed(tx);
}

/** Counts of the journal, for the options page and tests. */
export async function journalCount(version?: string): Promise<number> {
  const tx = (await db()).transaction(JOURNAL, "readonly");
  const store = tx.objectStore(JOURNAL);
  if (version === undefined) return request(store.count());
  return request(store.count(IDBKeyRange.bound(`${version}\u0000`, `${version}\u0001`, false, true)));
}
