/**
 * Body canonicalization, RFC 6376 §3.4.3 (simple) and §3.4.4 (relaxed), as a stream: bytes go in
 * chunk by chunk and the canonical form comes out to a sink as it is known, so a large message is
 * never held twice. A line ends at LF; a CR just before it belongs to the line end (a file with
 * bare LF line ends is read as the CRLF message it stands for); any other CR is an ordinary byte.
 * White space is SP and HTAB only: U+00A0 and other non-ASCII spaces are ordinary bytes.
 *
 * - simple: the body as is, but empty lines at the end are dropped, and an empty body, or one
 *   without a final CRLF, gets a CRLF (so an empty body is CRLF).
 * - relaxed: WSP at line ends dropped, other runs of WSP turned into one SP, empty lines at the
 *   end dropped, a CRLF added when a non-empty body lacks it (so an empty body stays empty).
 *
 * Empty lines are counted, not written, until a line with content follows them: only then are
 * they known not to be at the end.
 */
import type { Canonicalization } from "./canonicalize-header.js";

/** Where canonical bytes go. It must use them before returning: the canonicalizer reuses its buffer. */
export interface ByteSink {
  write(bytes: Uint8Array): void;
}

export interface BodyCanonicalizer {
  write(chunk: Uint8Array): void;
  end(): void;
}

const CR = 0x0d;
const LF = 0x0a;
const SP = 0x20;
const HTAB = 0x09;
const OUT_SIZE = 1 << 13;

/**
 * Collects output bytes in a buffer and passes runs of the input through untouched where the
 * canonical form equals the input (the common case), so most bytes are neither copied nor
 * inspected twice.
 */
abstract class BufferedCanonicalizer implements BodyCanonicalizer {
  protected readonly out = new Uint8Array(OUT_SIZE);
  protected outLen = 0;
  /** Empty lines seen and not yet written. */
  protected emptyLines = 0;
  /** The current line has content that was written (so its line end must be written too). */
  protected lineHasContent = false;
  /** A CR that may be the start of a line end. */
  protected pendingCr = false;

  constructor(protected readonly sink: ByteSink) {}

  abstract write(chunk: Uint8Array): void;
  abstract end(): void;

  protected flushOut(): void {
    if (this.outLen > 0) {
      // Sinks consume synchronously (hashers), so the buffer is reused.
      this.sink.write(this.out.subarray(0, this.outLen));
      this.outLen = 0;
    }
  }

  protected put(byte: number): void {
    if (this.outLen === OUT_SIZE) this.flushOut();
    this.out[this.outLen++] = byte;
  }

  /** Input bytes that are output as they are. */
  protected putRun(chunk: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (n <= 0) return;
    if (n >= 512) {
      this.flushOut();
      this.sink.write(chunk.subarray(start, end));
      return;
    }
    if (this.outLen + n > OUT_SIZE) this.flushOut();
    if (n < 32) {
      // Short runs (between the spaces of a text): a loop costs less than a subarray view.
      const out = this.out;
      let o = this.outLen;
      for (let i = start; i < end; i++) out[o++] = chunk[i] as number;
      this.outLen = o;
      return;
    }
    this.out.set(chunk.subarray(start, end), this.outLen);
    this.outLen += n;
  }

  protected putEmptyLines(): void {
    for (; this.emptyLines > 0; this.emptyLines--) {
      this.put(CR);
      this.put(LF);
    }
  }

  protected lineEnd(): void {
    if (this.lineHasContent) {
      this.put(CR);
      this.put(LF);
    } else {
      this.emptyLines++;
    }
    this.lineHasContent = false;
    this.pendingCr = false;
  }
}

class SimpleBody extends BufferedCanonicalizer {
  #wroteAny = false;

