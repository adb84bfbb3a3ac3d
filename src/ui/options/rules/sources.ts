/** The real accounts' folders and Thunderbird's tags, for the folder and tag pickers. */
import { messenger } from "../../../background/api.js";

type MailFolder = messenger.folders.MailFolder;

export interface FolderEntry {
  /** MV3 folder id (for the preview); "" when Thunderbird gave none. */
  id: string;
  accountId: string;
  accountName: string;
  name: string;
  /** From the account's root, without the leading "/" (as a rule stores it). */
  path: string;
  depth: number;
  specialUse: readonly string[];
}

export interface AccountFolders {
  id: string;
  name: string;
  folders: FolderEntry[];
}

export interface TagInfo {
  key: string;
  tag: string;
  color: string;
}

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

/** Every mail account (feeds have no Authentication-Results) with its folder tree, in folder-pane order. */
export async function loadFolders(): Promise<AccountFolders[]> {
  const accounts = await messenger.accounts.list(true);
  return accounts
    .filter((a) => a.type !== "rss")
    .map((a) => {
      const folders: FolderEntry[] = [];
      const legacy = (a as unknown as { folders?: MailFolder[] }).folders;
      walk(a.rootFolder?.subFolders ?? legacy, { id: a.id, name: a.name }, 0, folders);
      return { id: a.id, name: a.name, folders };
    });
}

/** Thunderbird's tags: MV3 `messages.tags.list()`, else MV2 `messages.listTags()`. */
export async function loadTags(): Promise<TagInfo[]> {
  const m = messenger.messages as unknown as { tags?: { list(): Promise<TagInfo[]> }; listTags?: () => Promise<TagInfo[]> };
  const list = m.tags ? await m.tags.list() : m.listTags ? await m.listTags() : [];
  return list.map((x) => ({ key: x.key.toLowerCase(), tag: x.tag, color: x.color }));
}
