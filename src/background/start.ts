import { messenger } from "./api.js";
import { startDisplay } from "./display.js";
import { registerBanner } from "./banner-script.js";
import { startRouter } from "./router.js";
import { startTriggers } from "./rules/triggers.js";

/** Registers every listener. Listeners must be registered synchronously at start-up (event page). */
export async function start(): Promise<void> {
  startDisplay();
  startRouter();
  startTriggers();
  await registerBanner();
  const manifest = messenger.runtime.getManifest();
  console.info(`AuthLens ${manifest.version} started`);
}
