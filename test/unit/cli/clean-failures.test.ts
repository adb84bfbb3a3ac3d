/**
 * Clean failures of the `authlens` command line (issue 13 item 14): unknown options in our own
 * words, OS errors in plain words, files that are not e-mail messages refused with exit status 2,
 * `parse` and `policy check -` never waiting on a terminal. Every message is checked whole: the
 * exact text is what users see.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";
import { fileError, notAMessage } from "../../../src/cli/input.js";
import { fakeIo, type FakeIoOptions, fsError } from "./fake-io.js";
import { DEMO } from "../core/analysis-helpers.js";

const demo = (name: string) => fileURLToPath(new URL(name, DEMO));
const EML = demo("01-authenticated.eml");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
const NOT_MESSAGES: Record<string, Buffer> = {
  "pic.png": PNG,
  "empty.eml": Buffer.alloc(0),
  "blank.eml": Buffer.from("\n\r\n  \n"),
  "notes.txt": Buffer.from("Shopping list\nmilk\n"),
  "rules.json": Buffer.from('{"rules": []}'),
  "nul.eml": Buffer.from("Subject: hi\nX-Data: \0\0\0\n\nbody"),
};
const RULES = JSON.stringify([{ id: "r", name: "Any DMARC", conditions: [{ type: "methodResult", method: "dmarc", results: ["pass", "fail"] }], actions: [{ type: "flag", flagged: true }] }]);

function io(extra: FakeIoOptions = {}) {
  return fakeIo({
    files: { "ok.json": RULES },
    fallback: (p) => {
      const bytes = NOT_MESSAGES[p];
      return bytes ?? readFileSync(p);
    },
    ...extra,
  });
}

async function cli(argv: string[], extra: FakeIoOptions = {}) {
  const f = io(extra);
  const code = await run(argv, f);
  return { code, out: f.out.join(""), err: f.err.join("") };
}

describe("unknown and malformed options: our words, a pointer to --help, exit 2", () => {
  const cases: [string[], string][] = [
    [["inspect", "--foo", EML], "authlens inspect: unknown option --foo\nRun 'authlens inspect --help' for its options.\n"],
    [["inspect", "-x", EML], "authlens inspect: unknown option -x\nRun 'authlens inspect --help' for its options.\n"],
    [["verify", "--fast", EML], "authlens verify: unknown option --fast\nRun 'authlens verify --help' for its options.\n"],
    [["parse", "--bogus", "a.example; none"], "authlens parse: unknown option --bogus\nRun 'authlens parse --help' for its options.\n"],
    [["rules", "test", "--bogus", "--rules", "ok.json", EML], "authlens rules: unknown option --bogus\nRun 'authlens rules test --help' for its options.\n"],
    [["rules", "--bogus"], "authlens rules: unknown option --bogus\nRun 'authlens rules --help' for its options.\n"],
    [["policy", "check", "--strict", "p.json"], "authlens policy: unknown option --strict\nRun 'authlens policy --help' for its options.\n"],
    [["policy", "--bogus"], "authlens policy: unknown option --bogus\nRun 'authlens policy --help' for its options.\n"],
    [["--bogus"], "authlens: unknown option --bogus\nRun 'authlens --help' for the commands.\n"],
    [["inspect", EML, "--trust"], "authlens inspect: --trust needs a value\nRun 'authlens inspect --help' for its options.\n"],
    [["inspect", "--trust", "--json", EML], 'authlens inspect: --trust needs a value (write --trust=--json if "--json" is meant)\nRun \'authlens inspect --help\' for its options.\n'],
    [["inspect", "--json=yes", EML], "authlens inspect: --json takes no value\nRun 'authlens inspect --help' for its options.\n"],
  ];
  for (const [argv, message] of cases) {
    it(argv.join(" "), async () => {
      const { code, out, err } = await cli(argv);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toBe(message);
    });
  }

  it("a value starting with '-' can still be given with '='", async () => {
    const { code } = await cli(["inspect", "--trust=-odd", EML]);
    expect(code).toBe(0);
  });
});

describe("OS errors in plain words", () => {
  it("fileError words each kind of error", () => {
    expect(fileError("a.eml", fsError("ENOENT", "no such file or directory, open 'a.eml'")).message).toBe("no such file: a.eml");
    expect(fileError("d/a.eml", fsError("ENOTDIR", "not a directory, open 'd/a.eml'")).message).toBe("no such file: d/a.eml");
    expect(fileError("mail", fsError("EISDIR", "illegal operation on a directory, read")).message).toBe("mail is a folder");
    expect(fileError("a.eml", fsError("EACCES", "permission denied, open 'a.eml'")).message).toBe("permission denied: a.eml");
    expect(fileError("a.eml", fsError("EPERM", "operation not permitted, open 'a.eml'")).message).toBe("permission denied: a.eml");
    expect(fileError("a.eml", fsError("EIO", "i/o error, read")).message).toBe("cannot read a.eml: i/o error, read");
    expect(fileError("a\u001b[2J.eml", fsError("ENOENT", "x")).message).toBe("no such file: a\\x1b[2J.eml");
    expect(fileError("a.eml", fsError("ENOENT", "x")).exitCode).toBe(2);
  });

  const eaccess = (p: string) => {
    if (p === "secret.eml") throw fsError("EACCES", "permission denied, open 'secret.eml'");
    return readFileSync(p);
  };
  const cases: [string, string[], FakeIoOptions, string][] = [
    ["inspect: a missing file", ["inspect", "missing.eml"], {}, "authlens inspect: no such file: missing.eml\n"],
    ["inspect: a folder", ["inspect", "mail"], { dirs: { mail: ["a.eml"] } }, "authlens inspect: mail is a folder\n"],
    ["inspect: permission denied", ["inspect", "secret.eml"], { fallback: eaccess }, "authlens inspect: permission denied: secret.eml\n"],
    ["verify: a missing file", ["verify", "missing.eml"], {}, "authlens verify: no such file: missing.eml\n"],
    ["verify: a folder", ["verify", "mail"], { dirs: { mail: [] } }, "authlens verify: mail is a folder\n"],
    ["verify: permission denied", ["verify", "secret.eml"], { fallback: eaccess }, "authlens verify: permission denied: secret.eml\n"],
    ["verify: a missing DNS file", ["verify", "--dns", "dns.json", EML], {}, "authlens verify: no such file: dns.json\n"],
    ["rules test: a missing rules file", ["rules", "test", "--rules", "nope.json", EML], {}, "authlens rules: no such file: nope.json\n"],
    ["rules test: a missing input", ["rules", "test", "--rules", "ok.json", "missing.eml"], {}, "authlens rules: no such file: missing.eml\n"],
    ["policy check: a missing file", ["policy", "check", "nope.json"], {}, "authlens policy: no such file: nope.json\n"],
    ["policy check: a folder", ["policy", "check", "etc"], { dirs: { etc: [] } }, "authlens policy: etc is a folder\n"],
  ];
  for (const [what, argv, extra, message] of cases) {
    it(what, async () => {
      const { code, out, err } = await cli(argv, extra);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toBe(message);
    });
  }

  it("real files: a folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "authlens-cli-"));
    try {
      const real = fakeIo({ fallback: (p) => readFileSync(p) });
      expect(await run(["inspect", dir], real)).toBe(2);
      expect(real.err.join("")).toBe(`authlens inspect: ${dir} is a folder\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // root reads any file, so the refusal cannot be provoked then (the fake-file test above covers the message).
  it.skipIf(process.getuid?.() === 0)("real files: an unreadable file (not as root)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "authlens-cli-"));
    try {
      const secret = join(dir, "secret.eml");
      writeFileSync(secret, readFileSync(EML));
      chmodSync(secret, 0o000);
      const denied = fakeIo({ fallback: (p) => readFileSync(p) });
      expect(await run(["inspect", secret], denied)).toBe(2);
      expect(denied.err.join("")).toBe(`authlens inspect: permission denied: ${secret}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("what is an e-mail message", () => {
  const bytes = (s: string) => Buffer.from(s, "latin1");
  it("a message starts with a header field (or an mbox From line), and has no NUL in its header", () => {
    expect(notAMessage(bytes("Received: from a\n\tby b\nFrom: x@y.example\n\nbody"))).toBeNull();
    expect(notAMessage(bytes("DKIM-Signature: v=1"))).toBeNull(); // a header alone, no body
    expect(notAMessage(bytes("X-Spam_Score.v2 : 1\r\n\r\n"))).toBeNull();
    expect(notAMessage(bytes("From alice@example.com Tue May 14 09:12:03 2024\nSubject: hi\n\nbody"))).toBeNull();
    expect(notAMessage(bytes("Subject: hi\n\nbinary body \0\0\0"))).toBeNull(); // NULs after the header do not count
    expect(notAMessage(bytes(""))).toBe("empty");
    expect(notAMessage(bytes(" \r\n\t\n"))).toBe("empty");
    expect(notAMessage(PNG)).toBe('it does not start with a header field such as "From:"');
    expect(notAMessage(bytes("%PDF-1.7\n"))).toBe('it does not start with a header field such as "From:"');
    expect(notAMessage(bytes('{"a": 1}'))).toBe('it does not start with a header field such as "From:"');
    expect(notAMessage(bytes("\nSubject: a blank line first\n"))).toBe('it does not start with a header field such as "From:"');
    expect(notAMessage(bytes("From alice@example.com Tue May 14 09:12:03 2024\n%PDF"))).toBe('it does not start with a header field such as "From:"');
    expect(notAMessage(bytes("Subject: hi\nX: \0\n\nbody"))).toBe("binary data in its header");
  });

  const refused = (file: string, why: string) => `${file}: not an e-mail message (${why})`;
  const NO_HEADER = 'it does not start with a header field such as "From:"';
  const expected: Record<string, string> = {
    "pic.png": refused("pic.png", NO_HEADER),
    "empty.eml": refused("empty.eml", "empty"),
    "blank.eml": refused("blank.eml", "empty"),
    "notes.txt": refused("notes.txt", NO_HEADER),
    "rules.json": refused("rules.json", NO_HEADER),
    "nul.eml": refused("nul.eml", "binary data in its header"),
  };
  for (const [file, message] of Object.entries(expected)) {
    it(`${file} is refused by inspect, inspect --json, verify and rules test (exit 2)`, async () => {
      for (const [argv, prefix] of [
        [["inspect", file], "authlens inspect"],
        [["inspect", "--json", file], "authlens inspect"],
        [["verify", file], "authlens verify"],
        [["verify", "--json", file], "authlens verify"],
        [["rules", "test", "--rules", "ok.json", file], "authlens rules"],
      ] as const) {
        const { code, out, err } = await cli([...argv]);
        expect(code).toBe(2);
        expect(out).toBe("");
        expect(err).toBe(`${prefix}: ${message}\n`);
      }
    });
  }

  const one = readFileSync(EML, "latin1").replace(/\r\n/g, "\n");
  const two = readFileSync(demo("08-no-auth.eml"), "latin1").replace(/\r\n/g, "\n");
  const SEP = "From MAILER-DAEMON Tue May 14 09:12:04 2024\n";
  const MBOX = `${SEP}${one}\n${SEP}\x89PNG\r\n\x1a\n\0\0\0\n\n${SEP}\n${SEP}${two}\n`;
  const mbox = { files: { "box.mbox": MBOX, "ok.json": RULES } };

  it("inspect: an mbox message that is not a message is named on stderr, the others are reported, exit 2", async () => {
    const text = await cli(["inspect", "box.mbox"], mbox);
    expect(text.code).toBe(2);
    expect(text.err).toBe(
      "authlens inspect: box.mbox message 2: not an e-mail message (it does not start with a header field such as \"From:\")\n" +
        "authlens inspect: box.mbox message 3: not an e-mail message (empty)\n",
    );
    expect(text.out.match(/^== .*$/gm)).toEqual(['== message 1: "Minutes of Monday\'s planning meeting" from alice@example.com', '== message 4: "Scanned document (3 pages)" from printer@office.example.net']);
    const json = await cli(["inspect", "--json", "box.mbox"], mbox);
    expect(json.code).toBe(2);
    expect(json.out.trim().split("\n").map((l) => (JSON.parse(l) as { message: number }).message)).toEqual([0, 3]);
  });

  it("verify: the same, and its JSON lines keep their contract shape", async () => {
    const { code, out, err } = await cli(["verify", "--json", "box.mbox"], mbox);
    expect(code).toBe(2);
    expect(err).toContain("authlens verify: box.mbox message 2: not an e-mail message (");
    expect(err).toContain("authlens verify: box.mbox message 3: not an e-mail message (empty)");
    const lines = out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(["arc", "dkim", "dmarc"]);
  });

  it("rules test: an mbox's and a folder's non-messages are skipped and named; the summary counts the others; exit 2", async () => {
    const box = await cli(["rules", "test", "--json", "--rules", "ok.json", "box.mbox"], mbox);
    expect(box.code).toBe(2);
    expect(box.err).toBe(
      "authlens rules: box.mbox message 2: not an e-mail message (it does not start with a header field such as \"From:\")\n" +
        "authlens rules: box.mbox message 3: not an e-mail message (empty)\n",
    );
    const lines = box.out.trim().split("\n").map((l) => JSON.parse(l) as { message?: string; summary?: { messages: number } });
    expect(lines.map((l) => l.message ?? l.summary?.messages)).toEqual(["box.mbox message 1", "box.mbox message 4", 2]);

    const folder = await cli(["rules", "test", "--rules", "ok.json", "mail"], {
      dirs: { mail: ["a.eml", "b.eml", "c.eml", "d.eml", "notes.txt"] },
      files: { "ok.json": RULES, "mail/a.eml": one, "mail/b.eml": "", "mail/d.eml": two },
      fallback: (p) => {
        if (p === "mail/c.eml") throw fsError("EACCES", "permission denied, open 'mail/c.eml'");
        throw fsError("ENOENT", `no such file or directory, open '${p}'`);
      },
    });
    expect(folder.code).toBe(2);
    expect(folder.err).toBe("authlens rules: mail/b.eml: not an e-mail message (empty)\nauthlens rules: permission denied: mail/c.eml\n");
    expect(folder.out).toContain("mail/a.eml: unconfigured; 0 of 1 rule(s) match");
    expect(folder.out).toContain("mail/d.eml: unverified; 0 of 1 rule(s) match");
    expect(folder.out).toContain("2 message(s); rule set");
  });

  it("rules test: a refused input wins over invalid rules (2, not 1)", async () => {
    const bad = JSON.stringify([JSON.parse(RULES)[0], { id: "x", name: "X", conditions: [], actions: [] }]);
    const { code, err } = await cli(["rules", "test", "--rules", "bad.json", "box.mbox"], { files: { "box.mbox": MBOX, "bad.json": bad } });
    expect(code).toBe(2);
    expect(err).toContain("bad.json: rule 1 skipped");
    expect(err).toContain("authlens rules: box.mbox message 3: not an e-mail message (empty)");
  });

  it("an .mbox file with no message in it is refused; an empty one is an empty mailbox", async () => {
    const junk = await cli(["inspect", "x.mbox"], { files: { "x.mbox": "hello\nworld\n" } });
    expect(junk.code).toBe(2);
    expect(junk.err).toBe('authlens inspect: x.mbox: not an mbox file (no message starts with a "From " line)\n');
    const verifyJunk = await cli(["verify", "x.mbox"], { files: { "x.mbox": "hello\nworld\n" } });
    expect(verifyJunk.err).toBe('authlens verify: x.mbox: not an mbox file (no message starts with a "From " line)\n');
    const empty = await cli(["inspect", "empty.mbox"], { files: { "empty.mbox": "" } });
    expect(empty).toEqual({ code: 0, out: "", err: "" });
    const rules = await cli(["rules", "test", "--rules", "ok.json", "empty.mbox"], { files: { "empty.mbox": "", "ok.json": RULES } });
    expect(rules.code).toBe(0);
    expect(rules.out).toContain("0 message(s)");
  });
});

describe("standard input on a terminal: a usage error, never a wait", () => {
  it("parse without a value", async () => {
    const { code, out, err } = await cli(["parse"], { stdinTerminal: true });
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^authlens parse: expected a header value, as an argument or on standard input\n\nUsage: authlens parse /);
    const json = await cli(["parse", "--json"], { stdinTerminal: true });
    expect(json.code).toBe(2);
  });

  it("parse --jsonl", async () => {
    const { code, err } = await cli(["parse", "--jsonl"], { stdinTerminal: true });
    expect(code).toBe(2);
    expect(err).toMatch(/^authlens parse: --jsonl reads its values from standard input, which is a terminal: pipe them in\n\nUsage: /);
  });

  it("parse with a value, or with piped input, still works", async () => {
    expect((await cli(["parse", "a.example; none"], { stdinTerminal: true })).code).toBe(0);
    expect((await cli(["parse"], { stdin: "a.example; none\n" })).code).toBe(0);
  });

  it("policy check -", async () => {
    const { code, err } = await cli(["policy", "check", "-"], { stdinTerminal: true });
    expect(code).toBe(2);
    expect(err).toBe("authlens policy: \"-\" reads the policy from standard input, which is a terminal: pipe it in\nRun 'authlens policy --help' for its options.\n");
  });
});

describe("missing commands and sub-commands: the usage on stderr, exit 2", () => {
  it("authlens alone", async () => {
    const { code, out, err } = await cli([]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^Usage: authlens <command> \[options\]/);
  });

  it("authlens rules, authlens policy", async () => {
    const rules = await cli(["rules"]);
    expect([rules.code, rules.out]).toEqual([2, ""]);
    expect(rules.err).toMatch(/^authlens rules: expected a sub-command: test or examples\n\nUsage: authlens rules test /);
    const policy = await cli(["policy"]);
    expect([policy.code, policy.out]).toEqual([2, ""]);
    expect(policy.err).toMatch(/^authlens policy: expected a sub-command: check or schema\n\nUsage: authlens policy check /);
  });

  it("an unknown command", async () => {
    const { code, err } = await cli(["frobnicate"]);
    expect(code).toBe(2);
    expect(err).toMatch(/^authlens: unknown command 'frobnicate'\n\nUsage: authlens <command>/);
  });
});
