/**
 * The `_locales` keys of the rule model's words (levels, statuses, operators, folders), shared by
 * the describer and the options page's editor so a word reads the same in both. Method names are
 * protocol names, written as their specifications write them.
 */
import type { FolderRef, StringOp } from "./schema.js";
import type { ARC_STATUSES, DMARC_SOURCES, RESULT_SOURCES, TLS_ENCRYPTED, TLS_STRENGTHS, VERDICT_LEVELS } from "./vocabulary.js";

type Word<T extends readonly string[]> = T[number];

/** The operator in a field label: "is", "ends with", ... */
export const OP_LABEL: Record<StringOp, string> = {
  equals: "rules_opEquals",
  contains: "rules_opContains",
  startsWith: "rules_opStartsWith",
  endsWith: "rules_opEndsWith",
  matchesDomain: "rules_opMatchesDomain",
};

/** The operator with its value, in a sentence: is “x”, ends with “x”, ... */
export const OP_PHRASE: Record<StringOp, string> = {
  equals: "rules_opPhraseEquals",
  contains: "rules_opPhraseContains",
  startsWith: "rules_opPhraseStartsWith",
  endsWith: "rules_opPhraseEndsWith",
  matchesDomain: "rules_opPhraseMatchesDomain",
};

export const LEVEL_LABEL: Record<Word<typeof VERDICT_LEVELS>, string> = {
  verified: "level_verified",
  suspicious: "level_suspicious",
  failed: "level_failed",
  unconfigured: "level_unconfigured",
  unverified: "level_unverified",
};

export const ARC_LABEL: Record<Word<typeof ARC_STATUSES>, string> = { pass: "rules_arcPass", fail: "rules_arcFail", none: "rules_arcNone" };
export const ENCRYPTED_LABEL: Record<Word<typeof TLS_ENCRYPTED>, string> = { yes: "rules_encYes", no: "rules_encNo", unknown: "rules_encUnknown" };
export const STRENGTH_LABEL: Record<Word<typeof TLS_STRENGTHS>, string> = { low: "strength_low", medium: "strength_medium", high: "strength_high" };
export const SOURCE_LABEL: Record<Word<typeof DMARC_SOURCES>, string> = {
  authres: "rules_sourceAuthres",
  virtual: "rules_sourceVirtual",
  none: "rules_sourceNone",
};

/** Whose results a methodResult condition reads, in the editor's list. */
export const RESULT_SOURCE_LABEL: Record<Word<typeof RESULT_SOURCES>, string> = {
  server: "rules_resultSourceServer",
  local: "rules_resultSourceLocal",
  either: "rules_resultSourceEither",
};

export const SPECIAL_LABEL: Record<Extract<FolderRef, { specialUse: unknown }>["specialUse"], string> = {
  inbox: "rules_specialInbox",
  drafts: "rules_specialDrafts",
  sent: "rules_specialSent",
  trash: "rules_specialTrash",
  templates: "rules_specialTemplates",
  archives: "rules_specialArchives",
  junk: "rules_specialJunk",
  outbox: "rules_specialOutbox",
};

/** Methods whose usual written form is not their keyword. */
const METHOD_NAMES: Readonly<Record<string, string>> = {
  arc: "ARC",
  auth: "SMTP AUTH",
  bimi: "BIMI",
  dkim: "DKIM",
  "dkim-adsp": "DKIM ADSP",
  "dkim-atps": "DKIM ATPS",
  dmarc: "DMARC",
  dnswl: "DNSWL",
  domainkeys: "DomainKeys",
  rrvs: "RRVS",
  "sender-id": "Sender ID",
  smime: "S/MIME",
  spf: "SPF",
  tls: "TLS",
  vbr: "VBR",
};

/** A method as people write it: "dmarc" is DMARC; a method AuthLens does not know stays as typed. */
export function methodName(method: string): string | undefined {
  return Object.hasOwn(METHOD_NAMES, method.toLowerCase()) ? METHOD_NAMES[method.toLowerCase()] : undefined;
}

/** "TLS1.2" as "TLS 1.2". */
export function tlsVersionName(version: string): string {
  return version.replace(/^TLS(?=\d)/, "TLS ");
}
