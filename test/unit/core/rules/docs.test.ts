/** docs/rules.md stays true: its examples validate, and the shipped examples are the ones shown. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONDITION_TYPES, ACTION_TYPES, EXAMPLE_RULES, findRules, validateRules } from "../../../../src/core/rules/index.js";

const DOC = readFileSync(new URL("../../../../docs/rules.md", import.meta.url), "utf8");
const blocks = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

describe("docs/rules.md", () => {
  it("every complete JSON example validates without problems", () => {
    const docs = blocks.filter((b) => !b.includes("..."));
    expect(docs.length).toBeGreaterThanOrEqual(2);
    for (const b of docs) {
      const found = findRules(JSON.parse(b));
      if (typeof found === "string") throw new Error(found);
      const { problems } = validateRules(found.rules);
      expect(problems).toEqual([]);
    }
  });

  it("shows the shipped examples as they are", () => {
    const shipped = blocks.find((b) => b.includes("example-tls-verified")) ?? "";
    const found = findRules(JSON.parse(shipped));
    if (typeof found === "string") throw new Error(found);
    expect(validateRules(found.rules).rules).toEqual(EXAMPLE_RULES);
  });

  it("documents every condition and action type", () => {
    for (const t of [...CONDITION_TYPES, ...ACTION_TYPES]) expect(DOC).toContain(`| \`${t}\``);
  });
});
