/** The rules of the bulk-run e2e scenarios, shared by the harness (expected counts) and the driver. */
import { EXAMPLE_RULES } from "../../src/core/rules/examples.js";
import type { Rule } from "../../src/core/rules/schema.js";

export const BULK_COPY_FOLDER = "Verified copies";
export const BULK_MOVE_FOLDER = "AuthLens/DMARC failures";

export const BULK_RULES: Rule[] = [
  ...EXAMPLE_RULES.map((r) => ({ ...r, enabled: true })),
  {
    id: "e2e-copy-verified",
    name: "Copy verified mail",
    enabled: true,
    match: "all",
    conditions: [{ type: "verdict", levels: ["verified"] }],
    actions: [{ type: "copyTo", folder: { path: BULK_COPY_FOLDER } }],
    stopAfter: false,
  },
];

/** A folder of `n` messages cycling through the demo messages, each with its own Message-ID. */
export function bulkMessages(demo: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = demo[i % demo.length] ?? "";
    out.push(
      base
        .replace(/^Message-ID:.*$/im, `Message-ID: <bulk-${i}@e2e.example>`)
        .replace(/^Subject: (.*)$/im, (_m, s: string) => `Subject: ${s} #${i}`),
    );
  }
  return out;
}
