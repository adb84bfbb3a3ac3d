/**
 * `authlens verify` and `authlens inspect --verify`: the --json contract (exact keys), the readable
 * report, mbox input, DNS from a file or over HTTPS, no network without either, and usage errors
 * as one plain line with exit status 2.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { encode } from "@leichtgewicht/dns-packet";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../../src/cli/main.js";
import { fakeIo } from "./fake-io.js";

const GENERATED = join(__dirname, "..", "..", "fixtures", "verify", "generated");
const file = (name: string) => join(GENERATED, name);
const DNS = file("dns.json");
const NOW = "1767229200";
const disk = { fallback: (p: string) => readFileSync(p) };

async function cli(args: string[], files: Record<string, string> = {}) {
  const io = fakeIo({ ...disk, files });
  const code = await run(args, io);
  return { code, out: io.out.join(""), err: io.err.join("") };
}

afterEach(() => vi.unstubAllGlobals());

describe("authlens verify --json (contract)", () => {
  it("prints exactly the contract's keys", async () => {
    const { code, out } = await cli(["verify", "--json", "--dns", DNS, "--now", NOW, file("41-arc-three-hops-list.eml")]);
    expect(code).toBe(0);
    const j = JSON.parse(out) as Record<string, unknown> & { dkim: Record<string, unknown>[]; arc: Record<string, unknown> & { hops: Record<string, unknown>[] }; dmarc: Record<string, unknown> };
    expect(Object.keys(j).sort()).toEqual(["arc", "dkim", "dmarc"]);
    expect(Object.keys(j.dkim[0] ?? {}).sort()).toEqual(["algorithm", "bodyLength", "domain", "keyBits", "reason", "result", "selector"]);
    expect(Object.keys(j.arc).sort()).toEqual(["cv", "hops", "instances", "oldestPass", "reason"]);
    expect(Object.keys(j.arc.hops[0] ?? {}).sort()).toEqual(["domain", "instance", "messageSignature", "seal"]);
    expect(Object.keys(j.dmarc).sort()).toEqual(["alignedDkim", "policy", "result", "source"]);
    expect(j).toEqual({
      dkim: [{ domain: "example.com", selector: "s2048", algorithm: "rsa-sha256", result: "fail", reason: "The body was changed after signing", bodyLength: null, keyBits: 2048 }],
      arc: {
        cv: "pass",
        instances: 3,
        oldestPass: 2,
        reason: null,
        hops: [
          { instance: 1, domain: "forwarder1.example", seal: "pass", messageSignature: "fail" },
          { instance: 2, domain: "lists.example.org", seal: "pass", messageSignature: "pass" },
          { instance: 3, domain: "forwarder3.example", seal: "pass", messageSignature: "pass" },
        ],
      },
      dmarc: { result: "fail", policy: "reject", source: "record", alignedDkim: null },
    });
  });

  it("gives l= and the reason for content it leaves unsigned", async () => {
    const { out } = await cli(["verify", "--json", "--dns", DNS, "--now", NOW, file("10-length-limit-appended.eml")]);
    const j = JSON.parse(out) as { dkim: { result: string; bodyLength: number; reason: string }[] };
    expect(j.dkim[0]).toMatchObject({ result: "pass", bodyLength: 80 });
    expect(j.dkim[0]?.reason).toMatch(/first 80 bytes.*44 bytes.*not signed/);
  });

  it("prints one object per line for every message of an mbox", async () => {
    const one = readFileSync(file("01-rsa2048-relaxed.eml"), "latin1");
    const two = readFileSync(file("05-body-changed.eml"), "latin1");
    const mbox = `From a@example.com Thu Jan  1 00:00:00 2026\r\n${one}\r\nFrom b@example.com Thu Jan  1 00:00:00 2026\r\n${two}`;
    const { code, out } = await cli(["verify", "--json", "--dns", DNS, "--now", NOW, "box.mbox"], { "box.mbox": mbox });
    expect(code).toBe(0);
    const lines = out.trim().split("\n").map((l) => JSON.parse(l) as { dkim: { result: string }[] });
    expect(lines.map((l) => l.dkim[0]?.result)).toEqual(["pass", "fail"]);
  });
});

describe("authlens verify (report)", () => {
  it("says what was checked, hop by hop, and what DMARC rests on", async () => {
    const { code, out } = await cli(["verify", "--dns", DNS, "--now", NOW, file("41-arc-three-hops-list.eml")]);
    expect(code).toBe(0);
    expect(out).toContain("Checked by AuthLens");
    expect(out).toMatch(/#1 +d=example\.com s=s2048 a=rsa-sha256, 2048-bit key/);
    expect(out).toContain("FAIL - The body was changed after signing");
    expect(out).toMatch(/cv=pass \(3 instance\(s\), rsa-sha256, message signatures valid from i=2\)/);
    expect(out).toContain("DMARC (on DKIM alone: a mail client cannot check SPF)");
  });
});

describe("DNS sources", () => {
  it("makes no network request without --dns or --doh: every key is a temporary error", async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal("fetch", fetchSpy);
    const { code, out } = await cli(["verify", "--json", "--now", NOW, file("01-rsa2048-relaxed.eml")]);
    expect(code).toBe(0);
    expect(fetchSpy).not.toHaveBeenCalled();
    const j = JSON.parse(out) as { dkim: { result: string; reason: string }[]; dmarc: { result: string } };
    expect(j.dkim[0]).toMatchObject({ result: "temperror" });
    expect(j.dkim[0]?.reason).toContain("no --dns or --doh given");
    expect(j.dmarc.result).toBe("temperror");
  });

  it("asks the --doh server in RFC 8484 wire format", async () => {
    const dns = JSON.parse(readFileSync(DNS, "utf8")) as Record<string, unknown>;
    const asked: string[] = [];
    vi.stubGlobal("fetch", (url: string) => {
      const q = new URL(url).searchParams.get("dns") ?? "";
      const query = Buffer.from(q, "base64url");
      // The question name, read from the wire format: length-prefixed labels from byte 12.
      const labels: string[] = [];
      for (let p = 12; query[p] !== 0; p += (query[p] as number) + 1) labels.push(query.subarray(p + 1, p + 1 + (query[p] as number)).toString());
      const name = labels.join(".");
      asked.push(name);
      const value = dns[name];
      const answers = typeof value === "string" || Array.isArray(value) ? [{ type: "TXT" as const, name, ttl: 300, data: ([] as string[]).concat(value as string) }] : [];
      const body = encode({ type: "response", id: 0, flags: value === undefined ? 3 : 0, questions: [{ type: "TXT", name }], answers });
      return Promise.resolve(new Response(body.slice(), { status: 200, headers: { "content-type": "application/dns-message" } }));
    });
    const { code, out } = await cli(["verify", "--json", "--doh", "https://dns.example/dns-query", "--now", NOW, file("01-rsa2048-relaxed.eml")]);
    expect(code).toBe(0);
    expect(asked).toEqual(expect.arrayContaining(["s2048._domainkey.example.com", "_dmarc.example.com"]));
    const j = JSON.parse(out) as { dkim: { result: string }[]; dmarc: { result: string } };
    expect(j.dkim[0]?.result).toBe("pass");
    expect(j.dmarc.result).toBe("pass");
  });
});

describe("usage and input errors: one plain line, exit 2", () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ["no file", ["verify"], {}, /expected exactly one file/],
    ["a missing file", ["verify", "--dns", DNS, "/nonexistent/x.eml"], {}, /^authlens verify: no such file: \/nonexistent\/x\.eml\n$/],
    ["--dns and --doh together", ["verify", "--dns", DNS, "--doh", "https://d.example/q", file("01-rsa2048-relaxed.eml")], {}, /cannot be combined/],
    ["a DNS file that is not JSON", ["verify", "--dns", "bad.json", file("01-rsa2048-relaxed.eml")], { "bad.json": "{nope" }, /^authlens verify: the DNS file bad\.json is not valid JSON: /],
    ["a missing DNS file", ["verify", "--dns", "nope.json", file("01-rsa2048-relaxed.eml")], {}, /^authlens verify: no such file: nope\.json\n$/],
    ["a DNS file of the wrong shape", ["verify", "--dns", "bad.json", file("01-rsa2048-relaxed.eml")], { "bad.json": '{"a.example": 1}' }, /"a\.example": a TXT value is a string/],
    ["--doh without https", ["verify", "--doh", "http://d.example/q", file("01-rsa2048-relaxed.eml")], {}, /--doh needs an https:\/\/ URL/],
    ["--now that is not a time", ["verify", "--now", "yesterday", file("01-rsa2048-relaxed.eml")], {}, /--now needs seconds since 1970/],
    ["an unknown option", ["verify", "--fast", file("01-rsa2048-relaxed.eml")], {}, /^authlens verify: unknown option --fast\nRun 'authlens verify --help' for its options\.\n$/],
  ];
  for (const [what, args, files, message] of cases) {
    it(what, async () => {
      const { code, out, err } = await cli(args, files);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});

describe("authlens inspect --verify", () => {
  it("shows what the servers reported and what AuthLens checked, in text and in JSON", async () => {
    const text = await cli(["inspect", "--verify", "--dns", DNS, "--now", NOW, file("40-arc-one-hop.eml")]);
    expect(text.code).toBe(0);
    expect(text.out).toContain("Authentication-Results headers (newest first)");
    expect(text.out).toContain("Checked by AuthLens");
    const json = await cli(["inspect", "--json", "--verify", "--dns", DNS, "--now", NOW, file("40-arc-one-hop.eml")]);
    const j = JSON.parse(json.out) as { verdict: unknown; verify: { arc: { cv: string; oldestPass: number } } };
    expect(j.verdict).toBeDefined();
    expect(j.verify.arc).toMatchObject({ cv: "pass", oldestPass: 0 });
  });

  it("refuses DNS options without --verify", async () => {
    const { code, err } = await cli(["inspect", "--dns", DNS, file("40-arc-one-hop.eml")]);
    expect(code).toBe(2);
    expect(err).toMatch(/go with --verify/);
  });
});

describe("authlens rules test --verify", () => {
  const rules = JSON.stringify([
    { id: "own", name: "Signature checked by AuthLens", conditions: [{ type: "methodResult", method: "dkim", results: ["pass"], source: "local", domain: "example.com" }], actions: [{ type: "addTag", tag: "$authlens_ok" }] },
  ]);

  it("evaluates conditions on AuthLens's own results with --verify", async () => {
    const { code, out } = await cli(["rules", "test", "--rules", "rules.json", "--verify", "--dns", DNS, "--now", NOW, file("01-rsa2048-relaxed.eml")], { "rules.json": rules });
    expect(code).toBe(0);
    expect(out).toContain("MATCH Signature checked by AuthLens [own]");
    expect(out).toContain("yes  DKIM result for example.com is pass, checked by AuthLens");
    const changed = await cli(["rules", "test", "--rules", "rules.json", "--verify", "--dns", DNS, "--now", NOW, file("05-body-changed.eml")], { "rules.json": rules });
    expect(changed.out).toContain("no    Signature checked by AuthLens [own]");
  });

  it("without --verify says those conditions are false, and DNS options need --verify", async () => {
    const { code, out } = await cli(["rules", "test", "--rules", "rules.json", file("01-rsa2048-relaxed.eml")], { "rules.json": rules });
    expect(code).toBe(0);
    expect(out).toContain("without --verify they are false");
    expect(out).toContain("no    Signature checked by AuthLens [own]");
    const bad = await cli(["rules", "test", "--rules", "rules.json", "--dns", DNS, file("01-rsa2048-relaxed.eml")], { "rules.json": rules });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--dns, --doh and --now go with --verify");
  });
});
