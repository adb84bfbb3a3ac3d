/** Section 3: when the inline banner shows, and the toolbar badge. */
import { noteMarker } from "./origin-note.js";
import { html, nothing, type TemplateResult } from "lit";
import type { BannerMode } from "../../core/settings/schema.js";
import { t } from "../shared/i18n.js";

/** In schema order; kept here so the page does not bundle the schema (zod). */
const MODES = [
  ["off", "options_bannerOff"],
  ["failures", "options_bannerFailures"],
  ["always", "options_bannerAlways"],
] as const satisfies readonly (readonly [BannerMode, string])[];

export interface DisplayField<T> {
  value: T;
  /** The marker text ("Preset by your organization"), or "". */
  note: string;
  locked: boolean;
  problems: readonly string[];
  onChange: (value: T) => void;
}

function problemsList(id: string, problems: readonly string[]): TemplateResult | typeof nothing {
  return problems.length === 0 ? nothing : html`<ul class="problems problem" id=${id}>${problems.map((p) => html`<li>${p}</li>`)}</ul>`;
}


export function displaySection(banner: DisplayField<BannerMode>, badge: DisplayField<boolean>): TemplateResult {
  return html`
    <section id="display-section" aria-labelledby="display-heading">
      <h2 id="display-heading">${t("options_displayHeading")}</h2>
      <fieldset id="banner-mode" ?disabled=${banner.locked}>
        <legend>${t("options_bannerLegend")}</legend>
        ${noteMarker(banner.note, "banner-mode-marker")}
        ${MODES.map(
          ([mode, key]) => html`<label class="choice">
            <input
              type="radio"
              name="banner-mode"
              id=${`banner-mode-${mode}`}
              value=${mode}
              .checked=${banner.value === mode}
              @change=${() => banner.onChange(mode)}
            />
            ${t(key)}
          </label>`,
        )}
        ${problemsList("banner-mode-problems", banner.problems)}
      </fieldset>
      <fieldset ?disabled=${badge.locked}>
        <legend>${t("options_badgeLegend")}</legend>
        ${noteMarker(badge.note, "show-badge-marker")}
        <label class="choice">
          <input
            type="checkbox"
            id="show-badge"
            .checked=${badge.value}
            @change=${(e: Event) => badge.onChange((e.target as HTMLInputElement).checked)}
          />
          ${t("options_showBadge")}
        </label>
        ${problemsList("show-badge-problems", badge.problems)}
      </fieldset>
    </section>
  `;
}
