/**
 * Structured, localisable explanations. Every "why" in the analysis is a message key plus
 * positional parameters, so the add-on can render it with `messenger.i18n.getMessage(key, params)`
 * (keys use only the characters `_locales/*\/messages.json` accepts) and the CLI can render it in
 * English with {@link renderReason}.
 */

export interface Reason {
  /** A `_locales` message key, e.g. `trust_trusted`. */
  key: string;
  /** Positional parameters, `$1` ... `$n` in the English template. */
  params: string[];
}

export function reason(key: string, ...params: (string | number)[]): Reason {
  return { key, params: params.map(String) };
}

/** English templates. `$1`..`$9` are replaced by the parameters. */
export const ENGLISH_REASONS: Readonly<Record<string, string>> = {
  // trust
  trust_trusted: "trusted: authserv-id $1 matches the trusted entry $2",
  trust_noAuthservId: "ignored: the header has no authserv-id, so it cannot be attributed to a trusted server",
  trust_versionUnsupported: "ignored: authres version $1 is not supported (only version 1)",
  trust_noneConfigured: "ignored: no server is trusted yet (added by $1)",
  trust_notInList: "ignored: $1 is not a trusted server",
  trust_belowReceivingHop:
    "ignored: this header claims to be from $1 but sits below the hop from $2 into your trusted servers, so it was added before the message reached them (the receiving server should have removed it, RFC 8601 §5)",
  trust_olderDuplicate:
    "a newer trusted header also reports $1; the newest one is used for that method",
  // verdict
  verdict_noAuthResults: "the message carries no Authentication-Results header",
  verdict_unconfigured:
    "$1 Authentication-Results header(s) present but no server is trusted yet; the newest was added by $2 (trust it only if it is your own provider's receiving server)",
  verdict_unconfiguredNoId:
    "$1 Authentication-Results header(s) present but none comes from a trusted server, and none names its server",
  verdict_untrustedOnly:
    "none of the $1 Authentication-Results header(s) comes from a trusted server ($2); the newest was added by $3",
  verdict_dmarcPass: "DMARC pass for $1 reported by $2",
  verdict_dmarcBestGuess:
    "DMARC best-guess pass for $1 reported by $2 (the domain publishes no DMARC record; the receiver's implicit check passed)",
  verdict_dmarcVirtual:
    "virtual DMARC pass for $1: $2 passed and is strictly aligned; the domain publishes no DMARC policy",
  verdict_dmarcVirtualAbsent:
    "virtual DMARC pass for $1: $2 passed and is strictly aligned; no DMARC result was reported",
  verdict_arcOverride:
    "DMARC failed at $1, but it reports arc=pass, the ARC chain's structure is intact (signatures not checked here) and the first forwarder $2, which you trust, recorded an aligned pass for $3",
  verdict_arcNotTrustedForwarder:
    "the ARC chain's first hop $1 recorded a pass for $2, but $1 is not a trusted forwarder",
  verdict_lookalike: "the sender domain $1 ($2) looks like another domain",
  verdict_displayNameAddress: "the display name shows the address $1, but the message is from $2",
  verdict_dmarcFail: "DMARC fail for $1 reported by $2",
  verdict_alignedFail: "$1 $2 for $3, which is aligned with the From domain",
  verdict_noDmarc: "no trusted DMARC pass for the From domain",
  verdict_noFrom: "the message has no usable From address",
  verdict_multipleFrom: "the message has $1 From addresses; DMARC does not apply",
  verdict_trustedNoResults: "the trusted header(s) from $1 report no usable DMARC, SPF or DKIM result",
  verdict_unknownIgnored: "$1=$2 is not a registered result and was not used",
  // dmarc
  dmarc_otherDomain: "the DMARC result from $1 is for $2, not for the From domain $3",
  // arc
  arc_none: "no ARC headers",
  arc_pass:
    "ARC chain structure is intact: $1 instance(s), $2 (structure only; signatures are not verified)",
  arc_tooMany: "ARC chain has $1 instances, more than 50",
  arc_badInstance: "an ARC header has a missing or invalid instance i=$1",
  arc_missing: "ARC instance $1 has no $2 for $3",
  arc_duplicate: "ARC instance $1 has more than one $2 for $3",
  arc_firstCv: "ARC-Seal i=1 has cv=$1, not cv=none",
  arc_laterCv: "ARC-Seal i=$1 has cv=$2, not cv=pass",
  arc_newestFail: "the newest ARC-Seal (i=$1) says cv=fail: a forwarder saw the chain broken",
  arc_unsupportedAlgorithm: "none of the longest ARC chains uses a known algorithm ($1)",
  arc_orphanAar: "ARC-Authentication-Results i=$1 has no seal for any chain",
  // tls
  tls_authres: "TLS result reported by $1",
  tls_received: "derived from the Received header added by $1 (an unverified claim, not a verified result)",
  tls_none: "no TLS information",
  // lookalike
  lookalike_mixedScript: "label $1 mixes scripts ($2)",
  lookalike_confusable: "label $1 is made of characters that look like $2",
  lookalike_notNormalized: "label $1 uses compatibility characters (normalises to $2)",
  lookalike_invalidIdn: "label $1 is not a valid IDN label",
};

export function renderReason(r: Reason): string {
  const template = ENGLISH_REASONS[r.key];
  if (template === undefined) return [r.key, ...r.params].join(" ");
  return template.replace(/\$([1-9])/g, (_m, d: string) => r.params[Number(d) - 1] ?? "");
}
