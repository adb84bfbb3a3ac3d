import { messenger } from "../shared/api.js";
import { startDisplay } from "./display.js";
import { registerBanner } from "./banner-script.js";
import { startRouter } from "./router.js";
import { startTriggers } from "./rules/triggers.js";
import { exposeTabViews } from "./tab-views.js";

/** Registers every listener. Listeners must be registered synchronously at start-up (event page). */
export async function start(): Promise<void> {
  // Start with Thunderbird, not only when a primed event wakes the event page: the menus, the banner
  // script and the settings are then in place before the first message is shown.
  messenger.runtime.onStartup.addListener(() => undefined);
  startDisplay();
  startRouter();
  exposeTabViews();
  startTriggers();
  await registerBanner();
  const manifest = messenger.runtime.getManifest();
  console.info(`AuthLens ${manifest.version} started`);
}
