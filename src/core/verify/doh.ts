/**
 * A TXT resolver over DNS over HTTPS (RFC 8484): a GET with the DNS query in wire format, base64url
 * in `?dns=`, `Accept: application/dns-message`. The DNS message is encoded and decoded by
 * @leichtgewicht/dns-packet (dns-packet without Node's Buffer, so it runs in Thunderbird too). The
 * query has ID 0 (RFC 8484 §4.1, cache friendly) and asks for recursion and for the AD bit, which
 * the answer's `authenticated` passes on.
 *
 * `fetch` is passed in: the add-on passes its own (after the user granted the server's host
 * permission), the command line Node's. Each query has a timeout; every failure is an answer with
 * status "error", never a rejection.
 */
import { AUTHENTIC_DATA, decode, encode, RECURSION_DESIRED, type Packet } from "@leichtgewicht/dns-packet";
import { errorText } from "../error-text.js";
import { reason } from "../reason.js";
import { toBinary } from "./bytes.js";
import type { TxtAnswer, TxtResolver } from "./dns.js";

export type Fetch = (url: string, init: { method: "GET"; headers: Record<string, string>; signal: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

export interface DohOptions {
  timeoutMs?: number;
}

const DEFAULT_NEGATIVE_TTL = 300;

function base64url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The wire-format query for the TXT records of `name`. */
export function txtQuery(name: string): Uint8Array {
  return encode({ type: "query", id: 0, flags: RECURSION_DESIRED | AUTHENTIC_DATA, questions: [{ type: "TXT", name }] });
}

function txtStrings(data: unknown): string[] {
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((p) => (typeof p === "string" ? p : p instanceof Uint8Array ? toBinary(p) : ""));
}

/** An answer from a decoded DNS response. */
export function answerFromPacket(name: string, packet: Packet): TxtAnswer {
  const authenticated = packet.flag_ad === true;
  const rcode = packet.rcode ?? "NOERROR";
  const negativeTtl = (): number => {
    for (const a of packet.authorities ?? []) {
      if (a.type === "SOA") {
        const minimum = (a.data as { minimum?: number }).minimum ?? DEFAULT_NEGATIVE_TTL;
        return Math.min(a.ttl ?? minimum, minimum);
      }
    }
    return DEFAULT_NEGATIVE_TTL;
  };
  if (rcode === "NXDOMAIN") return { status: "missing", ttl: negativeTtl(), authenticated };
  if (rcode !== "NOERROR") return { status: "error", reason: reason("dns_serverError", name, rcode) };
  const txt = (packet.answers ?? []).filter((a) => a.type === "TXT");
  if (txt.length === 0) return { status: "missing", ttl: negativeTtl(), authenticated };
  const ttl = Math.min(...txt.map((a) => a.ttl ?? DEFAULT_NEGATIVE_TTL));
  return { status: "found", records: txt.map((a) => txtStrings(a.data)), ttl, authenticated };
}

export function dohResolver(serverUrl: string, fetchFn: Fetch, options: DohOptions = {}): TxtResolver {
  const timeoutMs = options.timeoutMs ?? 4000;
  const separator = serverUrl.includes("?") ? "&" : "?";
  return {
    async lookupTxt(name: string): Promise<TxtAnswer> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await fetchFn(`${serverUrl}${separator}dns=${base64url(txtQuery(name))}`, {
          method: "GET",
          headers: { accept: "application/dns-message" },
          signal: controller.signal,
        });
        if (!response.ok) return { status: "error", reason: reason("dns_http", name, response.status) };
        const type = response.headers.get("content-type") ?? "";
        if (!type.toLowerCase().startsWith("application/dns-message")) {
          return { status: "error", reason: reason("dns_notDnsMessage", name, type || "(none)") };
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        let packet: Packet;
        try {
          packet = decode(bytes);
        } catch {
          return { status: "error", reason: reason("dns_badAnswer", name) };
        }
        return answerFromPacket(name, packet);
      } catch (err) {
        if (controller.signal.aborted) return { status: "error", reason: reason("dns_timeout", name, Math.round(timeoutMs / 1000)) };
        return { status: "error", reason: reason("dns_failed", name, errorText(err)) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
