/**
 * The rule model: one set of zod schemas is the single source of truth for what a rule may hold,
 * its defaults and its TypeScript types (docs/rules.md describes the same format for people).
 *
 * Objects are strict (an unknown key such as `negated` is an error, not silently ignored), and
 * keywords (methods, results, ptypes, properties, tag keys) are trimmed and lower-cased, so
 * evaluation can compare them directly.
 */
import "../zod-english.js";
import * as z from "zod/mini";
import {
  ACTION_TYPES,
  ARC_STATUSES,
  CONDITION_TYPES,
  DMARC_SOURCES,
  LOCAL_METHODS,
  RESULT_SOURCES,
  SPECIAL_USES,
  STRING_OPS,
  TLS_ENCRYPTED,
  TLS_STRENGTHS,
  TLS_VERSIONS,
  VERDICT_LEVELS,
} from "./vocabulary.js";

export * from "./vocabulary.js";


export type StringOp = (typeof STRING_OPS)[number];

const MAX_TEXT = 200;

/** An Authentication-Results keyword: a method, result or ptype (RFC 8601 Keyword, plus `_`). */
const keyword = (what: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, `${what} must not be empty`),
      z.maxLength(64, `${what} is longer than 64 characters`),
      z.regex(/^[a-z0-9][a-z0-9_-]*$/, `${what} must be a keyword: letters, digits, '-' and '_' (e.g. "tls")`),
    );

const methodName = keyword("method");

/** A property name may hold dots (`policy.published-domain-policy` style local names). */
const propertyName = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, "property must not be empty"),
    z.maxLength(64, "property is longer than 64 characters"),
    z.regex(/^[a-z0-9][a-z0-9_.-]*$/, 'property must be a keyword such as "d", "mailfrom" or "strength"'),
  );

const nonEmptyList = <T extends z.ZodMiniType>(item: T, what: string) =>
  z.array(item).check(z.minLength(1, `${what}: give at least one`), z.maxLength(32, `${what}: at most 32`));

const text = (what: string) =>
  z.string().check(
    z.trim(),
    z.minLength(1, `${what} must not be empty`),
    z.maxLength(MAX_TEXT, `${what} is longer than ${MAX_TEXT} characters`),
    // eslint-disable-next-line no-control-regex
    z.regex(/^[^\x00-\x1f\x7f]*$/, `${what} must not contain control characters`),
  );

/** The text compared by a string operator (case-insensitive). */
const opValue = z.string().check(
  z.trim(),
  z.minLength(1, "value must not be empty"),
  z.maxLength(998, "value is longer than 998 characters"),
  // eslint-disable-next-line no-control-regex
  z.regex(/^[^\x00-\x1f\x7f]*$/, "value must not contain control characters"),
);

