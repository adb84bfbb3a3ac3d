import { messenger } from "../../../src/shared/api.js";
import { waitFor } from "./assert.js";

type MailFolder = messenger.folders.MailFolder;
type MessageHeader = messenger.messages.MessageHeader;

/** The Local Folders Inbox, once Thunderbird has created it. */
export async function localInbox(): Promise<MailFolder> {
  return waitFor(async () => {
    const accounts = await messenger.accounts.list(true);
    for (const account of accounts) {
      if (account.type !== "local" && account.type !== "none") continue;
      // MV3 names special folders in `specialUse`; MV2 in `type`.
      // MV3 puts the folder tree under rootFolder; MV2 lists it in folders.
      const root = (account as { rootFolder?: { subFolders?: MailFolder[] } }).rootFolder;
      const inbox = (root?.subFolders ?? account.folders ?? []).find((f) => {
        const special = (f as { specialUse?: string[] }).specialUse ?? [];
        return special.includes("inbox") || f.type === "inbox";
      });
      if (inbox) return inbox;
    }
    return undefined;
  }, "the Local Folders Inbox");
}

/**
 * Shows `folder` in the main mail tab and waits until Thunderbird has parsed its mbox: a pre-written
 * mbox reads as empty until the folder has been shown once.
 */
export async function showFolder(folder: MailFolder, expectedCount: number): Promise<void> {
  // Right after start-up Thunderbird may still be restoring its tabs: mailTabs.query throws then.
  const tabId = await mailTabId();
  try {
    await messenger.mailTabs.update(tabId, { displayedFolderId: folder.id } as never);
  } catch {
    // Thunderbird may reject the update while the folder is being parsed; the poll below decides.
  }
  await waitFor(async () => {
    const info = await messenger.folders.getFolderInfo(folder.id as never);
    return (info.totalMessageCount ?? 0) >= expectedCount;
  }, `${expectedCount} messages in ${folder.name}`);
}

/** All messages of a folder, following continuations. */
export async function listMessages(folder: MailFolder): Promise<MessageHeader[]> {
  const out: MessageHeader[] = [];
  let page = await messenger.messages.list(folder.id as never);
  out.push(...page.messages);
  while (page.id) {
    page = await messenger.messages.continueList(page.id);
    out.push(...page.messages);
  }
  return out;
}

/**
 * The main window's mail tab id. Right after start-up Thunderbird may still be restoring its tabs.
 * MV3 names the id of a MailTab `tabId`, MV2 `id`.
 */
export function mailTabId(): Promise<number> {
  return waitFor(async () => {
    const tab = (await messenger.mailTabs.query({}))[0] as { tabId?: number; id?: number } | undefined;
    return tab?.tabId ?? tab?.id;
  }, "a mail tab");
}
