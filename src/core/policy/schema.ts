/**
 * The administrator's policy for AuthLens: what Thunderbird delivers through `storage.managed` from
 * policies.json `policies.3rdparty.Extensions["authlens@authlens.org"]` (or the Windows registry, or
 * a macOS configuration profile). One zod schema is the single source of truth for its keys, their
 * types and their TypeScript type; docs/authlens-policy.schema.json is generated from it
 * (scripts/gen-policy-schema.mjs; a unit test fails when the file is out of date).
 *
 * Every key is optional: a key the policy does not set leaves the add-on's default (or the user's
 * own value) in place. Booleans are accepted the ways Thunderbird's policy engine delivers them:
 * `true`/`false`, `0`/`1` (macOS plists) and the strings "true"/"false"/"0"/"1" (registry REG_SZ).
 */
import "../zod-english.js";
import * as z from "zod/mini";
import { rulesSchema } from "../rules/schema.js";
import { bannerModeSchema, dohServerSchema, domainEntrySchema, serverEntrySchema, type SettingKey } from "../settings/schema.js";

const BOOLEAN_MESSAGE = 'expected a boolean: true or false (also 0/1 or "true"/"false")';
const TRUE_VALUES: readonly unknown[] = [true, 1, "true", "1"];

/** A boolean as the policy engine may deliver it; the output is a real boolean. */
export const policyBoolean = z.pipe(
  z.union([z.boolean(), z.literal(0), z.literal(1), z.enum(["true", "false", "0", "1"])], { error: () => BOOLEAN_MESSAGE }),
  z.transform((v) => TRUE_VALUES.includes(v)),
);

/** Turns the string and number forms of a boolean into a boolean; anything else stays as it is. */
export function coerceBoolean(v: unknown): unknown {
  if (v === 0 || v === "0" || v === "false") return false;
  if (v === 1 || v === "1" || v === "true") return true;
  return v;
}

/** A number as the policy engine may deliver it (a JSON number, or a registry REG_SZ string). */
export const policyNumber = z.pipe(
  z.union([z.number(), z.string().check(z.trim(), z.regex(/^-?\d+(?:\.\d+)?$/, "expected a number"))], { error: () => "expected a number" }),
  z.transform(Number),
);

/** One trusted server entry: the same format as the user's settings. */
export { serverEntrySchema };
/** One ARC forwarder entry: the same format as the user's settings. */
export const forwarderEntrySchema = domainEntrySchema;

/** Registers a description for the policy's JSON Schema (no effect on validation). */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema as z.ZodMiniType, { description });
  return schema;
}

