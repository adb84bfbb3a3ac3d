/**
 * Settings in storage.local, with a schema version and ordered migrations, merged with the
 * administrator's policy (storage.managed): effective = defaults ← policy ← user, except that locked
 * keys always take the policy's value. The background enforces it: whatever storage.local holds
 * (written by the options page before a lock, or edited by hand), a locked key's effective value
 * comes from the policy, and updateSettings refuses changes to it.
 */
import { mergeSettings, readPolicy, type AccountInfo, type PolicyProblem } from "../core/policy/index.js";
import type { Rule } from "../core/rules/schema.js";
import { canonicalJson } from "../core/rules/version.js";
import { migrateSettings, SETTINGS_VERSION } from "../core/settings/migrations.js";
import { DEFAULT_SETTINGS, type Settings } from "../core/settings/schema.js";
import { readSettings, type SettingsProblem } from "../core/settings/validate.js";
import { EXAMPLE_RULES } from "../core/rules/examples.js";
import { messenger } from "../shared/api.js";
import { accountsForPolicy, readManagedPolicy } from "./managed-policy.js";
import type { EffectiveSettings } from "../shared/data-types.js";

const KEY = "settings";
const VERSION_KEY = "settingsVersion";

/** The problem a change to a locked setting gets. */
export const LOCKED_MESSAGE = "Set by your organization";
const NO_USER_RULES_MESSAGE = `${LOCKED_MESSAGE}: your organization does not allow rules of your own`;


let cache: Promise<EffectiveSettings> | undefined;
const listeners = new Set<(s: EffectiveSettings) => void>();
/** The policy problems last logged, so a bad policy is logged once, not on every reload. */
let loggedPolicyProblems = "";

/** Keeps only the keys present in `raw` from a validated read, so "not set" stays distinguishable. */
function presentKeys(raw: unknown, read: Settings): Partial<Settings> {
  if (raw === null || typeof raw !== "object") return {};
  const out: Partial<Settings> = {};
  for (const key of Object.keys(read) as (keyof Settings)[]) {
    if (key in (raw as object)) (out as Record<string, unknown>)[key] = read[key];
  }
  return out;
}

function logPolicyProblems(problems: readonly PolicyProblem[]): void {
  const key = JSON.stringify(problems);
  if (problems.length === 0 || key === loggedPolicyProblems) return;
  loggedPolicyProblems = key;
  console.warn(
    `AuthLens: the administrator's policy has ${problems.length} problem(s); those parts are ignored:\n` +
      problems.map((p) => `  ${p.path || "(policy)"}: ${p.message}`).join("\n"),
  );
}

async function load(): Promise<EffectiveSettings> {
  const stored = await messenger.storage.local.get([KEY, VERSION_KEY]);
  const migrated = migrateSettings(stored[KEY], stored[VERSION_KEY]);
  if (migrated.from !== migrated.to) {
    await messenger.storage.local.set({ [KEY]: migrated.settings, [VERSION_KEY]: migrated.to });
  }
  const userRead = readSettings(migrated.settings);
  const [policyRaw, accounts] = await Promise.all([readManagedPolicy(), loadAccounts()]);
  const policyRead = readPolicy(policyRaw);
  logPolicyProblems(policyRead.problems);
  const user = presentKeys(migrated.settings, userRead.settings);
  const merged = mergeSettings(DEFAULT_SETTINGS, policyRead.policy, user, accounts);
  return {
    settings: { ...merged.settings, rules: localizeExampleRules(merged.settings.rules) },
    user,
    policy: merged.policy,
    problems: [...policyRead.problems.map((p) => ({ ...p, path: p.path === "" ? "policy" : `policy.${p.path}` })), ...userRead.problems],
    adminRules: merged.adminRules,
    allowUserRules: merged.allowUserRules,
    locked: merged.locked,
    policyProblems: policyRead.problems,
  };
}

/**
 * The shipped example rules carry English names (src/core is pure, without i18n). Until the user
 * renames them, they and the tags they create are named in the user's language.
 */
