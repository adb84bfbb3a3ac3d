import { html, nothing, type TemplateResult } from "lit";
import { t } from "../../shared/i18n.js";
import { shown } from "../../shared/shown.js";

const GOOD = new Set(["pass", "bestguesspass"]);
const BAD = new Set(["fail", "softfail", "permerror", "hardfail", "invalidhost", "selfsigned"]);

/** A result word, with a colour class that repeats (never replaces) what the word says. */
export function resultWord(result: string | null): TemplateResult {
  if (result === null) return html`<span class="result">${t("noResult")}</span>`;
  const r = result.toLowerCase();
  const cls = GOOD.has(r) ? "good" : BAD.has(r) ? "bad" : "warn";
  return html`<span class="result ${cls}">${shown(result)}</span>`;
}

export function alignmentText(a: "strict" | "relaxed" | "none"): string {
  return t(`alignment_${a}`);
}

/** The one mark for "no value", everywhere in the pane. */
export const DASH = "—";

export function orDash(v: string | null | undefined): string {
  return v === null || v === undefined || v === "" ? DASH : shown(v);
}

const BREAK_AFTER = /([.@_-])/;

/**
 * A domain, address or cipher name that may wrap only after ".", "@", "_" or "-" (never inside a
 * word): the text with a <wbr> after each of those, rendered as text by lit.
 */
export function breakable(v: string | null | undefined): TemplateResult | string {
  if (v === null || v === undefined || v === "") return html`<span class="dash">${DASH}</span>`;
  const parts = shown(v).split(BREAK_AFTER);
  return html`${parts.map((p, i) => (i % 2 === 1 ? html`${p}<wbr />` : p))}`;
}

export function maybe<T>(v: T | null | undefined, render: (v: T) => TemplateResult): TemplateResult | typeof nothing {
  return v === null || v === undefined ? nothing : render(v);
}

/** A result property as `ptype.property=value`, shown safely. */
export function propertyText(p: { ptype: string | null; property: string; value: string }): string {
  return shown(`${p.ptype ? `${p.ptype}.` : ""}${p.property}=${p.value}`);
}
