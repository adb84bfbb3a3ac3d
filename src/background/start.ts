import { messenger } from "./api.js";

/** Registers every listener. Listeners must be registered synchronously at start-up (event page). */
export async function start(): Promise<void> {
  const manifest = messenger.runtime.getManifest();
  console.info(`AuthLens ${manifest.version} started`);
}
