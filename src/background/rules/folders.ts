/** Finds the folder a rule's action names, in the message's own account unless the rule says. */
import type { FolderRef } from "../../core/rules/schema.js";
import { messenger } from "../../shared/api.js";

type MailFolder = messenger.folders.MailFolder;

export class MissingFolderError extends Error {}

/** Resolved folders for the length of one run (folders do not move during a run). */
export class FolderResolver {
  private cache = new Map<string, Promise<MailFolder>>();

  resolve(ref: FolderRef, messageAccountId: string): Promise<MailFolder> {
    const accountId = ref.accountId ?? messageAccountId;
    const key = `${accountId}\u0000${"path" in ref ? `p:${ref.path}` : `s:${ref.specialUse}`}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.lookup(ref, accountId);
      this.cache.set(key, hit);
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  private async lookup(ref: FolderRef, accountId: string): Promise<MailFolder> {
    const query = "path" in ref ? { accountId, path: `/${ref.path}` } : { accountId, specialUse: [ref.specialUse] };
    const found = await messenger.folders.query(query as never);
    const folder = found.find((f) => f.accountId === accountId);
    if (!folder) {
      const what = "path" in ref ? `the folder "${ref.path}"` : `the ${ref.specialUse} folder`;
      throw new MissingFolderError(`${what} does not exist in account ${accountId}`);
    }
    return folder;
  }
}
