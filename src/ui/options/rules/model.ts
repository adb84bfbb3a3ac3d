/**
 * The rules editor's form state. Types come from the zod schema (type-only imports, so the page
 * does not bundle zod); the background validates whatever is saved or previewed with the schema.
 * A draft is flat (every field of every condition type), so switching a condition's type keeps
 * what was typed, and lists are kept as typed ("pass, softfail") until they are sent.
 */
import type { Action, ActionType, Condition, ConditionType, FolderRef, Rule, StringOp } from "../../../core/rules/schema.js";
import { tagKeyFromName } from "./tag-key.js";

type Of<T extends Condition["type"], K extends string> = Extract<Condition, { type: T }> extends Record<K, infer V> ? V : never;
type Item<T> = T extends readonly (infer I)[] ? I : never;

export type VerdictLevel = Item<Of<"verdict", "levels">>;
export type ArcStatus = Item<Of<"arc", "status">>;
export type TlsEncrypted = Of<"tlsEncrypted", "value">;
export type TlsVersion = Of<"tlsVersionAtLeast", "version">;
export type TlsStrength = Item<Of<"tlsStrength", "levels">>;
export type DmarcSource = Item<Of<"dmarcSource", "sources">>;
export type ResultSource = NonNullable<Extract<Condition, { type: "methodResult" }>["source"]>;
export type SpecialUse = Extract<FolderRef, { specialUse: unknown }>["specialUse"];

export {
  ACTION_TYPES,
  ARC_STATUSES,
  CONDITION_TYPES,
  DMARC_SOURCES,
  RESULT_SOURCES,
  SPECIAL_USES,
  STRING_OPS,
  TLS_ENCRYPTED,
  TLS_STRENGTHS,
  TLS_VERSIONS,
  VERDICT_LEVELS,
} from "../../../core/rules/vocabulary.js";

export interface DraftCondition {
  type: ConditionType;
  negate: boolean;
  method: string;
  /** The method is typed, not picked from the registry's list ("Another method…"). */
  otherMethod: boolean;
  /** Comma-separated, as typed. */
  results: string;
  /** methodResult: whose results (the trusted servers' by default). */
  source: ResultSource;
  /** methodResult: only results about this domain ("" is any). */
  domain: string;
  ptype: string;
  property: string;
  op: StringOp;
  value: string;
  levels: VerdictLevel[];
  status: ArcStatus[];
  encrypted: TlsEncrypted;
  allowDerived: boolean;
  version: TlsVersion;
  strengths: TlsStrength[];
  sources: DmarcSource[];
  trusted: boolean;
}

export interface DraftAction {
  type: ActionType;
  /** Tag key (addTag, removeTag). */
  tag: string;
  /** A new tag's key follows its name (tag-key.ts) until the key is edited. */
  tagKeyAuto: boolean;
  tagName: string;
  tagColor: string;
  /** The tag picker's choice: one of Thunderbird's tags, or a key typed in (a new tag). */
  tagMode: "existing" | "new";
  /** "" is the message's own account. */
  accountId: string;
  folderKind: "path" | "specialUse";
  /** Without the leading "/". */
  path: string;
  specialUse: SpecialUse;
  /** The folder picker shows a text field for the path (a folder not in the list). */
  otherPath: boolean;
  read: boolean;
  flagged: boolean;
  junk: boolean;
}

export interface DraftRule {
  /** Kept for existing rules; `user-<random>` for new ones (never shown). Also the draft's identity in the page. */
  id: string;
  name: string;
  enabled: boolean;
  match: "all" | "any";
  stopAfter: boolean;
  conditions: DraftCondition[];
  actions: DraftAction[];
}

export function emptyCondition(type: ConditionType = "methodResult"): DraftCondition {
  return {
    type,
    negate: false,
    method: "",
    otherMethod: false,
    results: "",
    source: "server",
    domain: "",
    ptype: "",
    property: "",
    op: "equals",
    value: "",
    levels: [],
    status: [],
    encrypted: "yes",
    allowDerived: false,
    version: "TLS1.2",
    strengths: [],
    sources: [],
    trusted: true,
  };
}

