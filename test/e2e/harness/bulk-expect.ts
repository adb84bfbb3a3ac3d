/** What the bulk-run rules should do to a folder, computed with the same core in Node. */
import { analyzeMessage } from "../../../src/core/analyze.js";
import { parseHeaderBlock } from "../../../src/core/headers/header-block.js";
import { evaluateRules } from "../../../src/core/rules/evaluate.js";
import { BULK_RULES } from "../bulk-rules.js";

export interface BulkExpectation {
  total: number;
  /** Per rule id: messages it matches. */
  matched: Record<string, number>;
  /** Messages a run changes (every bulk rule has an action and the folder starts untagged). */
  wouldChange: number;
}

export function expectBulk(messages: string[], trusted: string[]): BulkExpectation {
  const matched: Record<string, number> = Object.fromEntries(BULK_RULES.map((r) => [r.id, 0]));
  let wouldChange = 0;
  for (const m of messages) {
    const analysis = analyzeMessage(parseHeaderBlock(m), { trustedAuthservIds: trusted, trustedForwarders: [] });
    const hits = evaluateRules(BULK_RULES, analysis).filter((r) => r.matched);
    for (const r of hits) matched[r.ruleId] = (matched[r.ruleId] ?? 0) + 1;
    if (hits.length > 0) wouldChange++;
  }
  return { total: messages.length, matched, wouldChange };
}
