import { css } from 'lit';

/**
 * Nothing of the page's styles reaches inside (`all: initial` on the host, shadow DOM), and nothing leaks
 * out. Pages theme the widget only through the documented `--jifen-*` properties and `::part()` names.
 */
export const styles = css`
  :host {
    all: initial;
    display: block;
    --jifen-font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif;
    --jifen-font-size: 1rem;
    --jifen-color-text: #1f2328;
    --jifen-color-muted: #59636e;
    --jifen-color-surface: #ffffff;
    --jifen-color-border: #d1d9e0;
    --jifen-color-primary: #b3261e;
    --jifen-color-on-primary: #ffffff;
    --jifen-color-success: #1a7f37;
    --jifen-color-danger: #b3261e;
    --jifen-radius: 8px;
    --jifen-spacing: 1rem;
    font-family: var(--jifen-font-family);
    font-size: var(--jifen-font-size);
    line-height: 1.5;
    color: var(--jifen-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  [part='base'] {
    background: var(--jifen-color-surface);
    border: 1px solid var(--jifen-color-border);
    border-radius: var(--jifen-radius);
    padding: var(--jifen-spacing);
  }
  h2 {
    font-size: 1.25em;
    margin: 0;
  }
  h3 {
    font-size: 1em;
    margin: 0.75em 0 0.25em;
  }
  p {
    margin: 0.5em 0;
  }
  [part='subtitle'],
  .muted,
  small {
    color: var(--jifen-color-muted);
  }
  [part='subtitle'] {
    margin-top: 0.125em;
  }
  small {
    display: block;
    font-size: 0.85em;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: calc(var(--jifen-spacing) * 0.75) var(--jifen-spacing);
    margin: calc(var(--jifen-spacing) / 2) 0;
  }
  .field,
  fieldset {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.25em;
  }
  [part='group'] {
    margin: var(--jifen-spacing) 0 0;
  }
  [part='group'] > legend {
    font-weight: 600;
  }
  .wide {
    grid-column: 1 / -1;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
  }
  .req {
    color: var(--jifen-color-danger);
    font-size: 0.85em;
  }
  input:not([type='checkbox']),
  select {
    font: inherit;
    color: inherit;
    background: var(--jifen-color-surface);
    border: 1px solid var(--jifen-color-border);
    border-radius: calc(var(--jifen-radius) / 2);
    padding: 0.375em 0.5em;
    width: 100%;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.375em;
  }
  input[type='checkbox'] {
    width: 1.1em;
    height: 1.1em;
    margin: 0;
    accent-color: var(--jifen-color-primary);
  }
  [aria-invalid='true'] input,
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--jifen-color-danger);
  }
  [part='field-error'] {
    color: var(--jifen-color-danger);
  }
  :focus-visible {
    outline: 2px solid var(--jifen-color-primary);
    outline-offset: 2px;
  }
  details {
    margin: 0.5em 0;
  }
  summary {
    cursor: pointer;
    color: var(--jifen-color-primary);
  }
  button {
    margin-top: calc(var(--jifen-spacing) / 2);
    font: inherit;
    border: 0;
    border-radius: calc(var(--jifen-radius) / 2);
    padding: 0.5em 1.5em;
    background: var(--jifen-color-primary);
    color: var(--jifen-color-on-primary);
    cursor: pointer;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  [part='form'] ~ [part='result']:not(:empty) {
    border-top: 1px solid var(--jifen-color-border);
    margin-top: var(--jifen-spacing);
    padding-top: calc(var(--jifen-spacing) / 2);
  }
  [part='verdict'] {
    font-size: 1.25em;
    font-weight: 600;
  }
  .ok {
    color: var(--jifen-color-success);
  }
  .no,
  .short {
    color: var(--jifen-color-danger);
  }
  [part='score'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  [part='score'] strong {
    font-size: 1.5em;
  }
  meter {
    flex: 1 1 8rem;
    max-width: 16rem;
    height: 0.75em;
  }
  ul {
    margin: 0;
    padding-left: 1.25em;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
  }
  th,
  td {
    text-align: left;
    padding: 0.25em 0.5em 0.25em 0;
    border-bottom: 1px solid var(--jifen-color-border);
    vertical-align: top;
    font-weight: normal;
  }
  .num {
    text-align: right;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  [part='error'] {
    border: 1px solid var(--jifen-color-danger);
    border-left-width: 4px;
    border-radius: calc(var(--jifen-radius) / 2);
    padding: 0.5em 0.75em;
    margin: var(--jifen-spacing) 0 0;
  }
  [part='error'] strong {
    color: var(--jifen-color-danger);
  }
  .detail {
    font-size: 0.9em;
    color: var(--jifen-color-muted);
    overflow-wrap: anywhere;
  }
`;
