/**
 * Issue 13 item 15: mbox messages labelled by Subject and From (short, terminal-safe) in inspect,
 * verify and rules test; `inspect` on several files, each under its name, and with --json one
 * object per line with "file"; one file's output as it always was.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { describeMessage } from "../../../src/cli/input.js";
import { run } from "../../../src/cli/main.js";
import { DEMO } from "../core/analysis-helpers.js";
import { fakeIo, type FakeIoOptions } from "./fake-io.js";

const demo = (name: string) => fileURLToPath(new URL(name, DEMO));
const text = (name: string) => readFileSync(demo(name), "latin1").replace(/\r\n/g, "\n");
const SEP = "From MAILER-DAEMON Tue May 14 09:12:04 2024\n";
const MBOX = [text("01-authenticated.eml"), text("02-dmarc-fail-cleartext.eml")].map((m) => `${SEP}${m}\n`).join("");
const RULES = JSON.stringify([{ id: "r", name: "DMARC failed", conditions: [{ type: "methodResult", method: "dmarc", results: ["fail"] }], actions: [{ type: "flag", flagged: true }] }]);

async function cli(argv: string[], options: FakeIoOptions = {}) {
  const io = fakeIo({ fallback: (p) => readFileSync(p), ...options, files: { "box.mbox": MBOX, "rules.json": RULES, ...options.files } });
  const code = await run(argv, io);
  return { code, out: io.out.join(""), err: io.err.join("") };
}

const b = (s: string) => Buffer.from(s, "utf8");

describe("describeMessage: Subject and From, short and safe", () => {
  it("quotes the subject and names the From address", () => {
    expect(describeMessage(b('From: "Alice" <alice@example.com>\nSubject: Quarterly report\n\nbody'))).toBe('"Quarterly report" from alice@example.com');
  });
  it("says when there is no subject or no From", () => {
    expect(describeMessage(b("From: alice@example.com\n\n"))).toBe("(no subject) from alice@example.com");
    expect(describeMessage(b("Subject: hi\n\n"))).toBe('"hi" (no From)');
    expect(describeMessage(b("Subject:   \nFrom: \n\n"))).toBe("(no subject) (no From)");
  });
  it("decodes RFC 2047 subjects and unfolds them", () => {
    expect(describeMessage(b("Subject: =?UTF-8?Q?R=C3=A9union?=\n lundi\nFrom: a@b.example\n\n"))).toBe('"Réunion lundi" from a@b.example');
  });
  it("cuts a long subject to 50 characters", () => {
    const label = describeMessage(b(`Subject: ${"x".repeat(80)}\nFrom: a@b.example\n\n`));
    expect(label).toBe(`"${"x".repeat(49)}…" from a@b.example`);
  });
  it("escapes control and bidi characters (terminal escapes in a subject do nothing)", () => {
    const label = describeMessage(b("Subject: =?UTF-8?Q?pay_=1B[2Jnow_=E2=80=AEtxt.exe?=\nFrom: a@b.example\n\n"));
    expect(label).toBe('"pay \\x1b[2Jnow \\u202etxt.exe" from a@b.example');
  });
});

describe("mbox labels in every command", () => {
  it("inspect", async () => {
    const { code, out } = await cli(["inspect", "box.mbox"]);
    expect(code).toBe(0);
    expect(out.match(/^== .*$/gm)).toEqual(['== message 1: "Minutes of Monday\'s planning meeting" from alice@example.com', '== message 2: "Your invoice #88213 is overdue" from billing@example.com']);
  });
  it("verify", async () => {
    const { code, out } = await cli(["verify", "box.mbox"]);
    expect(code).toBe(0);
    expect(out.match(/^== .*$/gm)).toEqual(['== message 1: "Minutes of Monday\'s planning meeting" from alice@example.com', '== message 2: "Your invoice #88213 is overdue" from billing@example.com']);
  });
  it("rules test (text; its JSON keeps the message's name)", async () => {
    const { code, out } = await cli(["rules", "test", "--rules", "rules.json", "--trust", "mx.example.net", "box.mbox"]);
    expect(code).toBe(0);
    expect(out).toContain('box.mbox message 1: "Minutes of Monday\'s planning meeting" from alice@example.com: verified; 0 of 1 rule(s) match\n');
    expect(out).toContain('box.mbox message 2: "Your invoice #88213 is overdue" from billing@example.com: failed; 1 of 1 rule(s) match\n');
    const json = await cli(["rules", "test", "--json", "--rules", "rules.json", "box.mbox"]);
    expect(json.out.split("\n").slice(0, 2).map((l) => (JSON.parse(l) as { message: string }).message)).toEqual(["box.mbox message 1", "box.mbox message 2"]);
  });
});

describe("inspect on several files", () => {
  const A = demo("01-authenticated.eml");
  const B = demo("08-no-auth.eml");

  it("one .eml: the same output as ever (no heading; --json one indented object without \"file\")", async () => {
    const { code, out } = await cli(["inspect", "--trust", "mx.example.net", A]);
    expect(code).toBe(0);
    expect(out.startsWith("Verdict: VERIFIED")).toBe(true);
    const json = await cli(["inspect", "--json", "--trust", "mx.example.net", A]);
    expect(json.out.startsWith('{\n  "from": {')).toBe(true);
    expect(Object.keys(JSON.parse(json.out) as object)).not.toContain("file");
  });

  it("text: each file in turn under its name; mbox messages under the file's name and their label", async () => {
    const { code, out, err } = await cli(["inspect", "--trust", "mx.example.net", A, B, "box.mbox"]);
    expect([code, err]).toEqual([0, ""]);
    expect(out.match(/^== .*$/gm)).toEqual([
      `== ${A}`,
      `== ${B}`,
      '== box.mbox message 1: "Minutes of Monday\'s planning meeting" from alice@example.com',
      '== box.mbox message 2: "Your invoice #88213 is overdue" from billing@example.com',
    ]);
    expect(out).toMatch(new RegExp(`== ${A}\\nVerdict: VERIFIED`));
  });

  it("--json: one object per message and line, \"file\" first (and \"message\" for an mbox)", async () => {
    const { code, out } = await cli(["inspect", "--json", "--trust", "mx.example.net", A, "box.mbox", B]);
    expect(code).toBe(0);
    const lines = out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown> & { verdict: { level: string } });
    expect(lines.map((l) => [l.file, l.message, l.verdict.level])).toEqual([
      [A, undefined, "verified"],
      ["box.mbox", 0, "verified"],
      ["box.mbox", 1, "failed"],
      [B, undefined, "unverified"],
    ]);
    expect(Object.keys(lines[0] ?? {})[0]).toBe("file");
    expect(Object.keys(lines[1] ?? {}).slice(0, 2)).toEqual(["file", "message"]);
    const single = await cli(["inspect", "--json", "--trust", "mx.example.net", A]);
    const rest: Record<string, unknown> = { ...lines[0] };
    delete rest.file;
    expect(rest).toEqual(JSON.parse(single.out));
  });

  it("a file that cannot be read or is not a message is named on stderr; the others are reported; exit 2", async () => {
    const { code, out, err } = await cli(["inspect", "--json", A, "missing.eml", "pic.png", B], { files: { "pic.png": "\x89PNG\r\n" } });
    expect(code).toBe(2);
    expect(err).toBe('authlens inspect: no such file: missing.eml\nauthlens inspect: pic.png: not an e-mail message (it does not start with a header field such as "From:")\n');
    expect(out.trim().split("\n").map((l) => (JSON.parse(l) as { file: string }).file)).toEqual([A, B]);
  });

  it("--help shows the several files", async () => {
    const { out } = await cli(["inspect", "--help"]);
    expect(out.split("\n")[0]).toBe("Usage: authlens inspect [--json] [--trust ID]... [--forwarder DOMAIN]... [--verify] <file.eml | file.mbox>...");
  });
});
