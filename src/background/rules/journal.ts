/**
 * Nothing twice: a lasting record (IndexedDB), per rule-set version, of the messages the rules have
 * handled.
 *
 * The record is what makes a re-run cheap; what makes it safe is that every action is idempotent:
 * tags, read, flag and junk are set to a state (an action whose state is already there is not
 * performed again), a copy is skipped when the target already holds the message, and a move
 * happens only while the message is still in its folder. So a quit before a record reaches the
 * disk never leads to a second action, only to a second look.
 */
import { batchedWriter } from "./batched-writer.js";
import { committed, db, JOURNAL, request, writeTransaction } from "./idb.js";

const key = (version: string, messageKey: string) => `${version}\u0000${messageKey}`;

export interface Journal {
  isDone(messageKey: string): Promise<boolean>;
  markDone(messageKey: string): Promise<void>;
  /** Writes what is buffered. */
  flush(): Promise<void>;
}

async function write(version: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const tx = await writeTransaction(JOURNAL);
  const store = tx.objectStore(JOURNAL);
  const at = Date.now();
  for (const k of keys) store.put({ state: "done", at }, key(version, k));
  await committed(tx);
}

/** One message at a time (new mail, selected messages): each record written at once. */
export function directJournal(version: string): Journal {
  return {
    async isDone(messageKey) {
      const tx = (await db()).transaction(JOURNAL, "readonly");
      return (await request(tx.objectStore(JOURNAL).get(key(version, messageKey)))) !== undefined;
    },
    markDone: (messageKey) => write(version, [messageKey]),
    flush: async () => undefined,
  };
}

/**
 * A bulk run: the version's records are read once, new ones are written in batches in the
 * background (one write at a time) — at the latest a quarter of a second after they were made, so
 * a quit mid-run loses at most that much of the record (a second look, never a second action).
 * Memory grows with the number of messages the version has handled (a key each), not with their
 * content. A failed write is reported by flush().
 */
export async function batchedJournal(version: string): Promise<Journal> {
  const tx = (await db()).transaction(JOURNAL, "readonly");
  const range = IDBKeyRange.bound(`${version}\u0000`, `${version}\u0001`, false, true);
  const prefix = version.length + 1;
  const done = new Set((await request(tx.objectStore(JOURNAL).getAllKeys(range))).map((k) => String(k).slice(prefix)));
  const writer = batchedWriter<string>((keys) => write(version, keys), 100, 250);
  return {
    isDone: async (messageKey) => done.has(messageKey),
    async markDone(messageKey) {
      done.add(messageKey);
      writer.add([messageKey]);
    },
    flush: () => writer.flush(),
  };
}

/** Records for a version, for the options page and tests. */
export async function journalCount(version?: string): Promise<number> {
  const tx = (await db()).transaction(JOURNAL, "readonly");
  const store = tx.objectStore(JOURNAL);
  if (version === undefined) return request(store.count());
  return request(store.count(IDBKeyRange.bound(`${version}\u0000`, `${version}\u0001`, false, true)));
}

export async function journalHas(version: string, messageKey: string): Promise<boolean> {
  return directJournal(version).isDone(messageKey);
}

/**
 * Drops the records of other rule-set versions. They would only matter if the rules went back to
 * an earlier version exactly, and then the actions are idempotent anyway: keeping them would let
 * the journal grow with every rule edit.
 */
export async function pruneOtherVersions(version: string): Promise<void> {
  const tx = await writeTransaction(JOURNAL);
  const store = tx.objectStore(JOURNAL);
  const lower = `${version}\u0000`;
  const upper = `${version}\u0001`;
  store.delete(IDBKeyRange.upperBound(lower, true));
  store.delete(IDBKeyRange.lowerBound(upper, false));
  await committed(tx);
}
