/** `authlens rules` through run() with a fake Io, on the demo fixtures (mx.example.net trusted). */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fakeIo, fsError } from "./fake-io.js";
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";
import { EXAMPLE_RULES, validateRules } from "../../../src/core/rules/index.js";
import { DEMO } from "../core/rules/helpers.js";

const DEMO_DIR = fileURLToPath(DEMO);
/** The demo folder, as the rules command lists it. */
const dirs = { [DEMO_DIR]: readdirSync(DEMO_DIR) };

const enabledExamples = EXAMPLE_RULES.map((r) => ({ ...r, enabled: true }));
const RULES = JSON.stringify({
  rules: [
    ...enabledExamples,
    {
      id: "dkim-example",
      name: "Tag DKIM for example.com",
      conditions: [{ type: "property", method: "dkim", ptype: "header", property: "d", op: "endsWith", value: "example.com" }],
      actions: [{ type: "addTag", tag: "$authlens_example" }, { type: "moveTo", folder: { path: "Example" } }],
    },
  ],
});

interface Line {
  message: string;
  verdict: string;
  rules: { id: string; matched: boolean; conditions: { matched: boolean; text: string }[] }[];
  actions: { ruleId: string; action: { type: string }; text: string }[];
  skipped: { ruleId: string; text: string; note: string; reason: { key: string; params: string[] } }[];
}

function jsonLines(io: { out: string[] }): unknown[] {
  return io.out
    .join("")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as unknown);
}

const disk = (p: string) => (p.startsWith("/") ? readFileSync(p) : readFileSync(new URL(p, DEMO)));

