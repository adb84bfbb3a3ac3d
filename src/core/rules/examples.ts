/** The three example rules shipped with AuthLens, disabled until the user turns them on. */
import { type Rule, rulesSchema } from "./schema.js";

export const EXAMPLE_RULES: readonly Rule[] = Object.freeze(
  rulesSchema.parse([
    {
      id: "example-tls-verified",
      name: "Tag mail that arrived over verified TLS",
      enabled: false,
      match: "all",
      conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }],
      actions: [{ type: "addTag", tag: "$authlens_tls", name: "TLS verified", color: "#2e7d32" }],
      stopAfter: false,
    },
    {
      id: "example-dmarc-fail",
      name: "Move DMARC failures to a folder",
      enabled: false,
      match: "all",
      conditions: [{ type: "methodResult", method: "dmarc", results: ["fail"] }],
      actions: [{ type: "moveTo", folder: { path: "AuthLens/DMARC failures" } }],
      stopAfter: false,
    },
    {
      id: "example-arc-intact",
      name: "Tag forwarded mail with an intact ARC chain",
      enabled: false,
      match: "all",
      conditions: [{ type: "arc", status: ["pass"] }],
      actions: [{ type: "addTag", tag: "$authlens_arc", name: "Forwarded (ARC intact)", color: "#1565c0" }],
      stopAfter: false,
    },
  ]),
);
