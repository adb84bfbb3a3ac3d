/**
 * The policy's JSON Schema, generated from the zod schema (docs/authlens-policy.schema.json holds a
 * copy for administrators; a unit test fails when it is out of date). Each key's `default` is what
 * applies when the policy does not set it.
 */
import { z } from "zod";
import { DEFAULT_SETTINGS } from "../settings/schema.js";
import { policySchema, POLICY_DEFAULTS, POLICY_KEYS } from "./schema.js";

export const POLICY_SCHEMA_ID = "https://authlens.org/schemas/authlens-policy.schema.json";

export function policyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(policySchema, { io: "input", target: "draft-2020-12" });
  const properties = (generated.properties ?? {}) as Record<string, Record<string, unknown>>;
  const defaults: Record<string, unknown> = { ...DEFAULT_SETTINGS, accountTrust: [], ...POLICY_DEFAULTS };
  for (const key of POLICY_KEYS) {
    const prop = properties[key];
    if (prop && key in defaults) prop.default = defaults[key];
  }
  const { $schema, ...rest } = generated;
  return { $schema, $id: POLICY_SCHEMA_ID, ...rest };
}

/** The schema file's text: what `authlens policy schema` prints and the docs hold. */
export function policyJsonSchemaText(): string {
  return JSON.stringify(policyJsonSchema(), null, 2) + "\n";
}
