/**
 * Plural messages: a message whose wording depends on a count has variants `<key>_one`,
 * `<key>_other`, … (the CLDR plural categories of each language; `_other` always exists), the
 * count being its first parameter. Code names the key without the suffix.
 */
const rules = new Map<string, Intl.PluralRules>();

function category(count: number, locale: string): string {
  try {
    let r = rules.get(locale);
    if (r === undefined) rules.set(locale, (r = new Intl.PluralRules(locale)));
    return r.select(count);
  } catch {
    return count === 1 ? "one" : "other";
  }
}

/** The keys to try for a plural message, best first; none when the first parameter is no number. */
export function pluralKeys(key: string, params: readonly (string | number)[], locale: string): string[] {
  const count = Number(params[0]);
  if (params.length === 0 || !Number.isFinite(count)) return [];
  const c = category(count, locale);
  return c === "other" ? [`${key}_other`] : [`${key}_${c}`, `${key}_other`];
}
