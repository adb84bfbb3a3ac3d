/**
 * `authlens verify`: AuthLens's own check of a message's DKIM signatures, ARC chain and DMARC.
 *
 *   authlens verify [--json] [--dns FILE | --doh URL] [--now UNIX_SECONDS] <file.eml | file.mbox>
 */
import { formatVerification, toVerifyJson } from "../../core/verify/report.js";
import { type MessageVerification, type VerifyDeps, verifyMessage } from "../../core/verify/verify-message.js";
import { parseCommandArgs } from "../args.js";
import { renderEnglish } from "../english.js";
import { CliError, type Io } from "../io.js";
import { fileError, fileMessages, HEADER_SCAN_LIMIT, isMboxName, notAMessage, notAMessageError, refusedMessageText, startsWithFromLine } from "../input.js";
import { VERIFY_OPTIONS, VERIFY_OPTIONS_HELP, verifyDeps } from "../verify-options.js";
import type { Command } from "./command.js";

const HELP = `Usage: authlens verify [--json] [--dns FILE | --doh URL] [--now UNIX_SECONDS] <file.eml | file.mbox>

Check a message's signatures the way AuthLens does when "check signatures myself" is on: every
DKIM-Signature (RFC 6376, 8301, 8463), the ARC chain with its seals and message signatures
(RFC 8617), and DMARC on that DKIM evidence (a mail client cannot check SPF).

Options:
  --json              one JSON object per message:
                      {"dkim": [...], "arc": {...}, "dmarc": {...}}
${VERIFY_OPTIONS_HELP}
  -h, --help          show this help

A file whose name ends in .mbox/.mbx, or that starts with a "From " line, is read as an mbox;
its messages are labelled by position, Subject and From. A file that is not an e-mail message
(empty, binary, or not starting with a header field) is refused; in an mbox such a message is
named on stderr and skipped, and the others are still checked. Exit status: 0 when verification
ran (whatever the results), 2 on a usage or input error (also when a message was skipped).
`;

/** One message of the input, as bytes (an .eml streamed, mbox messages whole), or one that is not a message. */
export interface InputMessage {
  /** `message 3: "Subject" from alice@example.com` in an mbox; null for an .eml. */
  title: string | null;
  source: Uint8Array | AsyncIterable<Uint8Array>;
  /** For an mbox message that is not an e-mail message: what to say on stderr (then there is no source). */
  refused: string | null;
}

async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncIterable<Uint8Array> {
  yield first;
  for (;;) {
    const n = await rest.next();
    if (n.done === true) return;
    yield n.value;
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Does the header end (an empty line) within these bytes? */
function hasHeaderEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
    if (bytes[i + 1] === 0x0a || (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a)) return true;
  }
  return false;
}

/**
 * The messages of an .eml (streamed) or an mbox file (split). An .eml that is not an e-mail
 * message throws "FILE: not an e-mail message (why)"; an mbox message that is not one comes with
 * `refused` set.
 */
export async function* inputMessages(path: string, io: Io): AsyncIterable<InputMessage> {
  const iterator = io.readStream(path)[Symbol.asyncIterator]();
  // The start of the file, up to the end of its header (or HEADER_SCAN_LIMIT): enough to tell a
  // message from something else. Chunks are copied: the reader reuses its buffer.
  const start: Uint8Array[] = [];
  let done = false;
  try {
    for (let size = 0; size < HEADER_SCAN_LIMIT; ) {
      const n = await iterator.next();
      if (n.done === true) {
        done = true;
        break;
      }
      start.push(n.value.slice());
      size += n.value.length;
      if (hasHeaderEnd(n.value)) break;
    }
  } catch (err) {
    throw fileError(path, err);
  }
  const head = concat(start);
  const mbox = isMboxName(path) || startsWithFromLine(head, 0);
  if (!mbox) {
    const why = notAMessage(head);
    if (why !== null) throw notAMessageError(path, why);
    yield { title: null, source: done ? head : prepend(head, iterator), refused: null };
    return;
  }
  const chunks: Uint8Array[] = [head];
  while (!done) {
    const n = await iterator.next();
    if (n.done === true) break;
    chunks.push(n.value.slice());
  }
  for (const m of fileMessages(path, concat(chunks), { alwaysMbox: true })) {
    yield { title: m.label, source: m.raw, refused: m.refused !== null ? refusedMessageText(path, m) : null };
  }
}

async function verifyOrExplain(m: InputMessage, deps: VerifyDeps, path: string): Promise<MessageVerification> {
  try {
    return await verifyMessage(m.source, deps);
  } catch (err) {
    throw fileError(path, err);
  }
}

export const verifyCommand: Command = {
  name: "verify",
  summary: "Check DKIM signatures, the ARC chain and DMARC of an .eml or mbox file",
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: "boolean", default: false }, ...VERIFY_OPTIONS, help: { type: "boolean", short: "h", default: false } },
      "verify",
    );
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError(`expected exactly one file\n\n${HELP}`);
    const path = positionals[0] ?? "";
    const deps = verifyDeps(values, io);
    let skipped = false;
    for await (const m of inputMessages(path, io)) {
      if (m.refused !== null) {
        io.stderr(`authlens verify: ${m.refused}\n`);
        skipped = true;
        continue;
      }
      const v = await verifyOrExplain(m, deps, path);
      if (values.json) io.stdout(JSON.stringify(toVerifyJson(v, renderEnglish), null, m.title === null ? 2 : undefined) + "\n");
      else io.stdout(formatVerification(v, m.title, renderEnglish) + "\n");
    }
    return skipped ? 2 : 0;
  },
};
