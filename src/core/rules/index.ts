/** Filter rules keyed on the analysis: model, validation, evaluation, action plan (docs/rules.md). */
export * from "./schema.js";
export { validateRules, findRules, formatPath, EXTENSION_ID, type RuleProblem, type ValidatedRules, type ValidateOptions, type RulesDocument } from "./validate.js";
export { evaluateRules, evaluateCondition, needsOwnChecks, ownChecksMatter, ruleFacts, ruleArcStatus, testString, type RuleMatch, type ConditionOutcome, type RuleFacts } from "./evaluate.js";
export { planActions, folderKey, type ActionPlan, type PlannedAction, type SkippedAction } from "./plan.js";
export { ruleSetVersion, canonicalJson, fnv1a64 } from "./version.js";
export { EXAMPLE_RULES } from "./examples.js";
export { ruleDescriber, type RuleDescriber, type RuleWording } from "./describe.js";
export { ARC_LABEL, ENCRYPTED_LABEL, LEVEL_LABEL, OP_LABEL, OP_PHRASE, RESULT_SOURCE_LABEL, SOURCE_LABEL, SPECIAL_LABEL, STRENGTH_LABEL, methodName, tlsVersionName } from "./labels.js";
