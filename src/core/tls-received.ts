/**
 * What one `Received` header claims about its hop's transport security.
 *
 * Recognised forms (all regexes are linear: no nested or adjacent overlapping quantifiers):
 * - Postfix:   `(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) ...)`
 * - Gmail:     `(version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256 bits=128/128)`, `(Google Transport Security)`
 * - Microsoft: `with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)`
 * - Exim:      `with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384`, older `with esmtps (TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256)`
 * - sendmail / Proofpoint: `(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT)`
 * - Haraka / Mailgun: `(cipher=...)`, `(version=TLS1.3, cipher=...)`
 * - RFC 3848 `with` keywords: ESMTPS, ESMTPSA, LMTPS, UTF8SMTPS, ... mean TLS; `with ESMTP`,
 *   `SMTP`, `ESMTPA`, `LMTP`, `UTF8SMTP` without any TLS comment mean clear text.
 * Everything here is a claim by whoever wrote the header: never a verified result.
 */

export type Encrypted = "yes" | "no" | "unknown";
export type Strength = "low" | "medium" | "high";

export interface ReceivedTls {
  /** The host named after `from` (HELO name), lower case; null when absent. */
  from: string | null;
  /** The host named after `by`, lower case; null when absent. */
  by: string | null;
  /** The `with` protocol keyword as written (e.g. `ESMTPS`), or null. */
  protocol: string | null;
  encrypted: Encrypted;
  /** Normalised protocol version: `SSL3.0`, `TLS1.0` ... `TLS1.3`; null when not stated. */
  version: string | null;
  cipher: string | null;
  bits: number | null;
  /** The sendmail/Proofpoint `verify=` value, as written. */
  verify: string | null;
  /** Which format the TLS details came from. */
  format: "postfix" | "gmail" | "microsoft" | "exim" | "sendmail" | "keyvalue" | "keyword" | "google-internal" | null;
  /** The hop came from the local host (localhost, 127.0.0.1, ::1). */
  local: boolean;
}

/** `TLSv1.3`, `TLS1_3`, `tlsv1.2`, `TLSv1`, `SSLv3` -> `TLS1.3`, `TLS1.2`, `TLS1.0`, `SSL3.0`. */
export function normaliseTlsVersion(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const m = /^(ssl|tls)v?\s?(\d)(?:[._](\d))?$/i.exec(v.trim());
  if (!m) return v.trim().length > 0 ? v.trim() : null;
  const proto = (m[1] ?? "").toUpperCase();
  return `${proto}${m[2] ?? ""}.${m[3] ?? "0"}`;
}

const AEAD = /GCM|CHACHA20|POLY1305|CCM/i;
const WEAK = /RC4|3DES|DES-CBC3|DES_CBC3|_DES_|-DES-|^DES|NULL|EXPORT|EXP-|EXP1024|_anon_|^ADH|^AECDH|-ADH-|MD5/i;

/**
 * Local strength estimate: SSL, TLS 1.0/1.1, RC4, 3DES/DES, NULL, EXPORT, anonymous key exchange,
 * MD5 -> low; TLS 1.2 without AEAD -> medium; TLS 1.2 with AEAD, or TLS 1.3 -> high. With only a
 * cipher: TLS 1.3 suites (`TLS_AES_*`, `TLS_CHACHA20_*`) and AEAD suites -> high, others medium.
 */
export function estimateStrength(version: string | null, cipher: string | null): Strength | null {
  const v = normaliseTlsVersion(version);
  if (v !== null && /^SSL/.test(v)) return "low";
  if (v === "TLS1.0" || v === "TLS1.1") return "low";
  if (cipher !== null && WEAK.test(cipher)) return "low";
  if (v === "TLS1.3") return "high";
  if (v === "TLS1.2") return cipher === null ? "medium" : AEAD.test(cipher) ? "high" : "medium";
  if (cipher !== null) {
    if (/^TLS_(AES|CHACHA20)_/i.test(cipher)) return "high";
    return AEAD.test(cipher) ? "high" : "medium";
  }
  return null;
}

const POSTFIX = /\busing (SSLv[23]|TLSv1(?:\.[0-3])?) with cipher ([A-Za-z0-9_-]+)(?: \((\d+)\/(\d+) bits\))?/;
const EXIM = /\bwith\s+(?:e|utf8)?smtpsa?\s+\((SSLv3|TLS[0-9A-Za-z._]*)(?::([A-Za-z0-9_-]+)(?::(\d+))?)?\)(?:\s+tls\s+([A-Za-z0-9_-]+))?/i;
const KV_VERSION = /\bversion=(SSLv[23]|TLS[A-Za-z0-9._]*)/i;
const KV_CIPHER = /\bcipher=([A-Za-z0-9_-]+)/i;
const KV_BITS = /\bbits=(\d+)/i;
const KV_VERIFY = /\bverify=([A-Za-z_]+)/i;
const FROM = /^\s*from\s+(\S+)/i;
const BY = /\bby\s+([^\s;()]+)/i;
const WITH = /\bwith\s+([A-Za-z0-9_-]+)/gi;
const GOOGLE_INTERNAL = /\(Google Transport Security\)/i;
const LOCAL_FROM = /^\s*from\s+(?:localhost\b|127\.0\.0\.1\b|\[127\.0\.0\.1\]|\[?::1\]?|\[IPv6:::1\])/i;
/** Sticky: tried only where a "[" is (see localIpBeforeBy). */
const LOCAL_IP = /\[(?:127\.0\.0\.1|::1|IPv6:::1)\]/iy;