export function emptyAction(type: ActionType = "addTag"): DraftAction {
  return {
    type,
    tag: "",
    tagKeyAuto: true,
    tagName: "",
    tagColor: "#1565c0",
    tagMode: "existing",
    accountId: "",
    folderKind: "path",
    path: "",
    specialUse: "trash",
    otherPath: false,
    read: true,
    flagged: true,
    junk: true,
  };
}

export function conditionToDraft(c: Condition): DraftCondition {
  const d = { ...emptyCondition(c.type), negate: c.negate === true };
  switch (c.type) {
    case "methodResult":
      return { ...d, method: c.method, results: c.results.join(", "), source: c.source ?? "server", domain: c.domain ?? "" };
    case "property":
      return { ...d, method: c.method, ptype: c.ptype, property: c.property, op: c.op, value: c.value };
    case "verdict":
      return { ...d, levels: [...c.levels] };
    case "arc":
      return { ...d, status: [...c.status] };
    case "tlsEncrypted":
      return { ...d, encrypted: c.value, allowDerived: c.allowDerived === true };
    case "tlsVersionAtLeast":
      return { ...d, version: c.version, allowDerived: c.allowDerived === true };
    case "tlsStrength":
      return { ...d, strengths: [...c.levels], allowDerived: c.allowDerived === true };
    case "dmarcSource":
      return { ...d, sources: [...c.sources] };
    case "fromDomain":
      return { ...d, op: c.op, value: c.value };
    case "trustedResult":
      return { ...d, method: c.method, trusted: c.trusted };
  }
}

function folderToDraft(d: DraftAction, f: FolderRef): DraftAction {
  const accountId = f.accountId ?? "";
  return "path" in f ? { ...d, accountId, folderKind: "path", path: f.path } : { ...d, accountId, folderKind: "specialUse", specialUse: f.specialUse };
}

export function actionToDraft(a: Action): DraftAction {
  const d = emptyAction(a.type);
  switch (a.type) {
    case "addTag":
      // No colour stays no colour: a rule edited elsewhere must not gain one (nor a new version).
      return { ...d, tag: a.tag, tagKeyAuto: a.tag === tagKeyFromName(a.name ?? ""), tagName: a.name ?? "", tagColor: a.color ?? "" };
    case "removeTag":
      return { ...d, tag: a.tag, tagKeyAuto: false };
    case "moveTo":
    case "copyTo":
      return folderToDraft(d, a.folder);
    case "markRead":
      return { ...d, read: a.read };
    case "flag":
      return { ...d, flagged: a.flagged };
    case "markJunk":
      return { ...d, junk: a.junk };
  }
}

export function ruleToDraft(r: Rule): DraftRule {
  return {
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    match: r.match,
    stopAfter: r.stopAfter,
    conditions: r.conditions.map(conditionToDraft),
    actions: r.actions.map(actionToDraft),
  };
}

