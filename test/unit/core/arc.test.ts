import { describe, expect, it } from "vitest";
import { analyzeArc, parseTagList } from "../../../src/core/arc.js";
import { parseAuthResults } from "../../../src/core/authres/parse.js";
import { parseHeaderBlock } from "../../../src/core/headers/header-block.js";
import { renderEnglish } from "../../../src/cli/english.js";
import { fixture } from "./analysis-helpers.js";

const parseAar = (v: string) => parseAuthResults(v, { arc: true });
const arcOf = (raw: string) => analyzeArc(parseHeaderBlock(raw).fields, parseAar);

function set(i: number, cv: string, opts: { a?: string; d?: string; aar?: boolean } = {}): string {
  const a = opts.a ?? "rsa-sha256";
  const d = opts.d ?? `hop${i}.example.net`;
  const lines = [
    `ARC-Seal: i=${i}; a=${a}; t=${1715700000 + i}; cv=${cv}; d=${d}; s=s${i}; b=x`,
    `ARC-Message-Signature: i=${i}; a=${a}; c=relaxed/relaxed; d=${d}; s=s${i}; h=from; bh=y; b=z`,
  ];
  if (opts.aar !== false) lines.push(`ARC-Authentication-Results: i=${i}; ${d}; spf=pass smtp.mailfrom=example.com`);
  return lines.join("\n") + "\n";
}

