/**
 * Kinds of verdict reasons that a short view (the banner) picks out, named where the reasons are
 * made (./verdict.ts, ./trust.ts) so the two cannot drift apart. No imports: the banner bundles it.
 */

/** Why the sender may not be who it seems (a look-alike domain, another address in the display name). */
export const SENDER_CONCERN = { lookalike: "verdict_lookalike", lookalikeUnknown: "verdict_lookalikeUnknown", displayNameAddress: "verdict_displayNameAddress" } as const;

/** Headers whose claims were set aside (from servers not trusted, or forged below the trusted ones). */
export const SET_ASIDE = { untrusted: "verdict_setAsideUntrusted", forged: "verdict_setAsideForged" } as const;

const SENDER_CONCERN_KEYS: ReadonlySet<string> = new Set(Object.values(SENDER_CONCERN));
const SET_ASIDE_KEYS: ReadonlySet<string> = new Set(Object.values(SET_ASIDE));

export function isSenderConcern(key: string): boolean {
  return SENDER_CONCERN_KEYS.has(key);
}

export function isSetAside(key: string): boolean {
  return SET_ASIDE_KEYS.has(key);
}