/** RFC 3848 / RFC 6531 protocol keywords: does this one say TLS? */
export function keywordSaysTls(protocol: string): boolean | null {
  const p = protocol.toUpperCase();
  const m = /^(?:E|UTF8)?(?:SMTP|LMTP)(S?)(A?)$/.exec(p);
  if (m) return m[1] === "S";
  if (p === "HTTPS") return true;
  if (p === "HTTP") return false;
  return null;
}

function hostOf(s: string | undefined): string | null {
  if (s === undefined) return null;
  const h = (s.endsWith(".") ? s.slice(0, -1) : s).toLowerCase();
  return h.length > 0 ? h : null;
}

/**
 * Does a local-host address literal start before `end`? Tried at each "[" in turn (a header has one
 * or two): the same first match as searching the whole value, without scanning past `end`.
 */
function localIpBeforeBy(v: string, end: number): boolean {
  for (let at = v.indexOf("["); at !== -1 && at < end; at = v.indexOf("[", at + 1)) {
    LOCAL_IP.lastIndex = at;
    if (LOCAL_IP.test(v)) return true;
  }
  return false;
}

export function parseReceivedTls(value: string): ReceivedTls {
  // Received values are short in practice; cap what regexes see so a hostile header stays cheap.
  const v = value.length > 4000 ? value.slice(0, 4000) : value;
  const byMatch = BY.exec(v);
  const byIndex = byMatch ? byMatch.index : 0;
  WITH.lastIndex = byIndex;
  const withMatch = WITH.exec(v);
  const protocol = withMatch?.[1] ?? null;
  const out: ReceivedTls = {
    from: hostOf(FROM.exec(v)?.[1]),
    by: hostOf(byMatch?.[1]),
    protocol,
    encrypted: "unknown",
    version: null,
    cipher: null,
    bits: null,
    verify: null,
    format: null,
    local: LOCAL_FROM.test(v) || localIpBeforeBy(v, byMatch ? byIndex : v.length),
  };

  // Cheap substring checks first: most Received headers carry none of these forms.
  const pf = v.includes("using ") ? POSTFIX.exec(v) : null;
  if (pf) {
    out.format = "postfix";
    out.version = normaliseTlsVersion(pf[1]);
    out.cipher = pf[2] ?? null;
    out.bits = pf[3] !== undefined ? Number(pf[3]) : null;
    out.encrypted = "yes";
    return out;
  }
  const ex = v.includes("smtps") || v.includes("SMTPS") ? EXIM.exec(v) : null;
  if (ex) {
    out.format = "exim";
    out.version = normaliseTlsVersion(ex[1]);
    out.cipher = ex[4] ?? ex[2] ?? null;
    out.bits = ex[3] !== undefined ? Number(ex[3]) : null;
    out.encrypted = "yes";
    return out;
  }
  // The key=value forms need an "="; searching for that single character first is much cheaper
  // than four substring searches ("ersion=" in particular, "e" being everywhere).
  const hasEq = v.includes("=");
  const kvVersion = hasEq && (v.includes("ersion=") || v.includes("ERSION=")) ? KV_VERSION.exec(v) : null;
  const kvCipher = hasEq && (v.includes("ipher=") || v.includes("IPHER=")) ? KV_CIPHER.exec(v) : null;
  if (kvVersion || kvCipher) {
    out.version = normaliseTlsVersion(kvVersion?.[1]);
    out.cipher = kvCipher?.[1] ?? null;
    const bits = KV_BITS.exec(v);
    out.bits = bits ? Number(bits[1]) : null;
    const verify = KV_VERIFY.exec(v);
    out.verify = verify?.[1] ?? null;
    out.encrypted = "yes";
    if (/Microsoft SMTP Server/i.test(v)) out.format = "microsoft";
    else if (out.verify !== null) out.format = "sendmail";
    else if (bits && kvVersion && /^TLS1_/i.test(kvVersion[1] ?? "")) out.format = "gmail";
    else if (bits) out.format = "gmail";
    else out.format = "keyvalue";
    return out;
  }
  if (v.includes("Transport Security") && GOOGLE_INTERNAL.test(v)) {
    out.format = "google-internal";
    out.encrypted = "yes";
    return out;
  }
  if (protocol !== null) {
    const says = keywordSaysTls(protocol);
    if (says !== null) {
      out.format = "keyword";
      out.encrypted = says ? "yes" : "no";
    } else if (/^Microsoft$/i.test(protocol) && /with\s+Microsoft SMTP Server\b/i.test(v)) {
      // Exchange writes the version/cipher comment whenever the hop used TLS.
      out.format = "microsoft";
      out.encrypted = "no";
    }
  }
  return out;
}
