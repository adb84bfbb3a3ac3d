/**
 * The add-on's IndexedDB database: the durable record of processed messages (the journal) and the
 * action log. IndexedDB survives restarts and writes one small record at a time, where
 * storage.local would rewrite a whole list per message.
 */
const NAME = "authlens";
const VERSION = 1;
export const JOURNAL = "journal";
export const LOG = "actionLog";

let dbPromise: Promise<IDBDatabase> | undefined;

export function db(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, VERSION);
    req.onupgradeneeded = () => {
      const d = req.result;
      if (!d.objectStoreNames.contains(JOURNAL)) d.createObjectStore(JOURNAL);
      if (!d.objectStoreNames.contains(LOG)) d.createObjectStore(LOG, { autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB open failed"));
  });
  return dbPromise;
}

/**
 * A write transaction. "relaxed": committed once the operating system has the data, without
 * waiting for it to reach the disk. What is written here may be lost in a power cut without harm:
 * every action is idempotent (see journal.ts), so a lost record means a second look, never a
 * second action; a lost log line is a lost log line.
 */
export async function writeTransaction(store: string): Promise<IDBTransaction> {
  return (await db()).transaction(store, "readwrite", { durability: "relaxed" });
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

/** Resolves when the transaction has committed (on disk, or for "relaxed" ones with the OS), rejects when it aborts. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
  });
}
