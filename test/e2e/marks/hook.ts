/**
 * First module of the instrumented AuthLens background (build/addon-marks/, cold-start benchmark
 * only): marks when the script starts, and wraps the WebExtension API calls and events the display
 * path uses so their times can be read afterwards. The product code runs unchanged after it.
 */
import { messenger } from "../../../src/shared/api.js";
import type { Span } from "./protocol.js";

const early = (globalThis as { authlensBenchEarly?: [string, number][] }).authlensBenchEarly ?? [];
export const points: { name: string; t: number }[] = [...early.map(([name, t]) => ({ name, t })), { name: "script-start", t: performance.now() }];
export const spans: Span[] = [];

export function point(name: string): void {
  points.push({ name, t: performance.now() });
}

type Namespace = Record<string, unknown> | undefined;

function wrapMethods(ns: Namespace, prefix: string, names: string[]): void {
  if (!ns) return;
  for (const name of names) {
    const original = ns[name];
    if (typeof original !== "function") continue;
    ns[name] = (...args: unknown[]) => {
      const span: Span = { name: `${prefix}.${name}`, start: performance.now() };
      spans.push(span);
      const done = () => void (span.end = performance.now());
      const result = (original as (...a: unknown[]) => unknown).apply(ns, args);
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === "function") (result as PromiseLike<unknown>).then(done, done);
      else done();
      return result;
    };
  }
}

interface EventLike {
  addListener(listener: (...args: unknown[]) => unknown, ...rest: unknown[]): void;
  removeListener(listener: (...args: unknown[]) => unknown): void;
  hasListener?(listener: (...args: unknown[]) => unknown): boolean;
}

function wrapEvent(event: EventLike | undefined, name: string): void {
  if (!event) return;
  const add = event.addListener.bind(event);
  const remove = event.removeListener.bind(event);
  const wrapped = new Map<unknown, (...args: unknown[]) => unknown>();
  event.addListener = (listener, ...rest) => {
    const w = (...args: unknown[]) => {
      point(`event:${name}`);
      return listener(...args);
    };
    wrapped.set(listener, w);
    add(w, ...rest);
  };
  event.removeListener = (listener) => remove(wrapped.get(listener) ?? listener);
}

const api = messenger as unknown as Record<string, Namespace>;
wrapMethods(api.messageDisplayAction, "messageDisplayAction", ["setPopup", "setIcon", "setLabel", "setTitle", "setBadgeText", "setBadgeBackgroundColor"]);
wrapMethods(api.messages, "messages", ["getHeaders", "getFull", "getRaw"]);
wrapMethods(api.accounts, "accounts", ["list", "get"]);
wrapMethods(api.storage?.local as Namespace, "storage.local", ["get", "set"]);
wrapMethods(api.storage?.managed as Namespace, "storage.managed", ["get"]);
wrapMethods((api.scripting?.messageDisplay as Namespace) ?? undefined, "scripting.messageDisplay", ["getRegisteredScripts", "registerScripts"]);
wrapMethods(api.menus, "menus", ["removeAll", "create"]);
wrapMethods(api.tabs, "tabs", ["query"]);
wrapMethods(api.messageDisplay, "messageDisplay", ["getDisplayedMessages"]);

// IndexedDB (the rules journal): from open() to its success or error.
const idb = globalThis.indexedDB as (IDBFactory & { open: IDBFactory["open"] }) | undefined;
if (idb) {
  const open = idb.open.bind(idb);
  idb.open = (...args: Parameters<IDBFactory["open"]>) => {
    const span: Span = { name: `indexedDB.open(${args[0]})`, start: performance.now() };
    spans.push(span);
    const request = open(...args);
    const done = () => void (span.end ??= performance.now());
    request.addEventListener("success", done);
    request.addEventListener("error", done);
    return request;
  };
}

wrapEvent(api.messageDisplay?.onMessagesDisplayed as EventLike | undefined, "onMessagesDisplayed");
wrapEvent(api.mailTabs?.onSelectedMessagesChanged as EventLike | undefined, "onSelectedMessagesChanged");
wrapEvent(api.runtime?.onMessage as EventLike | undefined, "runtime.onMessage");
