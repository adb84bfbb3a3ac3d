/**
 * Helpers over parsed results, and the RFC 8601 §4.1 gate: only a result whose method and result
 * the registry knows (with a matching method version) may drive a decision. Microsoft's
 * `dmarc=bestguesspass` is recognised as well: it is the same idea as virtual DMARC, and the
 * product spec names it, although IANA never registered it.
 */
import type { MethodResult } from "./authres/types.js";
import { isKnownResult, lookupMethod, methodStatus } from "./registry.js";

export function propValue(r: MethodResult, ptype: string, property: string): string | null {
  for (const p of r.properties) {
    if (p.ptype !== null && p.ptype.toLowerCase() === ptype && p.property.toLowerCase() === property) return p.value;
  }
  return null;
}

export function isUsableResult(r: MethodResult): boolean {
  const method = r.method.toLowerCase();
  const result = r.result.toLowerCase();
  if (method === "dmarc" && result === "bestguesspass") return true;
  const status = methodStatus(method);
  if (status === "unknown" || status === "experimental") return false;
  if (!isKnownResult(method, result)) return false;
  const entry = lookupMethod(method);
  return r.methodVersion === null || entry === undefined || r.methodVersion === entry.version;
}
