/** English renderings of conditions, actions and rules, for the CLI and logs. */
import type { Action, Condition, FolderRef, Rule, StringOp } from "./schema.js";

const OP_TEXT = {
  equals: "is",
  contains: "contains",
  startsWith: "starts with",
  endsWith: "ends with",
} as const;

function opText(op: StringOp, value: string): string {
  return op === "matchesDomain" ? `is "${value}" or a subdomain of it` : `${OP_TEXT[op]} "${value}"`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1] ?? ""}`;
}

function derived(allow: boolean | undefined): string {
  return allow === true ? " (also from Received headers, unverified)" : " (trusted tls= result only)";
}

function positive(c: Condition): string {
  switch (c.type) {
    case "methodResult":
      return `a trusted ${c.method} result is ${list(c.results)}`;
    case "property":
      return `a trusted ${c.method} result's ${c.ptype}.${c.property} ${opText(c.op, c.value)}`;
    case "verdict":
      return `the verdict is ${list(c.levels)}`;
    case "arc":
      return `the ARC status is ${list(c.status)}`;
    case "tlsEncrypted":
      return `transport encryption is ${c.value}${derived(c.allowDerived)}`;
    case "tlsVersionAtLeast":
      return `the TLS version is at least ${c.version}${derived(c.allowDerived)}`;
    case "tlsStrength":
      return `the TLS strength is ${list(c.levels)}${derived(c.allowDerived)}`;
    case "dmarcSource":
      return `the DMARC result comes from ${list(c.sources.map((s) => (s === "authres" ? "the server's report" : s === "virtual" ? "virtual DMARC" : "nowhere (none)")))}`;
    case "fromDomain":
      return `the From domain ${opText(c.op, c.value)}`;
    case "trustedResult":
      return c.trusted ? `a ${c.method} result comes from a trusted server` : `a ${c.method} result comes only from untrusted headers`;
  }
}

export function describeCondition(c: Condition): string {
  const text = positive(c);
  return c.negate === true ? `NOT (${text})` : text;
}

export function describeFolder(f: FolderRef): string {
  const where = "path" in f ? `"${f.path}"` : `the ${f.specialUse} folder`;
  return f.accountId !== undefined ? `${where} of account ${f.accountId}` : `${where} (in the message's account)`;
}

export function describeAction(a: Action): string {
  switch (a.type) {
    case "addTag": {
      const extra = [a.name !== undefined ? `"${a.name}"` : null, a.color ?? null].filter((x) => x !== null);
      return `add tag ${a.tag}${extra.length > 0 ? ` (${extra.join(", ")})` : ""}`;
    }
    case "removeTag":
      return `remove tag ${a.tag}`;
    case "moveTo":
      return `move to ${describeFolder(a.folder)}`;
    case "copyTo":
      return `copy to ${describeFolder(a.folder)}`;
    case "markRead":
      return a.read ? "mark as read" : "mark as unread";
    case "flag":
      return a.flagged ? "flag" : "remove the flag";
    case "markJunk":
      return a.junk ? "mark as junk" : "mark as not junk";
  }
}

/** Several lines: the rule's header, its conditions and its actions. */
export function describeRule(r: Rule): string {
  const head = `${r.name} (${r.id})${r.enabled ? "" : " [disabled]"}${r.stopAfter ? " [stop after]" : ""}`;
  const join = r.match === "all" ? "all of" : "any of";
  return [
    head,
    `  when ${join}:`,
    ...r.conditions.map((c) => `    - ${describeCondition(c)}`),
    "  then:",
    ...r.actions.map((a) => `    - ${describeAction(a)}`),
  ].join("\n");
}
