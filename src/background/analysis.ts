/** A message's analysis, read with the fastest header API and cached per message for the current settings. */
import { analyzeMessage, type Analysis } from "../core/analyze.js";
import { messenger } from "./api.js";
import { headersAsText, readHeaders, toHeaderBlock, type HeaderSource } from "./read-headers.js";
import { getSettings } from "./settings-store.js";

type MessageHeader = messenger.messages.MessageHeader;

export interface MessageAnalysis {
  analysis: Analysis;
  headersText: string;
  source: HeaderSource;
}

const cache = new Map<number, MessageAnalysis>();
const CACHE_LIMIT = 500;
/** Bumped when settings change: an analysis begun under the old settings is not cached. */
let epoch = 0;

export async function analyse(message: MessageHeader, useCache = true): Promise<MessageAnalysis> {
  const hit = useCache ? cache.get(message.id) : undefined;
  if (hit) return hit;
  const started = epoch;
  const [read, { settings }] = await Promise.all([readHeaders(message.id), getSettings()]);
  const accountId = message.folder?.accountId;
  const analysis = analyzeMessage(toHeaderBlock(read), {
    trustedAuthservIds: settings.trustedAuthservIds,
    accounts: settings.accountTrust,
    trustedForwarders: settings.trustedForwarders,
    accountId,
  });
  const entry = { analysis, headersText: headersAsText(read), source: read.source };
  if (useCache && started === epoch) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
    cache.set(message.id, entry);
  }
  return entry;
}

export function clearAnalysisCache(): void {
  epoch++;
  cache.clear();
}
