/**
 * DNS as the verifier sees it: TXT lookups answered by a resolver the caller passes in (DNS over
 * HTTPS in the add-on and `authlens verify --doh`, a JSON file with `--dns`, a map in tests).
 *
 * - `DnsCache`: one cache for every message, with the answers' TTLs and negative caching (a name
 *   that does not exist is remembered too); a name being looked up is shared, not asked twice.
 * - `LookupSession`: one message's lookups, started in parallel, each name once, all within a
 *   time budget; a lookup still open when the budget runs out is a temporary error.
 */
import { errorText } from "../error-text.js";
import { reason, type Reason } from "../reason.js";

export type TxtAnswer =
  | {
      status: "found";
      /** Each TXT record as its character-strings (to be joined without spaces). */
      records: string[][];
      ttl: number;
      /** The resolver said the answer was DNSSEC-authenticated (the AD bit). */
      authenticated: boolean;
    }
  | { status: "missing"; ttl: number; authenticated: boolean }
  | { status: "error"; reason: Reason };

export interface TxtResolver {
  /** Never rejects: a failure is an answer with status "error". */
  lookupTxt(name: string): Promise<TxtAnswer>;
}

/** Lower case, without a final dot: the form names are cached and compared in. */
export function normalizeName(name: string): string {
  const n = name.endsWith(".") ? name.slice(0, -1) : name;
  return n.toLowerCase();
}

export interface DnsCacheOptions {
  /** Milliseconds since the epoch (injected so tests control time). */
  now?: () => number;
  maxEntries?: number;
  /** TTLs are kept within these bounds, in seconds. */
  minTtl?: number;
  maxTtl?: number;
  /** How long a temporary error is remembered, in seconds (so a dead server is not asked per signature). */
  errorTtl?: number;
}

interface Entry {
  answer: Promise<TxtAnswer>;
  /** Expiry in ms; Infinity while the lookup is under way. */
  expires: number;
}

export class DnsCache implements TxtResolver {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #max: number;
  readonly #minTtl: number;
  readonly #maxTtl: number;
  readonly #errorTtl: number;

  constructor(
    private readonly resolver: TxtResolver,
    options: DnsCacheOptions = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#max = options.maxEntries ?? 2000;
    this.#minTtl = options.minTtl ?? 30;
    this.#maxTtl = options.maxTtl ?? 86400;
    this.#errorTtl = options.errorTtl ?? 10;
  }

  lookupTxt(rawName: string): Promise<TxtAnswer> {
    const name = normalizeName(rawName);
    const now = this.#now();
    const hit = this.#entries.get(name);
    if (hit !== undefined && hit.expires > now) return hit.answer;
    if (hit !== undefined) this.#entries.delete(name);
    const entry: Entry = { answer: this.#ask(name), expires: Infinity };
    this.#evictIfFull();
    this.#entries.set(name, entry);
    void entry.answer.then((a) => {
      const ttl = a.status === "error" ? this.#errorTtl : Math.min(this.#maxTtl, Math.max(this.#minTtl, a.ttl));
      entry.expires = this.#now() + ttl * 1000;
    });
    return entry.answer;
  }

  async #ask(name: string): Promise<TxtAnswer> {
    try {
      return await this.resolver.lookupTxt(name);
    } catch (err) {
      return { status: "error", reason: reason("dns_failed", name, errorText(err)) };
    }
  }

  #evictIfFull(): void {
    if (this.#entries.size < this.#max) return;
    const now = this.#now();
    for (const [k, e] of this.#entries) if (e.expires <= now) this.#entries.delete(k);
    // Still full: drop the oldest (a Map iterates in insertion order).
    while (this.#entries.size >= this.#max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * The lookups of one message: each name asked once, in parallel, and none waited for beyond the
 * budget. `close()` releases the timer (call it when the message is done).
 */
export class LookupSession {
  readonly #answers = new Map<string, Promise<TxtAnswer>>();
  readonly #deadline: Promise<TxtAnswer>;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Names asked, in the order they were first asked (for reports and tests). */
  readonly asked: string[] = [];

  constructor(
    private readonly resolver: TxtResolver,
    budgetMs: number,
  ) {
    this.#deadline = new Promise((resolve) => {
      this.#timer = setTimeout(() => resolve({ status: "error", reason: reason("dns_budget", Math.round(budgetMs / 1000)) }), budgetMs);
    });
  }

  lookupTxt(rawName: string): Promise<TxtAnswer> {
    const name = normalizeName(rawName);
    let answer = this.#answers.get(name);
    if (answer === undefined) {
      this.asked.push(name);
      answer = Promise.race([this.resolver.lookupTxt(name), this.#deadline]);
      this.#answers.set(name, answer);
    }
    return answer;
  }

  close(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

/** A TXT record's text: its character-strings joined without spaces (RFC 6376 §3.6.2.2). */
export function recordText(strings: readonly string[]): string {
  return strings.join("");
}
