/**
 * The add-on's own-check runner with a fake Thunderbird: the raw message read as a File and
 * streamed (or the binary string of an older API), the size limit before and after reading, a
 * failed read said in words, results kept per message, and no DNS request without the server's
 * permission.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { toBinary } from "../../../../src/core/verify/bytes.js";
import { messageHeader } from "../fake-thunderbird.js";

const GENERATED = join(__dirname, "..", "..", "..", "fixtures", "verify", "generated");
const DNS = JSON.parse(readFileSync(join(GENERATED, "dns.json"), "utf8")) as Record<string, unknown>;
const MESSAGE = readFileSync(join(GENERATED, "01-rsa2048-relaxed.eml"));
const SERVER = "http://127.0.0.1:5353/dns-query";

const tb = {
  raw: new Map<number, Uint8Array | Error>(),
  /** getRaw with options throws (an older Thunderbird): the binary string is given instead. */
  oldApi: false,
  rawAsked: [] as { id: number; options: unknown }[],
  granted: true,
  fetched: [] as string[],
};

const browser = {
  messages: {
    getRaw: (id: number, options?: { data_format?: string }) => {
      tb.rawAsked.push({ id, options });
      const r = tb.raw.get(id);
      if (r instanceof Error) return Promise.reject(r);
      if (r === undefined) return Promise.reject(new Error(`Message not found: ${id}.`));
      if (options !== undefined && tb.oldApi) return Promise.reject(new Error("Unexpected property data_format"));
      return Promise.resolve(options?.data_format === "File" ? new File([new Uint8Array(r)], "message.eml") : toBinary(r));
    },
  },
  permissions: { contains: () => Promise.resolve(tb.granted) },
};
vi.mock("webextension-polyfill", () => ({ default: browser }));

/** The DoH server, answering from the fixtures' DNS file (in wire format, through the real client code). */
async function fakeFetch(url: string): Promise<Response> {
  tb.fetched.push(url);
  const { decode, encode, RECURSION_AVAILABLE } = await import("@leichtgewicht/dns-packet");
  const query = decode(Buffer.from(new URL(url).searchParams.get("dns") ?? "", "base64url"));
  const name = query.questions?.[0]?.name ?? "";
  const value = DNS[name];
  const body =
    value === undefined
      ? encode({ type: "response", id: 0, flags: RECURSION_AVAILABLE | 3, questions: query.questions ?? [] })
      : encode({
          type: "response",
          id: 0,
          flags: RECURSION_AVAILABLE,
          questions: query.questions ?? [],
          answers: [{ type: "TXT", name, ttl: 300, class: "IN", data: (Array.isArray(value) ? value : [value]).map((v) => Buffer.from(String(v))) }],
        });
  return new Response(new Uint8Array(body), { headers: { "content-type": "application/dns-message" } });
}

async function load() {
  vi.resetModules();
  return import("../../../../src/background/own-checks/run.js");
}

const settings = (limitMb = 25) => ({ dohServer: SERVER, checkMaxMegabytes: limitMb });

beforeEach(() => {
  tb.raw.clear();
  tb.rawAsked = [];
  tb.fetched = [];
  tb.oldApi = false;
  tb.granted = true;
  vi.stubGlobal("fetch", fakeFetch);
  vi.useFakeTimers({ toFake: ["Date"], now: 1767229200_000 });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("ownCheck", () => {
  it("reads the message as a File, never decrypted, and verifies it with keys over DoH", async () => {
    tb.raw.set(1, MESSAGE);
    const { ownCheck } = await load();
    const r = await ownCheck(messageHeader({ id: 1, size: MESSAGE.length }), settings());
    expect(tb.rawAsked).toEqual([{ id: 1, options: { data_format: "File", decrypt: false } }]);
    expect(r.state).toBe("done");
    if (r.state !== "done") return;
    expect(r.verification.dkim.map((d) => [d.domain, d.result])).toEqual([["example.com", "pass"]]);
    expect(tb.fetched.some((u) => u.startsWith(`${SERVER}?dns=`))).toBe(true);
  });

  it("takes the binary string from a Thunderbird without the File option", async () => {
    tb.raw.set(1, MESSAGE);
    tb.oldApi = true;
    const { ownCheck } = await load();
    const r = await ownCheck(messageHeader({ id: 1, size: MESSAGE.length }), settings());
    expect(r.state === "done" && r.verification.dkim[0]?.result).toBe("pass");
  });

  it("a message over the limit is not read at all; one whose raw form is over it is not checked", async () => {
    tb.raw.set(1, MESSAGE);
    const { ownCheck } = await load();
    expect(await ownCheck(messageHeader({ id: 1, size: 2 * 1024 * 1024 }), settings(1))).toEqual({ state: "tooLarge", bytes: 2 * 1024 * 1024, limit: 1024 * 1024 });
    expect(tb.rawAsked).toEqual([]);
    tb.raw.set(2, new Uint8Array(1024 * 1024 + 1));
    expect(await ownCheck(messageHeader({ id: 2, size: 10 }), settings(1))).toMatchObject({ state: "tooLarge", bytes: 1024 * 1024 + 1 });
  });

  it("a failed read is said in words, not thrown", async () => {
    tb.raw.set(1, new Error("Message not found: 1."));
    const { ownCheck } = await load();
    const r = await ownCheck(messageHeader({ id: 1 }), settings());
    expect(r).toEqual({ state: "unavailable", reason: { key: "own_readFailed", params: ["Message not found: 1."] } });
  });

  it("keeps a result per message until the settings change (clearOwnChecks)", async () => {
    tb.raw.set(1, MESSAGE);
    const { ownCheck, clearOwnChecks } = await load();
    const m = messageHeader({ id: 1, size: MESSAGE.length });
    const first = ownCheck(m, settings());
    expect(ownCheck(m, settings())).toBe(first);
    await first;
    expect(tb.rawAsked).toHaveLength(1);
    // A bulk run neither keeps nor adds results, but uses one already there.
    expect(ownCheck(m, settings(), false)).toBe(first);
    clearOwnChecks();
    await ownCheck(m, settings());
    expect(tb.rawAsked).toHaveLength(2);
  });

  it("once the settings turn checking off, a run under way reads no more messages", async () => {
    tb.raw.set(1, MESSAGE);
    tb.raw.set(2, MESSAGE);
    const { ownCheck, clearOwnChecks } = await load();
    expect((await ownCheck(messageHeader({ id: 1, size: MESSAGE.length }), settings(), false)).state).toBe("done");
    clearOwnChecks(null);
    expect(await ownCheck(messageHeader({ id: 2, size: MESSAGE.length }), settings(), false)).toEqual({ state: "off" });
    expect(tb.rawAsked.map((r) => r.id)).toEqual([1]);
    // Turned on again: checks are made again.
    clearOwnChecks(settings());
    expect((await ownCheck(messageHeader({ id: 2, size: MESSAGE.length }), settings(), false)).state).toBe("done");
  });

  it("without the server's permission: no DNS request, every key a temporary error", async () => {
    tb.raw.set(1, MESSAGE);
    tb.granted = false;
    const { ownCheck, ownChecksAllowed } = await load();
    expect(await ownChecksAllowed(settings())).toBe(false);
    const r = await ownCheck(messageHeader({ id: 1, size: MESSAGE.length }), settings());
    expect(r.state === "done" && r.verification.dkim.map((d) => [d.result, d.reason?.key])).toEqual([["temperror", "dns_notAllowed"]]);
    expect(tb.fetched).toEqual([]);
  });
});
