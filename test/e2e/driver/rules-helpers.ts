import { messenger } from "../../../src/shared/api.js";
import { updateSettings } from "../../../src/background/settings-store.js";
import { EXAMPLE_RULES } from "../../../src/core/rules/examples.js";
import type { Rule } from "../../../src/core/rules/schema.js";
import { assertEqual, waitFor } from "./assert.js";
import { listMessages } from "./mail.js";

type MailFolder = messenger.folders.MailFolder;
type MessageHeader = messenger.messages.MessageHeader;

/** The shipped example rules, switched on, plus `extra`. */
export async function enableRules(extra: Rule[] = []): Promise<void> {
  const rules = [...EXAMPLE_RULES.map((r) => ({ ...r, enabled: true })), ...extra];
  assertEqual(await updateSettings({ rules }), [], "saving the rules");
}

export async function accountOfType(type: string): Promise<messenger.accounts.MailAccount> {
  return waitFor(async () => (await messenger.accounts.list(false)).find((a) => a.type === type), `an ${type} account`, 30000);
}

export async function folderByPath(accountId: string, path: string, timeoutMs = 30000): Promise<MailFolder> {
  return waitFor(
    async () => (await messenger.folders.query({ accountId, path } as never)).find((f) => f.accountId === accountId),
    `folder ${path} in ${accountId}`,
    timeoutMs,
  );
}

export async function inboxOf(accountId: string): Promise<MailFolder> {
  return waitFor(
    async () => (await messenger.folders.query({ accountId, specialUse: ["inbox"] } as never)).find((f) => f.accountId === accountId),
    `the Inbox of ${accountId}`,
    30000,
  );
}

/** Waits until `folder` holds a message with this subject, and returns it. */
export async function messageIn(folder: MailFolder, subject: string, timeoutMs = 30000): Promise<MessageHeader> {
  return waitFor(async () => (await listMessages(folder)).find((m) => m.subject === subject), `"${subject}" in ${folder.path}`, timeoutMs);
}

export async function countIn(folder: MailFolder): Promise<number> {
  return (await messenger.folders.getFolderInfo(folder.id as never)).totalMessageCount ?? 0;
}
