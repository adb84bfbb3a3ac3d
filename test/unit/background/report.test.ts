/** "Copy report" renders the reasons with Thunderbird's i18n (the user's language), never bundled English. */
import { describe, expect, it, vi } from "vitest";
import { analyzeMessage } from "../../../src/core/analyze.js";
import { parseHeaderBlock } from "../../../src/core/headers/header-block.js";

/** A fake locale: it knows the trust messages only; every other key is unknown (""). */
const getMessage = vi.fn((key: string, subs?: string[]) => (key.startsWith("trust_") ? `«${key}: ${(subs ?? []).join(" | ")}»` : ""));
vi.mock("webextension-polyfill", () => ({ default: { i18n: { getMessage } } }));
const { buildReport } = await import("../../../src/background/report.js");

const HEADERS = [
  "Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com",
  "From: Alice <alice@example.com>",
  "Subject: Hello",
  "",
  "",
].join("\r\n");

function view() {
  const analysis = analyzeMessage(parseHeaderBlock(HEADERS), { trustedAuthservIds: ["mx.example.net"], trustedForwarders: [] });
  const message = { messageId: 1, subject: "Hello", accountId: null, accountName: null };
  return { state: "ready" as const, message, analysis, headersText: HEADERS, source: "getHeaders" as const, elapsedMs: 1, own: { state: "off" as const } };
}

describe("buildReport", () => {
  it("renders reasons through messenger.i18n, in text and JSON alike", () => {
    const { text, json } = buildReport(view());
    expect(text).toContain("== Hello\n");
    expect(text).toContain("«trust_trusted: mx.example.net | mx.example.net»");
    const parsed = JSON.parse(json) as { subject: string; authResults: { why: string }[]; rawHeaders: string };
    expect(parsed.subject).toBe("Hello");
    expect(parsed.authResults[0]?.why).toBe("«trust_trusted: mx.example.net | mx.example.net»");
    expect(parsed.rawHeaders).toBe(HEADERS);
    expect(getMessage).toHaveBeenCalled();
  });

  it("shows a key the locale does not know as the key and its parameters", () => {
    const { json } = buildReport(view());
    const parsed = JSON.parse(json) as { verdict: { reasons: string[] } };
    expect(parsed.verdict.reasons[0]).toBe("verdict_dmarcPass example.com mx.example.net");
  });
});
