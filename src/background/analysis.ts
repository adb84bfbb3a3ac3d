/** A message's analysis, read with the fastest header API and cached per message for the current settings. */
import { analyzeMessage, type Analysis, type AnalysisSettings } from "../core/analyze.js";
import type { HeaderBlock } from "../core/headers/header-block.js";
import type { Settings } from "../core/settings/schema.js";
import type { MessageVerification } from "../core/verify/verify-message.js";
import { messenger } from "../shared/api.js";
import { headersAsText, readHeaders, toHeaderBlock } from "./read-headers.js";
import type { HeaderSource } from "../shared/view-types.js";
import { ownCheck, type OwnCheckResult, type OwnCheckSettings } from "./own-checks/run.js";
import { getSettings } from "./settings-store.js";

type MessageHeader = messenger.messages.MessageHeader;

export interface MessageAnalysis {
  analysis: Analysis;
  headersText: string;
  source: HeaderSource;
  /** The header block analyzed (kept to analyze again when AuthLens's own checks arrive). */
  block: HeaderBlock;
  accountId: string | undefined;
}

/** Finished and in-flight analyses: a display that follows a pre-read joins it instead of reading again. */
const cache = new Map<number, Promise<MessageAnalysis>>();
const CACHE_LIMIT = 500;
export function analyze(message: MessageHeader, useCache = true): Promise<MessageAnalysis> {
  if (!useCache) return analyzeNow(message);
  const hit = cache.get(message.id);
  if (hit) return hit;
  const pending = analyzeNow(message);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
  cache.set(message.id, pending);
  // A failed read is not kept: the next display tries again. (A settings change empties the cache,
  // so an analysis begun under the old settings is not kept either.)
  pending.catch(() => {
    if (cache.get(message.id) === pending) cache.delete(message.id);
  });
  return pending;
}

function analysisSettings(settings: Settings, accountId: string | undefined): AnalysisSettings {
  return { trustedAuthservIds: settings.trustedAuthservIds, accounts: settings.accountTrust, trustedForwarders: settings.trustedForwarders, accountId };
}

async function analyzeNow(message: MessageHeader): Promise<MessageAnalysis> {
  const [read, { settings }] = await Promise.all([readHeaders(message.id), getSettings()]);
  const accountId = message.folder?.accountId;
  const block = toHeaderBlock(read);
  const analysis = analyzeMessage(block, analysisSettings(settings, accountId));
  return { analysis, headersText: headersAsText(read), source: read.source, block, accountId };
}

/**
 * AuthLens's own check of the message, and its analysis with that check's results when it was made
 * (else the analysis as it was). `useCache` false (a bulk run) neither keeps nor reuses results.
 */
export async function analysisWithOwnCheck(message: messenger.messages.MessageHeader, ma: MessageAnalysis, s: OwnCheckSettings, useCache = true): Promise<{ analysis: Analysis; own: OwnCheckResult }> {
  const own = await ownCheck(message, s, useCache);
  return { analysis: own.state === "done" ? await withOwnChecks(ma, own.verification) : ma.analysis, own };
}

/** The same message analyzed again with AuthLens's own checks of its signatures. */
async function withOwnChecks(ma: MessageAnalysis, own: MessageVerification): Promise<Analysis> {
  const { settings } = await getSettings();
  return analyzeMessage(ma.block, analysisSettings(settings, ma.accountId), own);
}

export function clearAnalysisCache(): void {
  cache.clear();
}