  write(chunk: Uint8Array): void {
    const len = chunk.length;
    const { words, first } = wordsOf(chunk);
    let i = 0;
    while (i < len) {
      const b = chunk[i] as number;
      if (b === LF) {
        this.lineEnd();
        i++;
        continue;
      }
      if (this.pendingCr) this.content(CR); // a CR not followed by LF is an ordinary byte
      if (b === CR) {
        this.pendingCr = true;
        i++;
        continue;
      }
      const j = simpleRunEnd(chunk, words, first, i + 1);
      this.startContent();
      this.putRun(chunk, i, j);
      i = j;
    }
  }

  private startContent(): void {
    if (this.emptyLines > 0) this.putEmptyLines();
    this.lineHasContent = true;
    this.#wroteAny = true;
  }

  private content(byte: number): void {
    this.pendingCr = false;
    this.startContent();
    this.put(byte);
  }

  end(): void {
    if (this.pendingCr) this.content(CR);
    if (this.lineHasContent || !this.#wroteAny) {
      this.put(CR);
      this.put(LF);
    }
    this.flushOut();
  }
}

class RelaxedBody extends BufferedCanonicalizer {
  /** A run of WSP seen and not yet written (one SP if content follows on the same line). */
  protected pendingWsp = false;

  write(chunk: Uint8Array): void {
    const len = chunk.length;
    const { words, first } = wordsOf(chunk);
    let i = 0;
    while (i < len) {
      const b = chunk[i] as number;
      if (b === LF) {
        this.pendingWsp = false; // WSP at the end of a line is dropped
        this.lineEnd();
        i++;
        continue;
      }
      if (this.pendingCr) this.content(CR);
      if (b === CR) {
        this.pendingCr = true;
        i++;
        continue;
      }
      if (b === SP || b === HTAB) {
        // The whole run of white space at once.
        this.pendingWsp = true;
        i++;
        while (i < len && (chunk[i] === SP || chunk[i] === HTAB)) i++;
        continue;
      }
      // Content: a run of bytes that canonicalize to themselves, up to the next byte that needs a
      // decision.
      this.startContent();
      const j = relaxedRunEnd(chunk, words, first, i + 1);
      this.putRun(chunk, i, j);
      i = j;
    }
  }

  private startContent(): void {
    if (this.emptyLines > 0) this.putEmptyLines();
    if (this.pendingWsp) {
      this.put(SP);
      this.pendingWsp = false;
    }
    this.lineHasContent = true;
  }

  private content(byte: number): void {
    this.pendingCr = false;
    this.startContent();
    this.put(byte);
  }

  end(): void {
    if (this.pendingCr) this.content(CR);
    if (this.lineHasContent) {
      this.put(CR);
      this.put(LF);
    }
    this.flushOut();
  }
}

/**
 * A chunk as 32-bit words (from its first 4-byte-aligned byte), so runs of ordinary bytes are
 * scanned four at a time: `(w - 0x0n0n0n0n) & ~w & 0x80808080` is non-zero exactly when some byte
 * of w is below n (bytes from 0x80 up never count).
 */
function wordsOf(chunk: Uint8Array): { words: Int32Array; first: number } {
  const first = (4 - (chunk.byteOffset & 3)) & 3;
  const n = chunk.length > first ? (chunk.length - first) >> 2 : 0;
  return { words: n > 0 ? new Int32Array(chunk.buffer, chunk.byteOffset + first, n) : NO_WORDS, first };
}

const NO_WORDS = new Int32Array(0);

/** Skip whole words with no byte below 0x0E (no CR, no LF) from j, if j is word-aligned. */
function skipWordsWithoutLineEnds(words: Int32Array, first: number, j: number): number {
  if (j < first || ((j - first) & 3) !== 0) return j;
  let k = (j - first) >> 2;
  const n = words.length;
  while (k < n) {
    const w = words[k] as number;
    if (((w - 0x0e0e0e0e) & ~w & 0x80808080) !== 0) break;
    k++;
  }
  return first + (k << 2);
}

/**
 * Skip whole words that relaxed canonicalization leaves as they are, from j if j is word-aligned:
 * no control byte (TAB, CR, LF), no two SPs in a row. A word ending in SP is only taken with the
 * next word, whose first byte must not be SP: when the scan stops after such a word, it backs up
 * to that SP for the byte-wise path to decide.
 */
