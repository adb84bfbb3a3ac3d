/** The rules in force: the administrator's first (users cannot edit them), then the user's. */
import { ownChecksMatter } from "../../core/rules/evaluate.js";
import type { Rule } from "../../core/rules/schema.js";
import { ruleSetVersion } from "../../core/rules/version.js";
import { ownCheckSettings, ownChecksAllowed, type OwnCheckSettings } from "../own-checks/run.js";
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
 * The rules in force — the administrator's first, then the user's when allowed (an admin rule's id
 * wins: a user rule cannot shadow it) — and whether their own-check conditions can hold. The
 * version is the rules' alone: turning checking on or off does not make one, so the messages the
 * rules already handled are not acted on again (a message is acted on once per version; with a new
 * one every rule would act again, undoing what the person changed since). Messages not yet handled
 * get the own results.
 */
export function ruleSetFrom(effective: EffectiveSettings, ownChecks: OwnCheckSettings | null): RuleSet {
  const adminRuleIds = new Set(effective.adminRules.map((r) => r.id));
  const user = effective.allowUserRules ? effective.settings.rules : [];
  const rules = [...effective.adminRules, ...user.filter((r) => !adminRuleIds.has(r.id))];
  return { rules, version: ruleSetVersion(rules), adminRuleIds, ownChecks: ownChecksMatter(rules) ? ownChecks : null };
}

/** The rules in force, with the own-check settings when checking is on and its server may be reached. */
export async function currentRuleSet(): Promise<RuleSet> {
  const effective = await getSettings();
  const set = ruleSetFrom(effective, ownCheckSettings(effective.settings));
  // The server's permission is asked only when a rule needs the checks.
  return set.ownChecks !== null && !(await ownChecksAllowed(set.ownChecks)) ? { ...set, ownChecks: null } : set;
}
