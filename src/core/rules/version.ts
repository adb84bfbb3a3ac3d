/**
 * The rule-set version: a stable hash of what decides the actions, so the background acts on a
 * message once per version. It is FNV-1a (64 bit) over the canonical JSON (object keys sorted,
 * undefined left out) of the ENABLED rules, in order. Any change to an enabled rule, enabling or
 * disabling a rule, or reordering rules changes it; editing a disabled rule does not.
 */
import type { Rule } from "./schema.js";

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v: unknown) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a 64 over the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h = OFFSET;
  const bytes = new TextEncoder().encode(text);
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * PRIME) & MASK;
  }
  return h.toString(16).padStart(16, "0");
}

export function ruleSetVersion(rules: readonly Rule[]): string {
  return `v1-${fnv1a64(canonicalJson(rules.filter((r) => r.enabled)))}`;
}
