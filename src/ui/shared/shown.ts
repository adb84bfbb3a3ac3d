/**
 * Header text is untrusted. lit already renders it as text (never markup); this also makes
 * invisible bidirectional controls visible, so a value like "moc.elpmaxe" with U+202E cannot
 * pose as another name or reorder the words around it, and cuts absurdly long values for display.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const MAX = 2000;

/** Only the bidi controls made visible; the length kept (raw header view). */
export function bidiVisible(value: string): string {
  return value.replace(BIDI, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}]`);
}

export function shown(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const visible = bidiVisible(value);
  return visible.length > MAX ? `${visible.slice(0, MAX)}… (+${visible.length - MAX})` : visible;
}
