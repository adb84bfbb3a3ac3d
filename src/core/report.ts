/**
 * The plain-text report of one analysis: what `authlens inspect` prints and what the add-on's
 * "Copy report" puts on the clipboard for abuse and security desks. The labels are English (the
 * desks' lingua franca); the reasons are in the language of `render`. Header text is untrusted:
 * control characters are neutralised.
 */
import { sanitizeForTerminal } from "./authres/format.js";
import type { Analysis } from "./analyze.js";
import type { RenderReason } from "./reason.js";

function line(label: string, value: string): string {
  return `  ${label.padEnd(12)} ${sanitizeForTerminal(value)}\n`;
}

export function formatReport(a: Analysis, title: string | null, render: RenderReason): string {
  let out = title !== null ? `== ${sanitizeForTerminal(title)}\n` : "";
  const own = a.verdict.basis === "own" || a.verdict.basis === "ownVirtual";
  out += `Verdict: ${a.verdict.level.toUpperCase()}${own ? " (checked by AuthLens)" : ""}\n`;
  for (const r of a.verdict.reasons) out += `  - ${sanitizeForTerminal(render(r))}\n`;
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
    for (const r of a.from.lookalike.reasons) out += line("Look-alike", render(r));
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
  out += line("Source", render(t.reason));
  for (const h of t.hops) {
    const tls = h.encrypted === "yes" ? `TLS ${h.version ?? ""} ${h.cipher ?? ""}`.trim() : h.encrypted === "no" ? "clear text" : "unknown";
    out += line("Hop", `${h.from ?? "?"} -> ${h.by ?? "?"} ${h.protocol ?? ""}: ${tls} (claimed)`);
  }

  out += "\nARC\n";
  out += line("Chain", `${a.arc.status}${a.arc.reason ? `: ${render(a.arc.reason)}` : ""}`);
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
    out += line("", [e.why, ...e.notes].map(render).join("; "));
    const res = e.parsed.results.map((r) => `${r.method}=${r.result}`).join(" ");
    if (res.length > 0) out += line("", res);
  }
  return out;
}
