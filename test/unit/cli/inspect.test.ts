/** `authlens inspect` through run() with a fake Io. */
import { readFileSync } from "node:fs";
import { fakeIo } from "./fake-io.js";
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";
import { DEMO } from "../core/analysis-helpers.js";


const disk = (p: string) => readFileSync(new URL(p, DEMO));

describe("authlens inspect", () => {
  it("--json gives the inspect contract for an .eml", async () => {
    const io = fakeIo({ fallback: disk });
    const code = await run(["inspect", "--json", "--trust", "mx.example.net", "01-authenticated.eml"], io);
    expect(code).toBe(0);
    const j = JSON.parse(io.out.join("")) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(expect.arrayContaining(["from", "authResults", "arc", "tls", "dmarc", "verdict"]));
    expect(j).toMatchObject({
      from: { address: "alice@example.com", domain: "example.com", domainUnicode: "example.com" },
      authResults: [{ index: 0, authservId: "mx.example.net", trusted: true }],
      arc: { status: "none", instances: 0, algorithm: null, brokenAt: null, hops: [] },
      tls: { source: "authres", encrypted: "yes", result: "pass", version: "TLS1.3", cipher: "TLS_AES_256_GCM_SHA384", strength: "high" },
      dmarc: { result: "pass", source: "authres", alignment: { spf: "relaxed", dkim: "strict" } },
      verdict: { level: "verified" },
    });
    const ar = (j.authResults as { why: unknown; parsed: { results: unknown[] } }[])[0];
    expect(typeof ar?.why).toBe("string");
    expect(ar?.parsed.results).toHaveLength(4);
  });

  it("--json ARC hops for the mailing-list demo with a trusted forwarder", async () => {
    const io = fakeIo({ fallback: disk });
    await run(["inspect", "--json", "--trust", "mx.example.net", "--forwarder", "lists.example.org", "03-mailing-list-arc.eml"], io);
    const j = JSON.parse(io.out.join("")) as { arc: { hops: { instance: number; domain: string; cv: string; results: unknown[] }[] }; verdict: { level: string } };
    expect(j.verdict.level).toBe("verified");
    expect(j.arc.hops.map((h) => [h.instance, h.domain, h.cv])).toEqual([
      [1, "lists.example.org", "none"],
      [2, "forward.example.net", "pass"],
    ]);
  });

  it("readable report", async () => {
    const io = fakeIo({ fallback: disk });
    expect(await run(["inspect", "05-lookalike-idn.eml", "--trust", "mx.example.net"], io)).toBe(0);
    const text = io.out.join("");
    expect(text).toContain("Verdict: SUSPICIOUS");
    expect(text).toContain("exаmple.com (A-label xn--exmple-4nf.com)");
    expect(text).toContain("Look-alike");
  });

  it("unconfigured report names the server to trust", async () => {
    const io = fakeIo({ fallback: disk });
    await run(["inspect", "02-dmarc-fail-cleartext.eml"], io);
    expect(io.out.join("")).toContain("Suggested server to trust: mx.example.net");
  });

  it("an mbox gives one JSON line per message", async () => {
    const a = readFileSync(new URL("01-authenticated.eml", DEMO), "utf8");
    const b = readFileSync(new URL("02-dmarc-fail-cleartext.eml", DEMO), "utf8");
    const mbox = `From a@example.com Tue May 14 09:12:03 2024\n${a}\nFrom b@example.com Tue May 14 10:41:17 2024\n${b}\n`;
    const io = fakeIo({ files: { "box.mbox": mbox }, fallback: disk });
    expect(await run(["inspect", "--json", "--trust", "mx.example.net", "box.mbox"], io)).toBe(0);
    const lines = io.out.join("").trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => (JSON.parse(l) as { verdict: { level: string } }).verdict.level)).toEqual(["verified", "failed"]);
  });

  it("usage errors", async () => {
    const io = fakeIo({ fallback: disk });
    expect(await run(["inspect"], io)).toBe(2);
    expect(await run(["inspect", "--bogus", "x.eml"], io)).toBe(2);
    expect(await run(["inspect", "missing.eml"], io)).toBe(2);
    const help = fakeIo({ fallback: disk });
    expect(await run(["inspect", "--help"], help)).toBe(0);
    expect(help.out.join("")).toContain("--forwarder DOMAIN");
  });
});
