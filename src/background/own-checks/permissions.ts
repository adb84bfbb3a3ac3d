/**
 * The host permissions of the DNS-over-HTTPS servers: AuthLens keeps at most one, the current
 * server's while checking is on. The options page asks for it and gives it back when the person
 * changes the setting; this gives back what a policy made unneeded (checking forbidden, another
 * server set), at start-up and whenever the settings change. Only optional permissions are given
 * back: a build that requires a host (the test build's loopback) keeps it.
 */
import { dohPermissionPattern } from "../../core/settings/doh.js";
import { messenger } from "../../shared/api.js";
import type { OwnCheckSettings } from "./run.js";

/** The optional host permissions held besides the one `s` needs (all of them when checking is off). */
export function permissionsToGiveBack(held: readonly string[], required: readonly string[], s: OwnCheckSettings | null): string[] {
  const keep = s === null ? null : dohPermissionPattern(s.dohServer);
  return held.filter((origin) => origin !== keep && !required.includes(origin));
}

export async function giveBackUnneededPermissions(s: OwnCheckSettings | null): Promise<void> {
  const { origins = [] } = await messenger.permissions.getAll();
  const required = messenger.runtime.getManifest().host_permissions ?? [];
  const extra = permissionsToGiveBack(origins, required, s);
  if (extra.length > 0) await messenger.permissions.remove({ origins: extra });
}
