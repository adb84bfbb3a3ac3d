import { messenger } from "../shared/api.js";
import { startDisplay } from "./display.js";
import { registerBanner } from "./banner-script.js";
import { startRouter } from "./router.js";
import { createMenus, pruneJournal, startTriggers } from "./rules/triggers.js";
import { exposeTabViews } from "./tab-views.js";
import { giveBackUnneededPermissions } from "./own-checks/permissions.js";
import { ownCheckSettings } from "./own-checks/run.js";
import { getSettings } from "./settings-store.js";

/**
 * What is set up once per Thunderbird session or install, not at every wake of the event page (the
 * page is unloaded after 30 s idle and woken by the next event, which then waits for it): the menu
 * entries, the banner's registration and the journal's pruning.
 */
async function setUp(): Promise<void> {
  const steps: [string, () => Promise<void>][] = [
    ["creating the menus", createMenus],
    ["registering the banner", registerBanner],
    ["pruning the rules journal", pruneJournal],
    ["giving back DNS server permissions", async () => giveBackUnneededPermissions(ownCheckSettings((await getSettings()).settings))],
  ];
  await Promise.all(steps.map(([what, step]) => step().catch((err: unknown) => console.warn(`AuthLens: ${what} failed:`, err))));
}

/** Registers every listener. Listeners must be registered synchronously at start-up (event page). */
export function start(): void {
  // Start with Thunderbird, not only when a primed event wakes the event page: the menus and the
  // banner script are then in place before the first message is shown.
  messenger.runtime.onStartup.addListener(() => void setUp());
  messenger.runtime.onInstalled.addListener(() => void setUp());
  startDisplay();
  startRouter();
  exposeTabViews();
  startTriggers();
  const manifest = messenger.runtime.getManifest();
  console.info(`AuthLens ${manifest.version} started`);
}
