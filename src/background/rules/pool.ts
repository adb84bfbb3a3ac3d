/**
 * Runs `work` on each item with at most `limit` in flight; stops taking new items once `stop()` says
 * so. The items may come from an async source (a folder listed page by page): the workers take the
 * next item as soon as they are free, so there is no pause where one page ends and the next begins.
 * If taking an item or `work` fails, the other workers take no more, every worker is waited for,
 * and the first error is thrown; the source is closed either way.
 */
export async function forEachBounded<T>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  work: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  const it: Iterator<T> | AsyncIterator<T> = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  let failed = false;
  let exhausted = false;
  const halted = () => failed || stop();
  const worker = async (): Promise<void> => {
    try {
      while (!halted()) {
        // An async generator answers concurrent next() calls in order, one item each.
        const next = await it.next();
        if (next.done) {
          exhausted = true;
          return;
        }
        if (halted()) return;
        await work(next.value);
      }
    } catch (err) {
      failed = true;
      throw err;
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, limit) }, worker));
  if (!exhausted) await Promise.resolve(it.return?.()).catch(() => undefined);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (rejected) throw rejected.reason;
}
