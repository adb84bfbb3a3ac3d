/**
 * AuthLens's own check of one message (DKIM, ARC, DMARC: ../../core/verify/), run when the person
 * turned "Check signatures myself" on: the raw message is read only then, and only up to the size
 * limit. Results are kept per message while the settings stay the same; a check under way is
 * shared (the display and a rule may ask at once).
 */
import { errorText } from "../../core/error-text.js";
import { reason, type Reason } from "../../core/reason.js";
import type { Settings } from "../../core/settings/schema.js";
import { WebCryptoSignatures, nobleSha256 } from "../../core/verify/crypto.js";
import { type MessageVerification, verifyMessage } from "../../core/verify/verify-message.js";
import { messenger } from "../../shared/api.js";
import { readRawMessage } from "./raw-message.js";
import { resolverFor, serverAllowed } from "./dns.js";

type MessageHeader = messenger.messages.MessageHeader;

/** What an own check needs from the settings (there only while checking is on: ownCheckSettings). */
export interface OwnCheckSettings {
  dohServer: string;
  /** Messages larger than this (MB) are not checked. */
  checkMaxMegabytes: number;
}

export type OwnCheckResult =
  | { state: "done"; verification: MessageVerification }
  | { state: "tooLarge"; bytes: number; limit: number }
  | { state: "unavailable"; reason: Reason }
  /** Checking was turned off after the check was asked for: nothing was read. */
  | { state: "off" };

const crypto = new WebCryptoSignatures();
const results = new Map<number, Promise<OwnCheckResult>>();
const LIMIT = 300;

/** Whether checking was turned off since the add-on started (runs under way then stop reading). */
let turnedOff = false;

/**
 * Forget every result (the settings changed: another server, another limit). With the new
 * settings: when checking is now off, checks a run under way (a folder's rules) would still make
 * are not made, and no more messages are read.
 */
export function clearOwnChecks(now?: OwnCheckSettings | null): void {
  results.clear();
  if (now !== undefined) turnedOff = now === null;
}

/** The own-check settings when the person (or the policy) turned checking on; null when it is off. */
export function ownCheckSettings(s: Pick<Settings, "checkSignatures" | "dohServer" | "checkMaxMegabytes">): OwnCheckSettings | null {
  return s.checkSignatures ? { dohServer: s.dohServer, checkMaxMegabytes: s.checkMaxMegabytes } : null;
}

/** Whether the checks may reach their server (the person granted its host permission). */
export function ownChecksAllowed(s: OwnCheckSettings): Promise<boolean> {
  return serverAllowed(s.dohServer);
}

async function runNow(message: MessageHeader, s: OwnCheckSettings): Promise<OwnCheckResult> {
  if (turnedOff) return { state: "off" };
  const limit = Math.round(s.checkMaxMegabytes * 1024 * 1024);
  if (message.size > limit) return { state: "tooLarge", bytes: message.size, limit };
  try {
    const raw = await readRawMessage(message.id);
    if (raw.size > limit) return { state: "tooLarge", bytes: raw.size, limit };
    const verification = await verifyMessage(raw.chunks, { dns: resolverFor(s.dohServer), crypto, sha256: nobleSha256, now: Date.now });
    return { state: "done", verification };
  } catch (err) {
    return { state: "unavailable", reason: reason("own_readFailed", errorText(err)) };
  }
}

/** The own check of a message; `useCache` false (a bulk run) neither keeps nor reuses results. */
export function ownCheck(message: MessageHeader, s: OwnCheckSettings, useCache = true): Promise<OwnCheckResult> {
  if (!useCache) return results.get(message.id) ?? runNow(message, s);
  let hit = results.get(message.id);
  if (hit === undefined) {
    hit = runNow(message, s);
    if (results.size >= LIMIT) results.delete(results.keys().next().value as number);
    results.set(message.id, hit);
  }
  return hit;
}
