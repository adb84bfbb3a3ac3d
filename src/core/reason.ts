/**
 * Structured, localisable explanations. Every "why" in the analysis is a message key plus
 * positional parameters, so the add-on can render it with `messenger.i18n.getMessage(key, params)`
 * (keys use only the characters `_locales/*\/messages.json` accepts) and the CLI can render it in
 * English with {@link renderReason}.
 */
import englishMessages from "../../_locales/en/messages.json";

export interface Reason {
  /** A `_locales` message key, e.g. `trust_trusted`. */
  key: string;
  /** Positional parameters, `$1` ... `$n` in the English template. */
  params: string[];
}

export function reason(key: string, ...params: (string | number)[]): Reason {
  return { key, params: params.map(String) };
}

/**
 * English templates: the add-on's own English strings (_locales/en/messages.json) are the one
 * source, so the CLI and the pane say the same thing. `$1`..`$9` are replaced by the parameters.
 */
export const ENGLISH_REASONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(englishMessages as Record<string, { message: string }>).map(([k, v]) => [k, v.message]),
);

export function renderReason(r: Reason): string {
  const template = ENGLISH_REASONS[r.key];
  if (template === undefined) return [r.key, ...r.params].join(" ");
  return template.replace(/\$([1-9])/g, (_m, d: string) => r.params[Number(d) - 1] ?? "");
}
