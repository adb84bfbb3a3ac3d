/** Thunderbird tags: created (with the rule's name and colour) the first time a rule adds one. */
import { messenger } from "../../shared/api.js";

interface TagApi {
  list(): Promise<{ key: string; tag: string; color: string }[]>;
  create(key: string, tag: string, color: string): Promise<void>;
}

/** MV3 (`messages.tags`) or MV2 (`messages.listTags` / `createTag`). */
export function tagApi(): TagApi {
  const m = messenger.messages as unknown as {
    tags?: TagApi;
    listTags?: TagApi["list"];
    createTag?: TagApi["create"];
  };
  if (m.tags) return m.tags;
  if (m.listTags && m.createTag) return { list: m.listTags, create: m.createTag };
  throw new Error("this Thunderbird has no tags API");
}

let known: Promise<Set<string>> | undefined;

/** Makes sure the tag exists. Thunderbird lower-cases keys. */
export async function ensureTag(key: string, name: string | undefined, color: string | undefined): Promise<void> {
  known ??= tagApi()
    .list()
    .then((tags) => new Set(tags.map((t) => t.key.toLowerCase())));
  const set = await known;
  if (set.has(key)) return;
  try {
    await tagApi().create(key, name ?? key.replace(/^\$/, ""), color ?? "#2f5fb3");
  } catch (err) {
    // Another run may have created it meanwhile; anything else is a real failure.
    const tags = await tagApi().list();
    if (!tags.some((t) => t.key.toLowerCase() === key)) throw err;
  }
  set.add(key);
}

/** Forget the cached tag list (tags may change outside AuthLens: a failed update calls this). */
export function resetTagCache(): void {
  known = undefined;
}
