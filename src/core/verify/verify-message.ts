/**
 * AuthLens's own check of a message: every DKIM signature, the ARC chain and DMARC on that
 * evidence. The message is read once: the header block first, then the body as a stream through
 * the canonicalizers; the DNS lookups (keys and DMARC records, each name once) start as soon as
 * the header is read and run while the body is hashed, within a time budget.
 *
 * Pure: DNS, cryptography and the clock are passed in. It does not throw on any message content;
 * it rejects only when reading the source itself fails.
 */
import { parseFrom } from "../headers/address.js";
import { reason, type Reason } from "../reason.js";
import { type ArcVerification, collectArcFields, verifyArc } from "./arc.js";
import { BodyHashes } from "./body-hashes.js";
import { type CheckContext, keyName } from "./check-signature.js";
import type { Sha256, SignatureCrypto } from "./crypto.js";
import { checkDkim, type DkimCheck } from "./dkim.js";
import { dmarcNames, evaluateDmarc, type OwnDmarc } from "./dmarc.js";
import { LookupSession, type TxtResolver } from "./dns.js";
import { type MessageSource, splitMessage } from "./message-source.js";
import { fieldValue, splitRawHeader } from "./raw-header.js";
import { readSignature, type Signature } from "./signature.js";

export interface VerifyDeps {
  /** Usually a DnsCache shared by every message. */
  dns: TxtResolver;
  crypto: SignatureCrypto;
  sha256: Sha256;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** How long one message may wait for DNS in all (default 8 s). */
  budgetMs?: number;
}

export interface MessageVerification {
  dkim: DkimCheck[];
  arc: ArcVerification;
  dmarc: OwnDmarc;
  /** The DNS names looked up for this message. */
  lookups: string[];
  /** Problems with the message as a whole (a header block too large to check). */
  notes: Reason[];
}

export const DEFAULT_BUDGET_MS = 8000;

export async function verifyMessage(source: MessageSource, deps: VerifyDeps): Promise<MessageVerification> {
  const split = await splitMessage(source);
  const fields = splitRawHeader(split.header);
  const notes: Reason[] = split.headerTooLarge ? [reason("verify_headerTooLarge")] : [];

  const dkimReadings = fields.filter((f) => f.lname === "dkim-signature").map((f) => readSignature(f, "dkim"));
  const arcFields = collectArcFields(fields);
  const from = parseFrom(fields.filter((f) => f.lname === "from").map(fieldValue)).primary?.domain ?? null;

  const signatures: Signature[] = [];
  for (const r of [...dkimReadings, ...arcFields.ams.map((a) => a.reading), ...arcFields.seals.map((s) => s.reading)]) {
    if (r.signature !== null) signatures.push(r.signature);
  }

  const session = new LookupSession(deps.dns, deps.budgetMs ?? DEFAULT_BUDGET_MS);
  try {
    // Every lookup starts now, so DNS runs while the body is hashed.
    for (const sig of signatures) if (sig.hash === "sha256") void session.lookupTxt(keyName(sig));
    if (from !== null) for (const name of dmarcNames(from)) void session.lookupTxt(name);

    const bodies = new BodyHashes(signatures, deps.sha256);
    await bodies.consume(split.body);

    const ctx: CheckContext = {
      lookupTxt: (name) => session.lookupTxt(name),
      crypto: deps.crypto,
      now: Math.floor(deps.now() / 1000),
    };
    const [dkim, arc] = await Promise.all([checkDkim(dkimReadings, fields, bodies, ctx), verifyArc(fields, arcFields, bodies, ctx)]);
    const dmarc = await evaluateDmarc(from, dkim, ctx.lookupTxt);
    return { dkim, arc, dmarc, lookups: [...session.asked], notes };
  } finally {
    session.close();
  }
}
