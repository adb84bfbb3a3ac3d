/**
 * Reads an administrator's policy from untrusted input (storage.managed, a policies.json being
 * checked): every valid part is kept, every problem is reported with its path, nothing throws.
 *
 * - An unknown key is reported and ignored.
 * - In the server lists and `locked`, an invalid entry is reported and skipped; the others apply.
 * - An invalid `accountTrust` entry or admin rule is reported and skipped whole (never half-applied).
 * - A key of the wrong type is reported and ignored (the add-on's default or the user's value stays).
 * - Values the Windows registry delivers as JSON text (a REG_SZ holding `[...]` or `{...}`) are
 *   decoded; booleans may be 0/1 or "true"/"false"/"0"/"1", also inside admin rules (macOS plists).
 */
import type * as z from "zod/mini";
import { formatPath, validateRules, EXTENSION_ID } from "../rules/validate.js";
import { RULE_BOOLEAN_KEYS } from "../rules/schema.js";
import { bannerModeSchema, checkMaxMegabytesSchema, dohServerSchema } from "../settings/schema.js";
import {
  accountTrustEntrySchema,
  coerceBoolean,
  forwarderEntrySchema,
  LOCKABLE_KEYS,
  policyBoolean,
  policyNumber,
  POLICY_KEYS,
  serverEntrySchema,
  type AccountTrustEntry,
  type LockableKey,
  type Policy,
  type PolicyKey,
} from "./schema.js";

export interface PolicyProblem {
  /** Where in the policy, e.g. `accountTrust[0].match.emailDomain` (`""` for the policy itself). */
  path: string;
  message: string;
}

export interface ReadPolicy {
  policy: Policy;
  problems: PolicyProblem[];
}

type Issue = z.core.$ZodIssue;

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (typeof v !== "object" || v === null || typeof key === "symbol") return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

function issueMessage(issue: Issue, root: unknown): string {
  if (issue.code === "unrecognized_keys") return `unknown key${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_type") {
    const found = valueAt(root, issue.path);
    return found === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, found ${kindOf(found)}`;
  }
  return issue.message;
}

function issuesToProblems(issues: readonly Issue[], root: unknown, base: string): PolicyProblem[] {
  return issues.map((issue) => ({ path: formatPath(base, issue.path), message: issueMessage(issue, root) }));
}

/** The registry form: a REG_SZ holding JSON text for a list or an object. */
function decodeJsonText(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (!(t.startsWith("[") || t.startsWith("{"))) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}

/** Booleans written as 0/1 or strings inside admin rules become booleans (macOS plists, registry). */
function coerceRuleBooleans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(coerceRuleBooleans);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = RULE_BOOLEAN_KEYS.has(k) ? coerceBoolean(v) : coerceRuleBooleans(v);
  return out;
}

function readList<T>(key: string, value: unknown, entry: z.ZodMiniType<T>, problems: PolicyProblem[]): T[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({ path: key, message: `expected a list (array), found ${kindOf(value)}` });
    return undefined;
  }
  const out: T[] = [];
  (value as unknown[]).forEach((item, i) => {
    const parsed = entry.safeParse(item);
    if (parsed.success) {
      if (!out.includes(parsed.data)) out.push(parsed.data);
    } else problems.push(...issuesToProblems(parsed.error.issues, item, formatPath(key, [i])));
  });
  return out;
}

function readAccountTrust(value: unknown, problems: PolicyProblem[]): AccountTrustEntry[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({
      path: "accountTrust",
      message: `expected a list (array) of {"match": {...}, "trustedAuthservIds": [...]}, found ${kindOf(value)}`,
    });
    return undefined;
  }
  const out: AccountTrustEntry[] = [];
  (value as unknown[]).forEach((item, i) => {
    const parsed = accountTrustEntrySchema.safeParse(decodeJsonText(item));
    if (parsed.success) out.push(parsed.data);
    else problems.push(...issuesToProblems(parsed.error.issues, item, formatPath("accountTrust", [i])));
  });
  return out;
}

function readLocked(value: unknown, problems: PolicyProblem[]): "all" | LockableKey[] | undefined {
  if (value === "all") return "all";
  if (!Array.isArray(value)) {
    problems.push({ path: "locked", message: `expected "all" or a list of setting keys (${LOCKABLE_KEYS.join(", ")}), found ${kindOf(value)}` });
    return undefined;
  }
  const out: LockableKey[] = [];
  (value as unknown[]).forEach((item, i) => {
    if (typeof item === "string" && (LOCKABLE_KEYS as readonly string[]).includes(item)) {
      if (!out.includes(item as LockableKey)) out.push(item as LockableKey);
    } else if (item === "rules") {
      problems.push({ path: formatPath("locked", [i]), message: '"rules" cannot be locked: set "allowUserRules": false to turn off users\' own rules' });
    } else {
      problems.push({ path: formatPath("locked", [i]), message: `unknown setting ${JSON.stringify(item)}: use one of ${LOCKABLE_KEYS.join(", ")}` });
    }
  });
  return out;
}

