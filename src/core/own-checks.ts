/**
 * AuthLens's own checks (./verify/) beside what the trusted servers reported: what the verdict may
 * rest on, and where the two disagree.
 *
 * - With no trusted server (or no Authentication-Results at all), AuthLens's own evidence may make
 *   a message verified, "checked by AuthLens": a DKIM signature it verified, covering the whole
 *   body, aligned with From, and the domain's DMARC record (or virtual DMARC, labelled as such).
 *   Never on a failed or timed-out DNS answer (no pass then), rsa-sha1 (never a pass), a key in
 *   testing mode, or a signature whose l= leaves content unsigned.
 * - With trusted servers, their results decide as before; AuthLens's findings are added as notes:
 *   its own DKIM passes (named as its own, with whether the key's DNS answer was DNSSEC-signed),
 *   and every disagreement with a server's dkim= result, explained rather than hidden.
 */
import type { DmarcAnalysis } from "./dmarc.js";
import { toDomainAscii } from "./domain.js";
import { reason, type Reason } from "./reason.js";
import type { DkimCheck } from "./verify/dkim.js";
import type { MessageVerification } from "./verify/verify-message.js";

/** A DKIM check a verdict may rest on: a pass over the whole body, from a key not in testing mode. */
export function soundPass(d: DkimCheck): boolean {
  return d.result === "pass" && !d.testing && (d.unsignedBytes === null || d.unsignedBytes === 0);
}

/** The signature AuthLens's own DMARC pass rests on, when it is sound. */
export function soundAlignedPass(own: MessageVerification): DkimCheck | null {
  const d = own.dmarc;
  if (d.result !== "pass" || d.alignedDkim === null) return null;
  const aligned = own.dkim.filter((c) => c.domain === d.alignedDkim && soundPass(c));
  return aligned[0] ?? null;
}

/**
 * The reasons for a verdict resting on AuthLens's own checks, or null when they do not verify the
 * message. `fromDomain` is the From domain as the pane names it.
 */
export function ownVerifiedReasons(own: MessageVerification, fromDomain: string): { reasons: Reason[]; virtual: boolean } | null {
  const sig = soundAlignedPass(own);
  if (sig === null) return null;
  const dnssec = sig.dnssec === true ? "verdict_ownDnssecYes" : "verdict_ownDnssecNo";
  if (own.dmarc.source === "virtual") {
    return { reasons: [reason("verdict_ownVirtualPass", fromDomain, sig.domain), reason(dnssec)], virtual: true };
  }
  return { reasons: [reason("verdict_ownDmarcPass", fromDomain, sig.domain, own.dmarc.policy ?? "none"), reason(dnssec)], virtual: false };
}

/** Why AuthLens's own checks do not verify the message (when it has none trusted to go by). */
export function ownNotVerifiedReason(own: MessageVerification): Reason {
  if (own.dkim.length === 0) return reason("verdict_ownNoSignature");
  const passes = own.dkim.filter((d) => d.result === "pass");
  if (passes.some((d) => d.unsignedBytes !== null && d.unsignedBytes > 0) && !passes.some(soundPass)) return reason("verdict_ownPartialBody");
  if (passes.some((d) => d.testing) && !passes.some(soundPass)) return reason("verdict_ownTesting");
  if (own.dkim.some((d) => d.result === "temperror") || own.dmarc.result === "temperror") return reason("verdict_ownDnsFailed");
  if (passes.length === 0) return reason("verdict_ownNoPass");
  return reason("verdict_ownNotAligned");
}

/**
 * Notes on AuthLens's own DKIM findings beside the trusted servers' results: its passes, named as
 * its own, and every domain where a server's dkim= result and AuthLens's check disagree.
 */
export function ownDkimNotes(own: MessageVerification, server: DmarcAnalysis): Reason[] {
  const notes: Reason[] = [];
  const byDomain = new Map<string, DkimCheck[]>();
  for (const d of own.dkim) {
    const key = toDomainAscii(d.domain);
    byDomain.set(key, [...(byDomain.get(key) ?? []), d]);
  }
  for (const [domain, checks] of byDomain) {
    const sound = checks.find(soundPass);
    if (sound) notes.push(reason(sound.dnssec === true ? "verdict_ownDkimPassDnssec" : "verdict_ownDkimPass", sound.domain));
    const reported = server.dkim.filter((c) => c.domain === domain);
    const serverPass = reported.some((c) => c.result === "pass");
    const ownPass = checks.some((c) => c.result === "pass");
    const ownDefinite = checks.every((c) => c.result !== "temperror");
    if (serverPass && !ownPass && ownDefinite) {
      const worst = checks[0];
      notes.push(reason("verdict_ownDisagreesServerPass", domain, reported[0]?.authservId ?? "", worst?.result ?? "fail"));
    } else if (!serverPass && reported.length > 0 && checks.some(soundPass)) {
      notes.push(reason("verdict_ownDisagreesServerFail", domain, reported[0]?.authservId ?? "", reported[0]?.result ?? ""));
    }
  }
  return notes;
}
