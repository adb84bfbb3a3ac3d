/** `authlens policy check` and `authlens policy schema` through run() with a fake Io. */
import { fakeIo } from "./fake-io.js";
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";
import { policyJsonSchemaText } from "../../../src/core/policy/json-schema.js";


const ENTRY = {
  trustedAuthservIds: ["mx.example.net"],
  locked: ["trustedAuthservIds", "bannerMode"],
  bannerMode: "failures",
  adminRules: [
    { id: "org-tls", name: "Org TLS", conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }], actions: [{ type: "addTag", tag: "$org_tls" }] },
  ],
  allowUserRules: false,
};
const wrap = (entry: unknown) => JSON.stringify({ policies: { "3rdparty": { Extensions: { "authlens@authlens.org": entry } } } });
const BASE = 'policies["3rdparty"].Extensions["authlens@authlens.org"]';

describe("authlens policy", () => {
  it("is listed in the top-level help", async () => {
    const io = fakeIo();
    expect(await run(["--help"], io)).toBe(0);
    expect(io.out.join("")).toMatch(/policy\s+Check an admin policy/);
  });

  it("--help and no sub-command", async () => {
    const io = fakeIo();
    expect(await run(["policy", "--help"], io)).toBe(0);
    expect(io.out.join("")).toContain("authlens policy check");
    expect(await run(["policy"], fakeIo())).toBe(2);
    const bad = fakeIo();
    expect(await run(["policy", "frobnicate"], bad)).toBe(2);
    expect(bad.err.join("")).toContain("unknown sub-command 'frobnicate'");
  });

  it("check: a valid policies.json exits 0 with a summary", async () => {
    const io = fakeIo({ files: { "policies.json": wrap(ENTRY) } });
    expect(await run(["policy", "check", "policies.json"], io)).toBe(0);
    const text = io.out.join("");
    expect(text).toContain(`policies.json (${BASE}): valid AuthLens policy`);
    expect(text).toContain("trusted servers (all accounts): 1");
    expect(text).toContain("admin rules: 1");
    expect(text).toContain("users' own rules: not allowed");
    expect(text).toContain("locked: trustedAuthservIds, bannerMode");
  });

  it("check: a bare settings object", async () => {
    const io = fakeIo({ files: { "authlens.json": JSON.stringify(ENTRY) } });
    expect(await run(["policy", "check", "authlens.json"], io)).toBe(0);
    expect(io.out.join("")).toContain("authlens.json: valid AuthLens policy");
  });

  it("check: standard input", async () => {
    const io = fakeIo({ stdin: JSON.stringify({ showBadge: 1 }) });
    expect(await run(["policy", "check", "-"], io)).toBe(0);
    expect(io.out.join("")).toContain("showBadge: true");
  });

  it("check: every problem with its full path, exit 1", async () => {
    const io = fakeIo({ files: { "policies.json": wrap({ ...ENTRY, bannerMode: "sometimes", locked: ["rules"], showBadge: "yes", colour: 1 }) } });
    expect(await run(["policy", "check", "policies.json"], io)).toBe(1);
    const lines = io.out.join("").split("\n");
    expect(lines[0]).toBe(`policies.json (${BASE}): 4 problems`);
    expect(lines).toContain(`  ${BASE}.bannerMode: expected one of off, failures, always, found "sometimes"`);
    expect(lines.some((l) => l.startsWith(`  ${BASE}.locked[0]: "rules" cannot be locked`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`  ${BASE}.showBadge: expected a boolean`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`  ${BASE}.colour: unknown key`))).toBe(true);
  });

  it("check: a rule's problem names the rule's path", async () => {
    const io = fakeIo({ files: { "p.json": JSON.stringify({ adminRules: [{ id: "x", name: "X", conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }], actions: [{ type: "delete" }] }] }) } });
    expect(await run(["policy", "check", "p.json"], io)).toBe(1);
    expect(io.out.join("")).toMatch(/adminRules\[0\]\.actions\[0\](\.type)?: unknown action type/);
  });

  it("check: a policies.json without the AuthLens entry, or not JSON, exits 1", async () => {
    const missing = fakeIo({ files: { "p.json": JSON.stringify({ policies: { "3rdparty": { Extensions: { "other@example.org": {} } } } }) } });
    expect(await run(["policy", "check", "p.json"], missing)).toBe(1);
    expect(missing.out.join("")).toContain(`no ${BASE}`);
    const broken = fakeIo({ files: { "p.json": "{ not json" } });
    expect(await run(["policy", "check", "p.json"], broken)).toBe(1);
    expect(broken.out.join("")).toContain("not valid JSON");
    const notObject = fakeIo({ files: { "p.json": wrap("text") } });
    expect(await run(["policy", "check", "p.json"], notObject)).toBe(1);
    expect(notObject.out.join("")).toContain(`${BASE}: the policy must be a JSON object, found string`);
  });

  it("check: an unreadable file or missing argument is a usage error (2)", async () => {
    const io = fakeIo();
    expect(await run(["policy", "check", "nope.json"], io)).toBe(2);
    expect(io.err.join("")).toBe("authlens policy: no such file: nope.json\n");
    expect(await run(["policy", "check"], fakeIo())).toBe(2);
    expect(await run(["policy", "check", "a", "b"], fakeIo())).toBe(2);
  });

  it("check --json", async () => {
    const io = fakeIo({ files: { "p.json": JSON.stringify({ showBadge: "maybe", bannerMode: "off" }) } });
    expect(await run(["policy", "check", "--json", "p.json"], io)).toBe(1);
    const result = JSON.parse(io.out.join("")) as { valid: boolean; path: string; problems: { path: string }[]; policy: unknown };
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.path)).toEqual(["showBadge"]);
    expect(result.policy).toEqual({ bannerMode: "off" });
  });

  it("schema prints the JSON Schema", async () => {
    const io = fakeIo();
    expect(await run(["policy", "schema"], io)).toBe(0);
    const text = io.out.join("");
    expect(text).toBe(policyJsonSchemaText());
    const schema = JSON.parse(text) as { properties: Record<string, { default?: unknown }>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual([
      "trustedAuthservIds",
      "accountTrust",
      "trustedForwarders",
      "adminRules",
      "allowUserRules",
      "bannerMode",
      "showBadge",
      "newMailSpecialFolders",
      "checkSignatures",
      "dohServer",
      "checkMaxMegabytes",
      "locked",
    ]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.allowUserRules?.default).toBe(true);
    expect(schema.properties.bannerMode?.default).toBe("failures");
  });
});
