/**
 * Structured, localisable explanations. Every "why" in the analysis is a message key plus
 * positional parameters (keys use only the characters `_locales/*\/messages.json` accepts). Core
 * holds no strings: whoever shows a reason passes the messages of its language — the add-on
 * `messenger.i18n.getMessage`, the CLI the English `_locales/en/messages.json` (src/cli/english.ts).
 */
import { pluralKeys } from "./plural.js";

export interface Reason {
  /** A `_locales` message key, e.g. `trust_trusted`. */
  key: string;
  /** Positional parameters, `$1` ... `$n` in the message. */
  params: string[];
}

export function reason(key: string, ...params: (string | number)[]): Reason {
  return { key, params: params.map(String) };
}

/** The message for a key with its parameters filled in, in one language; undefined for an unknown key. */
export type MessageLookup = (key: string, params: readonly string[]) => string | undefined;

/** A reason as text, in the language of the messages it was made with (see {@link reasonRenderer}). */
export type RenderReason = (r: Reason) => string;

/**
 * Renders reasons with `messages` (in `locale`, for plural messages: see ./plural.ts); a key they
 * do not know shows as the key and its parameters.
 */
export function reasonRenderer(messages: MessageLookup, locale = "en"): RenderReason {
  return (r) => {
    const direct = messages(r.key, r.params);
    if (direct !== undefined) return direct;
    for (const k of pluralKeys(r.key, r.params, locale)) {
      const text = messages(k, r.params);
      if (text !== undefined) return text;
    }
    return [r.key, ...r.params].join(" ");
  };
}
