/**
 * `authlens inspect`: analyse an .eml or an mbox file with the add-on's core.
 *
 *   authlens inspect [--json] [--trust ID]... [--forwarder DOMAIN]... <file.eml | file.mbox>
 */
import { analyzeMessage, toInspectJson } from "../../core/analyze.js";
import { parseHeaderBlock } from "../../core/headers/header-block.js";
import { looksLikeMbox, splitMbox } from "../../core/mbox.js";
import { formatReport } from "../../core/report.js";
import { parseCommandArgs } from "../args.js";
import { CliError, type Io } from "../io.js";
import type { Command } from "./index.js";
import { errorText } from "../../core/error-text.js";

const HELP = `Usage: authlens inspect [--json] [--trust ID]... [--forwarder DOMAIN]... <file.eml | file.mbox>

Analyse a message (or every message of an mbox file) as the add-on does: which
Authentication-Results headers are trusted, DMARC and alignment, TLS, the ARC chain, and the
verdict (verified, suspicious, failed, unconfigured, unverified).

Options:
  --trust ID          trust Authentication-Results headers with this authserv-id
                      (repeatable; "@example.org" also trusts its subdomains)
  --forwarder DOMAIN  trust this ARC sealing domain as a forwarder (repeatable)
  --json              one JSON object for an .eml; one JSON object per line for an mbox
  -h, --help          show this help

A file whose name ends in .mbox/.mbx, or that starts with a "From " line and holds more than one
message, is read as an mbox. Exit status: 0 on success, 2 on a usage or input error.
`;

const utf8 = new TextDecoder("utf-8");

export const inspectCommand: Command = {
  name: "inspect",
  summary: "Analyse an .eml or mbox file: trust, DMARC, TLS, ARC and the verdict",
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        json: { type: "boolean", default: false },
        trust: { type: "string", multiple: true, default: [] },
        forwarder: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", short: "h", default: false },
      },
      HELP,
    );
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError(`expected exactly one file\n\n${HELP}`);
    const path = positionals[0] ?? "";
    let text: string;
    try {
      text = utf8.decode(io.readFile(path));
    } catch (err) {
      throw new CliError(`cannot read ${path}: ${errorText(err)}`);
    }
    const settings = { trustedAuthservIds: values.trust, trustedForwarders: values.forwarder };

    const byName = /\.(mbox|mbx)$/i.test(path);
    const messages = byName || looksLikeMbox(text) ? splitMbox(text) : null;
    if (messages !== null && (byName || messages.length > 1)) {
      for (const m of messages) {
        const analysis = analyzeMessage(parseHeaderBlock(m.raw), settings);
        if (values.json) io.stdout(JSON.stringify({ message: m.index, ...toInspectJson(analysis) }) + "\n");
        else io.stdout(formatReport(analysis, `message ${m.index + 1}: ${m.separator}`) + "\n");
      }
      return 0;
    }
    const analysis = analyzeMessage(parseHeaderBlock(text), settings);
    if (values.json) io.stdout(JSON.stringify(toInspectJson(analysis), null, 2) + "\n");
    else io.stdout(formatReport(analysis, null));
    return 0;
  },
};
