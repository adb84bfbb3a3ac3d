import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toMbox } from "./mbox.js";

export const ADDON_ID = "authlens@authlens.org";

/** Preferences for a quiet, scriptable Thunderbird (see shared/docs/thunderbird-testing.md). */
const BASE_PREFS: Record<string, string | number | boolean> = {
  // English whatever $LANG says (with language packs installed, "" would follow it); the locale
  // scenarios set their own.
  "intl.locale.requested": "en-US",
  "extensions.autoDisableScopes": 0,
  "extensions.enabledScopes": 15,
  "xpinstall.signatures.required": false,
  "mail.provider.suppress_dialog_on_startup": true,
  "mail.shell.checkDefaultClient": false,
  "mailnews.start_page.enabled": false,
  "mail.rights.version": 1,
  "mail.inappnotifications.enabled": false,
  "mailnews.database.global.indexer.enabled": false,
  "toolkit.telemetry.enabled": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "app.update.disabledForTesting": true,
  "extensions.update.enabled": false,
  "extensions.blocklist.enabled": false,
  "network.connectivity-service.enabled": false,
  "network.captive-portal-service.enabled": false,
  "services.settings.server": "http://127.0.0.1:9/",
  "javascript.options.baselinejit": true,
  "extensions.background.idle.timeout": 300000,
  "devtools.console.stdout.content": true,
  "devtools.console.stdout.chrome": true,
  "browser.dom.window.dump.enabled": true,
  "mail.accountmanager.accounts": "account1",
  "mail.accountmanager.localfoldersserver": "server1",
  "mail.account.account1.server": "server1",
  "mail.server.server1.type": "none",
  "mail.server.server1.hostname": "Local Folders",
  "mail.server.server1.name": "Local Folders",
  "mail.server.server1.userName": "nobody",
  "mail.server.server1.directory-rel": "[ProfD]Mail/Local Folders",
};

export interface ProfileOptions {
  /** Messages (RFC 5322 text) for the Local Folders Inbox, top of the list first. */
  inbox?: string[];
  /** More prefs (e.g. an IMAP account, the UI theme). */
  prefs?: Record<string, string | number | boolean>;
  /** The XPI to install, as bytes (AuthLens). */
  xpi?: Buffer;
  /** Add-ons to install by gecko id (AuthLens under ADDON_ID, test add-ons next to it). */
  xpis?: Record<string, Buffer>;
  /** Window size for screenshots. */
  width?: number;
  height?: number;
}

export interface Profile {
  dir: string;
  /** A HOME of its own, for $HOME/.mozilla/managed-storage. */
  home: string;
}

/** Creates a throwaway profile (and HOME) with the add-on installed and the Inbox written. */
export function createProfile(options: ProfileOptions, parent = tmpdir()): Profile {
  const base = mkdtempSync(join(parent, "authlens-tb-"));
  const dir = join(base, "profile");
  const home = join(base, "home");
  mkdirSync(join(dir, "extensions"), { recursive: true });
  mkdirSync(home, { recursive: true });
  const prefs = { ...BASE_PREFS, ...options.prefs };
  writeFileSync(
    join(dir, "user.js"),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join("\n") + "\n",
  );
  const width = options.width ?? 1400;
  const height = options.height ?? 900;
  writeFileSync(
    join(dir, "xulstore.json"),
    JSON.stringify({
      "chrome://messenger/content/messenger.xhtml": {
        messengerWindow: { screenX: "0", screenY: "0", width: String(width), height: String(height), sizemode: "normal" },
      },
    }),
  );
  const local = join(dir, "Mail", "Local Folders");
  mkdirSync(local, { recursive: true });
  writeFileSync(join(local, "Inbox"), toMbox(options.inbox ?? []));
  const xpis = { ...(options.xpi ? { [ADDON_ID]: options.xpi } : {}), ...options.xpis };
  for (const [id, bytes] of Object.entries(xpis)) writeFileSync(join(dir, "extensions", `${id}.xpi`), bytes);
  // Open on the Local Folders Inbox (Thunderbird restores the first tab's folder from session.json).
  const session = {
    rev: 0,
    windows: [
      {
        type: "3pane",
        tabs: { rev: 0, selectedIndex: 0, tabs: [{ mode: "mail3PaneTab", state: { firstTab: true, folderURI: "mailbox://nobody@Local%20Folders/Inbox" } }] },
      },
    ],
  };
  writeFileSync(join(dir, "session.json"), JSON.stringify(session));
  return { dir, home };
}

/** Writes the add-on's managed storage (what an enterprise policy would deliver) for this profile's HOME. */
export function writeManagedStorage(profile: Profile, data: unknown): void {
  const d = join(profile.home, ".mozilla", "managed-storage");
  mkdirSync(d, { recursive: true });
  // Thunderbird's schema for this file requires "description" as well as name, type and data.
  const manifest = { name: ADDON_ID, description: "AuthLens settings from the administrator", type: "storage", data };
  writeFileSync(join(d, `${ADDON_ID}.json`), JSON.stringify(manifest, null, 2));
}

/** Adds preferences to a profile's user.js (e.g. an account whose port is known only now). */
export function appendPrefs(profile: Profile, prefs: Record<string, string | number | boolean>): void {
  appendFileSync(
    join(profile.dir, "user.js"),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join("\n") + "\n",
  );
}
