/**
 * `authlens … | head` ends quietly (issue 13 item 14): when the reader of standard output goes
 * away, the command stops with status 0 and nothing on stderr, instead of Node's EPIPE stack trace.
 * Checked on a stream that fails with EPIPE, and on the real thing: the CLI bundled as
 * scripts/build.mjs bundles it (into a temporary folder), writing a large mbox's JSON into
 * `head -n 1`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { build } from "esbuild";
import { CLI_ESBUILD_OPTIONS } from "../../../scripts/addon-esbuild.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endQuietlyOnClosedPipe } from "../../../src/cli/io.js";
import { DEMO } from "../core/analysis-helpers.js";


function failingStream(code: string): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
}

describe("endQuietlyOnClosedPipe", () => {
  it("ends with status 0 when the reader has gone (EPIPE)", async () => {
    const stream = failingStream("EPIPE");
    const exits: number[] = [];
    endQuietlyOnClosedPipe(stream, (code) => exits.push(code));
    stream.write("line\n");
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([0]);
  });

  it("says another write error in one plain line and ends with status 2 (a real failure, no stack)", async () => {
    const stream = failingStream("ENOSPC");
    const exits: number[] = [];
    const said: string[] = [];
    endQuietlyOnClosedPipe(stream, (code) => exits.push(code), (line) => said.push(line));
    stream.write("line\n");
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([2]);
    expect(said).toEqual(["authlens: cannot write the output: write ENOSPC\n"]);
  });
});

describe("authlens inspect --json big.mbox | head -n 1 (real processes)", () => {
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "authlens-epipe-"));
    // As scripts/build.mjs bundles dist/cli.js.
    await build({ ...CLI_ESBUILD_OPTIONS, outfile: join(dir, "cli.js") });
    // Far more output than a pipe holds (64 KiB), so writing goes on after head has gone.
    const one = readFileSync(new URL("01-authenticated.eml", DEMO), "latin1").replace(/\r\n/g, "\n");
    const box = Array.from({ length: 400 }, () => `From MAILER-DAEMON Tue May 14 09:12:04 2024\n${one}\n`).join("");
    writeFileSync(join(dir, "big.mbox"), box, "latin1");
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the first line, then ends with status 0 and nothing on stderr", async () => {
    const env = { ...process.env };
    delete env.VITEST; // the CLI does not run its main under vitest
    // A shell pipeline, as a person types it; the CLI's own status and stderr are kept in files.
    const script = '{ "$1" "$2" inspect --json "$3" 2>"$4"; echo $? >"$5"; } | head -n 1';
    const [errFile, statusFile] = [join(dir, "stderr"), join(dir, "status")];
    const sh = spawn("sh", ["-c", script, "sh", process.execPath, join(dir, "cli.js"), join(dir, "big.mbox"), errFile, statusFile], { env, stdio: ["ignore", "pipe", "inherit"], timeout: 30_000 });
    let first = "";
    sh.stdout.on("data", (c: Buffer) => (first += c.toString()));
    const code = await new Promise<number | null>((resolve) => sh.on("close", resolve));
    expect(code).toBe(0);
    expect(readFileSync(errFile, "utf8")).toBe("");
    expect(readFileSync(statusFile, "utf8").trim()).toBe("0");
    expect(first.split("\n").filter((l) => l !== "")).toHaveLength(1);
    expect(JSON.parse(first)).toMatchObject({ message: 0, verdict: { level: "unconfigured" } });
  }, 60_000);
});
