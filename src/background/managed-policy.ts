import type { AccountInfo } from "../core/policy/merge.js";
import { domainOf } from "../core/domain.js";
import { messenger } from "../shared/api.js";

/**
 * Reads what the administrator's policy delivers for AuthLens (`storage.managed`, filled by Thunderbird
 * from policies.json `3rdparty.Extensions.<id>` or a managed-storage manifest). No policy is not an
 * error: the result is then null. The contents are validated by readPolicy (src/core/policy).
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

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/** A host name found in an account's fields, lower case, or null. */
function asHost(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const h = v.trim().replace(/\.$/, "").toLowerCase();
  return HOST.test(h) ? h : null;
}

/**
 * The incoming server host names that can be found for an account. Thunderbird's MailAccount
 * (128–153, Manifest V3) has no server host name, so this takes:
 * - a host name field, where a Thunderbird release exposes one (`incomingServer.hostname`,
 *   `server.hostname`, `hostname`);
 * - the account's name when it is a host name (`imap.example.com`) or Thunderbird's constructed
 *   name `<user> on <host>`.
 * An account named after its e-mail address (the default of the account wizard) yields no host:
 * match such accounts by `emailDomain`.
 */
export function incomingServersOf(account: unknown): string[] {
  const a = (account ?? {}) as {
    name?: unknown;
    hostname?: unknown;
    server?: { hostname?: unknown };
    incomingServer?: { hostname?: unknown };
  };
  const found = new Set<string>();
  for (const v of [a.incomingServer?.hostname, a.server?.hostname, a.hostname, a.name]) {
    const h = asHost(v);
    if (h) found.add(h);
  }
  if (typeof a.name === "string") {
    const on = / on ([^\s]+)$/.exec(a.name.trim());
    const h = asHost(on?.[1]);
    if (h) found.add(h);
  }
  return [...found];
}

/** The domains of an account's identities' e-mail addresses (A-labels, lower case). */
export function emailDomainsOf(account: unknown): string[] {
  const identities = (account as { identities?: { email?: unknown }[] } | null)?.identities ?? [];
  const found = new Set<string>();
  for (const identity of identities) {
    if (typeof identity.email !== "string") continue;
    const d = domainOf(identity.email);
    if (d) found.add(d);
  }
  return [...found];
}

/** This desktop's accounts (feeds left out), for matching the policy's accountTrust entries. */
export async function accountsForPolicy(): Promise<AccountInfo[]> {
  const accounts = await messenger.accounts.list(false);
  return accounts
    .filter((a) => a.type !== "rss")
    .map((a) => ({ id: a.id, incomingServers: incomingServersOf(a), emailDomains: emailDomainsOf(a) }));
}