const EXAMPLE_TEXT: Record<string, { name: string; tag?: string }> = {
  "example-tls-verified": { name: "exampleRuleTlsVerified", tag: "exampleTagTlsVerified" },
  "example-dmarc-fail": { name: "exampleRuleDmarcFail" },
  "example-arc-intact": { name: "exampleRuleArcIntact", tag: "exampleTagArcIntact" },
};

function localizeExampleRules(rules: Rule[]): Rule[] {
  return rules.map((rule) => {
    const original = EXAMPLE_RULES.find((r) => r.id === rule.id);
    const text = EXAMPLE_TEXT[rule.id];
    if (!original || !text || original.name !== rule.name) return rule;
    const t = (key: string) => messenger.i18n.getMessage(key) || undefined;
    return {
      ...rule,
      name: t(text.name) ?? rule.name,
      actions: rule.actions.map((a, i) => {
        const o = original.actions[i];
        return text.tag && a.type === "addTag" && o?.type === "addTag" && a.name === o.name ? { ...a, name: t(text.tag) ?? a.name } : a;
      }),
    };
  });
}

async function loadAccounts(): Promise<AccountInfo[]> {
  try {
    return await accountsForPolicy();
  } catch (err) {
    console.warn("AuthLens: listing accounts for the policy's accountTrust", err);
    return [];
  }
}

export function getSettings(): Promise<EffectiveSettings> {
  // A failed load is not kept: the next call tries again.
  cache ??= load().catch((err: unknown) => {
    cache = undefined;
    throw err;
  });
  return cache;
}

/** Re-reads settings, policy and accounts on next use. */
function invalidate(): void {
  cache = undefined;
}

/**
 * Stores the user's changes to some settings (validated; invalid values are refused with problems).
 * A change to a locked key is refused with the problem "Set by your organization" (a value equal to
 * the locked one is not a change and is left out); nothing is stored when any change is refused.
 */
export async function updateSettings(changes: Partial<Settings> | Record<string, unknown>): Promise<SettingsProblem[]> {
  const current = await getSettings();
  const refused: SettingsProblem[] = [];
  const accepted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (current.locked.includes(key)) {
      const effective = (current.settings as Record<string, unknown>)[key];
      if (canonicalJson(value) === canonicalJson(effective)) continue;
      refused.push({ path: key, message: key === "rules" && !current.allowUserRules ? NO_USER_RULES_MESSAGE : LOCKED_MESSAGE });
    } else accepted[key] = value;
  }
  if (refused.length > 0) return refused;
  const next = { ...current.user, ...accepted };
  const { settings, problems } = readSettings(next);
  if (problems.length > 0) return problems;
  const toStore = presentKeys(next, settings);
  await messenger.storage.local.set({ [KEY]: toStore, [VERSION_KEY]: SETTINGS_VERSION });
  invalidate();
  return [];
}

function notify(): void {
  invalidate();
  void getSettings().then((s) => listeners.forEach((l) => l(s)));
}

function listen(event: { addListener(cb: () => void): void } | undefined): void {
  try {
    event?.addListener(notify);
  } catch (err) {
    console.warn("AuthLens: cannot watch", err);
  }
}

/**
 * Calls `onChange` with fresh settings when they may have changed: storage.local (this or another
 * page wrote, or a user edited it by hand), storage.managed, or the accounts and identities the
 * policy's accountTrust is matched against.
 */
export function watchSettings(onChange: (s: EffectiveSettings) => void): void {
  listeners.add(onChange);
  if (listeners.size > 1) return;
  messenger.storage.onChanged.addListener((changes, area) => {
    if (area === "managed" || (area === "local" && KEY in changes)) notify();
  });
  type Event = { addListener(cb: () => void): void };
  type Events = { onCreated?: Event; onDeleted?: Event; onUpdated?: Event } | undefined;
  const api = messenger as unknown as { accounts?: Events; identities?: Events };
  for (const source of [api.accounts, api.identities]) {
    listen(source?.onCreated);
    listen(source?.onDeleted);
    listen(source?.onUpdated);
  }
}
