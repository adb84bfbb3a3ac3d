/**
 * Rule evaluation over one message's analysis. Pure and deterministic.
 *
 * The trust rule: only results from trusted Authentication-Results headers satisfy `methodResult`
 * and `property` conditions. Per method, the results used are those of the newest (topmost)
 * trusted header that reports the method at all, as in analyze.ts: a second trusted header below
 * it cannot add or override results of that method. A method the registry does not know may be
 * named (the rule's author asks for it explicitly); for a method the registry knows, a result
 * with an unsupported method version is not used. A forged `tls=pass` in an untrusted header
 * therefore matches nothing; only `trustedResult` with `trusted: false` looks at it, to say that
 * a method's result came from an untrusted header only.
 *
 * TLS conditions use the trusted `tls=` result; what a Received header says is a claim, used only
 * with `allowDerived: true`. The `arc` condition's status is the trusted receiver's `arc=` result
 * combined with the chain's structure: pass = the receiver verified it (arc=pass) and the chain is
 * intact; fail = the receiver reported arc=fail, or arc=pass on a chain whose structure is broken;
 * none = anything else (no ARC, or nothing trusted verified it).
 */
import type { Analysis } from "../analyze.js";
import type { MethodResult } from "../authres/types.js";
import { domainOf, toDomainAscii, toDomainUnicode } from "../domain.js";
import { dkimIdentity, spfIdentity } from "../dmarc.js";
import { lookupMethod } from "../registry.js";
import { propValue } from "../results.js";
import { soundAlignedPass, soundPass } from "../own-checks.js";
import { normaliseTlsVersion } from "../tls-received.js";
import type { Action, Condition, Rule, StringOp } from "./schema.js";

export interface ConditionOutcome {
  index: number;
  type: Condition["type"];
  /** After negation. */
  matched: boolean;
}

export interface RuleMatch {
  ruleId: string;
  ruleName: string;
  matched: boolean;
  conditions: ConditionOutcome[];
  /** The rule's actions when it matched, else empty. */
  actions: Action[];
  /** The rule matched and has stopAfter: no later rule was evaluated. */
  stopped: boolean;
}

/** What the conditions look at, computed once per message. */
export interface RuleFacts {
  /** Per method (lower case): the results of the newest trusted header reporting it. */
  trusted: ReadonlyMap<string, readonly MethodResult[]>;
  /** Methods (lower case) that appear in at least one untrusted header. */
  untrustedMethods: ReadonlySet<string>;
  analysis: Analysis;
}

export function ruleFacts(analysis: Analysis): RuleFacts {
  const trusted = new Map<string, MethodResult[]>();
  const owner = new Map<string, number>();
  const untrustedMethods = new Set<string>();
  for (const entry of analysis.authResults) {
    if (!entry.trusted || entry.authservId === null) {
      for (const r of entry.parsed.results) untrustedMethods.add(r.method.toLowerCase());
      continue;
    }
    for (const r of entry.parsed.results) {
      const method = r.method.toLowerCase();
      const o = owner.get(method);
      if (o !== undefined && o !== entry.index) continue;
      owner.set(method, entry.index);
      let list = trusted.get(method);
      if (list === undefined) trusted.set(method, (list = []));
      list.push(r);
    }
  }
  return { trusted, untrustedMethods, analysis };
}

/** The trusted results of `method` a result or property condition may use. */
function usableResults(facts: RuleFacts, method: string): readonly MethodResult[] {
  const all = facts.trusted.get(method) ?? [];
  const entry = lookupMethod(method);
  if (entry === undefined) return all;
  return all.filter((r) => r.methodVersion === null || r.methodVersion === entry.version);
}

/**
 * Whether a server's result is about `domain`: dkim header.d (or header.i), dmarc header.from, spf
 * the mail-from domain (the HELO domain for a bounce), as the DMARC analysis reads them.
 */
function serverResultDomainMatches(r: MethodResult, domain: string): boolean {
  const method = r.method.toLowerCase();
  const identity = method === "dkim" ? dkimIdentity(r) : method === "spf" ? spfIdentity(r) : method === "dmarc" ? propValue(r, "header", "from") : null;
  return identity !== null && matchesDomain(identity, domain);
}

/**
 * AuthLens's own results of a method, when its checks are on and done: each DKIM signature's
 * result (with its d=), the ARC chain's cv, and DMARC on its own evidence (with the From domain).
 *
 * A pass that the verdict would not rest on is `policy` here (RFC 8601 §2.7.1: signed, but not
 * acceptable): a signature whose l= leaves content unsigned, or whose key is in testing mode, and
 * a DMARC pass with no other aligned signature. So a rule on "pass" never matches a message with
 * unsigned text added, and a rule on "fail" does not condemn it either.
 */
function localResults(a: Analysis, method: string): { result: string; domain: string | null }[] {
  const own = a.own;
  if (!own) return [];
  if (method === "dkim") return own.dkim.map((d) => ({ result: d.result === "pass" && !soundPass(d) ? "policy" : d.result, domain: d.domain }));
  if (method === "arc") return [{ result: own.arc.cv, domain: null }];
  if (method === "dmarc") {
    const result = own.dmarc.result === "pass" && soundAlignedPass(own) === null ? "policy" : own.dmarc.result;
    return [{ result, domain: own.dmarc.fromDomain }];
  }
  return [];
}

/** Whether a rule reads AuthLens's own results (a condition with source local or either). */
export function needsOwnChecks(rules: readonly Pick<Rule, "enabled" | "conditions">[]): boolean {
  return rules.some((r) => r.enabled && r.conditions.some((c) => c.type === "methodResult" && (c.source === "local" || c.source === "either")));
}

