/**
 * Reading headers with a fake Thunderbird: undecoded getHeaders values come one char per byte and
 * are decoded as UTF-8 here; several Authentication-Results are read raw (their order matters).
 */
import { describe, expect, it, vi } from "vitest";

/** "用户@例え.example" as Thunderbird hands undecoded 8-bit header bytes over: one char per byte. */
const asBytes = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

const RAW = "Authentication-Results: mx.example.net; spf=pass\r\nReceived: from a by mx.example.net\r\nAuthentication-Results: mx.example.net; dkim=pass\r\n\r\nbody";
const headersById: Record<number, Record<string, string[]>> = {
  1: { From: [asBytes("用户 <用户@例え.example>")], "Authentication-Results": ["mx.example.net;\r\n\tdmarc=pass header.from=" + asBytes("例え.example")] },
  2: { "authentication-results": ["mx.example.net; spf=pass", "mx.example.net; dkim=pass"], received: ["from a by mx.example.net"] },
};
const calls: unknown[] = [];

const browser: { messages: Record<string, unknown> } = {
  messages: {
    getHeaders: (id: number, options?: unknown) => {
      calls.push(options);
      return Promise.resolve(structuredClone(headersById[id]));
    },
    // Thunderbird 133-146: raw headers from getFull, also one char per byte.
    getFull: (id: number, options?: unknown) => {
      calls.push(options);
      return Promise.resolve({ headers: {}, rawHeaders: structuredClone(headersById[id]) });
    },
    getRaw: () => Promise.resolve(new File([RAW], "m.eml")),
  },
};
vi.mock("webextension-polyfill", () => ({ default: browser }));
const { bytesToText, headersAsText, readHeaders, toHeaderBlock } = await import("../../../src/background/read-headers.js");

describe("reading headers", () => {
  it("asks for undecoded headers and decodes their UTF-8 bytes", async () => {
    const read = await readHeaders(1);
    expect(calls.at(-1)).toEqual({ decodeHeaders: false });
    expect(read.source).toBe("getHeaders");
    expect(read.headers.from).toEqual(["用户 <用户@例え.example>"]);
    const block = toHeaderBlock(read);
    expect(block.fields.find((f) => f.lname === "authentication-results")?.value).toBe("mx.example.net;\tdmarc=pass header.from=例え.example");
  });

  it("reads a message with several Authentication-Results raw, keeping their order against Received", async () => {
    const read = await readHeaders(2);
    expect(read.source).toBe("getRaw");
    expect(toHeaderBlock(read).fields.map((f) => f.lname)).toEqual(["authentication-results", "received", "authentication-results"]);
  });

  it("on Thunderbird without getHeaders, reads getFull's raw headers the same way", async () => {
    const getHeaders = browser.messages.getHeaders;
    delete browser.messages.getHeaders;
    try {
      const read = await readHeaders(1);
      expect(calls.at(-1)).toEqual({ decodeHeaders: false, decodeContent: false });
      expect(read.source).toBe("getFull");
      expect(read.headers.from).toEqual(["用户 <用户@例え.example>"]);
    } finally {
      browser.messages.getHeaders = getHeaders;
    }
  });

  it("on Thunderbird without getHeaders, also reads a message with several Authentication-Results raw", async () => {
    const getHeaders = browser.messages.getHeaders;
    delete browser.messages.getHeaders;
    try {
      const read = await readHeaders(2);
      expect(read.source).toBe("getRaw");
      expect(toHeaderBlock(read).crossNameOrderKnown).toBe(true);
      expect(toHeaderBlock(read).fields.map((f) => f.lname)).toEqual(["authentication-results", "received", "authentication-results"]);
    } finally {
      browser.messages.getHeaders = getHeaders;
    }
  });

  it("shows the headers as text with one kind of line end", async () => {
    expect(headersAsText(await readHeaders(1))).toBe("from: 用户 <用户@例え.example>\nauthentication-results: mx.example.net;\n\tdmarc=pass header.from=例え.example");
    expect(headersAsText(await readHeaders(2))).toBe("Authentication-Results: mx.example.net; spf=pass\nReceived: from a by mx.example.net\nAuthentication-Results: mx.example.net; dkim=pass");
  });

  it("leaves ASCII, real text and invalid UTF-8 as getRaw's text would be", () => {
    expect(bytesToText("plain ascii")).toBe("plain ascii");
    expect(bytesToText("already text: 例え")).toBe("already text: 例え");
    expect(bytesToText("latin-1 byte: \u00e9")).toBe("latin-1 byte: \ufffd");
    expect(bytesToText(asBytes("ünïcödé"))).toBe("ünïcödé");
  });
});
