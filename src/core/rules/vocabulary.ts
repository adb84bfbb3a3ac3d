/**
 * The words of the rule model (condition and action types, levels, operators). Plain constants,
 * without zod, so the options page can use them without bundling the schema library; the schema
 * (schema.ts) is built from them.
 */
export const VERDICT_LEVELS = ["verified", "suspicious", "failed", "unconfigured", "unverified"] as const;
export const ARC_STATUSES = ["pass", "fail", "none"] as const;
export const TLS_ENCRYPTED = ["yes", "no", "unknown"] as const;
export const TLS_VERSIONS = ["TLS1.0", "TLS1.1", "TLS1.2", "TLS1.3"] as const;
export const TLS_STRENGTHS = ["low", "medium", "high"] as const;
export const DMARC_SOURCES = ["authres", "virtual", "none"] as const;
/** Whose results a methodResult condition reads: the trusted servers', AuthLens's own checks', or either. */
export const RESULT_SOURCES = ["server", "local", "either"] as const;
/** The methods AuthLens checks itself (its own results: each DKIM signature, the ARC chain's cv, DMARC). */
export const LOCAL_METHODS = ["dkim", "arc", "dmarc"] as const;
export const STRING_OPS = ["equals", "contains", "startsWith", "endsWith", "matchesDomain"] as const;
/** Thunderbird's MailFolder.specialUse values a rule may move or copy to. */
export const SPECIAL_USES = ["inbox", "drafts", "sent", "trash", "templates", "archives", "junk", "outbox"] as const;
export const CONDITION_TYPES = [
  "methodResult",
  "property",
  "verdict",
  "arc",
  "tlsEncrypted",
  "tlsVersionAtLeast",
  "tlsStrength",
  "dmarcSource",
  "fromDomain",
  "trustedResult",
] as const;
export const ACTION_TYPES = ["addTag", "removeTag", "moveTo", "copyTo", "markRead", "flag", "markJunk"] as const;
