/**
 * `authlens inspect`: analyse an .eml or an mbox file with the add-on's core.
 *
 *   authlens inspect [--json] [--trust ID]... [--forwarder DOMAIN]... [--verify [--dns FILE | --doh URL] [--now S]] <file.eml | file.mbox>...
 */
import { analyzeMessage } from "../../core/analyze.js";
import { toInspectJson } from "../../core/inspect-json.js";
import { parseHeaderBlock } from "../../core/headers/header-block.js";
import { formatReport } from "../../core/report.js";
import { parseCommandArgs } from "../args.js";
import { renderEnglish } from "../english.js";
import { CliError, type Io } from "../io.js";
import type { Command } from "./command.js";
import { formatVerification, toVerifyJson } from "../../core/verify/report.js";
import { verifyMessage } from "../../core/verify/verify-message.js";
import { type FileMessage, fileMessages, readInputFile, refusedMessageText } from "../input.js";
import { VERIFY_OPTIONS, VERIFY_OPTIONS_HELP, verifyDepsIf } from "../verify-options.js";

const HELP = `Usage: authlens inspect [--json] [--trust ID]... [--forwarder DOMAIN]... [--verify] <file.eml | file.mbox>...

Analyse a message (or every message of an mbox file) as the add-on does: which
Authentication-Results headers are trusted, DMARC and alignment, TLS, the ARC chain, and the
verdict (verified, suspicious, failed, unconfigured, unverified). Several files are reported in
turn, each under its name.

Options:
  --trust ID          trust Authentication-Results headers with this authserv-id
                      (repeatable; "@example.org" also trusts its subdomains)
  --forwarder DOMAIN  trust this ARC sealing domain as a forwarder (repeatable)
  --json              one file: one JSON object for an .eml, one JSON object per line for an
                      mbox ("message": its 0-based position); several files: one JSON object
                      per message and line, with "file" (and "message" for an mbox)
  --verify            also check the signatures (DKIM, ARC, DMARC) as "authlens verify" does, and
                      show both views: what the servers reported and what AuthLens checked itself
                      (in JSON under "verify"); with these DNS options:
${VERIFY_OPTIONS_HELP.replace(/^/gm, "  ")}
  -h, --help          show this help

A file whose name ends in .mbox/.mbx, or that starts with a "From " line and holds more than one
message, is read as an mbox; its messages are labelled by position, Subject and From. A file or
mbox message that is not an e-mail message (empty, binary, or not starting with a header field)
is named on stderr and skipped, and so is a file that cannot be read; the others are still
reported. Exit status: 0 on success, 2 on a usage error or when some input was skipped.
`;

type Settings = { trustedAuthservIds: string[]; trustedForwarders: string[] };

export const inspectCommand: Command = {
  name: "inspect",
  summary: "Analyse .eml or mbox files: trust, DMARC, TLS, ARC and the verdict",
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        json: { type: "boolean", default: false },
        trust: { type: "string", multiple: true, default: [] },
        forwarder: { type: "string", multiple: true, default: [] },
        verify: { type: "boolean", default: false },
        ...VERIFY_OPTIONS,
        help: { type: "boolean", short: "h", default: false },
      },
      "inspect",
    );
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (positionals.length === 0) throw new CliError(`expected a file\n\n${HELP}`);
    const deps = verifyDepsIf(values, io);
    const settings: Settings = { trustedAuthservIds: values.trust, trustedForwarders: values.forwarder };
    // One file prints as it always has (its JSON is read by other tools); several files name each.
    const several = positionals.length > 1;
    let skipped = false;
    const skip = (text: string) => {
      io.stderr(`authlens inspect: ${text}\n`);
      skipped = true;
    };

    for (const path of positionals) {
      let messages: FileMessage[];
      try {
        messages = fileMessages(path, readInputFile(io, path));
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        skip(err.message);
        continue;
      }
      for (const m of messages) {
        if (m.refused !== null) {
          skip(refusedMessageText(path, m));
          continue;
        }
        // With --verify the verdict also rests on AuthLens's own checks, as in the add-on.
        const verification = deps !== null ? await verifyMessage(m.raw, deps) : null;
        const analysis = analyzeMessage(parseHeaderBlock(m.raw), settings, verification ?? undefined);
        const verifyJson = verification ? { verify: toVerifyJson(verification, renderEnglish) } : {};
        const verifyText = verification ? "\n" + formatVerification(verification, null, renderEnglish) : "";
        if (values.json) {
          const where = { ...(several ? { file: path } : {}), ...(m.index !== null ? { message: m.index } : {}) };
          const out = { ...where, ...toInspectJson(analysis, renderEnglish), ...verifyJson };
          // One .eml alone: one indented object, as always.
          io.stdout((several || m.index !== null ? JSON.stringify(out) : JSON.stringify(out, null, 2)) + "\n");
        } else if (!several && m.label === null) {
          io.stdout(formatReport(analysis, null, renderEnglish) + verifyText);
        } else {
          const title = several ? (m.label !== null ? `${path} ${m.label}` : path) : m.label;
          io.stdout(formatReport(analysis, title, renderEnglish) + verifyText + "\n");
        }
      }
    }
    return skipped ? 2 : 0;
  },
};
