/**
 * A small ARC signer for tests that need what dkimpy cannot make (ARC sets signed with Ed25519,
 * several chains side by side). It builds each set as RFC 8617 §4.1 and §5.1.1 describe, with
 * Node's crypto for the signatures; the canonicalization it uses is the one checked against
 * dkimpy and the RFC examples in the other tests.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { fromBinary } from "../../../../src/core/verify/bytes.js";
import { bodyCanonicalizer } from "../../../../src/core/verify/canonicalize-body.js";
import { canonicalizeField, relaxedHeader } from "../../../../src/core/verify/canonicalize-header.js";
import { splitRawHeader } from "../../../../src/core/verify/raw-header.js";

export type Algorithm = "rsa-sha256" | "ed25519-sha256";

export interface Signer {
  algorithm: Algorithm | string;
  domain: string;
  selector: string;
  privateKey: KeyObject;
  /** The key record to publish at `<selector>._domainkey.<domain>`. */
  record: string;
}

export function makeSigner(algorithm: Algorithm, domain: string, selector: string): Signer {
  if (algorithm === "rsa-sha256") {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const p = publicKey.export({ type: "spki", format: "der" }).toString("base64");
    return { algorithm, domain, selector, privateKey, record: `v=DKIM1; k=rsa; p=${p}` };
  }
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const raw = publicKey.export({ type: "spki", format: "der" }).subarray(-32).toString("base64");
  return { algorithm, domain, selector, privateKey, record: `v=DKIM1; k=ed25519; p=${raw}` };
}

function signData(s: Signer, data: string): string {
  const bytes = fromBinary(data);
  if (s.algorithm.startsWith("ed25519")) return sign(null, createHash("sha256").update(bytes).digest(), s.privateKey).toString("base64");
  return sign("sha256", bytes, s.privateKey).toString("base64");
}

function relaxedBodyHash(body: string): string {
  const h = createHash("sha256");
  const c = bodyCanonicalizer("relaxed", { write: (b) => void h.update(b) });
  c.write(fromBinary(body));
  c.end();
  return h.digest("base64");
}

function split(message: string): { header: string; body: string } {
  const at = message.indexOf("\r\n\r\n");
  return { header: message.slice(0, at + 2), body: message.slice(at + 4) };
}

/** The fields h= selects, bottom-up, relaxed. */
function signedFields(header: string, names: string[]): string {
  const fields = splitRawHeader(header);
  const used = new Map<string, number>();
  let out = "";
  for (const n of names) {
    const list = fields.filter((f) => f.lname === n);
    const k = used.get(n) ?? 0;
    used.set(n, k + 1);
    const f = list[list.length - 1 - k];
    if (f !== undefined) out += canonicalizeField(f, "relaxed");
  }
  return out;
}

const SIGNED = ["from", "to", "subject", "date"];

export interface SetOptions {
  /** Add the ARC-Authentication-Results (false: the instance already has one, for another algorithm). */
  aar?: boolean;
  t?: number;
}

/**
 * Add one ARC set of instance `i` signed by `s` on top of `message` (CRLF text, binary string).
 * The seal covers the sets 1..i of the same algorithm (and the instances' AARs).
 */
export function addArcSet(message: string, i: number, s: Signer, options: SetOptions = {}): string {
  const { header, body } = split(message);
  const t = options.t ?? 1767225600 + i * 60;
  const aarLine = `ARC-Authentication-Results: i=${i}; ${s.domain}; arc=${i === 1 ? "none" : "pass"}\r\n`;
  const withAar = options.aar === false ? header : aarLine + header;
  const amsValue = `i=${i}; a=${s.algorithm}; c=relaxed/relaxed; d=${s.domain}; s=${s.selector}; t=${t}; h=${SIGNED.join(":")}; bh=${relaxedBodyHash(body)}; b=`;
  const amsData = signedFields(withAar, SIGNED) + relaxedHeader("arc-message-signature", amsValue);
  const ams = `ARC-Message-Signature: ${amsValue}${signData(s, amsData)}\r\n`;
  const withAms = ams + withAar;

  const sealValue = `i=${i}; a=${s.algorithm}; cv=${i === 1 ? "none" : "pass"}; d=${s.domain}; s=${s.selector}; t=${t}; b=`;
  const fields = splitRawHeader(withAms);
  const of = (name: string, j: number) =>
    fields.find((f) => f.lname === name && new RegExp(`^\\s*i=${j};`).test(f.raw.slice(f.valueStart)) && (name === "arc-authentication-results" || f.raw.includes(`a=${s.algorithm};`)));
  let sealData = "";
  for (let j = 1; j < i; j++) {
    for (const name of ["arc-authentication-results", "arc-message-signature", "arc-seal"]) {
      const f = of(name, j);
      if (f !== undefined) sealData += canonicalizeField(f, "relaxed");
    }
  }
  for (const name of ["arc-authentication-results", "arc-message-signature"]) {
    const f = of(name, i);
    if (f !== undefined) sealData += canonicalizeField(f, "relaxed");
  }
  sealData += relaxedHeader("arc-seal", sealValue);
  const seal = `ARC-Seal: ${sealValue}${signData(s, sealData)}\r\n`;
  return seal + withAms + "\r\n" + body;
}

