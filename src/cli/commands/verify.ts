/**
 * `authlens verify`: AuthLens's own check of a message's DKIM signatures, ARC chain and DMARC.
 *
 *   authlens verify [--json] [--dns FILE | --doh URL] [--now UNIX_SECONDS] <file.eml | file.mbox>
 */
import { fromBinary, toBinary } from "../../core/verify/bytes.js";
import { formatVerification, toVerifyJson } from "../../core/verify/report.js";
import { type MessageVerification, type VerifyDeps, verifyMessage } from "../../core/verify/verify-message.js";
import { splitMbox } from "../../core/mbox.js";
import { errorText } from "../../core/error-text.js";
import { parseCommandArgs } from "../args.js";
import { renderEnglish } from "../english.js";
import { CliError, type Io } from "../io.js";
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

A file whose name ends in .mbox/.mbx, or that starts with a "From " line, is read as an mbox.
Exit status: 0 when verification ran (whatever the results), 2 on a usage or input error.
`;

/** One message of the input, as bytes (an .eml streamed, mbox messages whole). */
export interface InputMessage {
  title: string | null;
  source: Uint8Array | AsyncIterable<Uint8Array>;
}

async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncIterable<Uint8Array> {
  yield first;
  for (;;) {
    const n = await rest.next();
    if (n.done === true) return;
    yield n.value;
  }
}

const FROM_LINE = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "

/** The messages of an .eml (streamed) or an mbox file (split). */
export async function* inputMessages(path: string, io: Io): AsyncIterable<InputMessage> {
  const iterator = io.readStream(path)[Symbol.asyncIterator]();
  let first: IteratorResult<Uint8Array>;
  try {
    first = await iterator.next();
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${errorText(err)}`);
  }
  const head = first.done === true ? new Uint8Array(0) : first.value;
  const mbox = /\.(mbox|mbx)$/i.test(path) || FROM_LINE.every((b, i) => head[i] === b);
  if (!mbox) {
    yield { title: null, source: prepend(head, iterator) };
    return;
  }
  // Chunks are copied: the reader reuses its buffer.
  const chunks: Uint8Array[] = [head.slice()];
  for (;;) {
    const n = await iterator.next();
    if (n.done === true) break;
    chunks.push(n.value.slice());
  }
  // Binary strings keep every byte as it is (the signatures cover bytes, not characters).
  const text = chunks.map(toBinary).join("");
  for (const m of splitMbox(text)) yield { title: `message ${m.index + 1}: ${m.separator}`, source: fromBinary(m.raw) };
}

async function verifyOrExplain(m: InputMessage, deps: VerifyDeps, path: string): Promise<MessageVerification> {
  try {
    return await verifyMessage(m.source, deps);
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${errorText(err)}`);
  }
}

export const verifyCommand: Command = {
  name: "verify",
  summary: "Check DKIM signatures, the ARC chain and DMARC of an .eml or mbox file",
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: "boolean", default: false }, ...VERIFY_OPTIONS, help: { type: "boolean", short: "h", default: false } },
      HELP,
    );
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError(`expected exactly one file\n\n${HELP}`);
    const path = positionals[0] ?? "";
    const deps = verifyDeps(values, io);
    for await (const m of inputMessages(path, io)) {
      const v = await verifyOrExplain(m, deps, path);
      if (values.json) io.stdout(JSON.stringify(toVerifyJson(v, renderEnglish), null, m.title === null ? 2 : undefined) + "\n");
      else io.stdout(formatVerification(v, m.title, renderEnglish) + "\n");
    }
    return 0;
  },
};