/**
 * Whether AuthLens's own checks, when they are on, can change what a rule decides: it reads their
 * results, or the verdict (which they may make "verified, checked by AuthLens" or explain), so a
 * rule sees the verdict the pane shows.
 */
export function ownChecksMatter(rules: readonly Pick<Rule, "enabled" | "conditions">[]): boolean {
  return needsOwnChecks(rules) || rules.some((r) => r.enabled && r.conditions.some((c) => c.type === "verdict"));
}

function norm(s: string): string {
  return s.normalize("NFC").toLowerCase();
}

/** `value` is `target` or a subdomain of it (`value` may be `local@domain` or `@domain`). */
function matchesDomain(value: string, target: string): boolean {
  const d = domainOf(value);
  const t = toDomainAscii(target.replace(/^[@.]/, ""));
  if (d === null || t.length === 0) return false;
  return d === t || d.endsWith("." + t);
}

export function testString(op: StringOp, actual: string, expected: string): boolean {
  if (op === "matchesDomain") return matchesDomain(actual, expected);
  const a = norm(actual.trim());
  const e = norm(expected.trim());
  switch (op) {
    case "equals":
      return a === e;
    case "contains":
      return a.includes(e);
    case "startsWith":
      return a.startsWith(e);
    case "endsWith":
      return a.endsWith(e);
  }
}

const TLS_RANK: Record<string, number> = { "TLS1.0": 10, "TLS1.1": 11, "TLS1.2": 12, "TLS1.3": 13 };

function tlsView(a: Analysis, allowDerived: boolean | undefined): Analysis["tls"] | null {
  if (a.tls.source === "authres") return a.tls;
  if (a.tls.source === "received" && allowDerived === true) return a.tls;
  return null;
}

/** The ARC status a rule sees (see the module comment). */
export function ruleArcStatus(a: Analysis): "pass" | "fail" | "none" {
  const r = a.arc.receiver?.result;
  if (r === "pass") return a.arc.status === "pass" ? "pass" : "fail";
  if (r === "fail") return "fail";
  return "none";
}

function rawCondition(c: Condition, facts: RuleFacts): boolean {
  const a = facts.analysis;
  switch (c.type) {
    case "methodResult": {
      const wanted = new Set(c.results);
      const source = c.source ?? "server";
      const server = source === "local" ? [] : usableResults(facts, c.method).filter((r) => c.domain === undefined || serverResultDomainMatches(r, c.domain));
      if (server.some((r) => wanted.has(r.result.toLowerCase()))) return true;
      if (source === "server") return false;
      return localResults(a, c.method).some((r) => wanted.has(r.result) && (c.domain === undefined || (r.domain !== null && matchesDomain(r.domain, c.domain))));
    }
    case "property":
      return usableResults(facts, c.method).some((r) =>
        r.properties.some(
          (p) => p.ptype !== null && p.ptype.toLowerCase() === c.ptype && p.property.toLowerCase() === c.property && testString(c.op, p.value, c.value),
        ),
      );
    case "verdict":
      return c.levels.includes(a.verdict.level);
    case "arc":
      return c.status.includes(ruleArcStatus(a));
    case "tlsEncrypted":
      return (tlsView(a, c.allowDerived)?.encrypted ?? "unknown") === c.value;
    case "tlsVersionAtLeast": {
      const t = tlsView(a, c.allowDerived);
      if (t === null || t.encrypted !== "yes") return false;
      const rank = TLS_RANK[normaliseTlsVersion(t.version) ?? ""];
      const min = TLS_RANK[c.version];
      return rank !== undefined && min !== undefined && rank >= min;
    }
    case "tlsStrength": {
      const s = tlsView(a, c.allowDerived)?.strength ?? null;
      return s !== null && c.levels.includes(s);
    }
    case "dmarcSource":
      return c.sources.includes(a.dmarc.source);
    case "fromDomain": {
      const d = a.from.domain;
      if (d === null) return false;
      if (c.op === "matchesDomain") return matchesDomain(d, c.value);
      const unicode = a.from.domainUnicode ?? toDomainUnicode(d);
      return testString(c.op, d, c.value) || testString(c.op, unicode, c.value);
    }
    case "trustedResult": {
      const inTrusted = facts.trusted.has(c.method);
      return c.trusted ? inTrusted : !inTrusted && facts.untrustedMethods.has(c.method);
    }
  }
}

export function evaluateCondition(c: Condition, facts: RuleFacts): boolean {
  // A condition on AuthLens's own results alone, where AuthLens made no check (checking off, the
  // message too large or unreadable), holds neither way: "not verified by AuthLens" must not act on
  // a check that was never made (a rule moving such mail would otherwise move every message).
  if (c.type === "methodResult" && c.source === "local" && !facts.analysis.own) return false;
  const raw = rawCondition(c, facts);
  return c.negate === true ? !raw : raw;
}

/**
 * Every enabled rule in order, until one that matches has stopAfter. Disabled rules are left out.
 * All conditions of a rule are evaluated (so the outcome says which matched), also with match "any".
 */
export function evaluateRules(rules: readonly Rule[], analysis: Analysis): RuleMatch[] {
  const facts = ruleFacts(analysis);
  const out: RuleMatch[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const conditions = rule.conditions.map((c, index): ConditionOutcome => ({ index, type: c.type, matched: evaluateCondition(c, facts) }));
    const matched =
      conditions.length > 0 && (rule.match === "all" ? conditions.every((o) => o.matched) : conditions.some((o) => o.matched));
    const stopped = matched && rule.stopAfter;
    out.push({ ruleId: rule.id, ruleName: rule.name, matched, conditions, actions: matched ? [...rule.actions] : [], stopped });
    if (stopped) break;
  }
  return out;
}
