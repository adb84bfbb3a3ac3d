/**
 * The single import of the WebExtension API. webextension-polyfill is a no-op in Thunderbird
 * (it returns Thunderbird's own `browser`, which is the same object as `messenger`); unit tests
 * replace the "webextension-polyfill" module, so this file is the one seam between AuthLens and
 * Thunderbird. The type comes from @types/thunderbird-webext-browser, extended below with the
 * APIs newer than that package.
 */
import browser from "webextension-polyfill";

type Messenger = typeof globalThis.messenger;

/** A dictionary of header name (lower case) to that header's values, in message order (TB 147+). */
export type HeadersDictionary = Record<string, string[]>;

export interface MessagesExtras {
  /** Thunderbird 147+: all headers without MIME parsing; much faster than getFull. */
  getHeaders?: (messageId: number, options?: { decodeHeaders?: boolean }) => Promise<HeadersDictionary>;
}

export type ThunderbirdApi = Omit<Messenger, "messages"> & {
  messages: Messenger["messages"] & MessagesExtras;
};

export const messenger = browser as unknown as ThunderbirdApi;
