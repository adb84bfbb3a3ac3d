/**
 * How the options page marks what an administrator set: "Set by your organization; you can't
 * change it" for a locked setting, "Preset by your organization" for a preset one.
 */
import { html, nothing, type TemplateResult } from "lit";
import { t } from "../shared/i18n.js";

export interface Origin {
  preset: boolean;
  locked: boolean;
}

/** The marker's text ("" for a setting the administrator did not touch). */
export function originNote(o: Origin): string {
  return o.locked ? t("options_locked") : o.preset ? t("options_preset") : "";
}

/** The marker as shown beside a setting (nothing when there is no note). */
export function noteMarker(note: string, id: string): TemplateResult | typeof nothing {
  return note ? html`<span class="marker" id=${id}>${note}</span>` : nothing;
}
