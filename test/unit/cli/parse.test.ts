/** `authlens parse` through run() with a fake Io. */
import type { Io } from "../../../src/cli/io.js";
import { fakeIo } from "./fake-io.js";
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";


const VALUE = "example.com; dkim=pass (good signature) header.d=example.com; dmarc=pass action=none header.from=example.com";

describe("authlens parse", () => {
  it("is listed in the top-level help", async () => {
    const io = fakeIo();
    expect(await run(["--help"], io)).toBe(0);
    expect(io.out.join("")).toMatch(/parse\s+Parse an Authentication-Results/);
  });

  it("--help", async () => {
    const io = fakeIo();
    expect(await run(["parse", "--help"], io)).toBe(0);
    expect(io.out.join("")).toContain("--jsonl");
  });

  it("--json prints exactly the contract shape, keys in contract order", async () => {
    const io = fakeIo();
    expect(await run(["parse", "--json", VALUE], io)).toBe(0);
    const text = io.out.join("");
    expect(text.endsWith("\n")).toBe(true);
    expect(text.trim().split("\n")).toHaveLength(1);
    const obj = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(obj)).toEqual(["authservId", "version", "instance", "none", "results", "diagnostics"]);
    const results = obj.results as Record<string, unknown>[];
    expect(Object.keys(results[0] ?? {})).toEqual(["method", "methodVersion", "result", "reason", "properties", "comments"]);
    expect(Object.keys((results[0]?.properties as object[])[0] ?? {})).toEqual(["ptype", "property", "value"]);
    const diags = obj.diagnostics as object[];
    expect(Object.keys(diags[0] ?? {})).toEqual(["severity", "message", "offset"]);
    expect(obj).toMatchObject({ authservId: "example.com", version: null, instance: null, none: false });
  });

  it("--arc --strict, exit 1 on error diagnostics", async () => {
    const ok = fakeIo();
    expect(await run(["parse", "--json", "--arc", "--strict", "i=3; a.example; arc=pass"], ok)).toBe(0);
    expect(JSON.parse(ok.out.join(""))).toMatchObject({ instance: 3, authservId: "a.example" });
    const bad = fakeIo();
    expect(await run(["parse", "--json", "--strict", "a.example; dmarc=pass action=none"], bad)).toBe(1);
    expect(await run(["parse", "--json", "a.example; dmarc=pass action=none"], fakeIo())).toBe(0);
  });

  it("without --json prints the readable table", async () => {
    const io = fakeIo();
    expect(await run(["parse", VALUE], io)).toBe(0);
    const text = io.out.join("");
    expect(text).toContain("authserv-id: example.com");
    expect(text).toMatch(/1\s+dkim\s+pass\s+active\s+header\.d=example\.com/);
    expect(text).toContain("(good signature)");
    expect(text).toMatch(/warning .*action=/);
  });

  it("reads the value from stdin when no argument is given", async () => {
    const io = fakeIo({ stdin: "a.example; spf=pass\n" });
    expect(await run(["parse", "--json"], io)).toBe(0);
    expect(JSON.parse(io.out.join(""))).toMatchObject({ authservId: "a.example", diagnostics: [] });
  });

  it("--jsonl: one JSON object per input line, in order; bad lines give an error object", async () => {
    const lines = [JSON.stringify("a.example; spf=pass"), "not json", JSON.stringify(42), "", JSON.stringify("i=1; b.example; none")];
    const io = fakeIo({ lines });
    expect(await run(["parse", "--jsonl", "--arc"], io)).toBe(1);
    const out = io.out.join("").split("\n");
    expect(out.pop()).toBe("");
    expect(out).toHaveLength(lines.length);
    const objs = out.map((l) => JSON.parse(l) as { authservId: string | null; instance: number | null; diagnostics: { severity: string; message: string }[] });
    expect(objs[0]).toMatchObject({ authservId: "a.example", instance: null });
    expect(objs[1]?.diagnostics[0]).toMatchObject({ severity: "error", message: expect.stringContaining("line 2") as unknown });
    expect(objs[2]?.diagnostics[0]?.message).toContain("expected a JSON string");
    expect(objs[3]?.diagnostics[0]?.severity).toBe("error");
    expect(objs[4]).toMatchObject({ authservId: "b.example", instance: 1 });
  });

  it("--jsonl streams: output for a line is written before the next line is read", async () => {
    const out: string[] = [];
    let seenBeforeSecond = -1;
    const io: Io = {
      stdout: (t) => void out.push(t),
      stderr: () => undefined,
      readStdin: () => Promise.resolve(""),
      stdinIsTerminal: () => false,
      stdinLines: async function* () {
        yield JSON.stringify("a.example; none");
        seenBeforeSecond = out.length;
        yield JSON.stringify("b.example; none");
      },
      readFile: () => Buffer.alloc(0),
      readStream: async function* () {},
      listDir: () => null,
    };
    expect(await run(["parse", "--jsonl"], io)).toBe(0);
    expect(seenBeforeSecond).toBe(1);
    expect(out).toHaveLength(2);
  });

  it("usage errors exit 2", async () => {
    const io = fakeIo();
    expect(await run(["parse", "--bogus", "x"], io)).toBe(2);
    expect(io.err.join("")).toContain("authlens parse:");
    expect(await run(["parse", "--json", "a", "b"], fakeIo())).toBe(2);
    expect(await run(["parse", "--json", "--jsonl"], fakeIo())).toBe(2);
  });
});
