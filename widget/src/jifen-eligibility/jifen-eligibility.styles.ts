import { css } from 'lit';

/**
 * Nothing of the page's styles reaches inside (`all: initial` on the host, shadow DOM), and nothing leaks
 * out. Pages theme the widget only through the documented `--jifen-*` properties and `::part()` names.
 * The host reads each `--jifen-*` token into a private `--_*` with its default, so a token set on `:root`
 * (inherited) reaches the widget as well as one set on the element.
 */
export const styles = css`
  :host {
    all: initial;
    display: block;
    --_font-family: var(--jifen-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    --_font-size: var(--jifen-font-size, 1rem);
    --_color-text: var(--jifen-color-text, #1f2328);
    --_color-muted: var(--jifen-color-muted, #59636e);
    --_color-surface: var(--jifen-color-surface, #ffffff);
    --_color-border: var(--jifen-color-border, #d1d9e0);
    --_color-primary: var(--jifen-color-primary, #b3261e);
    --_color-on-primary: var(--jifen-color-on-primary, #ffffff);
    --_color-success: var(--jifen-color-success, #1a7f37);
    --_color-danger: var(--jifen-color-danger, #b3261e);
    --_radius: var(--jifen-radius, 8px);
    --_spacing: var(--jifen-spacing, 1rem);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_color-text);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  [part='base'] {
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_spacing);
  }
  .title {
    font-size: 1.25em;
    font-weight: 600;
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
    color: var(--_color-muted);
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
    grid-template-columns: repeat(auto-fill, minmax(min(15rem, 100%), 1fr));
    gap: calc(var(--_spacing) * 0.75) var(--_spacing);
    margin: calc(var(--_spacing) / 2) 0;
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
    margin: var(--_spacing) 0 0;
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
    color: var(--_color-danger);
    font-size: 0.85em;
    /* 「（必填）」 is one word: never 「（必」 on one line and 「填）」 on the next. */
    white-space: nowrap;
  }
  input:not([type='checkbox']),
  select {
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) / 2);
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
    accent-color: var(--_color-primary);
  }
  [aria-invalid='true'] input,
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  [part='field-error'] {
    color: var(--_color-danger);
  }
  :focus-visible {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }
  details {
    margin: 0.5em 0;
  }
  summary {
    cursor: pointer;
    color: var(--_color-primary);
  }
  button {
    margin-top: calc(var(--_spacing) / 2);
    font: inherit;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5em 1.5em;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  [part='form'] ~ [part='result']:not(:empty) {
    border-top: 1px solid var(--_color-border);
    margin-top: var(--_spacing);
    padding-top: calc(var(--_spacing) / 2);
  }
  [part='verdict'] {
    font-size: 1.25em;
    font-weight: 600;
  }
  .ok {
    color: var(--_color-success);
  }
  .no,
  .short {
    color: var(--_color-danger);
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
    appearance: none;
    flex: 1 1 8rem;
    max-width: 16rem;
    height: 0.75em;
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    background: var(--_color-surface);
    overflow: hidden;
  }
  meter::-webkit-meter-bar {
    background: var(--_color-surface);
    border: 0;
    height: 100%;
  }
  meter::-webkit-meter-optimum-value,
  meter::-webkit-meter-suboptimum-value,
  meter::-webkit-meter-even-less-good-value {
    background: var(--_color-primary);
  }
  meter::-moz-meter-bar {
    background: var(--_color-primary);
  }
  /* Once the score reaches the bar, the meter says so in the success colour, not the primary one (red by default). */
  meter.reached::-webkit-meter-optimum-value,
  meter.reached::-webkit-meter-suboptimum-value,
  meter.reached::-webkit-meter-even-less-good-value {
    background: var(--_color-success);
  }
  meter.reached::-moz-meter-bar {
    background: var(--_color-success);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0 var(--_spacing);
  }
  .actions [part='error'] {
    flex: 1 1 14rem;
    margin-top: calc(var(--_spacing) / 2);
  }
  button.secondary {
    background: transparent;
    color: var(--_color-primary);
    border: 1px solid var(--_color-primary);
    padding: 0.25em 1em;
  }
  [part='result']:focus {
    outline: none;
  }
  [part='result']:focus-visible {
    outline: 2px solid var(--_color-primary);
  }
  .tag {
    display: inline-block;
    font-size: 0.8em;
    padding: 0 0.5em;
    border-radius: 999px;
    border: 1px solid var(--_color-border);
    color: var(--_color-muted);
  }
  .when {
    margin: 0.25em 0 0.5em;
  }
  li {
    margin: 0.25em 0;
  }
  .scroll {
    overflow-x: auto;
  }
  td,
  th,
  li,
  p {
    overflow-wrap: anywhere;
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
    border-bottom: 1px solid var(--_color-border);
    vertical-align: top;
    font-weight: normal;
  }
  .num {
    text-align: right;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  [part='error'] {
    border: 1px solid var(--_color-danger);
    border-left-width: 4px;
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5em 0.75em;
    margin: var(--_spacing) 0 0;
  }
  [part='error'] p {
    margin: 0.25em 0;
  }
  [part='error'] strong {
    color: var(--_color-danger);
  }
  .detail {
    font-size: 0.9em;
    color: var(--_color-muted);
    overflow-wrap: anywhere;
  }
`;
