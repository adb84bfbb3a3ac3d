/**
 * DNS for AuthLens's own checks: DNS over HTTPS (RFC 8484, ../../core/verify/doh.ts) to the server
 * the person or their administrator chose, and only after checking was turned on and the server's
 * host permission granted. One cache per server for every message (the engine's TTL cache, with
 * negative caching), a timeout per query, and a cap on queries in flight so a folder's worth of
 * messages never floods the server.
 */
import { DnsCache, type TxtAnswer, type TxtResolver } from "../../core/verify/dns.js";
import { dohResolver } from "../../core/verify/doh.js";
import { reason } from "../../core/reason.js";
import { dohPermissionPattern } from "../../core/settings/doh.js";
import { messenger } from "../../shared/api.js";

const QUERY_TIMEOUT_MS = 4000;
export const MAX_IN_FLIGHT = 6;

/** Thunderbird's answers, per permission pattern, until a permission is granted or given back. */
const allowed = new Map<string, Promise<boolean>>();

/**
 * Whether the person granted the host permission the server needs (AuthLens asked when it was
 * chosen). Asked of Thunderbird once per server, not for every message and lookup; forgotten
 * when permissions change (forgetPermissions).
 */
export function serverAllowed(serverUrl: string): Promise<boolean> {
  const origin = dohPermissionPattern(serverUrl);
  if (origin === null) return Promise.resolve(false);
  let answer = allowed.get(origin);
  if (answer === undefined) {
    answer = messenger.permissions.contains({ origins: [origin] }).catch(() => false);
    allowed.set(origin, answer);
  }
  return answer;
}

export function forgetPermissions(): void {
  allowed.clear();
}

let inFlight = 0;
const waiting: (() => void)[] = [];

/**
 * Runs `run` once fewer than MAX_IN_FLIGHT queries are under way. A finished query hands its slot
 * straight to the next one waiting, so a new caller can never slip in between and exceed the cap.
 */
export async function querySlot<T>(run: () => Promise<T>): Promise<T> {
  if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
  else inFlight++;
  try {
    return await run();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  }
}

const caches = new Map<string, DnsCache>();

/** Forgets every cached answer (the benchmark's cold cache; a new server starts a new cache anyway). */
export function clearDnsCaches(): void {
  caches.clear();
}

/**
 * The resolver for a server: its cache is kept while the server stays the same (one cache for
 * every message). A server without a granted permission gets no request at all.
 */
export function resolverFor(serverUrl: string): TxtResolver {
  let cache = caches.get(serverUrl);
  if (cache === undefined) {
    // The timeout of a query starts when it has its slot, not while it waits for one.
    const doh = dohResolver(serverUrl, (url, init) => fetch(url, init), { timeoutMs: QUERY_TIMEOUT_MS });
    const guarded: TxtResolver = {
      lookupTxt: async (name): Promise<TxtAnswer> =>
        (await serverAllowed(serverUrl)) ? querySlot(() => doh.lookupTxt(name)) : { status: "error", reason: reason("dns_notAllowed", serverUrl) },
    };
    cache = new DnsCache(guarded);
    caches.clear(); // one server at a time: a new choice starts a new cache
    caches.set(serverUrl, cache);
  }
  return cache;
}
