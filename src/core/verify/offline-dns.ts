/**
 * An offline resolver from a JSON object (`authlens verify --dns FILE`, tests): DNS names mapped
 * to TXT values. A name that is not listed does not exist.
 *
 *   "name": "text"                      one TXT record
 *   "name": ["part1", "part2"]          one TXT record of several character-strings (joined without spaces)
 *   "name": {"error": "SERVFAIL"}       a temporary failure (also "TIMEOUT", "REFUSED"); "NXDOMAIN": does not exist
 *   "name": {"records": [value, ...]}   several TXT records; add "authenticated": true for a DNSSEC-validated answer
 */
import { reason } from "../reason.js";
import { normalizeName, type TxtAnswer, type TxtResolver } from "./dns.js";

const TTL = 300;

type Problem = { path: string; message: string };

function record(value: unknown, path: string, problems: Problem[]): string[] | null {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  problems.push({ path, message: "a TXT value is a string or an array of strings" });
  return null;
}

function answerFor(name: string, value: unknown, problems: Problem[]): TxtAnswer | null {
  const path = JSON.stringify(name);
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") {
      const code = v.error.toUpperCase();
      if (code === "NXDOMAIN") return { status: "missing", ttl: TTL, authenticated: v.authenticated === true };
      return { status: "error", reason: reason("dns_serverError", name, code) };
    }
    if (Array.isArray(v.records)) {
      const records = v.records.map((r, i) => record(r, `${path}.records[${i}]`, problems));
      if (records.some((r) => r === null)) return null;
      return { status: "found", records: records as string[][], ttl: TTL, authenticated: v.authenticated === true };
    }
    problems.push({ path, message: 'expected a string, an array of strings, {"error": …} or {"records": […]}' });
    return null;
  }
  const r = record(value, path, problems);
  return r === null ? null : { status: "found", records: [r], ttl: TTL, authenticated: false };
}

/** The resolver, or the problems that make the JSON unusable. */
export function offlineResolver(json: unknown): { resolver: TxtResolver } | { problems: Problem[] } {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return { problems: [{ path: "", message: "the DNS file must hold a JSON object mapping names to TXT values" }] };
  }
  const problems: Problem[] = [];
  const answers = new Map<string, TxtAnswer>();
  for (const [name, value] of Object.entries(json)) {
    const answer = answerFor(name, value, problems);
    if (answer !== null) answers.set(normalizeName(name), answer);
  }
  if (problems.length > 0) return { problems };
  const missing: TxtAnswer = { status: "missing", ttl: TTL, authenticated: false };
  return { resolver: { lookupTxt: (name) => Promise.resolve(answers.get(normalizeName(name)) ?? missing) } };
}
