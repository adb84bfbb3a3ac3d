/** docs/authlens-policy.schema.json is what the zod schema generates (regenerate: `node dist/cli.js policy schema > docs/authlens-policy.schema.json`). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { policyJsonSchemaText } from "../../../src/core/policy/index.js";

describe("docs/authlens-policy.schema.json", () => {
  it("is up to date with src/core/policy/schema.ts", () => {
    const committed = readFileSync(new URL("../../../docs/authlens-policy.schema.json", import.meta.url), "utf8");
    expect(committed, "run: npm run build && node dist/cli.js policy schema > docs/authlens-policy.schema.json").toBe(policyJsonSchemaText());
  });
});
