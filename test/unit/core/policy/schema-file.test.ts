/** docs/authlens-policy.schema.json is what the zod schema generates (regenerate: `node scripts/gen-policy-schema.mjs`). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { policyJsonSchemaText } from "../../../../src/core/policy/json-schema.js";

describe("docs/authlens-policy.schema.json", () => {
  it("is up to date with src/core/policy/schema.ts", () => {
    const committed = readFileSync(new URL("../../../../docs/authlens-policy.schema.json", import.meta.url), "utf8");
    expect(committed, "run: node scripts/gen-policy-schema.mjs").toBe(policyJsonSchemaText());
  });
});
