/** How a UI page asks the background (runtime messages, typed by ./requests.ts). */
import { messenger } from "./api.js";
import type { AnswerOf, PayloadArgs, RequestType } from "./requests.js";

export function ask<K extends RequestType>(type: K, ...[payload]: PayloadArgs<K>): Promise<AnswerOf<K>> {
  // runtime.sendMessage answers `unknown`: the router's handler for `type` gives this shape.
  return messenger.runtime.sendMessage({ ...payload, type }) as Promise<AnswerOf<K>>;
}
