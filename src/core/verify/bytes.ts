/**
 * Bytes and "binary strings" (one char per byte, U+0000–U+00FF): signed header fields are hashed
 * byte for byte, so the verifier keeps them as binary strings, never decoded. (TextDecoder's
 * "latin1" is windows-1252 and would change bytes 0x80–0x9F, so it is not used here.)
 */

const CHUNK = 0x2000;

const utf8 = new TextDecoder("utf-8");

/** Bytes to a binary string. */
export function toBinary(bytes: Uint8Array): string {
  // Mostly ASCII (headers): the native UTF-8 decoder gives the same string, much faster.
  if (bytes.length > 256) {
    const text = utf8.decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (text.length === bytes.length && !/[^\x00-\x7f]/.test(text)) return text;
  }
  let out = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}

/** A binary string (chars above U+00FF are cut to their low byte) to bytes. */
export function fromBinary(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** A binary string read as UTF-8 (RFC 6532 headers), for display and for the address parser. */
export function binaryToText(binary: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(binary)) return binary;
  return utf8.decode(fromBinary(binary));
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const FWS = /[ \t\r\n]+/g;
const HAS_FWS = /[ \t\r\n]/;

/**
 * Decode base64 as DKIM writes it (RFC 6376 §2.4: folding white space may appear anywhere and is
 * ignored). Padding is optional; any other character, padding in the middle, or non-zero bits
 * after the last byte give null. (`atob` does the decoding and rejects what is not base64: native
 * in Node and Thunderbird.)
 */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = HAS_FWS.test(text) ? text.replace(FWS, "") : text;
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 0x3d) end--;
  const padding = compact.length - end;
  const tail = end % 4;
  if (padding > 2 || (padding > 0 && (end + padding) % 4 !== 0)) return null;
  // The bits after the last whole byte must be zero (RFC 4648 §3.5): otherwise two different
  // texts would decode to the same bytes.
  const last = B64.indexOf(compact[end - 1] ?? "A");
  if ((tail === 2 && (last & 0x0f) !== 0) || (tail === 3 && (last & 0x03) !== 0)) return null;
  let binary: string;
  try {
    binary = atob(padding > 0 ? compact.slice(0, end) : compact);
  } catch {
    return null;
  }
  return fromBinary(binary);
}

/** Standard base64 with padding (for bh= comparisons and reports). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63];
    out += B64[(n >> 12) & 63];
    out += b === undefined ? "=" : B64[(n >> 6) & 63];
    out += c === undefined ? "=" : B64[n & 63];
  }
  return out;
}

/** Constant-length comparison of two byte arrays. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
