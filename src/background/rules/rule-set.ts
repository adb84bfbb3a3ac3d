/** The rules in force: the administrator's first (users cannot edit them), then the user's. */
import type { Rule } from "../../core/rules/schema.js";
import { ruleSetVersion } from "../../core/rules/version.js";
import { getSettings } from "../settings-store.js";
import type { EffectiveSettings } from "../../shared/data-types.js";

export interface RuleSet {
  rules: Rule[];
  /** Stable hash of the enabled rules: a message is acted on once per version. */
  version: string;
  adminRuleIds: Set<string>;
}

export function ruleSetFrom(effective: EffectiveSettings): RuleSet {
  const admin = effective.adminRules;
  const user = effective.allowUserRules ? effective.settings.rules : [];
  // An admin rule's id wins: a user rule with the same id cannot shadow it.
  const adminIds = new Set(admin.map((r) => r.id));
  const rules = [...admin, ...user.filter((r) => !adminIds.has(r.id))];
  return { rules, version: ruleSetVersion(rules), adminRuleIds: adminIds };
}

export async function currentRuleSet(): Promise<RuleSet> {
  return ruleSetFrom(await getSettings());
}
