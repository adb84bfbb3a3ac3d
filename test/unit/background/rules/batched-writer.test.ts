/** The background writer of bulk runs' journal and log: batches, a time limit, one write at a time, failures reported. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { batchedWriter } from "../../../../src/background/rules/batched-writer.js";

describe("batchedWriter", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes a full batch at once and the rest after the delay, never two writes at a time", async () => {
    const batches: number[][] = [];
    let active = 0;
    let maxActive = 0;
    const writer = batchedWriter<number>(
      async (batch) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 10));
        batches.push(batch);
        active--;
      },
      3,
      250,
    );
    writer.add([1, 2]);
    writer.add([3]);
    writer.add([4, 5, 6]);
    writer.add([7]);
    await vi.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6]]);
    await vi.advanceTimersByTimeAsync(200);
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(maxActive).toBe(1);
    const flushed = writer.flush();
    await vi.runAllTimersAsync();
    await flushed;
    expect(batches).toHaveLength(3);
  });

  it("flush writes what waits and reports the first failed write", async () => {
    const written: string[][] = [];
    let fail = true;
    const writer = batchedWriter<string>(
      (batch) => {
        if (fail) {
          fail = false;
          return Promise.reject(new Error("disk full"));
        }
        written.push(batch);
        return Promise.resolve();
      },
      2,
      250,
    );
    writer.add(["a", "b"]);
    writer.add(["c"]);
    await expect(writer.flush()).rejects.toThrow("disk full");
    expect(written).toEqual([["c"]]);
  });
});
