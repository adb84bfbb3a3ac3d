/** The bounded pool of bulk runs, over a folder listed page by page (an async generator). */
import { describe, expect, it } from "vitest";
import { forEachBounded } from "../../../../src/background/rules/pool.js";

/** 0..n-1 in pages of `size`, each page a little later; records whether it was closed early. */
function pages(n: number, size: number, state = { closed: false, failAt: -1 }) {
  return {
    state,
    async *[Symbol.asyncIterator]() {
      try {
        for (let start = 0; start < n; start += size) {
          await new Promise((r) => setTimeout(r, 1));
          if (state.failAt >= start && state.failAt < start + size) throw new Error("listing failed");
          for (let i = start; i < Math.min(n, start + size); i++) yield i;
        }
      } finally {
        state.closed = true;
      }
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("forEachBounded", () => {
  it("hands every item to exactly one worker, at most `limit` at a time", async () => {
    const seen: number[] = [];
    let active = 0;
    let maxActive = 0;
    await forEachBounded(pages(1003, 100), 8, async (i) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await tick();
      seen.push(i);
      active--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 1003 }, (_, i) => i));
    expect(maxActive).toBe(8);
  });

  it("stops taking items when told, and closes the source", async () => {
    const source = pages(1000, 100);
    let handled = 0;
    await forEachBounded(
      source,
      8,
      async () => {
        handled++;
        await tick();
      },
      () => handled >= 150,
    );
    expect(handled).toBeGreaterThanOrEqual(150);
    expect(handled).toBeLessThan(150 + 8);
    expect(source.state.closed).toBe(true);
  });

  it("on a failure, waits for the workers in flight, takes no more, and throws the first error", async () => {
    const source = pages(1000, 100, { closed: false, failAt: 250 });
    let inFlight = 0;
    let handled = 0;
    await expect(
      forEachBounded(source, 8, async () => {
        inFlight++;
        await tick();
        handled++;
        inFlight--;
      }),
    ).rejects.toThrow("listing failed");
    expect(inFlight).toBe(0);
    expect(handled).toBeLessThanOrEqual(250);
    await expect(forEachBounded([1, 2, 3], 2, (i) => (i === 2 ? Promise.reject(new Error("work failed")) : tick().then(() => undefined)))).rejects.toThrow("work failed");
  });
});
