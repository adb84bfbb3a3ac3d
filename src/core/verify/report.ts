/**
 * What `authlens verify` prints: the `--json` contract and the readable report (labels in English,
 * reasons in the language of the `render` passed in).
 *
 * The JSON shape is a contract (tools outside the project read it): exactly these keys.
 *   {"dkim": [{"domain", "selector", "algorithm", "result", "reason", "bodyLength", "keyBits"}],
 *    "arc": {"cv", "instances", "oldestPass", "reason", "hops": [{"instance", "domain", "seal", "messageSignature"}]},
 *    "dmarc": {"result", "policy", "source", "alignedDkim"}}
 * A reason is null when there is nothing to explain (a clean pass, no ARC headers). A hop's seal or
 * message signature is "none" when it could not be checked (missing from the chain).
 */
import { sanitizeForTerminal } from "../authres/format.js";
import type { RenderReason } from "../reason.js";
import type { SignatureCheck, VerifyResult } from "./check-signature.js";
import type { MessageVerification } from "./verify-message.js";

export interface VerifyJson {
  dkim: {
    domain: string;
    selector: string;
    algorithm: string;
    result: VerifyResult;
    reason: string | null;
    bodyLength: number | null;
    keyBits: number | null;
  }[];
  arc: {
    cv: "none" | "pass" | "fail";
    instances: number;
    oldestPass: number | null;
    reason: string | null;
    hops: { instance: number; domain: string; seal: VerifyResult | "none"; messageSignature: VerifyResult | "none" }[];
  };
  dmarc: { result: string; policy: string | null; source: "record" | "virtual" | "none"; alignedDkim: string | null };
}

export function toVerifyJson(v: MessageVerification, render: RenderReason): VerifyJson {
  return {
    dkim: v.dkim.map((d) => ({
      domain: d.domain,
      selector: d.selector,
      algorithm: d.algorithm,
      result: d.result,
      reason: d.reason !== null ? render(d.reason) : null,
      bodyLength: d.bodyLength,
      keyBits: d.keyBits,
    })),
    arc: {
      cv: v.arc.cv,
      instances: v.arc.instances,
      oldestPass: v.arc.oldestPass,
      reason: v.arc.reason !== null ? render(v.arc.reason) : null,
      hops: v.arc.hops.map((h) => ({
        instance: h.instance,
        domain: h.domain,
        seal: h.seal?.result ?? "none",
        messageSignature: h.messageSignature?.result ?? "none",
      })),
    },
    dmarc: { result: v.dmarc.result, policy: v.dmarc.policy, source: v.dmarc.source, alignedDkim: v.dmarc.alignedDkim },
  };
}

function line(label: string, value: string): string {
  return `  ${label.padEnd(12)} ${sanitizeForTerminal(value)}\n`;
}

function describe(c: SignatureCheck | null, render: RenderReason): string {
  if (c === null) return "not checked";
  const why = c.reason !== null ? `: ${render(c.reason)}` : "";
  return `${c.result}${why}`;
}

/** The readable report of AuthLens's own checks. */
export function formatVerification(v: MessageVerification, title: string | null, render: RenderReason): string {
  let out = title !== null ? `== ${sanitizeForTerminal(title)}\n` : "";
  out += "Checked by AuthLens (signatures verified here; DNS answers as received)\n";
  for (const n of v.notes) out += `  ! ${sanitizeForTerminal(render(n))}\n`;

  out += "\nDKIM\n";
  if (v.dkim.length === 0) out += "  (no DKIM-Signature)\n";
  for (const d of v.dkim) {
    const key = d.keyBits !== null ? `, ${d.keyBits}-bit key${d.dnssec ? ", DNSSEC" : ""}` : "";
    out += line(`#${d.index + 1}`, `d=${d.domain} s=${d.selector} a=${d.algorithm}${key}`);
    out += line("", `${d.result.toUpperCase()}${d.reason !== null ? ` - ${render(d.reason)}` : ""}`);
    for (const n of d.notes) out += line("", render(n));
  }

  out += "\nARC\n";
  const a = v.arc;
  const oldest = a.oldestPass !== null ? `, message signatures valid from i=${a.oldestPass}` : "";
  out += line("Chain", `cv=${a.cv}${a.instances > 0 ? ` (${a.instances} instance(s), ${a.algorithm ?? "?"}${oldest})` : ""}`);
  if (a.reason !== null) out += line("", render(a.reason));
  for (const h of a.hops) {
    out += line(`i=${h.instance}`, `${h.domain || "?"}`);
    out += line("", `seal: ${describe(h.seal, render)}`);
    out += line("", `message signature: ${describe(h.messageSignature, render)}`);
  }

  out += "\nDMARC (on DKIM alone: a mail client cannot check SPF)\n";
  const m = v.dmarc;
  const where = m.recordDomain !== null ? ` record at _dmarc.${m.recordDomain}` : "";
  out += line("Result", `${m.result} (${m.source}${where}${m.policy !== null ? `, p=${m.policy}` : ""})`);
  if (m.alignedDkim !== null) out += line("Aligned", `${m.alignedDkim} (${m.dkimAlignment})`);
  out += line("", render(m.reason));
  return out;
}
