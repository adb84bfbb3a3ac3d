import { css } from "lit";

export const popupStyles = css`
  :host {
    /* One label width for every card, so their values line up. */
    --al-label-width: 11em;
    display: block;
    padding: 12px 14px 14px;
    color: var(--al-fg);
    background: var(--al-bg);
    font: inherit;
    /* Italics only where the font has them: Japanese fonts have none, and slanted kana and kanji read badly. */
    font-synthesis-style: none;
    /* Lines break between words, and in names only after ".", "@", "_" or "-" (breakable() puts
       <wbr> there); a single word longer than the line is the only thing broken inside. */
    overflow-wrap: break-word;
  }
  .verdict {
    display: grid;
    grid-template-columns: 40px 1fr;
    gap: 4px 10px;
    align-items: start;
    padding-bottom: 10px;
    border-bottom: 1px solid var(--al-border);
  }
  .verdict img {
    width: 40px;
    height: 40px;
    grid-row: span 2;
  }
  .verdict h1 {
    margin: 0;
    font-size: 1.25em;
  }
  .verdict p {
    margin: 0;
  }
  .level-verified h1 {
    color: var(--al-verified);
  }
  .level-failed h1,
  .level-error h1 {
    color: var(--al-failed);
  }
  .level-suspicious h1 {
    color: var(--al-suspicious);
  }
  .level-unconfigured h1 {
    color: var(--al-unconfigured);
  }
  .level-unverified h1 {
    color: var(--al-unverified);
  }
  .rests {
    grid-column: 2;
    margin: 4px 0 0;
    padding-left: 18px;
    color: var(--al-muted);
  }
  details {
    border-bottom: 1px solid var(--al-border);
    padding: 6px 0;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    padding: 2px 0;
  }
  summary:focus-visible,
  button:focus-visible {
    outline: 2px solid Highlight;
    outline-offset: 2px;
  }
  dl {
    display: grid;
    grid-template-columns: var(--al-label-width) 1fr;
    gap: 2px 10px;
    margin: 6px 0 2px;
  }
  dt {
    color: var(--al-muted);
  }
  dd {
    margin: 0;
    min-width: 0;
  }
  dd,
  td,
  li,
  .mono,
  .note {
    unicode-bidi: isolate;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 6px 0 2px;
    table-layout: fixed;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 2px 6px 2px 0;
  }
  th {
    color: var(--al-muted);
    font-weight: normal;
  }
  .result {
    font-weight: 600;
    white-space: nowrap;
  }
  .result.good {
    color: var(--al-verified);
  }
  .result.bad {
    color: var(--al-failed);
  }
  .result.warn {
    color: var(--al-suspicious);
  }
  .note,
  .claim {
    color: var(--al-muted);
    font-size: 0.92em;
    margin: 4px 0;
  }
  .warning {
    border: 1px solid var(--al-suspicious);
    border-radius: 4px;
    padding: 4px 8px;
    margin: 6px 0;
  }
  .greyed {
    opacity: 0.62;
  }
  ol.timeline {
    margin: 6px 0;
    padding-left: 22px;
  }
  ol.timeline li {
    margin-bottom: 6px;
  }
  pre {
    max-height: 220px;
    overflow: auto;
    white-space: pre-wrap;
    font-size: 0.88em;
    background: color-mix(in srgb, var(--al-fg) 6%, transparent);
    padding: 6px;
    margin: 6px 0;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 10px;
  }
  button {
    font: inherit;
  }
  .mono {
    font-family: monospace;
    font-size: 0.95em;
  }
  /* A missing value is the same dash as everywhere else, not a monospace one. */
  .mono:has(> .dash) {
    font-family: inherit;
  }
  .own-hop {
    margin: 4px 0 0;
  }
  .tag {
    display: inline-block;
    padding: 0 5px;
    border: 1px solid var(--al-border);
    border-radius: 3px;
    font-size: 0.85em;
    color: var(--al-muted);
  }
  .bad {
    color: var(--al-failed);
  }
  tr.why td {
    padding-bottom: 6px;
  }
  .status {
    min-height: 1.2em;
    color: var(--al-muted);
  }
`;