describe("analyzeArc", () => {
  it("none without ARC headers", () => {
    const r = arcOf("From: a@example.com\n\n");
    expect(r.status).toBe("none");
    expect(r.hops).toEqual([]);
  });

  it("passes the demo's 2-hop chain and exposes the chain of custody (oldest first)", () => {
    const r = arcOf(fixture("03-mailing-list-arc.eml", new URL("../../fixtures/demo/", import.meta.url)));
    expect(r.status).toBe("pass");
    expect(r.instances).toBe(2);
    expect(r.algorithm).toBe("rsa-sha256");
    expect(r.brokenAt).toBeNull();
    expect(r.hops.map((h) => [h.instance, h.domain, h.selector, h.cv, h.timestamp, h.authservId])).toEqual([
      [1, "lists.example.org", "arc1", "none", 1715688222, "lists.example.org"],
      [2, "forward.example.net", "arc-2024", "pass", 1715688223, "forward.example.net"],
    ]);
    expect(r.hops[0]?.results.map((x) => `${x.method}=${x.result}`)).toEqual(["dkim=pass", "spf=pass", "dmarc=pass"]);
    expect(renderEnglish(r.reason ?? { key: "", params: [] })).toContain("signatures are not verified");
  });

  it("fails on a gap", () => {
    const r = arcOf(set(3, "pass") + set(1, "none"));
    expect(r.status).toBe("fail");
    expect(r.brokenAt).toBe(2);
    expect(r.reason?.key).toBe("arc_missing");
  });

  it("fails when i=1 is not cv=none, or a later one not cv=pass", () => {
    expect(arcOf(set(1, "pass")).reason?.key).toBe("arc_firstCv");
    const later = arcOf(set(2, "none") + set(1, "none"));
    expect(later.reason?.key).toBe("arc_laterCv");
    expect(later.brokenAt).toBe(2);
  });

  it("fails when the newest seal says cv=fail", () => {
    const r = arcOf(set(2, "fail") + set(1, "none"));
    expect(r.status).toBe("fail");
    expect(r.reason?.key).toBe("arc_newestFail");
    expect(r.brokenAt).toBe(2);
  });

  it("fails on duplicates and missing parts", () => {
    expect(arcOf(set(1, "none") + set(1, "none")).reason?.key).toBe("arc_duplicate");
    expect(arcOf(set(1, "none", { aar: false })).reason?.params).toEqual(["1", "ARC-Authentication-Results", "rsa-sha256"]);
    expect(arcOf("ARC-Seal: i=1; a=rsa-sha256; cv=none; d=x.example; s=s; b=x\n\n").reason?.params[1]).toBe(
      "ARC-Message-Signature",
    );
  });

  it("fails on an AAR with no seal, bad instances and more than 50 instances", () => {
    expect(arcOf("ARC-Authentication-Results: i=1; x.example; spf=pass\n\n").reason?.key).toBe("arc_orphanAar");
    expect(arcOf(set(1, "none") + "ARC-Authentication-Results: i=2; x.example; spf=pass\n").brokenAt).toBe(2);
    expect(arcOf("ARC-Seal: i=zero; a=rsa-sha256; cv=none\n\n").reason?.key).toBe("arc_badInstance");
    let many = "";
    for (let i = 51; i >= 1; i--) many += set(i, i === 1 ? "none" : "pass");
    const r = arcOf(many);
    expect(r.status).toBe("fail");
    expect(r.reason?.key).toBe("arc_tooMany");
  });

  it("accepts exactly 50 instances", () => {
    let chain = "";
    for (let i = 50; i >= 1; i--) chain += set(i, i === 1 ? "none" : "pass");
    expect(arcOf(chain).status).toBe("pass");
  });

  it("multi-algorithm: two parallel chains sharing AARs pass (fixture)", () => {
    const r = arcOf(fixture("arc-multi-algorithm.eml"));
    expect(r.status).toBe("pass");
    expect(r.instances).toBe(2);
    expect(r.chains.map((c) => [c.algorithm, c.length, c.valid])).toEqual([
      ["ed25519-sha256", 2, true],
      ["rsa-sha256", 2, true],
    ]);
    expect(r.hops[0]?.domain).toBe("relay.example.com");
  });

  it("multi-algorithm: the longest chain counts, even if a shorter one is valid", () => {
    // rsa chain of 2 is broken (cv=none at i=2); ed25519 chain of 1 is valid but shorter.
    const raw =
      set(2, "none", { a: "rsa-sha256" }) +
      set(1, "none", { a: "rsa-sha256" }) +
      "ARC-Seal: i=1; a=ed25519-sha256; cv=none; d=hop1.example.net; s=e; b=x\n" +
      "ARC-Message-Signature: i=1; a=ed25519-sha256; d=hop1.example.net; s=e; b=x\n";
    const r = arcOf(raw);
    expect(r.status).toBe("fail");
    expect(r.algorithm).toBe("rsa-sha256");
    expect(r.reason?.key).toBe("arc_laterCv");
  });

  it("multi-algorithm: unknown algorithm on the longest chain fails even if a shorter known one is valid", () => {
    const raw =
      set(2, "pass", { a: "future-sig" }).replace(/ARC-Authentication-Results[^\n]*\n/, "") +
      set(1, "none", { a: "future-sig", aar: false }) +
      set(1, "none", { a: "rsa-sha256" }) +
      "ARC-Authentication-Results: i=2; hop2.example.net; spf=pass\n";
    const r = arcOf(raw);
    expect(r.status).toBe("fail");
    expect(r.reason?.key).toBe("arc_unsupportedAlgorithm");
    expect(r.reason?.params).toEqual(["future-sig"]);
  });

  it("the M365 AAR with authres-version and Gmail's i=1 chain parse", () => {
    expect(arcOf(fixture("microsoft365-inbound.eml")).hops[0]?.authservId).toBe("mx.microsoft.com");
    expect(arcOf(fixture("gmail.eml")).status).toBe("pass");
  });

  it("rspamd fixture: newest seal cv=fail", () => {
    const r = arcOf(fixture("rspamd-arc-reject.eml"));
    expect(r.status).toBe("fail");
    expect(r.brokenAt).toBe(2);
  });
});

describe("parseTagList", () => {
  it("reads tags, first occurrence wins", () => {
    const t = parseTagList(" i=1 ; a = rsa-sha256; cv=none; i=9; b=abc\r\n def");
    expect(t.get("i")).toBe("1");
    expect(t.get("a")).toBe("rsa-sha256");
    expect(t.get("b")).toBe("abc\r\n def");
  });
});
