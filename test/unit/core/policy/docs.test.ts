/** docs/admin.md stays true: its policies validate, and every key is documented. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findPolicy, LOCKABLE_KEYS, POLICY_KEYS, readPolicy } from "../../../../src/core/policy/index.js";

const DOC = readFileSync(new URL("../../../../docs/admin.md", import.meta.url), "utf8");
const blocks = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

describe("docs/admin.md", () => {
  it("every policies.json example has a valid AuthLens entry", () => {
    const docs = blocks.filter((b) => b.includes("3rdparty"));
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const b of docs) {
      const found = findPolicy(JSON.parse(b));
      if (typeof found === "string") throw new Error(found);
      expect(readPolicy(found.entry).problems).toEqual([]);
    }
  });

  it("the accountTrust entry example is valid", () => {
    const entry = blocks.find((b) => b.trim().startsWith('{ "match"')) ?? "";
    expect(readPolicy({ accountTrust: [JSON.parse(entry)] }).problems).toEqual([]);
  });

  it("documents every key and every lockable key", () => {
    for (const key of POLICY_KEYS) expect(DOC).toContain(`| \`${key}\` |`);
    for (const key of LOCKABLE_KEYS) expect(DOC).toContain(`\`${key}\``);
  });

  it("has the four examples the issue asks for", () => {
    for (const title of ["Trust our inbound MX for all accounts", "Lock the trust settings", "A mandatory rule that tags tls=pass mail", "No user rules"]) {
      expect(DOC).toContain(`### ${title}`);
    }
  });
});
