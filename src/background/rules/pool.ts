/** Runs `work` on each item with at most `limit` in flight; stops taking new items once `stop()` says so. */
export async function forEachBounded<T>(items: Iterable<T>, limit: number, work: (item: T) => Promise<void>, stop: () => boolean = () => false): Promise<void> {
  const it = items[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (;;) {
      if (stop()) return;
      const next = it.next();
      if (next.done) return;
      await work(next.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
