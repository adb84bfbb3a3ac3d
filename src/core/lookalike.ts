/**
 * Look-alike sender detection.
 *
 * A domain is a look-alike when one of its IDN labels
 * - mixes scripts beyond Unicode TR39's "Highly Restrictive" level (one script, or Latin with the
 *   CJK combinations Han+Hiragana+Katakana, Han+Bopomofo, Han+Hangul), e.g. Latin+Cyrillic;
 * - is confusable with an ASCII label: its TR39 skeleton (confusables data from the `unhomoglyph`
 *   package, reduced to what this check needs: ./ascii-skeleton.ts) is plain ASCII although the
 *   label is not, e.g. Cyrillic "аррӏе" for "apple";
 * - is not in NFKC form (full-width or other compatibility characters).
 * A display name that holds an address other than the real one is reported separately.
 */
import { asciiSkeleton, imitatedAscii } from "./ascii-skeleton.js";
import { toDomainAscii } from "./domain.js";
import { reason, type Reason } from "./reason.js";
import { toUnicode } from "punycode/";

export interface LookalikeFinding {
  lookalike: boolean;
  /** What makes it one, in words a reader knows (no skeletons, no "labels"). */
  reasons: Reason[];
  /** The plain-ASCII domain it imitates ("example.com"), when every look-alike letter has one. */
  imitates?: string | null;
}

/** Scripts AuthLens names; anything else non-Common/Inherited is "Other". */
const SCRIPTS: [string, RegExp][] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Han", /\p{Script=Han}/u],
  ["Hiragana", /\p{Script=Hiragana}/u],
  ["Katakana", /\p{Script=Katakana}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Bopomofo", /\p{Script=Bopomofo}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Georgian", /\p{Script=Georgian}/u],
  ["Cherokee", /\p{Script=Cherokee}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
];
const COMMON_OR_INHERITED = /[\p{Script=Common}\p{Script=Inherited}]/u;

function scriptOf(ch: string): string | null {
  if (COMMON_OR_INHERITED.test(ch)) return null;
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return "Other";
}

/** The scripts of a label (Common and Inherited left out), in order of first use. */
export function labelScripts(label: string): string[] {
  const seen: string[] = [];
  for (const ch of label) {
    if (ch.charCodeAt(0) < 0x80) {
      if (/[a-zA-Z]/.test(ch) && !seen.includes("Latin")) seen.push("Latin");
      continue;
    }
    const s = scriptOf(ch);
    if (s !== null && !seen.includes(s)) seen.push(s);
  }
  return seen;
}

const CJK_SETS: string[][] = [
  ["Latin", "Han", "Hiragana", "Katakana"],
  ["Latin", "Han", "Bopomofo"],
  ["Latin", "Han", "Hangul"],
];

/** TR39 "Highly Restrictive": a single script, or one of the CJK combinations (with Latin). */
export function isHighlyRestrictive(scripts: string[]): boolean {
  if (scripts.length <= 1) return true;
  return CJK_SETS.some((set) => scripts.every((s) => set.includes(s)));
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_LDH = /^[a-z0-9-]+$/;

/**
 * Findings per domain: the same sender domains come back message after message, and checking one
 * (punycode, NFKC, script lookups, skeleton) costs far more than a lookup. Bounded like the domain
 * memos: cleared when full, long inputs never kept.
 */
const findings = new Map<string, LookalikeFinding>();
const MAX_FINDINGS = 1000;

/** Check a domain (A-labels or Unicode). */
export function checkDomain(domain: string): LookalikeFinding {
  let finding = findings.get(domain);
  if (finding === undefined) {
    finding = checkDomainUncached(domain);
    if (domain.length <= 255) {
      if (findings.size >= MAX_FINDINGS) findings.clear();
      findings.set(domain, finding);
    }
  }
  // A copy: callers own the finding they get (the analysis hands it on).
  return { lookalike: finding.lookalike, reasons: finding.reasons.map((r) => ({ key: r.key, params: [...r.params] })), imitates: finding.imitates ?? null };
}

/** Script names for people, in any language: "Latin, Cyrillic". */
function scriptsInWords(scripts: readonly string[]): string {
  return scripts.join(", ");
}

function checkDomainUncached(domain: string): LookalikeFinding {
  const reasons: Reason[] = [];
  const ascii = toDomainAscii(domain);
  const imitated: (string | null)[] = [];
  let confusable = false;
  for (const alabel of ascii.split(".")) {
    let label = alabel;
    if (alabel.startsWith("xn--")) {
      try {
        label = toUnicode(alabel);
      } catch {
        reasons.push(reason("lookalike_invalidIdn", alabel));
        imitated.push(null);
        continue;
      }
    }
    if (!NON_ASCII.test(label)) {
      imitated.push(label);
      continue;
    }
    const nfkc = label.normalize("NFKC").toLowerCase();
    if (nfkc !== label && !reasons.some((r) => r.key === "lookalike_notNormalized")) reasons.push(reason("lookalike_notNormalized"));
    const scripts = labelScripts(label);
    if (!isHighlyRestrictive(scripts)) reasons.push(reason("lookalike_mixedScript", scriptsInWords(scripts)));
    const sk = asciiSkeleton(label);
    if (sk !== null && ASCII_LDH.test(sk)) confusable = true;
    imitated.push(imitatedAscii(nfkc));
  }
  if (confusable) reasons.push(reason("lookalike_confusable"));
  const imitates = reasons.length > 0 && imitated.every((l) => l !== null) ? imitated.join(".") : null;
  return { lookalike: reasons.length > 0, reasons, imitates: imitates !== ascii ? imitates : null };
}

/**
 * An address written in the display name, when it differs from the real address
 * (`"ceo@example.com" <x@attacker.example>`). Returns the address shown, or null.
 */
export function displayNameAddress(displayName: string | null, realAddress: string | null): string | null {
  if (displayName === null) return null;
  const name = displayName.length > 1000 ? displayName.slice(0, 1000) : displayName;
  let at = name.indexOf("@");
  while (at !== -1) {
    let start = at;
    while (start > 0 && !/[\s<>"'(),;:[\]]/.test(name.charAt(start - 1))) start--;
    let end = at + 1;
    while (end < name.length && !/[\s<>"'(),;:[\]]/.test(name.charAt(end))) end++;
    const local = name.slice(start, at);
    const dom = name.slice(at + 1, end).replace(/\.$/, "");
    if (local.length > 0 && dom.includes(".") && !dom.includes("@")) {
      const shown = `${local}@${dom}`;
      if (realAddress === null) return shown;
      const r = realAddress.lastIndexOf("@");
      const same =
        r > 0 &&
        realAddress.slice(0, r).toLowerCase() === local.toLowerCase() &&
        toDomainAscii(realAddress.slice(r + 1)) === toDomainAscii(dom);
      if (!same) return shown;
    }
    at = name.indexOf("@", end);
  }
  return null;
}
