/**
 * A new tag's key, made from its name: Thunderbird's filters, quick filter and searches show the
 * name; the key (lower case a-z, 0-9, _, $ and -) only identifies the tag. `$authlens_` and the
 * name in those letters ("TLS verified" is `$authlens_tls_verified`); a name with none of them
 * (Japanese, say) gets a short hash of the name. A key Thunderbird already uses for a tag of
 * another name gets a number.
 */
import { fnv1a64 } from "../../../core/rules/version.js";

const PREFIX = "$authlens_";
const MAX_WORDS = 40;

function words(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, MAX_WORDS)
    .replace(/_+$/, "");
}

/** The key for a new tag named `name`; "" for an empty name. `existing` are Thunderbird's tags. */
export function tagKeyFromName(name: string, existing: readonly { key: string; tag: string }[] = []): string {
  const trimmed = name.trim();
  if (trimmed === "") return "";
  const base = PREFIX + (words(trimmed) || fnv1a64(trimmed).slice(0, 8));
  const clash = (key: string) => existing.some((x) => x.key === key && x.tag.trim().toLowerCase() !== trimmed.toLowerCase());
  let key = base;
  for (let n = 2; clash(key); n++) key = `${base}_${n}`;
  return key;
}
