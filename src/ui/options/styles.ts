import { css } from "lit";

/** Shared by the page and its lists. Colours come from addon/common.css (light and dark). */
export const optionsStyles = css`
  :host {
    display: block;
    color: var(--al-fg);
    background: var(--al-bg);
    font: inherit;
    overflow-wrap: anywhere;
    /* Italics only where the font has them: Japanese fonts have none, and slanted kana and kanji read badly. */
    font-synthesis-style: none;
  }
  /* Column headings are AuthLens's own short words: never broken inside a word. */
  th {
    overflow-wrap: normal;
  }
  h1 {
    font-size: 1.5em;
    margin: 0 0 12px;
  }
  h2 {
    font-size: 1.2em;
    margin: 0 0 6px;
  }
  h3 {
    font-size: 1.05em;
    margin: 16px 0 4px;
  }
  p {
    margin: 4px 0 8px;
  }
  section {
    border: 1px solid var(--al-border);
    border-radius: 6px;
    padding: 12px 16px;
    margin: 0 0 16px;
  }
  fieldset {
    border: 1px solid var(--al-border);
    border-radius: 4px;
    margin: 8px 0;
    padding: 8px 12px 10px;
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  .note,
  .hint {
    color: var(--al-muted);
  }
  .hint {
    font-size: 0.92em;
  }
  .marker {
    display: inline-block;
    margin: 2px 0 6px;
    padding: 0 6px;
    border: 1px solid var(--al-muted);
    border-radius: 3px;
    color: var(--al-muted);
    font-size: 0.92em;
  }
  .problem {
    color: var(--al-failed);
    font-weight: 600;
  }
  ul.problems {
    margin: 4px 0;
    padding-left: 20px;
  }
  button,
  input,
  select {
    font: inherit;
    color: var(--al-fg);
  }
  button {
    background: var(--al-bg);
    border: 1px solid var(--al-muted);
    border-radius: 4px;
    padding: 3px 10px;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: color-mix(in srgb, var(--al-fg) 8%, var(--al-bg));
  }
  input[type="text"],
  input[type="url"],
  input[type="number"] {
    background: var(--al-bg);
    border: 1px solid var(--al-muted);
    border-radius: 4px;
    padding: 3px 6px;
    min-width: 18em;
  }
  input[type="url"] {
    box-sizing: border-box;
    width: 100%;
    max-width: 40em;
  }
  input[type="number"].narrow {
    min-width: 0;
    width: 6em;
  }
  input[aria-invalid="true"] {
    border: 2px solid var(--al-failed);
  }
  :disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--al-fg);
    outline-offset: 2px;
  }
  ul.entries {
    list-style: none;
    margin: 4px 0 8px;
    padding: 0;
  }
  ul.entries li {
    display: flex;
    gap: 8px;
    align-items: center;
    padding: 2px 0;
  }
  .entry {
    font-family: monospace;
  }
  .from-policy {
    color: var(--al-muted);
    font-size: 0.92em;
    font-style: italic;
  }
  label.choice {
    display: block;
    margin: 4px 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
`;