/** "pass, softfail" → ["pass", "softfail"]. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const withNegate = <T extends object>(d: DraftCondition, c: T): T => (d.negate ? { ...c, negate: true } : c);
const withDerived = <T extends object>(d: DraftCondition, c: T): T => (d.allowDerived ? { ...c, allowDerived: true } : c);

/** The condition as JSON for the background (validated there). */
export function draftToCondition(d: DraftCondition): Record<string, unknown> {
  switch (d.type) {
    case "methodResult":
      return withNegate(d, {
        type: d.type,
        method: d.method,
        results: splitList(d.results),
        // The defaults are left out, so a rule saved unchanged stays the same rule (and rule-set version).
        ...(d.source === "server" ? {} : { source: d.source }),
        ...(d.domain.trim() === "" ? {} : { domain: d.domain.trim() }),
      });
    case "property":
      return withNegate(d, { type: d.type, method: d.method, ptype: d.ptype, property: d.property, op: d.op, value: d.value });
    case "verdict":
      return withNegate(d, { type: d.type, levels: [...d.levels] });
    case "arc":
      return withNegate(d, { type: d.type, status: [...d.status] });
    case "tlsEncrypted":
      return withNegate(d, withDerived(d, { type: d.type, value: d.encrypted }));
    case "tlsVersionAtLeast":
      return withNegate(d, withDerived(d, { type: d.type, version: d.version }));
    case "tlsStrength":
      return withNegate(d, withDerived(d, { type: d.type, levels: [...d.strengths] }));
    case "dmarcSource":
      return withNegate(d, { type: d.type, sources: [...d.sources] });
    case "fromDomain":
      return withNegate(d, { type: d.type, op: d.op, value: d.value });
    case "trustedResult":
      return withNegate(d, { type: d.type, method: d.method, trusted: d.trusted });
  }
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

export function draftToFolder(d: DraftAction): Record<string, unknown> {
  const where = d.folderKind === "path" ? { path: d.path.replace(/^\/+/, "") } : { specialUse: d.specialUse };
  return d.accountId === "" ? where : { accountId: d.accountId, ...where };
}

/** The action as JSON for the background (validated there). */
export function draftToAction(d: DraftAction): Record<string, unknown> {
  switch (d.type) {
    case "addTag": {
      const out: Record<string, unknown> = { type: d.type, tag: d.tag.trim().toLowerCase() };
      if (d.tagName.trim() !== "") out.name = d.tagName.trim();
      if (COLOR.test(d.tagColor)) out.color = d.tagColor.toLowerCase();
      return out;
    }
    case "removeTag":
      return { type: d.type, tag: d.tag.trim().toLowerCase() };
    case "moveTo":
    case "copyTo":
      return { type: d.type, folder: draftToFolder(d) };
    case "markRead":
      return { type: d.type, read: d.read };
    case "flag":
      return { type: d.type, flagged: d.flagged };
    case "markJunk":
      return { type: d.type, junk: d.junk };
  }
}

export function draftToRule(d: DraftRule): Record<string, unknown> {
  return {
    id: d.id,
    name: d.name,
    enabled: d.enabled,
    match: d.match,
    conditions: d.conditions.map(draftToCondition),
    actions: d.actions.map(draftToAction),
    stopAfter: d.stopAfter,
  };
}

/** A new rule id: `user-` and 12 random hex digits, not among `taken`. */
export function newRuleId(taken: ReadonlySet<string>): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(6));
    const id = `user-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
    if (!taken.has(id)) return id;
  }
}

export function newRule(taken: ReadonlySet<string>, name: string): DraftRule {
  return {
    id: newRuleId(taken),
    name,
    enabled: true,
    match: "all",
    stopAfter: false,
    conditions: [{ ...emptyCondition("methodResult"), method: "dmarc", results: "fail" }],
    actions: [{ ...emptyAction("flag"), flagged: true }],
  };
}

/**
 * A problem path as segments: `rules[2].conditions[0].value`, `rules.2.conditions.0.value` and
 * `rules[2]["odd key"]` all work.
 */
export function pathSegments(path: string): string[] {
  const out: string[] = [];
  const re = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(m[2].replace(/\\(.)/g, "$1"));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

/** A problem of one rule: where in the rule (`conditions.0.value`, "" for the rule itself) and what. */
export interface RuleProblem {
  at: string;
  message: string;
}

/**
 * Splits the problems of a save of `ids` (in order) by rule id; problems not about one rule
 * (the list itself, other settings) go to `other`.
 */
export function problemsByRule(
  problems: readonly { path: string; message: string }[],
  ids: readonly string[],
  base = "rules",
): { byRule: Map<string, RuleProblem[]>; other: { path: string; message: string }[] } {
  const byRule = new Map<string, RuleProblem[]>();
  const other: { path: string; message: string }[] = [];
  for (const p of problems) {
    const segs = pathSegments(p.path);
    const id = segs[0] === base && segs[1] !== undefined && /^\d+$/.test(segs[1]) ? ids[Number(segs[1])] : undefined;
    if (id === undefined) {
      other.push(p);
      continue;
    }
    const list = byRule.get(id) ?? [];
    list.push({ at: segs.slice(2).join("."), message: p.message });
    byRule.set(id, list);
  }
  return { byRule, other };
}

/** The problems at `at` or under it (`conditions.0` has `conditions.0.value`). */
export function problemsUnder(list: readonly RuleProblem[] | undefined, at: string): RuleProblem[] {
  return (list ?? []).filter((p) => p.at === at || p.at.startsWith(at + "."));
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (to < 0 || to >= out.length) return out;
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}
