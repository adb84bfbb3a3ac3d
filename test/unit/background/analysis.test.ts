/**
 * The background's analysis cache with a fake Thunderbird: a display that follows the pre-read at
 * selection joins it (one header read), a failed read is not kept, and new settings empty it.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

type Listener = (...args: unknown[]) => void;
const event = () => ({ addListener: (_l: Listener) => undefined, removeListener: (_l: Listener) => undefined });

const HEADERS = {
  from: ["Alice <alice@example.com>"],
  "authentication-results": ["mx.example.net; spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com"],
};

const reads: number[] = [];
let failNext = false;

const browser = {
  messages: {
    getHeaders: (id: number) => {
      reads.push(id);
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error("message gone"));
      }
      return new Promise((resolve) => setTimeout(() => resolve(structuredClone(HEADERS)), 5));
    },
  },
  storage: {
    local: { get: () => Promise.resolve({}), set: () => Promise.resolve() },
    // The server is trusted by an administrator's preset.
    managed: { get: () => Promise.resolve({ trustedAuthservIds: ["mx.example.net"] }) },
    onChanged: event(),
  },
  accounts: { list: () => Promise.resolve([]), onCreated: event(), onDeleted: event(), onUpdated: event() },
  identities: { onCreated: event(), onDeleted: event(), onUpdated: event() },
  i18n: { getMessage: () => "" },
};

vi.mock("webextension-polyfill", () => ({ default: browser }));
const { analyze, clearAnalysisCache } = await import("../../../src/background/analysis.js");

const message = (id: number) => ({ id, folder: { accountId: "account1" } }) as unknown as Parameters<typeof analyze>[0];

describe("analysis cache", () => {
  beforeEach(() => {
    clearAnalysisCache();
    reads.length = 0;
  });

  it("joins an analysis in flight instead of reading the headers again", async () => {
    const first = analyze(message(1));
    const second = analyze(message(1));
    expect(second).toBe(first);
    const { analysis } = await second;
    expect(analysis.verdict.level).toBe("verified");
    await analyze(message(1));
    expect(reads).toEqual([1]);
  });

  it("does not keep a failed read", async () => {
    failNext = true;
    await expect(analyze(message(2))).rejects.toThrow("message gone");
    await expect(analyze(message(2))).resolves.toMatchObject({ source: "getHeaders" });
    expect(reads).toEqual([2, 2]);
  });

  it("reads again after a settings change, and bulk runs bypass it", async () => {
    await analyze(message(3));
    clearAnalysisCache();
    await analyze(message(3));
    await analyze(message(3), false);
    expect(reads).toEqual([3, 3, 3]);
  });
});
