/**
 * The policy's JSON Schema, generated from the zod schema into docs/authlens-policy.schema.json
 * (scripts/gen-policy-schema.mjs; a unit test fails when it is out of date). The add-on and the CLI
 * never run this: `authlens policy schema` prints the committed file. Each key's `default` is what
 * applies when the policy does not set it.
 */
import { toJSONSchema } from "zod/mini";
import { DEFAULT_SETTINGS } from "../settings/schema.js";
import { policySchema, POLICY_DEFAULTS, POLICY_KEYS } from "./schema.js";

export const POLICY_SCHEMA_ID = "https://authlens.org/schemas/authlens-policy.schema.json";

export function policyJsonSchema(): Record<string, unknown> {
  const generated = toJSONSchema(policySchema, { io: "input", target: "draft-2020-12" });
  const properties = (generated.properties ?? {}) as Record<string, Record<string, unknown>>;
  const defaults: Record<string, unknown> = { ...DEFAULT_SETTINGS, accountTrust: [], ...POLICY_DEFAULTS };
  for (const key of POLICY_KEYS) {
    const prop = properties[key];
    if (prop && key in defaults) prop.default = defaults[key];
  }
  const { $schema, ...rest } = generated;
  return { $schema, $id: POLICY_SCHEMA_ID, ...rest };
}

/** The schema file's text (docs/authlens-policy.schema.json). */
export function policyJsonSchemaText(): string {
  return JSON.stringify(policyJsonSchema(), null, 2) + "\n";
}
