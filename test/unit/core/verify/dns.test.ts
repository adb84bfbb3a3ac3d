/**
 * DNS for the verifier: the shared cache (TTLs, negative answers, names shared while under way,
 * bounded size), a message's lookup session (each name once, a time budget), the offline JSON
 * resolver, and the DNS-over-HTTPS client against answers encoded by the DNS library.
 */
import { encode, type Packet } from "@leichtgewicht/dns-packet";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DnsCache, LookupSession, type TxtAnswer } from "../../../../src/core/verify/dns.js";
import { answerFromPacket, dohResolver, type Fetch, txtQuery } from "../../../../src/core/verify/doh.js";
import { offlineResolver } from "../../../../src/core/verify/offline-dns.js";
import { resolverFrom } from "./helpers.js";

function counting(answers: Record<string, TxtAnswer>) {
  const asked: string[] = [];
  return {
    asked,
    resolver: {
      lookupTxt: (name: string) => {
        asked.push(name);
        return Promise.resolve(answers[name] ?? ({ status: "missing", ttl: 60, authenticated: false } as TxtAnswer));
      },
    },
  };
}

const found = (text: string, ttl = 300): TxtAnswer => ({ status: "found", records: [[text]], ttl, authenticated: false });

describe("DnsCache", () => {
  it("answers from the cache until the TTL runs out, names in any case or with a final dot", async () => {
    let now = 0;
    const { asked, resolver } = counting({ "a.example": found("x", 100) });
    const cache = new DnsCache(resolver, { now: () => now });
    await cache.lookupTxt("a.example");
    await cache.lookupTxt("A.Example.");
    expect(asked).toEqual(["a.example"]);
    now = 101_000;
    await cache.lookupTxt("a.example");
    expect(asked).toEqual(["a.example", "a.example"]);
  });

  it("remembers that a name does not exist (negative caching) and errors briefly", async () => {
    let now = 0;
    const { asked, resolver } = counting({ "bad.example": { status: "error", reason: { key: "dns_failed", params: [] } } });
    const cache = new DnsCache(resolver, { now: () => now, errorTtl: 10 });
    await cache.lookupTxt("none.example");
    await cache.lookupTxt("none.example");
    await cache.lookupTxt("bad.example");
    await cache.lookupTxt("bad.example");
    expect(asked).toEqual(["none.example", "bad.example"]);
    now = 11_000;
    await cache.lookupTxt("bad.example");
    expect(asked).toEqual(["none.example", "bad.example", "bad.example"]);
  });

  it("asks once for a name that is being looked up already", async () => {
    let release: (a: TxtAnswer) => void = () => undefined;
    let calls = 0;
    const cache = new DnsCache({
      lookupTxt: () => {
        calls++;
        return new Promise((r) => (release = r));
      },
    });
    const a = cache.lookupTxt("x.example");
    const b = cache.lookupTxt("x.example");
    release(found("v"));
    expect(await a).toEqual(await b);
    expect(calls).toBe(1);
  });

  it("turns a resolver that throws into an error answer", async () => {
    const cache = new DnsCache({ lookupTxt: () => Promise.reject(new Error("boom")) });
    expect(await cache.lookupTxt("x.example")).toEqual({ status: "error", reason: { key: "dns_failed", params: ["x.example", "boom"] } });
  });

  it("keeps at most maxEntries names", async () => {
    const { resolver } = counting({});
    const cache = new DnsCache(resolver, { maxEntries: 3 });
    for (const n of ["a", "b", "c", "d", "e"]) await cache.lookupTxt(`${n}.example`);
    expect(cache.size).toBeLessThanOrEqual(3);
  });
});

describe("LookupSession", () => {
  afterEach(() => vi.useRealTimers());

  it("asks each name once, in the order first asked", async () => {
    const { asked, resolver } = counting({});
    const session = new LookupSession(resolver, 1000);
    await Promise.all([session.lookupTxt("a.example"), session.lookupTxt("b.example"), session.lookupTxt("A.example")]);
    session.close();
    expect(asked).toEqual(["a.example", "b.example"]);
    expect(session.asked).toEqual(["a.example", "b.example"]);
  });

  it("gives a temporary error for a lookup still open when the budget runs out", async () => {
    vi.useFakeTimers();
    const session = new LookupSession({ lookupTxt: () => new Promise(() => undefined) }, 2000);
    const answer = session.lookupTxt("slow.example");
    await vi.advanceTimersByTimeAsync(2000);
    expect(await answer).toEqual({ status: "error", reason: { key: "dns_budget", params: ["2"] } });
    session.close();
  });
});

