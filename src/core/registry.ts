/**
 * Email authentication registries AuthLens knows about.
 *
 * The IANA "Email Authentication Parameters" group (Email Authentication Methods, Email
 * Authentication Result Names, Email Authentication Property Types) as restated by RFC 8601
 * (§2.3, §2.7, §6) and extended by RFC 8617 (arc), RFC 8904 (dnswl) and the method RFCs cited
 * per entry, plus the extension methods AuthLens supports on purpose (`tls`, `bimi`,
 * `compauth`). Any `x-*` method is experimental (§2.7.6).
 *
 * RFC 8601 §4.1: results with an unregistered result, an unregistered ptype, or for a method the
 * consumer does not support MUST be ignored when making decisions. Code that decides must ask
 * this table (`isKnownResult`, `isKnownPtype`, `methodStatus`) and never trust a raw string.
 *
 * This module is pure data plus lookups: keep it a table that reviewers can check line by line
 * against https://www.iana.org/assignments/email-auth/email-auth.xhtml.
 */

export type EntryStatus = "active" | "deprecated";
export type MethodStatus = "active" | "deprecated" | "extension" | "experimental" | "unknown";

export interface ResultEntry {
  readonly name: string;
  readonly status: EntryStatus;
}

export interface PropertyEntry {
  readonly ptype: string;
  readonly property: string;
  readonly status: EntryStatus;
}

export interface MethodEntry {
  /** Lowercase method name as it appears in the header. */
  readonly name: string;
  /** IANA status, or "extension" for a method AuthLens supports that IANA never registered. */
  readonly status: "active" | "deprecated" | "extension";
  /** The registered method version (RFC 8601 §2.6); results with another version SHOULD be ignored. */
  readonly version: number;
  readonly reference: string;
  readonly results: readonly ResultEntry[];
  readonly properties: readonly PropertyEntry[];
  /** ptypes that are valid for this method only (not in the global ptype registry), e.g. tls's `cert`. */
  readonly methodPtypes: readonly string[];
}

export interface PtypeEntry {
  readonly name: string;
  readonly reference: string;
  readonly description: string;
}

/** IANA "Email Authentication Property Types" (RFC 7410, RFC 8601 §2.3, RFC 8904). */
export const PTYPES: readonly PtypeEntry[] = [
  { name: "smtp", reference: "RFC 8601 §2.3", description: "a parameter of an SMTP command" },
  { name: "header", reference: "RFC 8601 §2.3", description: "taken from a message header field" },
  { name: "body", reference: "RFC 8601 §2.3", description: "taken from the message body" },
  { name: "policy", reference: "RFC 8601 §2.4", description: "a local policy decision" },
  { name: "dns", reference: "RFC 8904", description: "taken from a DNS query" },
];

// ---- compact constructors, so each registry row reads as one line ----

function results(active: string, deprecated = ""): ResultEntry[] {
  const out: ResultEntry[] = [];
  for (const name of words(active)) out.push({ name, status: "active" });
  for (const name of words(deprecated)) out.push({ name, status: "deprecated" });
  return out;
}

/** "smtp.mailfrom header.d" -> property entries. */
function props(active: string, deprecated = ""): PropertyEntry[] {
  const out: PropertyEntry[] = [];
  const add = (spec: string, status: EntryStatus): void => {
    for (const w of words(spec)) {
      const dot = w.indexOf(".");
      out.push({ ptype: w.slice(0, dot), property: w.slice(dot + 1), status });
    }
  };
  add(active, "active");
  add(deprecated, "deprecated");
  return out;
}

function words(s: string): string[] {
  return s.split(" ").filter((w) => w.length > 0);
}

function method(
  name: string,
  status: MethodEntry["status"],
  reference: string,
  resultList: ResultEntry[],
  propertyList: PropertyEntry[],
  methodPtypes: string[] = [],
): MethodEntry {
  return { name, status, version: 1, reference, results: resultList, properties: propertyList, methodPtypes };
}

/**
 * The methods. Registered ones first (IANA status), then AuthLens's extension methods.
 * Results: RFC 8601 §2.7 and §6.7 and the method's own RFC. Properties: IANA Email
 * Authentication Methods registry rows (method, ptype, property).
 */
