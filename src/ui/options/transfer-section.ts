/** Section 4: export the user's own settings to a JSON file, and import such a file. */
import { html, nothing, type TemplateResult } from "lit";
import { t } from "../shared/i18n.js";
import type { Problem } from "./data.js";
import { problemLine } from "./problems.js";

export const EXPORT_FILE_NAME = "authlens-settings.json";
/** Settings files are small; anything larger is not one. */
export const IMPORT_MAX_BYTES = 1_000_000;

export type ImportResult =
  | { state: "none" }
  | { state: "done"; fileName: string }
  | { state: "refused"; fileName: string; problems: readonly Problem[] }
  | { state: "error"; message: string };


function importResult(r: ImportResult): TemplateResult | typeof nothing {
  switch (r.state) {
    case "none":
      return nothing;
    case "done":
      return html`<p id="import-result">${t("options_importDone", r.fileName)}</p>`;
    case "refused":
      return html`<div id="import-result" class="problem">
        <p>${t("options_importRefused", r.fileName)}</p>
        <ul class="problems" id="import-problems">
          ${r.problems.map((p) => html`<li>${problemLine(p)}</li>`)}
        </ul>
      </div>`;
    case "error":
      return html`<p id="import-result" class="problem">${r.message}</p>`;
  }
}

export function transferSection(onExport: () => void, onImport: (e: Event) => void, result: ImportResult): TemplateResult {
  return html`
    <section id="transfer-section" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">${t("options_transferHeading")}</h2>
      <p>${t("options_exportExplain")}</p>
      <p><button type="button" id="export" @click=${onExport}>${t("options_export")}</button></p>
      <p>${t("options_importExplain")}</p>
      <p class="row">
        <label for="import">${t("options_importLabel")}</label>
        <input type="file" id="import" accept=".json,application/json" @change=${onImport} />
      </p>
      <div role="status" aria-live="polite">${importResult(result)}</div>
    </section>
  `;
}
