/**
 * Effective settings = defaults ← policy ← user, except that a locked key always takes the policy's
 * value (or the default, when the policy locks a key without setting it), whatever the user stored.
 */
import { toDomainAscii } from "../domain.js";
import type { Rule } from "../rules/schema.js";
import type { Settings } from "../settings/schema.js";
import { LOCKABLE_KEYS, type AccountTrustEntry, type LockableKey, type Policy } from "./schema.js";

/**
 * What AuthLens knows about one of Thunderbird's accounts, to match the policy's `accountTrust`.
 * Thunderbird's MailAccount does not expose the incoming server in every release, so
 * `incomingServers` holds whatever host names could be found (possibly none).
 */
export interface AccountInfo {
  id: string;
  /** Host names of the account's incoming server, lower case. */
  incomingServers: readonly string[];
  /** Domains of the account's identities' e-mail addresses. */
  emailDomains: readonly string[];
}

export interface MergedSettings {
  settings: Settings;
  /** The policy in the shape of settings (accountTrust resolved to account ids): what it presets. */
  policy: Partial<Settings>;
  /** Rules from the policy; they run before the user's rules. */
  adminRules: Rule[];
  allowUserRules: boolean;
  /** Setting keys the user cannot change (includes `rules` when users may not have rules). */
  locked: string[];
}

function norm(host: string): string {
  return toDomainAscii(host.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase());
}

function entryMatches(entry: AccountTrustEntry, account: AccountInfo): boolean {
  const { incomingServer, emailDomain } = entry.match;
  if (incomingServer === undefined && emailDomain === undefined) return false;
  if (incomingServer !== undefined && !account.incomingServers.some((h) => norm(h) === norm(incomingServer))) return false;
  if (emailDomain !== undefined && !account.emailDomains.some((d) => norm(d) === norm(emailDomain))) return false;
  return true;
}

function addUnique(list: string[], items: readonly string[]): void {
  for (const item of items) if (!list.some((x) => x.toLowerCase() === item.toLowerCase())) list.push(item);
}

/** The policy's accountTrust entries matched against the accounts: account id → trusted servers. */
export function resolveAccountTrust(entries: readonly AccountTrustEntry[], accounts: readonly AccountInfo[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const account of accounts) {
    const list: string[] = [];
    for (const entry of entries) if (entryMatches(entry, account)) addUnique(list, entry.trustedAuthservIds);
    if (list.length > 0) out[account.id] = list;
  }
  return out;
}

/** The keys a policy locks (`"all"` expanded). */
export function lockedKeys(policy: Policy): LockableKey[] {
  if (policy.locked === undefined) return [];
  return policy.locked === "all" ? [...LOCKABLE_KEYS] : [...policy.locked];
}

/** What the policy presets, in the shape of settings. */
export function policyAsSettings(policy: Policy, accounts: readonly AccountInfo[]): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (policy.trustedAuthservIds !== undefined) out.trustedAuthservIds = [...policy.trustedAuthservIds];
  if (policy.accountTrust !== undefined) out.accountTrust = resolveAccountTrust(policy.accountTrust, accounts);
  if (policy.trustedForwarders !== undefined) out.trustedForwarders = [...policy.trustedForwarders];
  if (policy.bannerMode !== undefined) out.bannerMode = policy.bannerMode;
  if (policy.showBadge !== undefined) out.showBadge = policy.showBadge;
  if (policy.newMailSpecialFolders !== undefined) out.newMailSpecialFolders = policy.newMailSpecialFolders;
  if (policy.checkSignatures !== undefined) out.checkSignatures = policy.checkSignatures;
  if (policy.dohServer !== undefined) out.dohServer = policy.dohServer;
  if (policy.checkMaxMegabytes !== undefined) out.checkMaxMegabytes = policy.checkMaxMegabytes;
  return out;
}

/**
 * Merges defaults, the policy and the user's stored settings.
 *
 * - A key the user set wins over the policy's preset, which wins over the default.
 * - `accountTrust` merges per account: the policy's resolved list for an account applies unless the
 *   user stored a list of their own for that account (which the options page starts from the preset).
 * - A locked key takes the policy's value, or the default when the policy does not set it; what the
 *   user stored for it (by the options page before the lock, or by hand) is ignored.
 * - With `allowUserRules: false` the user's rules do not run (`settings.rules` is empty).
 */
export function mergeSettings(defaults: Settings, policy: Policy, user: Partial<Settings>, accounts: readonly AccountInfo[]): MergedSettings {
  const preset = policyAsSettings(policy, accounts);
  const lockedList = lockedKeys(policy);
  const allowUserRules = policy.allowUserRules ?? true;
  const settings: Settings = { ...defaults, ...preset, ...user };
  settings.accountTrust = { ...defaults.accountTrust, ...(preset.accountTrust ?? {}), ...(user.accountTrust ?? {}) };
  const target = settings as Record<string, unknown>;
  for (const key of lockedList) target[key] = preset[key] ?? defaults[key];
  settings.rules = allowUserRules ? (user.rules ?? defaults.rules) : [];
  const locked: string[] = [...lockedList];
  if (!allowUserRules) locked.push("rules");
  return { settings, policy: preset, adminRules: [...(policy.adminRules ?? [])], allowUserRules, locked };
}