export const METHODS: readonly MethodEntry[] = [
  // ---- IANA Email Authentication Methods ----
  method("auth", "active", "RFC 8601 §2.7.4 (RFC 4954)", results("none pass fail temperror permerror"), props("smtp.auth smtp.mailfrom")),
  method(
    "dkim",
    "active",
    "RFC 8601 §2.7.1 (RFC 6376, RFC 6008)",
    results("none pass fail policy neutral temperror permerror"),
    props("header.d header.i header.b header.a header.s"),
  ),
  method(
    "domainkeys",
    "deprecated",
    "RFC 4870 (historic)",
    results("", "none pass fail policy neutral temperror permerror"),
    props("", "header.d header.from header.sender"),
  ),
  method("iprev", "active", "RFC 8601 §2.7.3, §3", results("pass fail temperror permerror"), props("policy.iprev")),
  method(
    "sender-id",
    "deprecated",
    "RFC 4406 (experimental, obsolete)",
    results("", "none pass fail softfail policy neutral temperror permerror hardfail"),
    props("", "header.from header.sender header.resent-from header.resent-sender"),
  ),
  method(
    "spf",
    "active",
    "RFC 8601 §2.7.2 (RFC 7208)",
    // "hardfail" was registered by RFC 5451 and not carried forward (RFC 8601 §6.7).
    results("none pass fail softfail policy neutral temperror permerror", "hardfail"),
    props("smtp.mailfrom smtp.helo"),
  ),
  method(
    "dkim-adsp",
    "deprecated",
    "RFC 5617 (historic)",
    results("", "none pass unknown fail discard nxdomain temperror permerror"),
    props("", "header.from"),
  ),
  method("vbr", "active", "RFC 6212", results("none pass fail temperror permerror"), props("header.md header.mv")),
  method("rrvs", "active", "RFC 7293", results("none pass fail unknown temperror permerror"), props("smtp.rcptto")),
  method(
    "smime",
    "active",
    "RFC 7281",
    results("none pass fail policy neutral temperror permerror"),
    props("body.smime-part body.smime-identifier body.smime-serial body.smime-issuer"),
  ),
  method("dmarc", "active", "RFC 7489 §11.2", results("none pass fail temperror permerror"), props("header.from")),
  method("arc", "active", "RFC 8617 §10", results("none pass fail"), props("smtp.remote-ip header.oldest-pass")),
  method("dnswl", "active", "RFC 8904", results("pass none temperror permerror"), props("dns.zone policy.ip policy.txt dns.sec")),
  method("dkim-atps", "active", "RFC 6541", results("none pass fail temperror permerror"), props("header.from")),

  // ---- Extension methods AuthLens supports on purpose (never registered with IANA) ----
  method(
    "tls",
    "extension",
    "draft-martin-authentication-results-tls (docs/tls-method.md)",
    results("none pass selfsigned invalidhost fail temperror permerror"),
    props(
      "cert.client cert.server cert.clientalt cert.serveralt cert.clientissuer cert.serverissuer cert.verif " +
        "tls.v key.ciphersuite key.fingerprint key.length key.strength",
    ),
    ["cert", "tls", "key"],
  ),
  method(
    "bimi",
    "extension",
    "draft-brand-indicators-for-message-identification",
    results("pass none fail temperror declined skipped"),
    props("header.d header.selector policy.authority policy.authority-uri policy.indicator-uri policy.mark-type"),
  ),
  method(
    "compauth",
    "extension",
    "Microsoft 365 composite authentication (learn.microsoft.com, message-headers-eop-mdo)",
    results("pass fail softpass none"),
    props(""),
  ),
];

/** Precomputed per-method lookups (the table above, indexed). */
export interface MethodIndex {
  readonly entry: MethodEntry;
  readonly results: ReadonlyMap<string, EntryStatus>;
  /** ptype -> registered properties of this method. */
  readonly properties: ReadonlyMap<string, ReadonlySet<string>>;
  /** Global ptypes plus this method's own. */
  readonly ptypes: ReadonlySet<string>;
}

const PTYPE_SET: ReadonlySet<string> = new Set(PTYPES.map((p) => p.name));

const INDEX: ReadonlyMap<string, MethodIndex> = new Map(
  METHODS.map((m): [string, MethodIndex] => {
    const properties = new Map<string, Set<string>>();
    for (const p of m.properties) {
      let set = properties.get(p.ptype);
      if (!set) properties.set(p.ptype, (set = new Set()));
      set.add(p.property);
    }
    return [
      m.name,
      {
        entry: m,
        results: new Map(m.results.map((r) => [r.name, r.status])),
        properties,
        ptypes: new Set([...PTYPE_SET, ...m.methodPtypes]),
      },
    ];
  }),
);

function lower(s: string): string {
  return s.toLowerCase();
}

/** Indexed lookups for a registered or extension method; `name` must already be lowercase. */
export function methodIndex(name: string): MethodIndex | undefined {
  return INDEX.get(name);
}

/** The registry entry of a registered or extension method; undefined for `x-*` and unknown ones. */
export function lookupMethod(name: string): MethodEntry | undefined {
  return INDEX.get(lower(name))?.entry;
}

export function methodStatus(name: string): MethodStatus {
  const m = INDEX.get(lower(name));
  if (m) return m.entry.status;
  return /^x-./i.test(name) ? "experimental" : "unknown";
}

/** Is `result` a registered (or, for an extension method, defined) result of `method`? */
export function isKnownResult(methodName: string, result: string): boolean {
  return resultStatus(methodName, result) !== undefined;
}

export function resultStatus(methodName: string, result: string): EntryStatus | undefined {
  return INDEX.get(lower(methodName))?.results.get(lower(result));
}

/** A ptype registered globally, or defined for this method only (tls: cert, tls, key). */
export function isKnownPtype(methodName: string, ptype: string): boolean {
  const p = lower(ptype);
  const m = INDEX.get(lower(methodName));
  return m ? m.ptypes.has(p) : PTYPE_SET.has(p);
}

/**
 * Is (method, ptype, property) a registered row? Note `policy.*` properties are local names
 * (RFC 8601 §2.4) and are normally not registered: false here does not make them invalid.
 */
export function isKnownProperty(methodName: string, ptype: string, property: string): boolean {
  return INDEX.get(lower(methodName))?.properties.get(lower(ptype))?.has(lower(property)) ?? false;
}
