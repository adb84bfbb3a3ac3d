/**
 * Presentation helpers for a parsed Authentication-Results value: the contract-ordered JSON
 * object (`authlens parse --json`) and a readable table (`authlens parse`).
 *
 * Header text is untrusted: the table escapes control characters and bidirectional overrides
 * so that a crafted header cannot rewrite the terminal or reorder what the admin reads.
 */
import { methodStatus } from "../registry.js";
import type { ParsedAuthResults } from "./types.js";

/**
 * A copy of `parsed` with exactly the contract's keys in the contract's order, so that JSON
 * output is stable whatever produced the object.
 */
export function toContractObject(parsed: ParsedAuthResults): ParsedAuthResults {
  return {
    authservId: parsed.authservId,
    version: parsed.version,
    instance: parsed.instance,
    none: parsed.none,
    results: parsed.results.map((r) => ({
      method: r.method,
      methodVersion: r.methodVersion,
      result: r.result,
      reason: r.reason,
      properties: r.properties.map((p) => ({ ptype: p.ptype, property: p.property, value: p.value })),
      comments: [...r.comments],
    })),
    diagnostics: parsed.diagnostics.map((d) => ({ severity: d.severity, message: d.message, offset: d.offset })),
  };
}

/** Makes untrusted text safe for a terminal: C0/C1 controls, DEL and bidi controls become escapes. */
export function sanitizeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** The readable table printed by `authlens parse` without --json. */
export function formatParsedTable(parsed: ParsedAuthResults): string {
  const out: string[] = [];
  const head: string[] = [`authserv-id: ${parsed.authservId === null ? "(none)" : sanitizeForTerminal(parsed.authservId)}`];
  if (parsed.version !== null) head.push(`version: ${parsed.version}`);
  if (parsed.instance !== null) head.push(`ARC instance: ${parsed.instance}`);
  out.push(head.join("   "));
  if (parsed.none) out.push("no authentication done ('none')");

  if (parsed.results.length > 0) {
    const rows: string[][] = [["#", "METHOD", "RESULT", "STATUS", "DETAILS"]];
    parsed.results.forEach((r, i) => {
      const method = sanitizeForTerminal(r.methodVersion === null ? r.method : `${r.method}/${r.methodVersion}`);
      const details: string[] = [];
      if (r.reason !== null) details.push(`reason=${quoteIfNeeded(r.reason)}`);
      for (const p of r.properties) {
        const key = p.ptype === null ? p.property : `${p.ptype}.${p.property}`;
        details.push(`${sanitizeForTerminal(key)}=${quoteIfNeeded(p.value)}`);
      }
      for (const c of r.comments) details.push(`(${sanitizeForTerminal(c)})`);
      const first = details.shift() ?? "";
      rows.push([String(i + 1), method, sanitizeForTerminal(r.result), methodStatus(r.method), first]);
      for (const d of details) rows.push(["", "", "", "", d]);
    });
    out.push("", ...alignColumns(rows));
  } else if (!parsed.none) {
    out.push("no results");
  }

  if (parsed.diagnostics.length > 0) {
    out.push("", "diagnostics:");
    for (const d of parsed.diagnostics) {
      out.push(`  ${d.severity.padEnd(7)} at ${String(d.offset).padStart(4)}: ${sanitizeForTerminal(d.message)}`);
    }
  }
  return out.join("\n") + "\n";
}

function quoteIfNeeded(value: string): string {
  const safe = sanitizeForTerminal(value);
  return value === "" || /[\s"()]/.test(value) ? `"${safe.replace(/["\\]/g, "\\$&")}"` : safe;
}

function alignColumns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}