/** Reads a policy (what storage.managed holds for AuthLens). Never throws. */
export function readPolicy(input: unknown): ReadPolicy {
  const problems: PolicyProblem[] = [];
  if (input === undefined || input === null) return { policy: {}, problems };
  if (typeof input !== "object" || Array.isArray(input)) {
    return { policy: {}, problems: [{ path: "", message: `the policy must be a JSON object, found ${kindOf(input)}` }] };
  }
  const source = input as Record<string, unknown>;
  const policy: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(source)) {
    if (!(POLICY_KEYS as string[]).includes(key)) {
      problems.push({ path: formatPath("", [key]), message: `unknown key: use one of ${POLICY_KEYS.join(", ")}` });
      continue;
    }
    const value = decodeJsonText(raw);
    let read: unknown;
    switch (key as PolicyKey) {
      case "trustedAuthservIds":
        read = readList(key, value, serverEntrySchema, problems);
        break;
      case "trustedForwarders":
        read = readList(key, value, forwarderEntrySchema, problems);
        break;
      case "accountTrust":
        read = readAccountTrust(value, problems);
        break;
      case "adminRules": {
        const rules = validateRules(coerceRuleBooleans(value), { path: "adminRules" });
        problems.push(...rules.problems.map((p) => ({ path: p.path, message: p.message })));
        read = Array.isArray(value) ? rules.rules : undefined;
        break;
      }
      case "locked":
        read = readLocked(value, problems);
        break;
      case "allowUserRules":
      case "showBadge":
      case "newMailSpecialFolders":
      case "checkSignatures": {
        const parsed = policyBoolean.safeParse(value);
        if (parsed.success) read = parsed.data;
        else problems.push({ path: key, message: `${parsed.error.issues[0]?.message ?? "expected a boolean"}, found ${JSON.stringify(value)}` });
        break;
      }
      case "dohServer": {
        const parsed = dohServerSchema.safeParse(value);
        if (parsed.success) read = parsed.data;
        else problems.push({ path: key, message: `${parsed.error.issues[0]?.message ?? "expected an https:// URL"}, found ${JSON.stringify(value)}` });
        break;
      }
      case "checkMaxMegabytes": {
        const parsed = policyNumber.safeParse(value);
        const checked = parsed.success ? checkMaxMegabytesSchema.safeParse(parsed.data) : null;
        if (checked?.success) read = checked.data;
        else problems.push({ path: key, message: `expected a whole number of megabytes from 1 to 500, found ${JSON.stringify(value)}` });
        break;
      }
      case "bannerMode": {
        const parsed = bannerModeSchema.safeParse(typeof value === "string" ? value.trim() : value);
        if (parsed.success) read = parsed.data;
        else problems.push({ path: key, message: `expected one of ${bannerModeSchema.options.join(", ")}, found ${JSON.stringify(value)}` });
        break;
      }
    }
    if (read !== undefined) policy[key] = read;
  }
  return { policy: policy as Policy, problems };
}

export interface PolicyDocument {
  /** The AuthLens entry (not yet validated). */
  entry: unknown;
  /** Where it sits in the document (`""` for a bare policy object). */
  path: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Finds the AuthLens entry in a whole Thunderbird policies.json
 * (`policies.3rdparty.Extensions["authlens@authlens.org"]`), or takes `doc` as a bare policy object.
 * A string is a message saying what is missing.
 */
export function findPolicy(doc: unknown): PolicyDocument | string {
  if (!isRecord(doc)) return `expected a JSON object: a policies.json or an AuthLens policy, found ${kindOf(doc)}`;
  if (!("policies" in doc)) return { entry: doc, path: "" };
  const policies = doc.policies;
  if (!isRecord(policies)) return `"policies" must be an object, found ${kindOf(policies)}`;
  const third = policies["3rdparty"];
  if (!isRecord(third)) return 'policies.json has no policies["3rdparty"] object';
  const extensions = third.Extensions;
  if (!isRecord(extensions)) return 'policies.json has no policies["3rdparty"].Extensions object';
  const path = formatPath("policies", ["3rdparty", "Extensions", EXTENSION_ID]);
  if (!(EXTENSION_ID in extensions)) {
    const others = Object.keys(extensions);
    return `policies.json has no ${path}${others.length > 0 ? ` (found entries for: ${others.join(", ")})` : ""}`;
  }
  return { entry: extensions[EXTENSION_ID], path };
}

/** `problem` with its path placed under `base` (where the policy sits in its document). */
export function underPath(base: string, problem: PolicyProblem): PolicyProblem {
  if (base === "") return problem;
  if (problem.path === "") return { ...problem, path: base };
  return { ...problem, path: problem.path.startsWith("[") ? base + problem.path : `${base}.${problem.path}` };
}
