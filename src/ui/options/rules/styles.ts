import { css } from "lit";

/**
 * The rules, action log and new-mail sections render into <authlens-options>'s shadow root (light
 * DOM of their own elements), so the page adds these styles. Colours from addon/common.css.
 */
export const rulesStyles = css`
  authlens-rules-section,
  authlens-action-log,
  authlens-new-mail {
    display: block;
  }
  ol.rules {
    list-style: none;
    margin: 4px 0 8px;
    padding: 0;
  }
  li.rule {
    border: 1px solid var(--al-border);
    border-radius: 4px;
    padding: 6px 10px;
    margin: 0 0 8px;
  }
  li.rule.disabled .rule-name,
  li.rule.disabled .summary {
    color: var(--al-muted);
  }
  li.rule.has-problems {
    border: 2px solid var(--al-failed);
  }
  .rule-head {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .rule-head .marker {
    margin: 0;
  }
  /* Chips: a filled "Off" (never a dashed outline, which reads as a focus ring) and an outlined count. */
  .off,
  .count {
    border-radius: 999px;
    padding: 0 8px;
    font-size: 0.92em;
  }
  .off {
    background: color-mix(in srgb, var(--al-fg) 12%, var(--al-bg));
    color: var(--al-fg);
  }
  .count {
    border: 1px solid var(--al-border);
  }
  p.summary {
    margin: 2px 0;
  }
  .rule-buttons {
    margin-top: 4px;
  }
  .editor {
    margin-top: 8px;
    padding: 8px 0 0;
    border-top: 1px solid var(--al-border);
  }
  .editor h3 {
    margin-top: 0;
  }
  .editor h4 {
    font-size: 1em;
    margin: 14px 0 4px;
  }
  ol.items {
    list-style: none;
    margin: 4px 0 8px;
    padding: 0;
  }
  li.item {
    border: 1px solid var(--al-border);
    border-radius: 4px;
    padding: 6px 10px 8px;
    margin: 0 0 8px;
    background: color-mix(in srgb, var(--al-fg) 3%, var(--al-bg));
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    align-items: center;
    margin-bottom: 4px;
  }
  .item-title {
    font-weight: 600;
    margin-inline-end: auto;
  }
  .choices .row {
    gap: 2px 14px;
  }
  .choices[aria-invalid="true"] {
    outline: 2px solid var(--al-failed);
    outline-offset: 2px;
    border-radius: 2px;
  }
  details.advanced {
    flex-basis: 100%;
  }
  details.advanced summary {
    cursor: pointer;
    color: var(--al-muted);
    width: fit-content;
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 16px;
    align-items: flex-start;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin: 2px 0;
  }
  .field input[type="text"] {
    min-width: 12em;
  }
  .field > label,
  .field > .label {
    font-size: 0.92em;
  }
  label.check {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    margin: 2px 0;
  }
  select {
    background: var(--al-bg);
    border: 1px solid var(--al-muted);
    border-radius: 4px;
    padding: 2px 4px;
  }
  select[aria-invalid="true"] {
    border: 2px solid var(--al-failed);
  }
  input[type="color"] {
    min-width: 3em;
    min-height: 1.8em;
  }
  button.primary {
    font-weight: 600;
    border-width: 2px;
  }
  authlens-action-log {
    /* The log uses the page's width (the other sections keep a readable measure). */
    width: min(96vw, 90rem);
    margin-inline: calc((100% - min(96vw, 90rem)) / 2);
  }
  table.log {
    border-collapse: collapse;
    width: 100%;
    margin: 6px 0;
    font-size: 0.95em;
  }
  table.log caption {
    text-align: start;
    color: var(--al-muted);
    padding: 2px 0;
  }
  table.log th,
  table.log td {
    text-align: start;
    vertical-align: top;
    padding: 3px 8px 3px 0;
    border-bottom: 1px solid var(--al-border);
  }
  table.log td.time {
    white-space: nowrap;
  }
  table.log tr.outcome-failed {
    background: color-mix(in srgb, var(--al-failed) 12%, var(--al-bg));
  }
  table.log tr.outcome-failed td:first-child {
    border-inline-start: 4px solid var(--al-failed);
    padding-inline-start: 4px;
  }
  table.log tr.outcome-skipped .outcome > span:first-child {
    font-style: italic;
  }
  .detail {
    display: block;
    color: var(--al-muted);
  }
`;