describe("offline resolver (--dns FILE)", () => {
  it("reads strings, arrays of character-strings, errors and several records", async () => {
    const r = resolverFrom({
      "one.example": "v=DKIM1; p=AQAB",
      "split.example.": ["v=DKIM1; ", "p=AQAB"],
      "fail.example": { error: "SERVFAIL" },
      "gone.example": { error: "NXDOMAIN" },
      "two.example": { records: ["a", ["b", "c"]], authenticated: true },
    });
    expect(await r.lookupTxt("ONE.example")).toEqual({ status: "found", records: [["v=DKIM1; p=AQAB"]], ttl: 300, authenticated: false });
    expect(await r.lookupTxt("split.example")).toMatchObject({ records: [["v=DKIM1; ", "p=AQAB"]] });
    expect(await r.lookupTxt("fail.example")).toEqual({ status: "error", reason: { key: "dns_serverError", params: ["fail.example", "SERVFAIL"] } });
    expect(await r.lookupTxt("gone.example")).toMatchObject({ status: "missing" });
    expect(await r.lookupTxt("unlisted.example")).toMatchObject({ status: "missing" });
    expect(await r.lookupTxt("two.example")).toEqual({ status: "found", records: [["a"], ["b", "c"]], ttl: 300, authenticated: true });
  });

  it("says what is wrong with an unusable file", () => {
    expect(offlineResolver([])).toEqual({ problems: [{ path: "", message: expect.stringContaining("JSON object") as unknown }] });
    expect(offlineResolver({ "a.example": 5, "b.example": { records: [1] } })).toEqual({
      problems: [
        { path: '"a.example"', message: "a TXT value is a string or an array of strings" },
        { path: '"b.example".records[0]', message: "a TXT value is a string or an array of strings" },
      ],
    });
  });
});

describe("DNS over HTTPS (RFC 8484)", () => {
  const enc = new TextEncoder();
  const response = (p: Packet): Uint8Array => encode({ type: "response", id: 0, ...p });

  it("asks with a GET of the wire-format query, base64url, ID 0, RD and AD set", async () => {
    const urls: string[] = [];
    const headers: Record<string, string>[] = [];
    const fetchFn: Fetch = (url, init) => {
      urls.push(url);
      headers.push(init.headers);
      const body = response({ flags: 0x8000 | 0x0100 | 0x0080 | 0x0020, questions: [{ type: "TXT", name: "s._domainkey.example.com" }], answers: [{ type: "TXT", name: "s._domainkey.example.com", ttl: 600, data: [enc.encode("v=DKIM1; "), enc.encode("p=AQAB")] }] });
      return Promise.resolve({ ok: true, status: 200, headers: new Headers({ "content-type": "application/dns-message" }), arrayBuffer: () => Promise.resolve(body.slice().buffer) });
    };
    const answer = await dohResolver("https://dns.example/dns-query", fetchFn).lookupTxt("s._domainkey.example.com");
    expect(answer).toEqual({ status: "found", records: [["v=DKIM1; ", "p=AQAB"]], ttl: 600, authenticated: true });
    const q = txtQuery("s._domainkey.example.com");
    expect(q[0]).toBe(0);
    expect(q[1]).toBe(0);
    expect(urls[0]).toBe(`https://dns.example/dns-query?dns=${Buffer.from(q).toString("base64url")}`);
    expect(headers[0]).toEqual({ accept: "application/dns-message" });
  });

  it("reads NXDOMAIN and NODATA as 'does not exist', with the SOA's negative TTL, and SERVFAIL as an error", () => {
    const soa = { type: "SOA" as const, name: "example.com", ttl: 900, data: { mname: "ns.example.com", rname: "h.example.com", minimum: 120 } };
    expect(answerFromPacket("x", { rcode: "NXDOMAIN", authorities: [soa] })).toEqual({ status: "missing", ttl: 120, authenticated: false });
    expect(answerFromPacket("x", { rcode: "NOERROR", answers: [], flag_ad: true })).toEqual({ status: "missing", ttl: 300, authenticated: true });
    expect(answerFromPacket("x", { rcode: "SERVFAIL" })).toEqual({ status: "error", reason: { key: "dns_serverError", params: ["x", "SERVFAIL"] } });
  });

  it("turns HTTP errors, other content, garbage and timeouts into error answers", async () => {
    const reply = (status: number, type: string, body: Uint8Array): Fetch => () =>
      Promise.resolve({ ok: status === 200, status, headers: new Headers({ "content-type": type }), arrayBuffer: () => Promise.resolve(body.slice().buffer) });
    expect(await dohResolver("https://d.example/q", reply(503, "text/plain", new Uint8Array())).lookupTxt("n")).toMatchObject({ status: "error", reason: { key: "dns_http" } });
    expect(await dohResolver("https://d.example/q", reply(200, "text/html", new Uint8Array())).lookupTxt("n")).toMatchObject({ status: "error", reason: { key: "dns_notDnsMessage" } });
    expect(await dohResolver("https://d.example/q", reply(200, "application/dns-message", new Uint8Array([1, 2, 3]))).lookupTxt("n")).toMatchObject({ status: "error", reason: { key: "dns_badAnswer" } });
    const hang: Fetch = (_u, init) => new Promise((_r, reject) => init.signal.addEventListener("abort", () => reject(new Error("aborted"))));
    expect(await dohResolver("https://d.example/q", hang, { timeoutMs: 20 }).lookupTxt("n")).toEqual({ status: "error", reason: { key: "dns_timeout", params: ["n", "0"] } });
    const broken: Fetch = () => Promise.reject(new TypeError("NetworkError"));
    expect(await dohResolver("https://d.example/q", broken).lookupTxt("n")).toEqual({ status: "error", reason: { key: "dns_failed", params: ["n", "NetworkError"] } });
  });
});
