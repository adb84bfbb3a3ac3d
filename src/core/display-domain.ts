import type { Analysis } from "./analyze.js";

/**
 * The sender's domain as AuthLens names it in sentences (titles, summaries, the banner). Normally
 * the Unicode form; for a look-alike the A-label, because its Unicode form is built to read as
 * another domain ("exаmple.com" with a Cyrillic а).
 */
export function senderDomainForDisplay(a: { from: Pick<Analysis["from"], "primary" | "lookalike"> }): string | null {
  const p = a.from.primary;
  if (!p) return null;
  return a.from.lookalike.lookalike ? p.domain : (p.domainUnicode ?? p.domain);
}
