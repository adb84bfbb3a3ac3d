/**
 * A DNS-over-HTTPS server for the e2e tests (RFC 8484 GET, `?dns=` base64url, answers as
 * application/dns-message), on 127.0.0.1. It answers from a DNS file in the format of
 * `authlens verify --dns` (the verification fixtures' keys, test/fixtures/verify/generated/dns.json),
 * and records every query it receives, so a test can prove that none arrived. In "silent" mode it
 * never answers (the request stays open until the client gives up); in "slow" mode it answers after
 * SLOW_MS, as a distant resolver might.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { decode, encode, RECURSION_AVAILABLE, RECURSION_DESIRED, type Answer, type Packet } from "@leichtgewicht/dns-packet";
import { offlineResolver } from "../../../src/core/verify/offline-dns.js";
import type { TxtResolver } from "../../../src/core/verify/dns.js";

export interface DohQuery {
  name: string;
  type: string;
  at: number;
}

export type DohMode = "answer" | "slow" | "silent";

/** How long an answer takes in "slow" mode (well below the client's 4 s timeout). */
export const SLOW_MS = 1500;

export interface DohServer {
  /** The URL to give AuthLens (http://127.0.0.1:PORT/dns-query). */
  url: string;
  /** Every query received, in order (also those not answered). */
  queries: DohQuery[];
  /** "answer" (the default), "slow" (answer after SLOW_MS) or "silent" (never answer). */
  setMode(mode: DohMode): void;
  stop(): Promise<void>;
}

/** Splits a TXT value into character-strings of at most 255 bytes (RFC 1035 §3.3.14). */
function characterStrings(parts: readonly string[]): Buffer[] {
  const out: Buffer[] = [];
  for (const part of parts) {
    const bytes = Buffer.from(part, "latin1");
    for (let i = 0; i < bytes.length || (i === 0 && bytes.length === 0); i += 255) out.push(bytes.subarray(i, i + 255));
  }
  return out;
}

async function answer(resolver: TxtResolver, query: Packet): Promise<Uint8Array> {
  const question = query.questions?.[0];
  const base = { type: "response" as const, id: query.id ?? 0, flags: RECURSION_DESIRED | RECURSION_AVAILABLE, questions: query.questions ?? [] };
  if (question === undefined || question.type !== "TXT") return encode({ ...base, answers: [] });
  const found = await resolver.lookupTxt(question.name);
  // The response code is the low four bits of the flags (RFC 1035 §4.1.1): 2 SERVFAIL, 3 NXDOMAIN.
  if (found.status === "error") return encode({ ...base, flags: base.flags | 2 });
  if (found.status === "missing") return encode({ ...base, flags: base.flags | 3 });
  const answers: Answer[] = found.records.map((parts) => ({ type: "TXT", name: question.name, ttl: 300, class: "IN", data: characterStrings(parts) }));
  return encode({ ...base, answers });
}

export async function startDohServer(dnsJson: unknown): Promise<DohServer> {
  const offline = offlineResolver(dnsJson);
  if ("problems" in offline) throw new Error(`DNS file: ${JSON.stringify(offline.problems)}`);
  const resolver = offline.resolver;
  const queries: DohQuery[] = [];
  let mode: DohMode = "answer";
  const held = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const dns = url.searchParams.get("dns");
    if (req.method !== "GET" || url.pathname !== "/dns-query" || dns === null) {
      res.writeHead(400).end("RFC 8484 GET /dns-query?dns= only");
      return;
    }
    let query: Packet;
    try {
      query = decode(Buffer.from(dns, "base64url"));
    } catch {
      res.writeHead(400).end("not a DNS message");
      return;
    }
    const q = query.questions?.[0];
    queries.push({ name: q?.name ?? "", type: String(q?.type ?? ""), at: Date.now() });
    if (mode === "silent") {
      held.add(res);
      res.on("close", () => held.delete(res));
      return;
    }
    if (mode === "slow") await new Promise((r) => setTimeout(r, SLOW_MS));
    const body = await answer(resolver, query);
    res.writeHead(200, { "content-type": "application/dns-message", "content-length": body.length, "cache-control": "max-age=300" });
    res.end(Buffer.from(body));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("DoH server has no port");
  return {
    url: `http://127.0.0.1:${address.port}/dns-query`,
    queries,
    setMode: (m) => {
      mode = m;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
