import { readFileSync } from "node:fs";
import { analyzeMessage, type Analysis } from "../../../../src/core/analyze.js";
import { parseHeaderBlock } from "../../../../src/core/headers/header-block.js";
import { type Condition, type Rule, type RuleInput, ruleSchema } from "../../../../src/core/rules/index.js";

export const DEMO = new URL("../../../fixtures/demo/", import.meta.url);
export const TRUSTED = "mx.example.net";

export function demo(name: string): string {
  return readFileSync(new URL(name, DEMO), "utf8");
}

export function analyzeRaw(raw: string, trust: string[] = [TRUSTED], forwarders: string[] = []): Analysis {
  return analyzeMessage(parseHeaderBlock(raw), { trustedAuthservIds: trust, trustedForwarders: forwarders });
}

export function analyzeDemo(name: string, trust: string[] = [TRUSTED], forwarders: string[] = []): Analysis {
  return analyzeRaw(demo(name), trust, forwarders);
}

/** A message from header lines (newest first). */
export function message(...headers: string[]): string {
  return [...headers, "From: Alice <alice@example.com>", "Subject: test", ""].join("\r\n") + "\r\nbody\r\n";
}

let n = 0;
/** A valid rule through the schema (defaults filled in). */
export function rule(partial: Partial<RuleInput> & Pick<RuleInput, "conditions">): Rule {
  n++;
  return ruleSchema.parse({
    id: `r${n}`,
    name: `rule ${n}`,
    actions: [{ type: "addTag", tag: `tag${n}` }],
    ...partial,
  });
}

export function cond(c: Record<string, unknown>): Condition {
  return rule({ conditions: [c as RuleInput["conditions"][number]] }).conditions[0] as Condition;
}
