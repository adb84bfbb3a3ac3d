/**
 * The administrator's policy for AuthLens: what Thunderbird delivers through `storage.managed` from
 * policies.json `policies.3rdparty.Extensions["authlens@authlens.org"]` (or the Windows registry, or
 * a macOS configuration profile). One zod schema is the single source of truth for its keys, their
 * types and their TypeScript type; docs/authlens-policy.schema.json is generated from it.
 *
 * Every key is optional: a key the policy does not set leaves the add-on's default (or the user's
 * own value) in place. Booleans are accepted the ways Thunderbird's policy engine delivers them:
 * `true`/`false`, `0`/`1` (macOS plists) and the strings "true"/"false"/"0"/"1" (registry REG_SZ).
 */
import { z } from "zod";
import { rulesSchema } from "../rules/schema.js";
import { BANNER_MODES, settingsSchema, type SettingKey } from "../settings/schema.js";

const BOOLEAN_MESSAGE = 'expected a boolean: true or false (also 0/1 or "true"/"false")';
const TRUE_VALUES: readonly unknown[] = [true, 1, "true", "1"];

/** A boolean as the policy engine may deliver it; the output is a real boolean. */
export const policyBoolean = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.enum(["true", "false", "0", "1"])], { error: () => BOOLEAN_MESSAGE })
  .transform((v) => TRUE_VALUES.includes(v));

/** Turns the string and number forms of a boolean into a boolean; anything else stays as it is. */
export function coerceBoolean(v: unknown): unknown {
  if (v === 0 || v === "0" || v === "false") return false;
  if (v === 1 || v === "1" || v === "true") return true;
  return v;
}

/** A number as the policy engine may deliver it (a JSON number, or a registry REG_SZ string). */
export const policyNumber = z.union([z.number(), z.string().trim().regex(/^-?\d+(?:\.\d+)?$/, "expected a number")], { error: () => "expected a number" }).transform(Number);

/** One trusted server entry: the same format as the user's settings. */
export const serverEntrySchema = settingsSchema.shape.trustedAuthservIds.unwrap().element;
/** One ARC forwarder entry: the same format as the user's settings. */
export const forwarderEntrySchema = settingsSchema.shape.trustedForwarders.unwrap().element;

/** A host or domain name to match an account by (`imap.example.com`, `example.com`). */
const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "must not be empty")
  .max(253, "is longer than 253 characters")
  .transform((v) => v.replace(/^@/, "").replace(/\.$/, ""))
  .refine((v) => /^[^\s@;()"<>,[\]\\/:]+$/u.test(v) && !v.startsWith("."), { message: "must be a host or domain name such as example.com" });

export const accountMatchSchema = z
  .strictObject({
    /** The account's incoming (IMAP/POP) server host name, e.g. imap.example.com. */
    incomingServer: hostName.optional().meta({ description: "The account's incoming (IMAP/POP3) server host name, e.g. imap.example.com." }),
    /** The domain of one of the account's identities' e-mail addresses, e.g. example.com. */
    emailDomain: hostName.optional().meta({ description: "The domain of one of the account's identities' e-mail addresses, e.g. example.com." }),
  })
  .refine((m) => m.incomingServer !== undefined || m.emailDomain !== undefined, { message: "give incomingServer or emailDomain (or both: then both must match)" });

export const accountTrustEntrySchema = z.strictObject({
  match: accountMatchSchema.meta({ description: "Which accounts this entry applies to. With both keys, both must match." }),
  trustedAuthservIds: z.array(serverEntrySchema).meta({ description: "Servers trusted for the matched accounts, in addition to the global list." }),
});

/**
 * Setting keys an administrator may lock. `rules` is not among them: whether users may have rules
 * of their own is `allowUserRules`.
 */
export const LOCKABLE_KEYS = ["trustedAuthservIds", "accountTrust", "trustedForwarders", "bannerMode", "showBadge", "newMailSpecialFolders"] as const satisfies readonly SettingKey[];
export type LockableKey = (typeof LOCKABLE_KEYS)[number];

export const lockedSchema = z.union([z.literal("all"), z.array(z.enum(LOCKABLE_KEYS))], {
  error: () => `expected "all" or a list of setting keys: ${LOCKABLE_KEYS.join(", ")}`,
});

export const policySchema = z
  .strictObject({
    trustedAuthservIds: z
      .array(serverEntrySchema)
      .optional()
      .meta({ description: "Servers (authserv-ids) whose Authentication-Results count, for every account. \"@example.net\" also trusts its subdomains." }),
    accountTrust: z
      .array(accountTrustEntrySchema)
      .optional()
      .meta({ description: "More trusted servers for the accounts matched by incoming server host name or identity e-mail domain." }),
    trustedForwarders: z
      .array(forwarderEntrySchema)
      .optional()
      .meta({ description: "ARC forwarders (sealing domains) whose first-hop results may stand in for a failed DMARC." }),
    adminRules: rulesSchema
      .optional()
      .meta({ description: "Filter rules (docs/rules.md) that run before the user's rules. Users see them but cannot change them." }),
    allowUserRules: policyBoolean.optional().meta({ description: "Whether users may have filter rules of their own. false: only adminRules run." }),
    bannerMode: z
      .enum(BANNER_MODES)
      .optional()
      .meta({ description: "When the inline banner shows at the top of a message: off, failures (failures and look-alikes), always." }),
    showBadge: policyBoolean.optional().meta({ description: "Show a short text badge on the toolbar button." }),
    newMailSpecialFolders: policyBoolean.optional().meta({ description: "Also run rules on new mail in Junk, Trash, Sent, Drafts, Templates and Archives." }),
    locked: lockedSchema
      .optional()
      .meta({ description: "Settings users cannot change: \"all\", or a list of keys. A locked key always has the policy's value (or the default when the policy does not set it)." }),
  })
  .meta({ title: "AuthLens policy", description: 'policies.3rdparty.Extensions["authlens@authlens.org"] in Thunderbird\'s policies.json' });

/** The policy as written (input form). */
export type PolicyInput = z.input<typeof policySchema>;
/** The policy as read: only the keys the administrator set. */
export type Policy = z.output<typeof policySchema>;
export type PolicyKey = keyof Policy;
export type AccountTrustEntry = z.output<typeof accountTrustEntrySchema>;

export const POLICY_KEYS = Object.keys(policySchema.shape) as PolicyKey[];

/** What a key means when the policy does not set it (beyond the user's settings' defaults). */
export const POLICY_DEFAULTS = { allowUserRules: true, adminRules: [] as const, locked: [] as const };