describe("authlens rules test", () => {
  it("is listed in the top-level help, and has its own", async () => {
    const io = fakeIo({ fallback: disk });
    expect(await run(["--help"], io)).toBe(0);
    expect(io.out.join("")).toMatch(/rules\s+Dry-run filter rules/);
    const h = fakeIo({ fallback: disk });
    expect(await run(["rules", "test", "--help"], h)).toBe(0);
    expect(h.out.join("")).toContain("--rules FILE");
    // The usage line lists every option of test, --all included.
    const usage = h.out.join("").split("\n")[0] ?? "";
    for (const option of ["--rules FILE", "--trust ID", "--forwarder DOMAIN", "--all", "--json"]) expect(usage).toContain(option);
  });

  it("--json on the demo folder: which rules match, which actions, in order", async () => {
    const io = fakeIo({ files: { "rules.json": RULES }, fallback: disk, dirs });
    const code = await run(["rules", "test", "--json", "--rules", "rules.json", "--trust", "mx.example.net", DEMO_DIR], io);
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    const lines = jsonLines(io);
    const messages = lines.slice(0, -1) as Line[];
    expect(messages).toHaveLength(8);
    const byFile = new Map(messages.map((l) => [l.message.split("/").pop() ?? "", l]));
    const matched = (f: string) => byFile.get(f)?.rules.filter((r) => r.matched).map((r) => r.id);
    expect(matched("01-authenticated.eml")).toEqual(["example-tls-verified", "dkim-example"]);
    expect(matched("02-dmarc-fail-cleartext.eml")).toEqual(["example-dmarc-fail"]);
    expect(matched("03-mailing-list-arc.eml")).toEqual(["example-dmarc-fail", "example-arc-intact", "dkim-example"]);
    expect(matched("04-forged-below.eml")).toEqual(["example-dmarc-fail"]); // the forged tls=pass/dmarc=pass count for nothing
    expect(matched("06-microsoft365.eml")).toEqual(["example-tls-verified", "dkim-example"]);
    expect(matched("08-no-auth.eml")).toEqual([]);

    // 03: two moves, the first (DMARC failures) wins; the move comes last.
    const arc = byFile.get("03-mailing-list-arc.eml");
    expect(arc?.actions.map((a) => [a.ruleId, a.action.type])).toEqual([
      ["example-arc-intact", "addTag"],
      ["dkim-example", "addTag"],
      ["example-dmarc-fail", "moveTo"],
    ]);
    expect(arc?.skipped).toEqual([
      expect.objectContaining({
        ruleId: "dkim-example",
        text: "move to the folder “Example” of the message's own account",
        note: "The rule “Move DMARC failures to a folder” moves the message first; a message is moved only once",
        reason: { key: "rules_skipMoved", params: ["Move DMARC failures to a folder"] },
      }),
    ]);
    expect(arc?.rules[0]?.conditions[0]).toMatchObject({ matched: false, text: "TLS result is pass" });
    expect(arc?.actions.map((a) => a.text)).toEqual(["add the tag “Forwarded (ARC intact)”", "add the tag “$authlens_example”", "move to the folder “AuthLens/DMARC failures” of the message's own account"]);

    expect(lines.at(-1)).toEqual({
      summary: {
        messages: 8,
        ruleSetVersion: expect.stringMatching(/^v1-/) as unknown,
        matches: { "example-tls-verified": 3, "example-dmarc-fail": 3, "example-arc-intact": 1, "dkim-example": 3 },
        problems: 0,
      },
    });
  });

  it("without --trust nothing is trusted, so no result-based rule matches", async () => {
    const io = fakeIo({ files: { "rules.json": RULES }, fallback: disk, dirs });
    expect(await run(["rules", "test", "--json", "--rules", "rules.json", DEMO_DIR], io)).toBe(0);
    const summary = jsonLines(io).at(-1) as { summary: { matches: Record<string, number> } };
    expect(Object.values(summary.summary.matches)).toEqual([0, 0, 0, 0]);
  });

  it("text output for one .eml", async () => {
    const io = fakeIo({ files: { "rules.json": RULES }, fallback: disk });
    expect(await run(["rules", "test", "--rules", "rules.json", "--trust", "mx.example.net", "01-authenticated.eml"], io)).toBe(0);
    const text = io.out.join("");
    expect(text).toContain("01-authenticated.eml: verified; 2 of 4 rule(s) match");
    expect(text).toMatch(/MATCH Tag mail that arrived over verified TLS \[example-tls-verified\]/);
    expect(text).toContain("yes  TLS result is pass");
    expect(text).toContain("1. add the tag “TLS verified”  [example-tls-verified]");
    expect(text).toContain("3. move to the folder “Example” of the message's own account  [dkim-example]");
    expect(text).toMatch(/1 message\(s\); rule set v1-/);
  });

  it("text output names a skipped action and why, in English from _locales", async () => {
    const io = fakeIo({ files: { "rules.json": RULES }, fallback: disk });
    expect(await run(["rules", "test", "--rules", "rules.json", "--trust", "mx.example.net", "03-mailing-list-arc.eml"], io)).toBe(0);
    expect(io.out.join("")).toContain(
      "    - not: move to the folder “Example” of the message's own account  [dkim-example]: The rule “Move DMARC failures to a folder” moves the message first; a message is moved only once",
    );
  });

  it("disabled rules are not evaluated unless --all", async () => {
    const io = fakeIo({ files: { "ex.json": JSON.stringify(EXAMPLE_RULES) }, fallback: disk });
    expect(await run(["rules", "test", "--rules", "ex.json", "--trust", "mx.example.net", "01-authenticated.eml"], io)).toBe(0);
    expect(io.out.join("")).toContain("3 disabled rule(s) not evaluated");
    expect(io.out.join("")).toContain("0 of 0 rule(s) match");
    const all = fakeIo({ files: { "ex.json": JSON.stringify(EXAMPLE_RULES) }, fallback: disk });
    await run(["rules", "test", "--all", "--rules", "ex.json", "--trust", "mx.example.net", "01-authenticated.eml"], all);
    expect(all.out.join("")).toContain("1 of 3 rule(s) match");
  });

  it("reads an mbox, message by message", async () => {
    const mbox = ["01-authenticated.eml", "02-dmarc-fail-cleartext.eml"]
      .map((f) => `From MAILER-DAEMON Tue May 14 09:12:04 2024\n${readFileSync(new URL(f, DEMO), "utf8").replace(/\r\n/g, "\n")}\n`)
      .join("");
    const io = fakeIo({ files: { "rules.json": RULES, "box.mbox": mbox }, fallback: disk });
    expect(await run(["rules", "test", "--json", "--rules", "rules.json", "--trust", "mx.example.net", "box.mbox"], io)).toBe(0);
    const lines = jsonLines(io) as Line[];
    expect(lines.slice(0, 2).map((l) => [l.message, l.verdict])).toEqual([
      ["box.mbox message 1", "verified"],
      ["box.mbox message 2", "failed"],
    ]);
  });

  it("reads a policies.json; invalid rules go to stderr with paths, the rest still run, exit 1", async () => {
    const policies = {
      policies: {
        "3rdparty": {
          Extensions: {
            "authlens@authlens.org": {
              adminRules: [
                { id: "bad", name: "Bad", conditions: [{ type: "methodResult", method: "tls", results: ["pass"], negated: true }], actions: [{ type: "delete" }] },
                enabledExamples[1],
              ],
            },
          },
        },
      },
    };
    const io = fakeIo({ files: { "policies.json": JSON.stringify(policies) }, fallback: disk });
    const code = await run(["rules", "test", "--json", "--rules", "policies.json", "--trust", "mx.example.net", "02-dmarc-fail-cleartext.eml"], io);
    expect(code).toBe(1);
    const err = io.err.join("");
    expect(err).toContain('policies.json: policies["3rdparty"].Extensions["authlens@authlens.org"].adminRules[0].conditions[0]: unknown key: negated');
    expect(err).toContain('adminRules[0].actions[0].type: unknown action type');
    expect(err).toContain("policies.json: rule 0 skipped");
    const [line, summary] = jsonLines(io) as [Line, { summary: { problems: number } }];
    expect(line.rules.map((r) => [r.id, r.matched])).toEqual([["example-dmarc-fail", true]]);
    expect(summary.summary.problems).toBe(2);
  });

  it("usage and input errors exit 2", async () => {
    const cases: [string[], RegExp][] = [
      [["rules", "test", "01-authenticated.eml"], /--rules FILE is required/],
      [["rules", "test", "--rules", "rules.json"], /expected exactly one/],
      [["rules", "test", "--rules", "nope.json", "x.eml"], /^authlens rules: no such file: nope\.json\n$/],
      [["rules", "test", "--rules", "broken.json", "01-authenticated.eml"], /not valid JSON/],
      [["rules", "test", "--rules", "num.json", "01-authenticated.eml"], /expected a JSON array of rules/],
      [["rules", "frobnicate"], /unknown sub-command/],
      [["rules", "test", "--bogus"], /^authlens rules: unknown option --bogus\nRun 'authlens rules test --help' for its options\.\n$/],
    ];
    for (const [argv, message] of cases) {
      const io = fakeIo({ files: { "rules.json": RULES, "broken.json": "{", "num.json": "42" }, fallback: disk });
      io.readFile = ((orig) => (p: string) => {
        if (p === "nope.json") throw fsError("ENOENT", "no such file or directory, open 'nope.json'");
        return orig(p);
      })(io.readFile);
      expect(await run(argv, io)).toBe(2);
      expect(io.err.join("")).toMatch(message);
    }
  });

  it("rules examples prints a valid rules file", async () => {
    const io = fakeIo({ fallback: disk });
    expect(await run(["rules", "examples"], io)).toBe(0);
    const doc = JSON.parse(io.out.join("")) as { rules: unknown[] };
    expect(doc.rules).toEqual(JSON.parse(JSON.stringify(EXAMPLE_RULES)));
    const back = fakeIo({ files: { "ex.json": io.out.join("") }, fallback: disk });
    expect(await run(["rules", "test", "--rules", "ex.json", "08-no-auth.eml"], back)).toBe(0);
  });
});

