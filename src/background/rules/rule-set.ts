/** The rules in force: the administrator's first (users cannot edit them), then the user's. */
import { needsOwnChecks } from "../../core/rules/evaluate.js";
import type { Rule } from "../../core/rules/schema.js";
import { ruleSetVersion } from "../../core/rules/version.js";
import { ownChecksEnabled, type OwnCheckSettings } from "../own-checks/run.js";
import { getSettings } from "../settings-store.js";
import type { EffectiveSettings } from "../../shared/data-types.js";

export interface RuleSet {
  rules: Rule[];
  /** Stable hash of the enabled rules: a message is acted on once per version. */
  version: string;
  adminRuleIds: Set<string>;
  /**
   * AuthLens's own checks, when an enabled rule reads their results and checking is on (the raw
   * message is read only then); null otherwise.
   */
  ownChecks: OwnCheckSettings | null;
}

/**
 * The rules and whether their own-check conditions can hold. When a rule reads AuthLens's own
 * results, turning checking on or off makes a new version: messages looked at without those
 * results are looked at again with them.
 */
export function ruleSetFrom(effective: EffectiveSettings, checkingAllowed: boolean): RuleSet {
  const admin = effective.adminRules;
  const user = effective.allowUserRules ? effective.settings.rules : [];
  // An admin rule's id wins: a user rule with the same id cannot shadow it.
  const adminIds = new Set(admin.map((r) => r.id));
  const rules = [...admin, ...user.filter((r) => !adminIds.has(r.id))];
  const s = effective.settings;
  const needed = needsOwnChecks(rules);
  const ownChecks = needed && checkingAllowed ? { checkSignatures: true, dohServer: s.dohServer, checkMaxMegabytes: s.checkMaxMegabytes } : null;
  const version = ruleSetVersion(rules) + (needed ? (ownChecks ? "+own" : "-own") : "");
  return { rules, version, adminRuleIds: adminIds, ownChecks };
}

export async function currentRuleSet(): Promise<RuleSet> {
  const effective = await getSettings();
  return ruleSetFrom(effective, await ownChecksEnabled(effective.settings));
}
