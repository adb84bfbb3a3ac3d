/**
 * The user's settings: one zod schema is the single source of truth for their shape, their
 * defaults (every field has one) and their TypeScript type.
 */
import "../zod-english.js";
import { DOH_SERVERS, isDohServerUrl } from "./doh.js";
import * as z from "zod/mini";
import { EXAMPLE_RULES } from "../rules/examples.js";
import { rulesSchema } from "../rules/schema.js";

export const BANNER_MODES = ["off", "failures", "always"] as const;
export type BannerMode = (typeof BANNER_MODES)[number];

/** An authserv-id or a domain (`@example.org` for a domain and its subdomains). */
export const serverEntrySchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(253),
    z.regex(/^@?[^\s;()"@]+$/u, "a server name such as mx.example.net, or @example.net for a domain and its subdomains"),
  );

/** An ARC forwarder: a sealing domain (`@example.org` for a domain and its subdomains). */
export const domainEntrySchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(253), z.regex(/^@?[^\s;()"@]+$/u, "a domain such as lists.example.org"));

export const bannerModeSchema = z.enum(BANNER_MODES);

export { DOH_SERVERS } from "./doh.js";

/** A DNS-over-HTTPS server: an https:// URL (or http:// on this computer). */
export const dohServerSchema = z
  .string()
  .check(z.trim(), z.maxLength(2000), z.refine(isDohServerUrl, "an https:// URL of a DNS-over-HTTPS server, such as https://dns.quad9.net/dns-query"));

/** Messages larger than this many megabytes are not checked (1 to 500). */
export const checkMaxMegabytesSchema = z.number().check(z.int("a whole number of megabytes"), z.gte(1, "at least 1 MB"), z.lte(500, "at most 500 MB"));

export const settingsSchema = z.object({
  /** Servers whose Authentication-Results count, for every account. Empty by default (RFC 8601 §7.1). */
  trustedAuthservIds: z._default(z.array(serverEntrySchema), []),
  /** More trusted servers per account, keyed by Thunderbird account id. */
  accountTrust: z._default(z.record(z.string(), z.array(serverEntrySchema)), {}),
  /** ARC forwarders (sealing domains) whose first-hop results may stand in for a failed DMARC. */
  trustedForwarders: z._default(z.array(domainEntrySchema), []),
  /** When the inline banner shows at the top of a message. */
  bannerMode: z._default(bannerModeSchema, "failures"),
  /** Show a short text badge on the toolbar button (the icon's colour and shape already say the verdict). */
  showBadge: z._default(z.boolean(), false),
  /** The user's filter rules (docs/rules.md). Three disabled examples to start from. */
  rules: z._default(rulesSchema, () => EXAMPLE_RULES.map((r) => structuredClone(r))),
  /** Run the rules on new mail. Per account (account id -> on/off); accounts not listed are on. */
  newMailAccounts: z._default(z.record(z.string(), z.boolean()), {}),
  /** Also run on new mail in special folders (Junk, Trash, Sent, Drafts, Templates, Archives). */
  newMailSpecialFolders: z._default(z.boolean(), false),
  /**
   * "Check signatures myself": AuthLens verifies DKIM signatures and ARC seals itself. Off by
   * default: the names of the signing domains' DNS records then go to `dohServer`.
   */
  checkSignatures: z._default(z.boolean(), false),
  /** The DNS-over-HTTPS server for those checks (its host permission is asked for when chosen). */
  dohServer: z._default(dohServerSchema, DOH_SERVERS.quad9),
  /** Messages larger than this are shown as "too large to check here". */
  checkMaxMegabytes: z._default(checkMaxMegabytesSchema, 25),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];
