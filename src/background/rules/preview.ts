/**
 * The rules editor's live preview: how many of the last N messages of a folder each (unsaved) rule
 * would match. A dry run of the same engine: nothing is changed, nothing is journalled.
 */
import { evaluateRules, ownChecksMatter } from "../../core/rules/evaluate.js";
import { validateRules } from "../../core/rules/validate.js";
import { messenger } from "../../shared/api.js";
import { analysisWithOwnCheck, analyze } from "../analysis.js";
import { ownCheckSettings, ownChecksAllowed } from "../own-checks/run.js";
import { IN_FLIGHT } from "./bulk-run.js";
import { forEachBounded } from "./pool.js";
import { getSettings } from "../settings-store.js";
import type { RulesPreview } from "../../shared/data-types.js";

type MessageHeader = messenger.messages.MessageHeader;


export async function previewRules(input: unknown, folderId: string, limit = 200): Promise<RulesPreview> {
  const { rules, problems } = validateRules(input);
  const folder = await messenger.folders.get(folderId as never);
  // Keep only the newest `limit` while paging through the folder.
  const newest: MessageHeader[] = [];
  let page = await messenger.messages.list(folderId as never);
  for (;;) {
    newest.push(...page.messages);
    newest.sort((a, b) => +new Date(b.date) - +new Date(a.date));
    newest.length = Math.min(newest.length, limit);
    if (!page.id) break;
    page = await messenger.messages.continueList(page.id);
  }
  const matched: Record<string, number> = Object.fromEntries(rules.map((r) => [r.id, 0]));
  const enabledAll = rules.map((r) => ({ ...r, enabled: true, stopAfter: false }));
  // A rule on AuthLens's own results (or on the verdict) is previewed with them, when checking is
  // on (results are kept per message, so editing the rule again does not check again).
  const own = ownChecksMatter(enabledAll) ? ownCheckSettings((await getSettings()).settings) : null;
  const withOwn = own !== null && (await ownChecksAllowed(own)) ? own : null;
  // Several messages at once, as a folder run reads them (own checks wait on DNS).
  await forEachBounded(newest, IN_FLIGHT, async (m) => {
    const ma = await analyze(m, false);
    const analysis = withOwn ? (await analysisWithOwnCheck(m, ma, withOwn)).analysis : ma.analysis;
    for (const match of evaluateRules(enabledAll, analysis)) if (match.matched) matched[match.ruleId] = (matched[match.ruleId] ?? 0) + 1;
  });
  return { folderName: folder.name ?? folderId, examined: newest.length, matched, problems };
}
