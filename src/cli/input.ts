/**
 * What the commands that read messages (inspect, verify, rules test) share: file errors in plain
 * words, the test for "is this an e-mail message", the split of an mbox file, and the short label
 * of an mbox message.
 *
 * An e-mail message (RFC 5322) starts with its header. A file or mbox message is refused as "not
 * an e-mail message" when
 *   - it is empty (nothing but white space),
 *   - its first line is not a header field: a name of ASCII letters, digits, "-", "_" or "."
 *     (starting with a letter or digit), optional white space, then ":" (as in "Received:" or
 *     "From:"); an mbox "From " line before it is allowed,
 *   - or its header (up to the first empty line, at most the first 64 KiB) holds a NUL byte:
 *     binary data, not text.
 * A picture, a PDF, an archive or a JSON file is refused; a header-only message is not.
 */
import { decodeWords } from "postal-mime";
import { sanitizeForTerminal } from "../core/authres/format.js";
import { errorText } from "../core/error-text.js";
import { fieldsNamed, parseHeaderBlock } from "../core/headers/header-block.js";
import { parseFrom } from "../core/headers/address.js";
import { looksLikeMbox, splitMbox } from "../core/mbox.js";
import { fromBinary, toBinary } from "../core/verify/bytes.js";
import { CliError, type Io } from "./io.js";

/** How much of a message's start is read to decide whether it is one. */
export const HEADER_SCAN_LIMIT = 64 * 1024;

/** A path or label as it may be printed (control and bidi characters escaped). */
export function shown(text: string): string {
  return sanitizeForTerminal(text);
}

/** An error from reading `path`, in plain words: "no such file: X", "X is a folder", "permission denied: X". */
export function fileError(path: string, err: unknown): CliError {
  const code = (err as { code?: unknown } | null)?.code;
  const p = shown(path);
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new CliError(`no such file: ${p}`);
    case "EISDIR":
      return new CliError(`${p} is a folder`);
    case "EACCES":
    case "EPERM":
      return new CliError(`permission denied: ${p}`);
    default: {
      // Node's wording is "CODE: text, syscall 'path'": keep the text only.
      const text = errorText(err).replace(/^[A-Z0-9_]+: /, "").replace(/, \w+ '.*'$/, "");
      return new CliError(`cannot read ${p}: ${text}`);
    }
  }
}

/** A whole file, or a CliError in plain words. */
export function readInputFile(io: Io, path: string): Uint8Array {
  try {
    return io.readFile(path);
  } catch (err) {
    throw fileError(path, err);
  }
}

/** A file as UTF-8 text (a rules file, a policy, a DNS map), with the same plain errors. */
export function readInputText(io: Io, path: string): string {
  return new TextDecoder("utf-8").decode(readInputFile(io, path));
}

const FIELD_NAME_START = /^[A-Za-z0-9]$/;
const FIELD_NAME_CHAR = /^[A-Za-z0-9_.-]$/;

/** Why `bytes` (the start of a file or mbox message) is not an e-mail message, or null when it looks like one. */
export function notAMessage(bytes: Uint8Array): string | null {
  let start = 0;
  while (start < bytes.length && isWhiteSpace(bytes[start] ?? 0)) start++;
  if (start === bytes.length) return "empty";
  // An mbox "From " line may come first (a message saved with its envelope line).
  let pos = startsWithFromLine(bytes, 0) ? lineEnd(bytes, 0) + 1 : 0;
  if (!isFieldLine(bytes, pos)) return "it does not start with a header field such as \"From:\"";
  // A NUL in the header: binary data. The header ends at the first empty line.
  const limit = Math.min(bytes.length, HEADER_SCAN_LIMIT);
  for (pos = 0; pos < limit; pos++) {
    const b = bytes[pos];
    if (b === 0) return "binary data in its header";
    if (b === 0x0a && (bytes[pos + 1] === 0x0a || (bytes[pos + 1] === 0x0d && bytes[pos + 2] === 0x0a))) break;
  }
  return null;
}

function isWhiteSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** Does an mbox "From " line start at `at`? */
export function startsWithFromLine(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x46 && bytes[at + 1] === 0x72 && bytes[at + 2] === 0x6f && bytes[at + 3] === 0x6d && bytes[at + 4] === 0x20;
}

