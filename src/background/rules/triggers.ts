/**
 * When the rules run: on new mail (after Thunderbird's own filters; per account, special folders
 * opt-in), on the selected messages, and on a whole folder (context menus).
 */
import type { Settings } from "../../core/settings/schema.js";
import { messenger } from "../../shared/api.js";
import { getSettings } from "../settings-store.js";
import { runRulesOn } from "./engine.js";
import { FolderResolver } from "./folders.js";
import { forEachBounded } from "./pool.js";
import { currentRuleSet } from "./rule-set.js";
import { logActions } from "./action-log.js";
import type { LogEntry } from "../../shared/data-types.js";
import { directJournal, pruneOtherVersions } from "./journal.js";
import { errorText } from "../../core/error-text.js";
import { reason } from "../../core/reason.js";

type MessageHeader = messenger.messages.MessageHeader;
type MailFolder = messenger.folders.MailFolder;

const SPECIAL = new Set(["junk", "trash", "sent", "drafts", "templates", "archives", "outbox"]);
export const MENU_SELECTED = "authlens-apply-selected";
export const MENU_FOLDER = "authlens-apply-folder";

export function runsOnNewMail(settings: Settings, folder: MailFolder): boolean {
  if (settings.newMailAccounts[folder.accountId ?? ""] === false) return false;
  const uses = (folder as { specialUse?: string[] }).specialUse ?? [];
  return settings.newMailSpecialFolders || !uses.some((u) => SPECIAL.has(u));
}

async function collect(list: unknown): Promise<MessageHeader[]> {
  if (Array.isArray(list)) return list as MessageHeader[];
  const page = list as { id?: string | null; messages: MessageHeader[] };
  const out = [...page.messages];
  let id = page.id;
  while (id) {
    const next = await messenger.messages.continueList(id);
    out.push(...next.messages);
    id = next.id;
  }
  return out;
}

/** Runs the rules on some messages now (new mail, or the selected ones). */
export async function runOn(messages: MessageHeader[], trigger: LogEntry["trigger"]): Promise<void> {
  const ruleSet = await currentRuleSet();
  if (!ruleSet.rules.some((r) => r.enabled)) return;
  const resolver = new FolderResolver();
  const journal = directJournal(ruleSet.version);
  await forEachBounded(messages, 4, async (m) => {
    const log: LogEntry[] = [];
    try {
      await runRulesOn(m, { ruleSet, resolver, trigger, dryRun: false, journal, log });
    } catch (err) {
      console.warn("AuthLens: running rules on a message failed:", err);
      log.push({
        time: Date.now(),
        subject: m.subject,
        messageId: m.headerMessageId,
        ruleId: "",
        ruleName: "",
        action: null,
        outcome: "failed",
        detail: reason("log_rulesFailed", errorText(err)),
        trigger,
      });
    } finally {
      await logActions(log);
    }
  });
}

/** The run's window: as wide as its page (src/ui/bulk), which then fits the height to its content. */
async function openBulkRun(folder: MailFolder): Promise<void> {
  const url = messenger.runtime.getURL(`bulk-run.html?folder=${encodeURIComponent(folder.id ?? "")}`);
  await messenger.windows.create({ type: "popup", url, width: 500, height: 300 } as never);
}

export function startTriggers(): void {
  messenger.messages.onNewMailReceived.addListener((folder, list) => {
    void (async () => {
      const { settings } = await getSettings();
      if (!runsOnNewMail(settings, folder)) return;
      await runOn(await collect(list), "newMail");
    })().catch((err: unknown) => console.error("AuthLens: running the rules on new mail failed:", err));
  });
  messenger.menus.onClicked.addListener((info) => void onMenuClicked(info as unknown as MenuClick));
}

/**
 * The two menu entries. Menus of an event page persist across its unloads and Thunderbird's
 * restarts, so they are made when AuthLens is installed or updated (and at Thunderbird's start, in
 * the language it starts in), not each time the page wakes for an event.
 */
export async function createMenus(): Promise<void> {
  await messenger.menus.removeAll();
  messenger.menus.create({ id: MENU_SELECTED, title: messenger.i18n.getMessage("menuApplySelected"), contexts: ["message_list"] as never });
  messenger.menus.create({ id: MENU_FOLDER, title: messenger.i18n.getMessage("menuApplyFolder"), contexts: ["folder_pane"] as never });
}

/** Drops the journal entries of earlier rule-set versions (at Thunderbird's start, not at every wake). */
export async function pruneJournal(): Promise<void> {
  await pruneOtherVersions((await currentRuleSet()).version);
}

/** What AuthLens reads of a menus.onClicked event. */
export interface MenuClick {
  menuItemId: string | number;
  selectedMessages?: unknown;
  selectedFolder?: MailFolder;
  selectedFolders?: MailFolder[];
}

/** "Apply AuthLens rules" (selected messages) and "Apply AuthLens rules to this folder…". */
export async function onMenuClicked(click: MenuClick): Promise<void> {
  if (click.menuItemId === MENU_SELECTED && click.selectedMessages) {
    await collect(click.selectedMessages)
      .then((ms) => runOn(ms, "selected"))
      .catch((err: unknown) => console.error("AuthLens: running the rules on the selected messages failed:", err));
  }
  if (click.menuItemId === MENU_FOLDER) {
    const folder = click.selectedFolders?.[0] ?? click.selectedFolder;
    if (folder) await openBulkRun(folder).catch((err: unknown) => console.error("AuthLens: opening the folder run failed:", err));
  }
}
