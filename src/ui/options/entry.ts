/**
 * Checks an entry typed into a trusted list before it is sent to the background (which validates
 * again with the settings schema). Stricter than the schema: a host name, or `@domain` for a domain
 * and its subdomains; never a bare top-level domain after `@`.
 */
export type EntryKind = "server" | "forwarder";

export type EntryCheck =
  | { ok: true; value: string }
  | { ok: false; problem: "empty" | "invalid" | "topLevel" | "duplicate" | "covered"; by?: string };

const LABEL = "[\\p{L}\\p{M}\\p{N}_](?:[\\p{L}\\p{M}\\p{N}_-]{0,61}[\\p{L}\\p{M}\\p{N}_])?";
const HOST = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`, "u");

/** Lower case, no surrounding space, no trailing dot. */
export function normalizeEntry(raw: string): string {
  return raw.trim().toLowerCase().replace(/\.$/, "");
}

/** The entry of `list` that already covers `value` (the same name, or an `@parent` of it), or null. */
export function coveringEntry(value: string, list: readonly string[]): string | null {
  const v = normalizeEntry(value);
  const bare = v.startsWith("@") ? v.slice(1) : v;
  for (const entry of list) {
    const e = normalizeEntry(entry);
    if (e === v) return entry;
    if (e.startsWith("@")) {
      const parent = e.slice(1);
      if (bare === parent || bare.endsWith("." + parent)) return entry;
    }
  }
  return null;
}

export function checkEntry(raw: string, kind: EntryKind, existing: readonly string[]): EntryCheck {
  const value = normalizeEntry(raw);
  if (value.length === 0) return { ok: false, problem: "empty" };
  const isDomain = value.startsWith("@");
  const name = isDomain ? value.slice(1) : value;
  if (name.length === 0 || name.length > 253 || !HOST.test(name)) return { ok: false, problem: "invalid" };
  // `@net` would trust every server under a top-level domain; a forwarder is always a domain.
  if ((isDomain || kind === "forwarder") && !name.includes(".")) return { ok: false, problem: "topLevel" };
  const by = coveringEntry(value, existing);
  if (by !== null) return normalizeEntry(by) === value ? { ok: false, problem: "duplicate", by } : { ok: false, problem: "covered", by };
  return { ok: true, value };
}
