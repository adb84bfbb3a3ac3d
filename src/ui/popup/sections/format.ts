import { html, nothing, type TemplateResult } from "lit";
import { t } from "../../shared/i18n.js";

const GOOD = new Set(["pass", "bestguesspass"]);
const BAD = new Set(["fail", "softfail", "permerror", "hardfail", "invalidhost", "selfsigned"]);

/** A result word, with a colour class that repeats (never replaces) what the word says. */
export function resultWord(result: string | null): TemplateResult {
  if (result === null) return html`<span class="result">${t("noResult")}</span>`;
  const r = result.toLowerCase();
  const cls = GOOD.has(r) ? "good" : BAD.has(r) ? "bad" : "warn";
  return html`<span class="result ${cls}">${result}</span>`;
}

export function alignmentText(a: "strict" | "relaxed" | "none"): string {
  return t(`alignment_${a}`);
}

export function orDash(v: string | null | undefined): string {
  return v === null || v === undefined || v === "" ? "—" : v;
}

export function maybe<T>(v: T | null | undefined, render: (v: T) => TemplateResult): TemplateResult | typeof nothing {
  return v === null || v === undefined ? nothing : render(v);
}
