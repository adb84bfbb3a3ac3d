/**
 * The parsed form of one Authentication-Results (RFC 8601) or ARC-Authentication-Results
 * (RFC 8617) header value. This shape is a public contract: `authlens parse --json` prints it
 * and tools outside the project read it. Change it only by adding fields.
 */

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** Offset in UTF-16 code units into the header value where the problem was found. */
  offset: number;
}

export interface ResultProperty {
  /** `smtp`, `header`, `body`, `policy`, `dns`, `cert`, ...; null for a bare `key=value`. */
  ptype: string | null;
  property: string;
  value: string;
}

export interface MethodResult {
  method: string;
  methodVersion: number | null;
  result: string;
  reason: string | null;
  properties: ResultProperty[];
  comments: string[];
}

export interface ParsedAuthResults {
  authservId: string | null;
  version: number | null;
  instance: number | null;
  none: boolean;
  results: MethodResult[];
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Strict: every deviation from the RFC 8601 ABNF is an error. Default: tolerant. */
  strict?: boolean;
  /** The value is an ARC-Authentication-Results value, starting with `i=N;`. */
  arc?: boolean;
}