/** A host or domain name to match an account by (`imap.example.com`, `example.com`). */
const hostName = z
  .pipe(
    z.string().check(z.trim(), z.toLowerCase(), z.minLength(1, "must not be empty"), z.maxLength(253, "is longer than 253 characters")),
    z.transform((v: string) => v.replace(/^@/, "").replace(/\.$/, "")),
  )
  .check(z.refine((v) => /^[^\s@;()"<>,[\]\\/:]+$/u.test(v) && !v.startsWith("."), { message: "must be a host or domain name such as example.com" }));

export const accountMatchSchema = z
  .strictObject({
    /** The account's incoming (IMAP/POP) server host name, e.g. imap.example.com. */
    incomingServer: described(z.optional(hostName), "The account's incoming (IMAP/POP3) server host name, e.g. imap.example.com."),
    /** The domain of one of the account's identities' e-mail addresses, e.g. example.com. */
    emailDomain: described(z.optional(hostName), "The domain of one of the account's identities' e-mail addresses, e.g. example.com."),
  })
  .check(z.refine((m) => m.incomingServer !== undefined || m.emailDomain !== undefined, { message: "give incomingServer or emailDomain (or both: then both must match)" }));

export const accountTrustEntrySchema = z.strictObject({
  match: described(accountMatchSchema.clone(), "Which accounts this entry applies to. With both keys, both must match."),
  trustedAuthservIds: described(z.array(serverEntrySchema), "Servers trusted for the matched accounts, in addition to the global list."),
});

/**
 * Setting keys an administrator may lock. `rules` is not among them: whether users may have rules
 * of their own is `allowUserRules`.
 */
export const LOCKABLE_KEYS = [
  "trustedAuthservIds",
  "accountTrust",
  "trustedForwarders",
  "bannerMode",
  "showBadge",
  "newMailSpecialFolders",
  "checkSignatures",
  "dohServer",
  "checkMaxMegabytes",
] as const satisfies readonly SettingKey[];
export type LockableKey = (typeof LOCKABLE_KEYS)[number];

export const lockedSchema = z.union([z.literal("all"), z.array(z.enum(LOCKABLE_KEYS))], {
  error: () => `expected "all" or a list of setting keys: ${LOCKABLE_KEYS.join(", ")}`,
});

export const policySchema = z
  .strictObject({
    trustedAuthservIds: described(
      z.optional(z.array(serverEntrySchema)),
      "Servers (authserv-ids) whose Authentication-Results count, for every account. \"@example.net\" also trusts its subdomains.",
    ),
    accountTrust: described(
      z.optional(z.array(accountTrustEntrySchema)),
      "More trusted servers for the accounts matched by incoming server host name or identity e-mail domain.",
    ),
    trustedForwarders: described(
      z.optional(z.array(forwarderEntrySchema)),
      "ARC forwarders (sealing domains) whose first-hop results may stand in for a failed DMARC.",
    ),
    adminRules: described(z.optional(rulesSchema), "Filter rules (docs/rules.md) that run before the user's rules. Users see them but cannot change them."),
    allowUserRules: described(z.optional(policyBoolean), "Whether users may have filter rules of their own. false: only adminRules run."),
    bannerMode: described(
      z.optional(bannerModeSchema),
      "When the inline banner shows at the top of a message: off, failures (failures and look-alikes), always.",
    ),
    showBadge: described(z.optional(policyBoolean), "Show a short text badge on the toolbar button."),
    newMailSpecialFolders: described(z.optional(policyBoolean), "Also run rules on new mail in Junk, Trash, Sent, Drafts, Templates and Archives."),
    checkSignatures: described(
      z.optional(policyBoolean),
      "AuthLens checks DKIM signatures and ARC seals itself, asking dohServer for the signing domains' DNS records. true turns it on (the user still grants the server's permission once), false turns it off; lock it to enforce either (false + locked forbids it).",
    ),
    dohServer: described(z.optional(dohServerSchema), "The DNS-over-HTTPS server (RFC 8484) for those checks, e.g. the organization's own: https://doh.example.org/dns-query."),
    // The range (1 to 500) is checked where the policy is read (./read.ts); a JSON Schema cannot say it of policyNumber's forms.
    checkMaxMegabytes: described(z.optional(policyNumber), "Messages larger than this many megabytes (a whole number from 1 to 500) are not checked (default 25)."),
    locked: described(
      z.optional(lockedSchema),
      "Settings users cannot change: \"all\", or a list of keys. A locked key always has the policy's value (or the default when the policy does not set it).",
    ),
  })
  .register(z.globalRegistry, { title: "AuthLens policy", description: 'policies.3rdparty.Extensions["authlens@authlens.org"] in Thunderbird\'s policies.json' });

/** The policy as written (input form). */
export type PolicyInput = z.input<typeof policySchema>;
/** The policy as read: only the keys the administrator set. */
export type Policy = z.output<typeof policySchema>;
export type PolicyKey = keyof Policy;
export type AccountTrustEntry = z.output<typeof accountTrustEntrySchema>;

export const POLICY_KEYS = Object.keys(policySchema.shape) as PolicyKey[];

/** What a key means when the policy does not set it (beyond the user's settings' defaults). */
export const POLICY_DEFAULTS = { allowUserRules: true, adminRules: [] as const, locked: [] as const };
