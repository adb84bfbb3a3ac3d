/**
 * The options `authlens verify` and `authlens inspect --verify` share: where DNS answers come from
 * (`--dns FILE`, offline; `--doh URL`, DNS over HTTPS; neither: no network at all, every key is a
 * temporary error) and what time it is (`--now`). Hashing and signature checks use Node's own
 * crypto (./node-crypto.ts).
 */
import { NodeSignatures, nodeSha256 } from "./node-crypto.js";
import { DnsCache, type TxtResolver } from "../core/verify/dns.js";
import { dohResolver } from "../core/verify/doh.js";
import { offlineResolver } from "../core/verify/offline-dns.js";
import type { VerifyDeps } from "../core/verify/verify-message.js";
import { reason } from "../core/reason.js";
import { errorText } from "../core/error-text.js";
import { CliError, type Io } from "./io.js";
import { readInputText, shown } from "./input.js";

export const VERIFY_OPTIONS = {
  dns: { type: "string" },
  doh: { type: "string" },
  now: { type: "string" },
} as const;

export const VERIFY_OPTIONS_HELP = `  --dns FILE          answer DNS from FILE, a JSON object mapping names to TXT values
                      ("text", ["part", "part"], {"error": "SERVFAIL"}); unlisted names do not exist
  --doh URL           ask this DNS-over-HTTPS server (RFC 8484), e.g. https://dns.quad9.net/dns-query
  --now UNIX_SECONDS  check signature times (t=, x=) against this time instead of the clock
Without --dns or --doh no network request is made and every key lookup is a temporary error.`;

const noNetwork: TxtResolver = {
  lookupTxt: (name) => Promise.resolve({ status: "error", reason: reason("dns_failed", name, "no --dns or --doh given") }),
};

export function verifyDeps(values: { dns?: string; doh?: string; now?: string }, io: Io): VerifyDeps {
  if (values.dns !== undefined && values.doh !== undefined) throw new CliError("--dns and --doh cannot be combined");
  let resolver = noNetwork;
  if (values.dns !== undefined) {
    const text = readInputText(io, values.dns);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new CliError(`the DNS file ${shown(values.dns)} is not valid JSON: ${errorText(err)}`);
    }
    const offline = offlineResolver(json);
    if ("problems" in offline) {
      throw new CliError(`the DNS file ${values.dns} is not usable: ${offline.problems.map((p) => `${p.path || "(top)"}: ${p.message}`).join("; ")}`);
    }
    resolver = offline.resolver;
  } else if (values.doh !== undefined) {
    let url: URL;
    try {
      url = new URL(values.doh);
    } catch {
      throw new CliError(`--doh needs an https:// URL, not ${values.doh}`);
    }
    if (url.protocol !== "https:") throw new CliError(`--doh needs an https:// URL, not ${values.doh}`);
    resolver = dohResolver(url.href, (u, init) => fetch(u, init));
  }
  let now = Date.now;
  if (values.now !== undefined) {
    if (!/^[0-9]{1,12}$/.test(values.now)) throw new CliError(`--now needs seconds since 1970, not ${values.now}`);
    const fixed = Number(values.now) * 1000;
    now = () => fixed;
  }
  return { dns: new DnsCache(resolver, { now }), crypto: new NodeSignatures(), sha256: nodeSha256, now };
}

/** For `inspect` and `rules test`: their own checks' dependencies with `--verify`, else null (and then no DNS option may be given). */
export function verifyDepsIf(values: { verify: boolean; dns?: string; doh?: string; now?: string }, io: Io): VerifyDeps | null {
  if (values.verify) return verifyDeps(values, io);
  if (values.dns !== undefined || values.doh !== undefined || values.now !== undefined) throw new CliError("--dns, --doh and --now go with --verify");
  return null;
}
