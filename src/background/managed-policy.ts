import { messenger } from "./api.js";

/**
 * Reads what the administrator's policy delivers for AuthLens (`storage.managed`, filled by Thunderbird
 * from policies.json `3rdparty.Extensions.<id>` or a managed-storage manifest). No policy is not an
 * error: the result is then null.
 */
export async function readManagedPolicy(): Promise<Record<string, unknown> | null> {
  try {
    const data = await messenger.storage.managed.get();
    return data && Object.keys(data).length > 0 ? (data as Record<string, unknown>) : null;
  } catch {
    // Thunderbird rejects storage.managed.get() when no policy exists for this add-on.
    return null;
  }
}