const DOMAIN_VALUE = /^[@.]?[^\s@;()"<>,[\]\\]+$/u;

function checkDomainOp(v: { op: StringOp; value: string }, ctx: z.core.$RefinementCtx<{ op: StringOp; value: string }>): void {
  if (v.op === "matchesDomain" && !DOMAIN_VALUE.test(v.value)) {
    ctx.addIssue({
      code: "custom",
      path: ["value"],
      message: 'with op "matchesDomain", value must be a domain such as example.com (it also matches its subdomains)',
    });
  }
}

const negate = z.optional(z.boolean());
const allowDerived = z.optional(z.boolean());

function checkLocalMethod(v: { method: string; source?: string | undefined }, ctx: z.core.$RefinementCtx<{ method: string; source?: string | undefined }>): void {
  if (v.source === "local" && !(LOCAL_METHODS as readonly string[]).includes(v.method)) {
    ctx.addIssue({ code: "custom", path: ["method"], message: `AuthLens checks only ${LOCAL_METHODS.join(", ")} itself; with source "local", method must be one of them` });
  }
}

export const methodResultConditionSchema = z
  .strictObject({
  type: z.literal("methodResult"),
  negate,
  method: methodName,
  results: nonEmptyList(keyword("result"), "results"),
  /**
   * server (the default): the trusted Authentication-Results; local: AuthLens's own checks (dkim,
   * arc as the chain's cv, dmarc), when turned on; either: both.
   */
  source: z.optional(z.enum(RESULT_SOURCES)),
  /** Only results for this domain or its subdomains (dkim: header.d; dmarc: the From domain; spf: the mail-from domain). */
  domain: z.optional(z.string().check(z.trim(), z.minLength(1, "domain must not be empty"), z.maxLength(253), z.regex(/^@?[^\s@;()"]+$/u, "domain must be a domain such as example.com"))),
  })
  .check(z.superRefine(checkLocalMethod));

export const propertyConditionSchema = z
  .strictObject({
    type: z.literal("property"),
    negate,
    method: methodName,
    ptype: keyword("ptype"),
    property: propertyName,
    op: z.enum(STRING_OPS),
    value: opValue,
  })
  .check(z.superRefine(checkDomainOp));

export const verdictConditionSchema = z.strictObject({
  type: z.literal("verdict"),
  negate,
  levels: nonEmptyList(z.enum(VERDICT_LEVELS), "levels"),
});

export const arcConditionSchema = z.strictObject({
  type: z.literal("arc"),
  negate,
  status: nonEmptyList(z.enum(ARC_STATUSES), "status"),
});

export const tlsEncryptedConditionSchema = z.strictObject({
  type: z.literal("tlsEncrypted"),
  negate,
  /** Also use what the receiving hop's Received header says (a claim, never verified). */
  allowDerived,
  value: z.enum(TLS_ENCRYPTED),
});

export const tlsVersionAtLeastConditionSchema = z.strictObject({
  type: z.literal("tlsVersionAtLeast"),
  negate,
  allowDerived,
  version: z.enum(TLS_VERSIONS),
});

export const tlsStrengthConditionSchema = z.strictObject({
  type: z.literal("tlsStrength"),
  negate,
  allowDerived,
  levels: nonEmptyList(z.enum(TLS_STRENGTHS), "levels"),
});

export const dmarcSourceConditionSchema = z.strictObject({
  type: z.literal("dmarcSource"),
  negate,
  sources: nonEmptyList(z.enum(DMARC_SOURCES), "sources"),
});

export const fromDomainConditionSchema = z
  .strictObject({
    type: z.literal("fromDomain"),
    negate,
    op: z.enum(STRING_OPS),
    value: opValue,
  })
  .check(z.superRefine(checkDomainOp));

export const trustedResultConditionSchema = z.strictObject({
  type: z.literal("trustedResult"),
  negate,
  method: methodName,
  trusted: z.boolean(),
});


export const conditionSchema = z.discriminatedUnion(
  "type",
  [
    methodResultConditionSchema,
    propertyConditionSchema,
    verdictConditionSchema,
    arcConditionSchema,
    tlsEncryptedConditionSchema,
    tlsVersionAtLeastConditionSchema,
    tlsStrengthConditionSchema,
    dmarcSourceConditionSchema,
    fromDomainConditionSchema,
    trustedResultConditionSchema,
  ],
  { error: () => `unknown condition type: use one of ${CONDITION_TYPES.join(", ")}` },
);

// --- actions

/**
 * A Thunderbird tag key: letters, digits, `_`, `$`, `-` (e.g. `$authlens_tls`). Like the other
 * keywords it is case-insensitive and stored in lower case (`$T` is `$t`): Thunderbird's tag keys
 * are lower case.
 */
export const tagKeySchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, "tag must not be empty"),
    z.maxLength(64, "tag is longer than 64 characters"),
    z.regex(/^[a-z0-9_$-]+$/, 'tag must be a Thunderbird tag key: letters a-z, digits 0-9, "_", "$", "-" (e.g. "$authlens_tls")'),
  );

const folderPath = z
  .pipe(
    z.string().check(z.trim(), z.minLength(1, "path must not be empty"), z.maxLength(500, "path is longer than 500 characters")),
    z.transform((p: string) => p.replace(/^\/+|\/+$/g, "")),
  )
  .check(
    z.refine((p) => p.length > 0 && p.split("/").every((s) => s.length > 0 && s !== "." && s !== ".."), {
      message: 'path must be folder names separated by "/", e.g. "AuthLens/DMARC failures"',
    }),
  );

const accountId = z.optional(z.string().check(z.trim(), z.minLength(1, "accountId must not be empty"), z.maxLength(100)));

/**
 * A folder: `{path}` relative to the account's root, or `{specialUse}` (the account's Trash,
 * Junk, ...). Without `accountId`, the folder is in the account of the message being acted on.
 */
export const folderRefSchema = z.union(
  [
    z.strictObject({ accountId, path: folderPath }),
    z.strictObject({ accountId, specialUse: z.enum(SPECIAL_USES) }),
  ],
  { error: () => `folder must be {"path": "A/B"} or {"specialUse": one of ${SPECIAL_USES.join(", ")}}, optionally with "accountId"` },
);

export const addTagActionSchema = z.strictObject({
  type: z.literal("addTag"),
  tag: tagKeySchema,
  /** The tag's label when AuthLens has to create it. */
  name: z.optional(text("name")),
  /** `#rrggbb`, used when AuthLens has to create the tag. */
  color: z.optional(z.string().check(z.trim(), z.regex(/^#[0-9a-fA-F]{6}$/, 'color must be "#rrggbb", e.g. "#2e7d32"'), z.toLowerCase())),
});

export const removeTagActionSchema = z.strictObject({ type: z.literal("removeTag"), tag: tagKeySchema });
export const moveToActionSchema = z.strictObject({ type: z.literal("moveTo"), folder: folderRefSchema });
export const copyToActionSchema = z.strictObject({ type: z.literal("copyTo"), folder: folderRefSchema });
export const markReadActionSchema = z.strictObject({ type: z.literal("markRead"), read: z.boolean() });
export const flagActionSchema = z.strictObject({ type: z.literal("flag"), flagged: z.boolean() });
export const markJunkActionSchema = z.strictObject({ type: z.literal("markJunk"), junk: z.boolean() });


export const actionSchema = z.discriminatedUnion(
  "type",
  [addTagActionSchema, removeTagActionSchema, moveToActionSchema, copyToActionSchema, markReadActionSchema, flagActionSchema, markJunkActionSchema],
  { error: () => `unknown action type: use one of ${ACTION_TYPES.join(", ")} (there is no delete)` },
);

// --- rule

export const ruleSchema = z.strictObject({
  /** Stable identity: the action log and the "processed" record name rules by id. */
  id: text("id"),
  name: text("name"),
  enabled: z._default(z.boolean(), true),
  match: z._default(z.enum(["all", "any"]), "all"),
  conditions: z.array(conditionSchema).check(z.minLength(1, "a rule needs at least one condition"), z.maxLength(50, "at most 50 conditions")),
  actions: z.array(actionSchema).check(z.minLength(1, "a rule needs at least one action"), z.maxLength(20, "at most 20 actions")),
  /** When this rule matches, later rules are not evaluated for the message. */
  stopAfter: z._default(z.boolean(), false),
});

/** What `settings.rules` (and an admin policy's `adminRules`) hold. */
export const rulesSchema = z.array(ruleSchema);

export type Condition = z.infer<typeof conditionSchema>;
/** A condition as written (before normalisation). */
export type ConditionInput = z.input<typeof conditionSchema>;
export type ConditionType = Condition["type"];
export type Action = z.infer<typeof actionSchema>;
export type ActionType = Action["type"];
export type FolderRef = z.infer<typeof folderRefSchema>;
export type Rule = z.infer<typeof ruleSchema>;
/** A rule as written (before defaults), e.g. in a rules file. */
export type RuleInput = z.input<typeof ruleSchema>;

/**
 * The property names that hold a boolean somewhere in the rule model, which an admin policy may
 * write as 0/1 or "true"/"false" (macOS plists, the Windows registry). A unit test derives the
 * same set from the schema.
 */
export const RULE_BOOLEAN_KEYS: ReadonlySet<string> = new Set(["enabled", "stopAfter", "negate", "allowDerived", "trusted", "read", "flagged", "junk"]);
