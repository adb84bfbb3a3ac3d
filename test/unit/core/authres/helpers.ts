/** Shared helpers for the Authentication-Results parser tests. */
import { readFileSync } from "node:fs";
import { parseAuthResults } from "../../../../src/core/authres/parse.js";
import type { ParseOptions, ParsedAuthResults } from "../../../../src/core/authres/types.js";

/**
 * The shared parser corpora (other projects' test data, kept outside this repository for their
 * licences): ../shared/corpus beside the checkout, as on developers' machines and in CI, or
 * $AUTHLENS_CORPUS.
 */
export const FIXTURES = process.env.AUTHLENS_CORPUS
  ? new URL(`file://${process.env.AUTHLENS_CORPUS.replace(/\/?$/, "/")}`)
  : new URL("../../../../../shared/corpus/", import.meta.url);

export function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), "utf8");
}

/** A compact view of a parse for assertions: "method=result" strings. */
export function summary(p: ParsedAuthResults): string[] {
  return p.results.map((r) => `${r.method}${r.methodVersion === null ? "" : `/${r.methodVersion}`}=${r.result}`);
}

export function errors(p: ParsedAuthResults): string[] {
  return p.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
}

export function warnings(p: ParsedAuthResults): string[] {
  return p.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
}

/** Property value lookup: prop(p, 0, "smtp.mailfrom"), prop(p, 0, "action") for a bare key. */
export function prop(p: ParsedAuthResults, index: number, key: string): string | undefined {
  const r = p.results[index];
  if (!r) return undefined;
  const dot = key.indexOf(".");
  const ptype = dot < 0 ? null : key.slice(0, dot);
  const property = dot < 0 ? key : key.slice(dot + 1);
  return r.properties.find((x) => x.ptype === ptype && x.property === property)?.value;
}

/** Parses and checks the invariants every parse must keep. */
export function parseChecked(value: string, options?: ParseOptions): ParsedAuthResults {
  const p = parseAuthResults(value, options);
  for (const d of p.diagnostics) {
    if (!(Number.isInteger(d.offset) && d.offset >= 0 && d.offset <= value.length)) {
      throw new Error(`diagnostic offset ${d.offset} outside [0, ${value.length}]: ${d.message}`);
    }
  }
  return p;
}
