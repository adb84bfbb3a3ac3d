/**
 * The DoH server permissions and the DoH query cap, with a fake Thunderbird: only the current
 * server's permission is kept (none while checking is off), a required permission is never given
 * back, and no more than MAX_IN_FLIGHT queries are ever under way at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const tb = {
  held: [] as string[],
  required: [] as string[],
  removed: [] as string[][],
};

const browser = {
  permissions: {
    getAll: () => Promise.resolve({ origins: [...tb.held], permissions: [] }),
    remove: ({ origins }: { origins: string[] }) => {
      tb.removed.push(origins);
      tb.held = tb.held.filter((o) => !origins.includes(o));
      return Promise.resolve(true);
    },
    contains: () => Promise.resolve(true),
  },
  runtime: { getManifest: () => ({ host_permissions: tb.required }) },
};
vi.mock("webextension-polyfill", () => ({ default: browser }));

const QUAD9 = "https://dns.quad9.net/dns-query";

beforeEach(() => {
  tb.held = [];
  tb.required = [];
  tb.removed = [];
});
afterEach(() => vi.unstubAllGlobals());

describe("DoH server permissions", () => {
  it("permissionsToGiveBack: all but the current server's, none that is required", async () => {
    const { permissionsToGiveBack } = await import("../../../../src/background/own-checks/permissions.js");
    const held = ["https://dns.quad9.net/*", "https://dns.google/*", "http://127.0.0.1/*"];
    const on = { dohServer: QUAD9, checkMaxMegabytes: 25 };
    expect(permissionsToGiveBack(held, [], on)).toEqual(["https://dns.google/*", "http://127.0.0.1/*"]);
    expect(permissionsToGiveBack(held, ["http://127.0.0.1/*"], on)).toEqual(["https://dns.google/*"]);
    expect(permissionsToGiveBack(held, [], null)).toEqual(held);
    expect(permissionsToGiveBack([], [], null)).toEqual([]);
  });

  it("giveBackUnneededPermissions: a policy that forbids checking takes the granted permission back", async () => {
    const { giveBackUnneededPermissions } = await import("../../../../src/background/own-checks/permissions.js");
    tb.held = ["https://dns.quad9.net/*", "http://127.0.0.1/*"];
    tb.required = ["http://127.0.0.1/*"];
    await giveBackUnneededPermissions({ dohServer: QUAD9, checkMaxMegabytes: 25 });
    expect(tb.removed).toEqual([]);
    await giveBackUnneededPermissions(null);
    expect(tb.removed).toEqual([["https://dns.quad9.net/*"]]);
    expect(tb.held).toEqual(["http://127.0.0.1/*"]);
  });
});

describe("DoH queries in flight", () => {
  it("never more than MAX_IN_FLIGHT at once, also for a caller arriving just as a slot is handed on", async () => {
    // A finished query hands its slot to one waiting; a caller arriving in the microtasks between
    // must not take a slot too. Every arrival point after the release is tried.
    for (let delay = 0; delay < 8; delay++) {
      vi.resetModules();
      const { querySlot, MAX_IN_FLIGHT } = await import("../../../../src/background/own-checks/dns.js");
      let running = 0;
      let most = 0;
      const release: (() => void)[] = [];
      const job = () =>
        querySlot(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise<void>((resolve) => release.push(resolve));
          running--;
        });
      const all = Array.from({ length: MAX_IN_FLIGHT + 1 }, job);
      await new Promise((r) => setTimeout(r, 0));
      expect(running).toBe(MAX_IN_FLIGHT);
      release.shift()?.();
      for (let i = 0; i < delay; i++) await Promise.resolve();
      all.push(job());
      while (running > 0 || release.length > 0) {
        await new Promise((r) => setTimeout(r, 0));
        release.shift()?.();
      }
      await Promise.all(all);
      expect(most, `a caller ${delay} microtasks after the release`).toBe(MAX_IN_FLIGHT);
    }
  });

  it("every query of a folder's worth of lookups is answered, at most MAX_IN_FLIGHT at once", async () => {
    let inFlight = 0;
    let most = 0;
    vi.stubGlobal("fetch", async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return new Response(new Uint8Array(0), { status: 503 });
    });
    vi.resetModules();
    const { resolverFor, MAX_IN_FLIGHT } = await import("../../../../src/background/own-checks/dns.js");
    const resolver = resolverFor(QUAD9);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => resolver.lookupTxt(`s${i}._domainkey.example.com`)));
    expect(answers.every((a) => a.status === "error" && a.reason.key === "dns_http")).toBe(true);
    expect(most).toBe(MAX_IN_FLIGHT);
  });
});
