/**
 * Validation of rules from outside (settings, an admin policy, a rules file): each rule is checked
 * whole against the schema; an invalid rule is reported with the path of every problem and
 * skipped whole, never half-applied. Valid rules are kept in their order.
 */
import type * as z from "zod/mini";
import { type Rule, ruleSchema } from "./schema.js";

export interface RuleProblem {
  /** Where, e.g. `rules[2].conditions[0].op`. */
  path: string;
  message: string;
  /** The index of the rule skipped because of it; null for a problem with the list itself. */
  ruleIndex: number | null;
}

export interface ValidatedRules {
  rules: Rule[];
  problems: RuleProblem[];
}

export interface ValidateOptions {
  /** The path of the list in its document, for the messages. Default `rules`. */
  path?: string;
  /** At most this many rules are read; more is a problem. Default 500. */
  maxRules?: number;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** `base` followed by the segments, as `a.b[0]["odd key"]`. */
export function formatPath(base: string, segments: readonly PropertyKey[]): string {
  let out = base;
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else {
      const key = String(s);
      out += IDENT.test(key) ? (out.length > 0 ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

type Issue = z.core.$ZodIssue;

/**
 * Flattens union failures: of the branches of a failed union, the one with fewest issues explains
 * best what is wrong (`{path: ""}` is a path problem, not a missing `specialUse`). On a tie the
 * union's own message stands.
 */
function flatten(issue: Issue, root: unknown, prefix: readonly PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const sorted = [...issue.errors].sort((a, b) => a.length - b.length);
    const best = sorted[0];
    const second = sorted[1];
    if (best !== undefined && best.length > 0 && (second === undefined || second.length > best.length)) {
      return best.flatMap((i) => flatten(i, root, path));
    }
  }
  let message = issue.message;
  if (issue.code === "unrecognized_keys") message = `unknown key${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
  else if (issue.code === "invalid_type") {
    const found = valueAt(root, path);
    message = found.present ? `expected ${issue.expected}, found ${kindOf(found.value)}` : `missing (expected ${issue.expected})`;
  }
  return [{ path, message }];
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let v: unknown = root;
  for (const key of path) {
    if (typeof v !== "object" || v === null || typeof key === "symbol" || !Object.prototype.hasOwnProperty.call(v, key)) {
      return { present: false, value: undefined };
    }
    v = (v as Record<string | number, unknown>)[key];
  }
  return { present: v !== undefined, value: v };
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

export function validateRules(input: unknown, options: ValidateOptions = {}): ValidatedRules {
  const base = options.path ?? "rules";
  const max = options.maxRules ?? 500;
  if (!Array.isArray(input)) {
    return { rules: [], problems: [{ path: base, message: "expected a list (array) of rules", ruleIndex: null }] };
  }
  const rules: Rule[] = [];
  const problems: RuleProblem[] = [];
  const ids = new Map<string, number>();
  const list: unknown[] = input;
  list.forEach((raw, index) => {
    const at = formatPath(base, [index]);
    if (index >= max) {
      if (index === max) problems.push({ path: at, message: `more than ${max} rules: the rest are ignored`, ruleIndex: null });
      return;
    }
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        for (const f of flatten(issue, raw)) problems.push({ path: formatPath(at, f.path), message: f.message, ruleIndex: index });
      }
      return;
    }
    const first = ids.get(parsed.data.id);
    if (first !== undefined) {
      problems.push({
        path: formatPath(at, ["id"]),
        message: `duplicate id "${parsed.data.id}" (already used by ${formatPath(base, [first])}); ids must be unique`,
        ruleIndex: index,
      });
      return;
    }
    ids.set(parsed.data.id, index);
    rules.push(parsed.data);
  });
  return { rules, problems };
}

/** The add-on's id: an enterprise policy's settings for it sit under `3rdparty.Extensions.<id>`. */
export const EXTENSION_ID = "authlens@authlens.org";

export interface RulesDocument {
  /** The list to validate (not yet validated). */
  rules: unknown;
  /** Where it sits in the document, for problem paths. */
  path: string;
}

/**
 * Finds the rules in a rules file: a bare array, `{"rules": [...]}`, an `adminRules` object (as
 * storage.managed delivers it), or a whole Thunderbird policies.json with
 * `policies.3rdparty.Extensions["authlens@authlens.org"].adminRules`. A string is a message
 * saying what was expected.
 */
export function findRules(doc: unknown): RulesDocument | string {
  if (Array.isArray(doc)) return { rules: doc, path: "" };
  if (!isRecord(doc)) return 'expected a JSON array of rules, {"rules": [...]}, or a policies.json';
  if ("rules" in doc) return { rules: doc.rules, path: "rules" };
  if ("adminRules" in doc) return { rules: doc.adminRules, path: "adminRules" };
  const policies = doc.policies;
  if (isRecord(policies)) {
    const third = policies["3rdparty"];
    const ext = isRecord(third) && isRecord(third.Extensions) ? third.Extensions[EXTENSION_ID] : undefined;
    const path = formatPath("policies", ["3rdparty", "Extensions", EXTENSION_ID]);
    if (!isRecord(ext)) return `policies.json has no ${path}`;
    if (!("adminRules" in ext)) return `policies.json has no ${path}.adminRules`;
    return { rules: ext.adminRules, path: `${path}.adminRules` };
  }
  return 'expected a JSON array of rules, an object with "rules" or "adminRules", or a policies.json';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
