/**
 * Runs `work` on each item with at most `limit` in flight; stops taking new items once `stop()` says
 * so. The items may come from an async source (a folder listed page by page): the workers take the
 * next item as soon as they are free, so there is no pause where one page ends and the next begins.
 */
export async function forEachBounded<T>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  work: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  const it: Iterator<T> | AsyncIterator<T> = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (;;) {
      if (stop()) return;
      // An async generator answers concurrent next() calls in order, one item each.
      const next = await it.next();
      if (next.done) return;
      await work(next.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
