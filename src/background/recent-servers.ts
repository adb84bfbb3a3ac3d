/** authserv-ids seen on recent mail, offered as suggestions in the options page. */
import { messenger } from "../shared/api.js";

const KEY = "recentServers";
const LIMIT = 20;
let pending: Promise<void> = Promise.resolve();

export function rememberServer(server: string): Promise<void> {
  pending = pending.then(async () => {
    const stored = (await messenger.storage.local.get(KEY))[KEY];
    const list = Array.isArray(stored) ? stored.filter((s): s is string => typeof s === "string") : [];
    if (list[0] === server) return;
    const next = [server, ...list.filter((s) => s !== server)].slice(0, LIMIT);
    await messenger.storage.local.set({ [KEY]: next });
  });
  return pending;
}

export async function recentServers(): Promise<string[]> {
  const stored = (await messenger.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === "string") : [];
}