describe("tag keys are case-insensitive and stored in lower case (docs/rules.md)", () => {
  const rule = (tag: string) => ({
    id: "t",
    name: "Tag TLS",
    conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }],
    actions: [{ type: "addTag", tag, name: "TLS" }, { type: "removeTag", tag: ` ${tag.toUpperCase()} ` }],
  });

  it("the validator lower-cases them ($T is $t), as Thunderbird's tag keys are", () => {
    const { rules, problems } = validateRules([rule("$T"), { ...rule("$AuthLens_TLS"), id: "u" }]);
    expect(problems).toEqual([]);
    expect(rules.map((r) => r.actions.map((a) => ("tag" in a ? a.tag : null)))).toEqual([
      ["$t", "$t"],
      ["$authlens_tls", "$authlens_tls"],
    ]);
  });

  it("characters outside a tag key are still refused, whatever their case", () => {
    for (const tag of ["My Tag", "$Ünïcode", "a/b", ""]) {
      const { problems } = validateRules([rule(tag)]);
      expect(problems.map((p) => p.path)).toContain("rules[0].actions[0].tag");
    }
  });

  it("rules test shows the key in lower case", async () => {
    const io = fakeIo({ files: { "t.json": JSON.stringify([rule("$Bank_OK")]) }, fallback: disk });
    expect(await run(["rules", "test", "--rules", "t.json", "--trust", "mx.example.net", "01-authenticated.eml"], io)).toBe(0);
    expect(io.err).toEqual([]);
    expect(io.out.join("")).toContain("1. add the tag “TLS”  [t]");
    const json = fakeIo({ files: { "t.json": JSON.stringify([rule("$Bank_OK")]) }, fallback: disk });
    await run(["rules", "test", "--json", "--rules", "t.json", "--trust", "mx.example.net", "01-authenticated.eml"], json);
    const line = JSON.parse(json.out.join("").split("\n")[0] ?? "") as { actions: { action: { tag: string } }[]; skipped: { action: { tag: string } }[] };
    // Adding and removing one tag: the plan keeps one of the two; both name the key in lower case.
    expect([...line.actions, ...line.skipped].map((a) => a.action.tag)).toEqual(["$bank_ok", "$bank_ok"]);
  });
});
