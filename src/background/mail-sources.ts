/** The real accounts, their folders and Thunderbird's tags, for the options page's lists and pickers. */
import { messenger } from "../shared/api.js";
import { accountTitle } from "./account-title.js";
import { tagApi } from "./rules/tags.js";
import type { Account, AccountFolders, FolderEntry, TagInfo } from "../shared/data-types.js";

type MailFolder = messenger.folders.MailFolder;

function walk(list: readonly MailFolder[] | undefined, account: { id: string; name: string }, depth: number, out: FolderEntry[]): void {
  for (const f of list ?? []) {
    out.push({
      id: f.id ?? "",
      accountId: f.accountId ?? account.id,
      accountName: account.name,
      name: f.name ?? f.path,
      path: f.path.replace(/^\/+/, ""),
      depth,
      specialUse: f.specialUse ?? [],
    });
    walk(f.subFolders, account, depth + 1, out);
  }
}

/** Mail accounts, named as AuthLens's pages name them (feeds carry no Authentication-Results, so they are left out). */
export async function loadAccounts(): Promise<Account[]> {
  const list = await messenger.accounts.list(false);
  return list
    .filter((a) => a.type !== "rss")
    .map((a) => ({ id: a.id, name: accountTitle(a) }));
}

/** Every mail account with its folder tree, in folder-pane order. */
export async function loadFolders(): Promise<AccountFolders[]> {
  const accounts = await messenger.accounts.list(true);
  return accounts
    .filter((a) => a.type !== "rss")
    .map((a) => {
      const folders: FolderEntry[] = [];
      const legacy = (a as unknown as { folders?: MailFolder[] }).folders;
      const name = accountTitle(a);
      walk(a.rootFolder?.subFolders ?? legacy, { id: a.id, name }, 0, folders);
      return { id: a.id, name, folders };
    });
}

/** Thunderbird's tags (keys lower-cased, as Thunderbird stores them). */
export async function loadTags(): Promise<TagInfo[]> {
  const list = await tagApi().list();
  return list.map((x) => ({ key: x.key.toLowerCase(), tag: x.tag, color: x.color }));
}
