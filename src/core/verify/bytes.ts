/**
 * Bytes and "binary strings" (one char per byte, U+0000–U+00FF): signed header fields are hashed
 * byte for byte, so the verifier keeps them as binary strings, never decoded. (TextDecoder's
 * "latin1" is windows-1252 and would change bytes 0x80–0x9F, so it is not used here.)
 */

const CHUNK = 0x2000;

/** Bytes to a binary string. */
export function toBinary(bytes: Uint8Array): string {
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

const utf8 = new TextDecoder("utf-8");

/** A binary string read as UTF-8 (RFC 6532 headers), for display and for the address parser. */
export function binaryToText(binary: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(binary)) return binary;
  return utf8.decode(fromBinary(binary));
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

function isFws(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

/**
 * Decode base64 as DKIM writes it (RFC 6376 §2.4: folding white space may appear anywhere and is
 * ignored). Padding is optional; any other character, or padding in the middle, gives null.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const values: number[] = [];
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isFws(c)) continue;
    if (c === 0x3d) {
      padding++;
      continue;
    }
    const v = c < 128 ? (B64_VALUE[c] ?? -1) : -1;
    if (v < 0 || padding > 0) return null;
    values.push(v);
  }
  if (padding > 2 || values.length % 4 === 1) return null;
  if (padding > 0 && (values.length + padding) % 4 !== 0) return null;
  const out = new Uint8Array(Math.floor((values.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < values.length; i += 4) {
    const a = values[i] ?? 0;
    const b = values[i + 1] ?? 0;
    const c = values[i + 2] ?? 0;
    const d = values[i + 3] ?? 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 0xff;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
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
