/**
 * Every user-facing string comes from _locales: a key used in code must exist in every locale,
 * every locale must have exactly the English keys (none missing, none that nothing uses), and each
 * translation must use the same placeholders as the English text.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const LOCALES = ["en", "de", "fr", "ja"];

type Messages = Record<string, { message: string; description?: string }>;

function readLocale(lang: string): Messages {
  return JSON.parse(readFileSync(join(ROOT, "_locales", lang, "messages.json"), "utf8")) as Messages;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|html|json)$/.test(name) ? [p] : [];
  });
}

/**
 * Keys named in code. `exact`: the first argument of t(), getMessage() and reason() (a literal, or
 * the literals of a `? "a" : "b"` choice), `messageKey: "k"` in tables, and __MSG_k__ in the manifest
 * and pages. `prefixes`: template keys such as t(`level_${level}`), which use every key with that
 * prefix. `literals`: every quoted string in the code (a key only named in a table still counts as used).
 */
function usedKeys(): { exact: Set<string>; prefixes: Set<string>; literals: Set<string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const literals = new Set<string>();
  const files = [...sourceFiles(join(ROOT, "src")), ...sourceFiles(join(ROOT, "addon")), join(ROOT, "manifest.json")];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\b(?:t|getMessage|reason)\(([^(),]*)/g)) {
      for (const l of (m[1] as string).matchAll(/(?:^|[?:]|^\s*)\s*"([A-Za-z0-9_@]+)"/g)) exact.add(l[1] as string);
    }
    for (const m of text.matchAll(/\bmessageKey:\s*"([A-Za-z0-9_@]+)"/g)) exact.add(m[1] as string);
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) exact.add(m[1] as string);
    for (const m of text.matchAll(/`([A-Za-z0-9_@]+_)\$\{/g)) prefixes.add(m[1] as string);
    for (const m of text.matchAll(/["'`]([A-Za-z0-9_@]+)["'`]/g)) literals.add(m[1] as string);
  }
  return { exact, prefixes, literals };
}

const placeholders = (s: string) => [...new Set(s.match(/\$[1-9]/g) ?? [])].sort();

describe("i18n", () => {
  const en = readLocale("en");
  const { exact, prefixes, literals } = usedKeys();

  it("finds the keys the code uses", () => {
    expect(exact.size).toBeGreaterThan(100);
    expect(prefixes.has("level_")).toBe(true);
  });

  /** A plural message: variants `<key>_one`, `<key>_other`, … named in code by `<key>`. */
  const pluralBase = (k: string): string | null => /^(.*)_(zero|one|two|few|many|other)$/.exec(k)?.[1] ?? null;

  it("has every key the code uses in English (a plural key as its variants, with an _other)", () => {
    const missing = [...exact].filter((k) => !(k in en) && !(`${k}_other` in en));
    expect(missing).toEqual([]);
    for (const p of prefixes) expect(Object.keys(en).some((k) => k.startsWith(p)), `keys starting with ${p}`).toBe(true);
  });

  it("has no English key that nothing uses", () => {
    const used = (k: string): boolean => exact.has(k) || literals.has(k) || [...prefixes].some((p) => k.startsWith(p));
    const unused = Object.keys(en).filter((k) => !used(k) && !used(pluralBase(k) ?? k));
    expect(unused).toEqual([]);
  });

  for (const lang of LOCALES.filter((l) => l !== "en")) {
    it(`${lang} has exactly the English keys, each translated with the same placeholders`, () => {
      const messages = readLocale(lang);
      expect(Object.keys(messages).filter((k) => !(k in en)), `${lang}: keys English does not have`).toEqual([]);
      expect(Object.keys(en).filter((k) => !(k in messages)), `${lang}: missing keys`).toEqual([]);
      for (const [k, v] of Object.entries(en)) {
        const tr = messages[k];
        if (!tr) continue;
        expect(tr.message.trim().length, `${lang}.${k} is empty`).toBeGreaterThan(0);
        expect(placeholders(tr.message), `${lang}.${k} placeholders`).toEqual(placeholders(v.message));
      }
    });
  }
});

describe("plural messages", () => {
  const en = readLocale("en");
  it("every plural message has an _other variant and the same placeholders in each variant", () => {
    const bases = new Set(Object.keys(en).flatMap((k) => (/^(.*)_(one|other)$/.exec(k)?.[1] ? [/^(.*)_(one|other)$/.exec(k)?.[1] as string] : [])));
    for (const base of bases) {
      if (!(`${base}_one` in en)) continue; // an ordinary key that ends in "_other"
      expect(`${base}_other` in en, base).toBe(true);
      expect(placeholders(en[`${base}_one`]?.message ?? ""), base).toEqual(placeholders(en[`${base}_other`]?.message ?? ""));
      expect(en[`${base}_one`]?.message, `${base}: the count is $1`).toContain("$1");
    }
  });
});
