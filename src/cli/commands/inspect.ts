/**
 * `authlens inspect`: analyse an .eml or an mbox file with the add-on's core.
 *
 *   authlens inspect [--json] [--trust ID]... [--forwarder DOMAIN]... [--verify [--dns FILE | --doh URL] [--now S]] <file.eml | file.mbox>
 */
import { analyzeMessage } from "../../core/analyze.js";
import { toInspectJson } from "../../core/inspect-json.js";
import { parseHeaderBlock } from "../../core/headers/header-block.js";
import { looksLikeMbox, splitMbox } from "../../core/mbox.js";
import { formatReport } from "../../core/report.js";
import { parseCommandArgs } from "../args.js";
import { renderEnglish } from "../english.js";
import { CliError, type Io } from "../io.js";
import type { Command } from "./command.js";
import { errorText } from "../../core/error-text.js";
import { fromBinary, toBinary } from "../../core/verify/bytes.js";
import { formatVerification, toVerifyJson } from "../../core/verify/report.js";
import { type VerifyDeps, verifyMessage } from "../../core/verify/verify-message.js";
import { VERIFY_OPTIONS, VERIFY_OPTIONS_HELP, verifyDeps } from "../verify-options.js";

const HELP = `Usage: authlens inspect [--json] [--trust ID]... [--forwarder DOMAIN]... [--verify] <file.eml | file.mbox>

Analyse a message (or every message of an mbox file) as the add-on does: which
Authentication-Results headers are trusted, DMARC and alignment, TLS, the ARC chain, and the
verdict (verified, suspicious, failed, unconfigured, unverified).

Options:
  --trust ID          trust Authentication-Results headers with this authserv-id
                      (repeatable; "@example.org" also trusts its subdomains)
  --forwarder DOMAIN  trust this ARC sealing domain as a forwarder (repeatable)
  --json              one JSON object for an .eml; one JSON object per line for an mbox
  --verify            also check the signatures (DKIM, ARC, DMARC) as "authlens verify" does, and
                      show both views: what the servers reported and what AuthLens checked itself
                      (in JSON under "verify"); with these DNS options:
${VERIFY_OPTIONS_HELP.replace(/^/gm, "  ")}
  -h, --help          show this help

A file whose name ends in .mbox/.mbx, or that starts with a "From " line and holds more than one
message, is read as an mbox. Exit status: 0 on success, 2 on a usage or input error.
`;

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
        verify: { type: "boolean", default: false },
        ...VERIFY_OPTIONS,
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
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(path);
    } catch (err) {
      throw new CliError(`cannot read ${path}: ${errorText(err)}`);
    }
    if (!values.verify && (values.dns !== undefined || values.doh !== undefined || values.now !== undefined)) {
      throw new CliError("--dns, --doh and --now go with --verify");
    }
    const deps = values.verify ? verifyDeps(values, io) : null;
    const settings = { trustedAuthservIds: values.trust, trustedForwarders: values.forwarder };
    // A binary string keeps every byte for the signatures; the analysis reads the header as UTF-8.
    const binary = toBinary(bytes);

    const byName = /\.(mbox|mbx)$/i.test(path);
    const messages = byName || looksLikeMbox(binary) ? splitMbox(binary) : null;
    if (messages !== null && (byName || messages.length > 1)) {
      for (const m of messages) {
        const raw = fromBinary(m.raw);
        const verification = deps !== null ? await verifyMessage(raw, deps) : null;
        const analysis = analyzeMessage(parseHeaderBlock(raw), settings, verification ?? undefined);
        if (values.json) {
          io.stdout(JSON.stringify({ message: m.index, ...toInspectJson(analysis, renderEnglish), ...(verification ? { verify: toVerifyJson(verification, renderEnglish) } : {}) }) + "\n");
        } else {
          io.stdout(formatReport(analysis, `message ${m.index + 1}: ${m.separator}`, renderEnglish) + (verification ? "\n" + formatVerification(verification, null, renderEnglish) : "") + "\n");
        }
      }
      return 0;
    }
    await inspectOne(bytes, settings, deps, values.json, io);
    return 0;
  },
};

async function inspectOne(
  bytes: Uint8Array,
  settings: { trustedAuthservIds: string[]; trustedForwarders: string[] },
  deps: VerifyDeps | null,
  json: boolean,
  io: Io,
): Promise<void> {
  // With --verify the verdict also rests on AuthLens's own checks, as in the add-on.
  const verification = deps !== null ? await verifyMessage(bytes, deps) : null;
  const analysis = analyzeMessage(parseHeaderBlock(bytes), settings, verification ?? undefined);
  if (json) {
    const out = { ...toInspectJson(analysis, renderEnglish), ...(verification ? { verify: toVerifyJson(verification, renderEnglish) } : {}) };
    io.stdout(JSON.stringify(out, null, 2) + "\n");
  } else {
    io.stdout(formatReport(analysis, null, renderEnglish) + (verification ? "\n" + formatVerification(verification, null, renderEnglish) : ""));
  }
}
