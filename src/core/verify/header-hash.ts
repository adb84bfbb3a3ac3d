/**
 * What a signature's header hash covers (RFC 6376 §3.7, §5.4.2; RFC 8617 §5.1.1 for the seal):
 *
 * - DKIM-Signature and ARC-Message-Signature: the fields named in h=, in that order, each name
 *   taken from the bottom of the header up (a repeated name takes the next one up; a name listed
 *   more often than it appears adds nothing, which is how "over-signing" locks a field out), then
 *   the signature field itself with its b= value cut out, without its final CRLF.
 * - ARC-Seal: the ARC sets 1..i in instance order, each as ARC-Authentication-Results,
 *   ARC-Message-Signature, ARC-Seal, the seal being checked with its b= value cut out.
 */
import { type Canonicalization, canonicalizeField, canonicalizeFieldText } from "./canonicalize-header.js";
import type { RawField } from "./raw-header.js";
import type { Signature } from "./signature.js";

/** The field with the value of its b= tag (and the white space around it) removed. */
export function withoutSignatureValue(sig: Signature): string {
  const b = sig.tags.tags.get("b");
  const raw = sig.field.raw;
  if (b === undefined) return raw;
  const start = sig.field.valueStart;
  return raw.slice(0, start + b.eqEnd) + raw.slice(start + b.specEnd);
}

/** The fields h= selects, bottom-up per name; the signature's own field is never one of them. */
export function selectSignedFields(fields: readonly RawField[], signedHeaders: readonly string[], self: RawField): RawField[] {
  const byName = new Map<string, RawField[]>();
  for (const f of fields) {
    if (f === self) continue;
    let list = byName.get(f.lname);
    if (list === undefined) byName.set(f.lname, (list = []));
    list.push(f);
  }
  const used = new Map<string, number>();
  const out: RawField[] = [];
  for (const name of signedHeaders) {
    const list = byName.get(name);
    const n = used.get(name) ?? 0;
    used.set(name, n + 1);
    const f = list?.[list.length - 1 - n];
    if (f !== undefined) out.push(f);
  }
  return out;
}

/** The header data of a DKIM-Signature or ARC-Message-Signature, as a binary string. */
export function signedHeaderData(fields: readonly RawField[], sig: Signature): string {
  const c: Canonicalization = sig.headerCanon;
  let data = "";
  for (const f of selectSignedFields(fields, sig.signedHeaders, sig.field)) data += canonicalizeField(f, c);
  return data + canonicalizeFieldText(sig.field, withoutSignatureValue(sig), c);
}

/** One ARC set's fields, for the seal. */
export interface SealedSet {
  aar: RawField;
  ams: RawField;
  seal: RawField;
}

/**
 * The header data of an ARC-Seal: the sets up to and including its own (`sets`, oldest first). A
 * seal with cv=fail covers only its own set, "as if this newest ARC Set was the only set present"
 * (RFC 8617 §5.1.2).
 */
export function sealData(sets: readonly SealedSet[], seal: Signature): string {
  let data = "";
  const scope = seal.cv === "fail" ? sets.slice(-1) : sets;
  const last = scope.length - 1;
  scope.forEach((s, i) => {
    data += canonicalizeField(s.aar, "relaxed") + canonicalizeField(s.ams, "relaxed");
    data += i === last ? canonicalizeFieldText(seal.field, withoutSignatureValue(seal), "relaxed") : canonicalizeField(s.seal, "relaxed");
  });
  return data;
}
