/** The probe's experiment API (schema.json), typed, and the MV2 mail helpers the probe needs. */
import { messenger } from "../../../src/shared/api.js";
import { waitFor } from "../driver/assert.js";
import type { ProbeRecord } from "./records.js";

interface ProbeApi {
  backgroundState(extensionId: string): Promise<string>;
  watch(extensionId: string, options: { clickOnDisplay?: boolean }): Promise<void>;
  settle(options: { label: string; quietMs: number; timeoutMs: number }): Promise<ProbeRecord[]>;
  click(extensionId: string): Promise<number>;
}

export const probe = (messenger as unknown as { authlensProbe: ProbeApi }).authlensProbe;

type MailFolder = messenger.folders.MailFolder;
type MessageHeader = messenger.messages.MessageHeader;

/** The main window's mail tab (MV2 names its id `id`); Thunderbird may still be restoring tabs. */
export function mailTab(): Promise<number> {
  return waitFor(async () => (await messenger.mailTabs.query({}))[0]?.id, "a mail tab", 30000, 20);
}

/** The Local Folders Inbox (MV2: the account's folders, type "inbox"). */
export function localInbox(): Promise<MailFolder> {
  return waitFor(
    async () => {
      for (const account of await messenger.accounts.list(true)) {
        if (account.type !== "none" && account.type !== "local") continue;
        const inbox = (account.folders ?? []).find((f) => f.type === "inbox");
        if (inbox) return inbox;
      }
      return undefined;
    },
    "the Local Folders Inbox",
    30000,
    20,
  );
}

/** Shows the Inbox and waits until Thunderbird has read `count` messages from its mbox. */
export async function showInbox(tabId: number, inbox: MailFolder, count: number): Promise<void> {
  await messenger.mailTabs.update(tabId, { displayedFolder: inbox } as never).catch(() => undefined);
  await waitFor(async () => ((await messenger.folders.getFolderInfo(inbox as never)).totalMessageCount ?? 0) >= count, `${count} messages in the Inbox`, 60000, 20);
}

export async function listMessages(folder: MailFolder): Promise<MessageHeader[]> {
  const out: MessageHeader[] = [];
  let page = await messenger.messages.list(folder as never);
  out.push(...page.messages);
  while (page.id) {
    page = await messenger.messages.continueList(page.id);
    out.push(...page.messages);
  }
  return out;
}
