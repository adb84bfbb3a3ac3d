// Writes docs/authlens-policy.schema.json from the policy's zod schema (src/core/policy/json-schema.ts).
// The add-on and the CLI never generate it: `authlens policy schema` prints this committed file, and
// a unit test fails when it is out of date.
//
//   node scripts/gen-policy-schema.mjs
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./addon-esbuild.mjs";

const dir = mkdtempSync(join(tmpdir(), "authlens-schema-"));
try {
  const outfile = join(dir, "json-schema.mjs");
  await build({
    entryPoints: [join(root, "src/core/policy/json-schema.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });
  const { policyJsonSchemaText } = await import(pathToFileURL(outfile).href);
  writeFileSync(join(root, "docs/authlens-policy.schema.json"), policyJsonSchemaText());
  console.log("wrote docs/authlens-policy.schema.json");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
