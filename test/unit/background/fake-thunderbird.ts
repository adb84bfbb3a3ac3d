/**
 * Pieces of a fake Thunderbird for the background's unit tests (each test file builds its own
 * `browser` object from them and mocks "webextension-polyfill" with it): message headers, events
 * that a test can fire, and promises a test resolves when it wants a read to finish.
 */
type MessageHeader = messenger.messages.MessageHeader;
type MailFolder = messenger.folders.MailFolder;

/** A MessageHeader as Thunderbird gives it, with the fields a test cares about. */
export function messageHeader(fields: Pick<MessageHeader, "id"> & Partial<Omit<MessageHeader, "folder">> & { folder?: MailFolder }): MessageHeader {
  return {
    author: "Alice <alice@example.com>",
    bccList: [],
    ccList: [],
    recipients: ["bob@example.net"],
    date: new Date(0),
    external: false,
    flagged: false,
    headerMessageId: `m${fields.id}@example.com`,
    headersOnly: false,
    junk: false,
    junkScore: 0,
    new: false,
    read: false,
    size: 100,
    subject: `Message ${fields.id}`,
    tags: [],
    ...fields,
  };
}

export interface FakeEvent<A extends unknown[]> {
  addListener(listener: (...args: A) => void): void;
  removeListener(listener: (...args: A) => void): void;
  hasListener(listener: (...args: A) => void): boolean;
  /** Calls every listener, as Thunderbird would. */
  fire(...args: A): void;
  /** Forgets every listener (between tests). */
  clear(): void;
}

export function fakeEvent<A extends unknown[] = unknown[]>(): FakeEvent<A> {
  const listeners = new Set<(...args: A) => void>();
  return {
    addListener: (l) => void listeners.add(l),
    removeListener: (l) => void listeners.delete(l),
    hasListener: (l) => listeners.has(l),
    fire: (...args) => {
      for (const l of [...listeners]) l(...args);
    },
    clear: () => listeners.clear(),
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (err: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
