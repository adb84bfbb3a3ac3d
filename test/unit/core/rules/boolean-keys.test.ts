/** RULE_BOOLEAN_KEYS (what a policy may write as 0/1 or strings inside admin rules) is what the rule schema says. */
import { toJSONSchema } from "zod/mini";
import { describe, expect, it } from "vitest";
import { RULE_BOOLEAN_KEYS, rulesSchema } from "../../../../src/core/rules/schema.js";

/** The property names with a boolean type anywhere in a JSON Schema. */
function booleanKeys(node: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => booleanKeys(n, keys));
  if (typeof node !== "object" || node === null) return keys;
  const props = (node as { properties?: unknown }).properties;
  if (typeof props === "object" && props !== null) {
    for (const [name, schema] of Object.entries(props)) if ((schema as { type?: unknown }).type === "boolean") keys.add(name);
  }
  Object.values(node).forEach((n) => booleanKeys(n, keys));
  return keys;
}

describe("RULE_BOOLEAN_KEYS", () => {
  it("names every boolean property of the rule model, and nothing else", () => {
    const fromSchema = booleanKeys(toJSONSchema(rulesSchema, { io: "input", unrepresentable: "any" }));
    expect([...RULE_BOOLEAN_KEYS].sort()).toEqual([...fromSchema].sort());
  });
});
