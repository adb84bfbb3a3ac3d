/**
 * `authlens inspect`: analyse an .eml or an mbox file with the add-on's core.
 *
 *   authlens inspect [--json] [--trust ID]... [--forwarder DOMAIN]... <file.eml | file.mbox>
 */
import { parseArgs } from "node:util";
import { sanitizeForTerminal } from "../../core/authres/format.js";
import { analyzeMessage, type Analysis, toInspectJson } from "../../core/analyze.js";
import { parseHeaderBlock } from "../../core/headers/header-block.js";
import { looksLikeMbox, splitMbox } from "../../core/mbox.js";
import { renderReason } from "../../core/reason.js";
import { CliError, type Io } from "../io.js";
import type { Command } from "./index.js";

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

function line(label: string, value: string): string {
  return `  ${label.padEnd(12)} ${sanitizeForTerminal(value)}\n`;
}

export function formatReport(a: Analysis, title: string | null): string {
  let out = title !== null ? `== ${sanitizeForTerminal(title)}\n` : "";
  out += `Verdict: ${a.verdict.level.toUpperCase()}\n`;
  for (const r of a.verdict.reasons) out += `  - ${sanitizeForTerminal(renderReason(r))}\n`;
  if (a.verdict.suggestion !== null) out += `  Suggested server to trust: ${sanitizeForTerminal(a.verdict.suggestion)}\n`;

  out += "\nSender\n";
  if (a.from.addresses.length === 0) out += line("From", "(none)");
  for (const addr of a.from.addresses) {
    const name = addr.displayName !== null ? `${addr.displayName} ` : "";
    out += line("From", `${name}<${addr.address ?? "?"}>`);
    if (addr.domain !== null && addr.domainUnicode !== null && addr.domain !== addr.domainUnicode) {
      out += line("Domain", `${addr.domainUnicode} (A-label ${addr.domain})`);
    }
  }
  if (a.from.lookalike.lookalike) {
    for (const r of a.from.lookalike.reasons) out += line("Look-alike", renderReason(r));
  }
  if (a.from.displayNameAddress !== null) out += line("Display name", `shows ${a.from.displayNameAddress}`);

  out += "\nDMARC\n";
  const d = a.dmarc;
  const dmarcLabel =
    d.source === "virtual"
      ? "pass (virtual: aligned; no DMARC policy)"
      : d.result === null
        ? "(no trusted result)"
        : `${d.result}${d.policy !== null ? ` (p=${d.policy})` : ""} by ${d.reportedBy ?? "?"}`;
  out += line("Result", dmarcLabel);
  for (const c of [...d.spf, ...d.dkim]) {
    out += line(c.method.toUpperCase(), `${c.result} ${c.identity ?? ""} (alignment: ${c.alignment})`);
  }

  out += "\nTransport (TLS)\n";
  const t = a.tls;
  out += line("Encrypted", `${t.encrypted}${t.result !== null ? ` (tls=${t.result})` : ""}`);
  if (t.version !== null || t.cipher !== null) out += line("Protocol", `${t.version ?? "?"} ${t.cipher ?? ""}`.trim());
  if (t.strength !== null) out += line("Strength", `${t.strength} (${t.strengthSource ?? "?"})`);
  if (t.certificate?.client) out += line("Client cert", t.certificate.client);
  out += line("Source", renderReason(t.reason));
  for (const h of t.hops) {
    const tls = h.encrypted === "yes" ? `TLS ${h.version ?? ""} ${h.cipher ?? ""}`.trim() : h.encrypted === "no" ? "clear text" : "unknown";
    out += line("Hop", `${h.from ?? "?"} -> ${h.by ?? "?"} ${h.protocol ?? ""}: ${tls} (claimed)`);
  }

  out += "\nARC\n";
  out += line("Chain", `${a.arc.status}${a.arc.reason ? `: ${renderReason(a.arc.reason)}` : ""}`);
  if (a.arc.receiver !== null) out += line("Receiver", `arc=${a.arc.receiver.result} by ${a.arc.receiver.authservId}`);
  for (const h of a.arc.hops) {
    const when = h.timestamp !== null ? new Date(h.timestamp * 1000).toISOString() : "?";
    const res = h.results.map((r) => `${r.method}=${r.result}`).join(" ");
    out += line(`i=${h.instance}`, `${h.domain ?? "?"} cv=${h.cv ?? "?"} ${when} [${h.authservId ?? "?"}: ${res}]`);
  }

  out += "\nAuthentication-Results headers (newest first)\n";
  if (a.authResults.length === 0) out += "  (none)\n";
  for (const e of a.authResults) {
    out += line(`#${e.index}`, `${e.authservId ?? "(no authserv-id)"}: ${e.trusted ? "TRUSTED" : "ignored"}`);
    out += line("", [e.why, ...e.notes].map(renderReason).join("; "));
    const res = e.parsed.results.map((r) => `${r.method}=${r.result}`).join(" ");
    if (res.length > 0) out += line("", res);
  }
  return out;
}

export const inspectCommand: Command = {
  name: "inspect",
  summary: "Analyse an .eml or mbox file: trust, DMARC, TLS, ARC and the verdict",
  async run(args: string[], io: Io): Promise<number> {
    let parsedArgs;
    try {
      parsedArgs = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          json: { type: "boolean", default: false },
          trust: { type: "string", multiple: true, default: [] },
          forwarder: { type: "string", multiple: true, default: [] },
          help: { type: "boolean", short: "h", default: false },
        },
      });
    } catch (err) {
      throw new CliError(`${err instanceof Error ? err.message : String(err)}\n\n${HELP}`);
    }
    const { values, positionals } = parsedArgs;
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
      throw new CliError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
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