export const HEADER =
  "From: Alice <alice@example.com>\r\nTo: list@lists.example.org\r\nSubject: Multi-algorithm ARC\r\nDate: Thu, 01 Jan 2026 00:00:00 +0000\r\n";

export const BASE_MESSAGE =
  "From: Alice <alice@example.com>\r\nTo: list@lists.example.org\r\nSubject: Multi-algorithm ARC\r\nDate: Thu, 01 Jan 2026 00:00:00 +0000\r\n\r\nHello,\r\nthis message went through forwarders.\r\n";

/** A DNS map publishing the signers' keys. */
export function publish(...signers: Signer[]): Record<string, string> {
  return Object.fromEntries(signers.map((s) => [`${s.selector}._domainkey.${s.domain}`, s.record]));
}


/** Add a DKIM-Signature (relaxed/relaxed) by `s` on top of `message`. */
export function addDkimSignature(message: string, s: Signer, t = 1767225600): string {
  const { header, body } = split(message);
  const value = `v=1; a=${s.algorithm}; c=relaxed/relaxed; d=${s.domain}; s=${s.selector}; t=${t}; h=${SIGNED.join(":")}; bh=${relaxedBodyHash(body)}; b=`;
  const data = signedFields(header, SIGNED) + relaxedHeader("dkim-signature", value);
  return `DKIM-Signature: ${value}${signData(s, data)}\r\n` + header + "\r\n" + body;
}

/** Text whose every line needs relaxed canonicalization's work: double spaces, a tab, trailing spaces, empty lines. */
export const IRREGULAR_TEXT =
  "Thanks for the update.  The numbers look right to me, and the  second table is what we discussed \r\n" +
  "on Tuesday. Could you send the final version before Friday?\tI will forward it to the team.\r\n\r\n";

const PLAIN_TEXT =
  "Thanks for the update. The numbers look right to me, and the second table\r\n" +
  "is what we discussed on Tuesday.  Could you send the final version before\r\n" +
  "Friday? I will forward it to the team, and we can close the quarter then.\r\n\r\n";

const HTML_QP =
  "<html><body><p style=3D\"margin:0\">Thanks for the update. The numbers look righ=\r\n" +
  "t to me, and the second table is what we discussed on Tuesday.</p>=0A<p>Could =\r\n" +
  "you send the final version before Friday?</p></body></html>\r\n";

const BASE64_LINE = "TWFueSBoYW5kcyBtYWtlIGxpZ2h0IHdvcmsuIE1hbnkgaGFuZHMgbWFrZSBsaWdodCB3b3JrLiBNYW55\r\n";

/**
 * A body of about `bytes` bytes as mail clients send it: a plain-text part (15 %), the same as
 * quoted-printable HTML (15 %) and a base64 attachment, CRLF line ends.
 */
export function realisticBody(bytes: number): string {
  const repeat = (unit: string, share: number) => unit.repeat(Math.max(1, Math.round((bytes * share) / unit.length)));
  return (
    "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + repeat(PLAIN_TEXT, 0.15) +
    "--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + repeat(HTML_QP, 0.15) +
    "--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + repeat(BASE64_LINE, 0.7) + "--b1--\r\n"
  );
}
