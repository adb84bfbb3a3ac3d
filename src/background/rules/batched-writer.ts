/**
 * Writes items in batches in the background, one write at a time: when `batchSize` are waiting,
 * or at the latest `maxDelayMs` after the first of them was added (so a quit loses at most that
 * much). flush() writes what waits, waits for every write, and reports the first that failed.
 */
export interface BatchedWriter<T> {
  add(items: readonly T[]): void;
  flush(): Promise<void>;
}

export function batchedWriter<T>(write: (batch: T[]) => Promise<void>, batchSize: number, maxDelayMs: number): BatchedWriter<T> {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const writePending = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    writing = writing
      .then(() => write(batch))
      .catch((err: unknown) => {
        failure ??= err;
      });
  };
  return {
    add(items) {
      if (items.length === 0) return;
      pending.push(...items);
      if (pending.length >= batchSize) writePending();
      else timer ??= setTimeout(writePending, maxDelayMs);
    },
    async flush() {
      writePending();
      await writing;
      if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
    },
  };
}