function lineEnd(bytes: Uint8Array, from: number): number {
  const i = bytes.indexOf(0x0a, from);
  return i === -1 ? bytes.length : i;
}

function isFieldLine(bytes: Uint8Array, at: number): boolean {
  let i = at;
  const char = (k: number) => String.fromCharCode(bytes[k] ?? 0);
  if (i >= bytes.length || !FIELD_NAME_START.test(char(i))) return false;
  while (i < bytes.length && FIELD_NAME_CHAR.test(char(i))) i++;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x3a; // ":"
}

const MAX_SUBJECT = 50;
const MAX_FROM = 60;

function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}

/**
 * A short, terminal-safe description of a message for mbox labels: `"Quarterly report" from
 * alice@example.com`, `(no subject) from …`, `"…" (no From)`.
 */
export function describeMessage(raw: Uint8Array): string {
  const block = parseHeaderBlock(raw.subarray(0, HEADER_SCAN_LIMIT));
  const subjectField = fieldsNamed(block, "subject")[0];
  let subject = subjectField?.value ?? "";
  if (subject.includes("=?")) {
    try {
      subject = decodeWords(subject);
    } catch {
      // keep it as written
    }
  }
  subject = shorten(subject, MAX_SUBJECT);
  const from = parseFrom(fieldsNamed(block, "from").map((f) => f.value)).addresses[0]?.address ?? null;
  const subjectPart = subject.length > 0 ? `"${subject}"` : "(no subject)";
  const fromPart = from !== null ? `from ${shorten(from, MAX_FROM)}` : "(no From)";
  return shown(`${subjectPart} ${fromPart}`);
}

/** One message of an input file. */
export interface FileMessage {
  /** 0-based position in the mbox; null for a file that is one message. */
  index: number | null;
  /** `message 3: "Subject" from alice@example.com` for an mbox message; null for a one-message file. */
  label: string | null;
  /** Every byte as stored (the signatures cover bytes). */
  raw: Uint8Array;
  /** Why it is not an e-mail message (then it is skipped), or null. */
  refused: string | null;
}

/** Is this an mbox file: by its name, or by a "From " first line. */
export function isMboxName(path: string): boolean {
  return /\.(mbox|mbx)$/i.test(path);
}

/**
 * The messages of a file: one for an .eml, one per message for an mbox (its name ends in
 * .mbox/.mbx, or it starts with a "From " line and holds more than one message; with `alwaysMbox`,
 * any number). A file that is
 * not a message throws "FILE: not an e-mail message (why)"; an mbox message that is not one is
 * returned with `refused` set, so the others can still be read.
 */
export function fileMessages(path: string, bytes: Uint8Array, { alwaysMbox = false } = {}): FileMessage[] {
  // A binary string keeps every byte; the header is read as UTF-8.
  const binary = toBinary(bytes);
  const byName = isMboxName(path) || alwaysMbox;
  const mbox = byName || looksLikeMbox(binary) ? splitMbox(binary) : null;
  if (mbox !== null && (byName || mbox.length > 1)) {
    if (mbox.length === 0 && binary.trim().length > 0) {
      throw new CliError(`${shown(path)}: not an mbox file (no message starts with a "From " line)`);
    }
    return mbox.map((m) => {
      const raw = fromBinary(m.raw);
      const refused = notAMessage(raw);
      return { index: m.index, label: refused === null ? `message ${m.index + 1}: ${describeMessage(raw)}` : `message ${m.index + 1}`, raw, refused };
    });
  }
  const refused = notAMessage(bytes);
  if (refused !== null) throw notAMessageError(path, refused);
  return [{ index: null, label: null, raw: bytes, refused: null }];
}

/** "FILE: not an e-mail message (why)". */
export function notAMessageError(what: string, why: string): CliError {
  return new CliError(`${shown(what)}: not an e-mail message (${why})`);
}

/** The message for an mbox message that is not an e-mail message: "FILE message 3: not an e-mail message (why)". */
export function refusedMessageText(path: string, m: FileMessage): string {
  return `${shown(path)} message ${(m.index ?? 0) + 1}: not an e-mail message (${m.refused ?? ""})`;
}