function skipRelaxedWords(words: Int32Array, first: number, j: number): number {
  if (j < first || ((j - first) & 3) !== 0) return j;
  let k = (j - first) >> 2;
  const n = words.length;
  let endsInSpace = false;
  while (k < n) {
    const w = words[k] as number;
    if (((w - 0x21212121) & ~w & 0x80808080) === 0) {
      // No byte up to SP: the common case (base64, words).
      endsInSpace = false;
      k++;
      continue;
    }
    if (((w - 0x20202020) & ~w & 0x80808080) !== 0) break; // a byte below SP
    const x = w ^ 0x20202020;
    const spaces = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f); // 0x80 in each SP byte
    if ((spaces & (spaces >>> 8)) !== 0) break; // SP SP inside the word
    if (endsInSpace && (spaces & 0x80) !== 0) break; // SP SP across the words
    endsInSpace = spaces < 0;
    k++;
  }
  const at = first + (k << 2);
  return endsInSpace ? at - 1 : at;
}

/**
 * Where a run of content that relaxed canonicalization leaves as it is ends: bytes above SP,
 * other control characters, a single SP followed by such a byte, and a CRLF followed by the next
 * line's content (so a whole base64 attachment is one run).
 */
function relaxedRunEnd(chunk: Uint8Array, words: Int32Array, first: number, from: number): number {
  const len = chunk.length;
  let j = from;
  while (j < len) {
    if (((j - first) & 3) === 0 && j >= first) {
      j = skipRelaxedWords(words, first, j);
      if (j >= len) return len;
    }
    const c = chunk[j] as number;
    if (c > SP) {
      j++;
    } else if (c === SP) {
      if (j + 1 < len && (chunk[j + 1] as number) > SP) j += 2;
      else return j;
    } else if (c === CR) {
      if (j + 2 < len && chunk[j + 1] === LF && (chunk[j + 2] as number) > SP) j += 3;
      else return j;
    } else if (c === HTAB || c === LF) {
      return j;
    } else {
      j++;
    }
  }
  return len;
}

/** Where a run of content that simple canonicalization leaves as it is ends (CRLF into a non-empty line included). */
function simpleRunEnd(chunk: Uint8Array, words: Int32Array, first: number, from: number): number {
  const len = chunk.length;
  let j = from;
  while (j < len) {
    j = skipWordsWithoutLineEnds(words, first, j);
    if (j >= len) return len;
    const c = chunk[j] as number;
    if (c === CR) {
      const n = j + 2 < len && chunk[j + 1] === LF ? (chunk[j + 2] as number) : LF;
      if (n !== CR && n !== LF) j += 3;
      else return j;
    } else if (c === LF) {
      return j;
    } else {
      j++;
    }
  }
  return len;
}

export function bodyCanonicalizer(c: Canonicalization, sink: ByteSink): BodyCanonicalizer {
  return c === "simple" ? new SimpleBody(sink) : new RelaxedBody(sink);
}

/**
 * Hashes the first `limit` bytes of what is written (all of them when `limit` is null) and counts
 * every byte, so the verifier can say how much of the body an `l=` leaves unsigned.
 */
export class LimitedSink implements ByteSink {
  total = 0;
  constructor(
    private readonly update: (bytes: Uint8Array) => void,
    private readonly limit: number | null,
  ) {}
  write(bytes: Uint8Array): void {
    if (this.limit === null) this.update(bytes);
    else if (this.total < this.limit) {
      const take = Math.min(bytes.length, this.limit - this.total);
      this.update(take === bytes.length ? bytes : bytes.subarray(0, take));
    }
    this.total += bytes.length;
  }
}

/** Several sinks fed from one canonicalizer (signatures that differ only in l= or algorithm). */
export class FanOut implements ByteSink {
  constructor(private readonly sinks: ByteSink[]) {}
  write(bytes: Uint8Array): void {
    for (const s of this.sinks) s.write(bytes);
  }
}
