/**
 * What the rules editor offers from the registry (core/registry.ts): the methods to pick, each
 * method's results, ptypes and properties. Deprecated methods and results are offered only when a
 * rule already uses them; any other method or result can still be typed ("Another method…").
 */
import { lookupMethod, METHODS, PTYPES } from "../../../core/registry.js";

/** The methods people filter on most, first; then the others by name. */
const FIRST = ["dmarc", "dkim", "spf", "tls", "arc"];

/** The methods of the pick-list (lower case keywords). */
export const OFFERED_METHODS: readonly string[] = [
  ...FIRST,
  ...METHODS.filter((m) => m.status !== "deprecated" && !FIRST.includes(m.name))
    .map((m) => m.name)
    .sort(),
];

/** Is `method` picked from the list (rather than typed)? */
export function isOfferedMethod(method: string): boolean {
  return OFFERED_METHODS.includes(method.trim().toLowerCase());
}

/** The results of a method in the registry, with any `chosen` ones it does not list; [] for a method it does not know. */
export function resultChoices(method: string, chosen: readonly string[]): string[] {
  const entry = lookupMethod(method.trim());
  if (!entry) return [];
  const listed = entry.results.filter((r) => r.status === "active" || chosen.includes(r.name)).map((r) => r.name);
  return [...listed, ...chosen.filter((c) => !listed.includes(c))];
}

/** The ptypes a property condition on `method` may name (registered, or the method's own). */
export function ptypeChoices(method: string): string[] {
  const entry = lookupMethod(method.trim());
  const own = entry ? [...new Set(entry.properties.map((p) => p.ptype)), ...entry.methodPtypes] : [];
  return [...new Set([...own, ...PTYPES.map((p) => p.name)])];
}

/** The registered properties of `method` for `ptype`. */
export function propertyChoices(method: string, ptype: string): string[] {
  const p = ptype.trim().toLowerCase();
  return (lookupMethod(method.trim())?.properties ?? []).filter((x) => x.ptype === p && x.status === "active").map((x) => x.property);
}
